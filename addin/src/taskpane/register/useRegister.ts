import { useCallback, useEffect, useState } from 'react';
import type { ComplaintSummary } from '../../../../domain/src/api/complaintView';
import type { RegisterSearch } from '../../api/deskApi';
import { ApiProblem, toApiProblem } from '../../api/problem';
import { byUrgency, rowOf, type RegisterRow } from './registerRow';

export type RegisterFilter = 'mine' | 'all' | 'overdue';

export type RegisterState =
  | { kind: 'loading' }
  | { kind: 'loaded'; rows: RegisterRow[]; continuationToken?: string | undefined; more: boolean }
  | { kind: 'unavailable' }
  | { kind: 'failed'; problem: ApiProblem };

const filters: Record<RegisterFilter, RegisterSearch> = {
  mine: { status: 'open', handler: 'me', sort: 'urgency' },
  all: { status: 'open', sort: 'urgency' },
  overdue: { status: 'open', overdue: true, sort: 'urgency' },
};

export type SearchComplaints = (
  search: RegisterSearch,
) => Promise<{ items: ComplaintSummary[]; continuationToken?: string }>;

/**
 * The register's rows: a filter ordered by urgency (the server's order across the register; the pane keeps
 * it when more pages load), or the answer to a search over the whole register, in the server's order.
 */
export function useRegister(search: SearchComplaints, filter: RegisterFilter, query: string) {
  const [state, setState] = useState<RegisterState>({ kind: 'loading' });
  const q = query.trim();

  const load = useCallback(
    async (previous: RegisterRow[] = [], continuationToken?: string) => {
      if (previous.length === 0) setState({ kind: 'loading' });
      else setState({ kind: 'loaded', rows: previous, continuationToken, more: true });
      try {
        const page = await search({
          ...(q ? { q } : filters[filter]),
          ...(continuationToken ? { continuationToken } : {}),
        });
        const rows = [...previous, ...page.items.map(rowOf)];
        setState({
          kind: 'loaded',
          rows: q ? rows : rows.sort(byUrgency),
          continuationToken: page.continuationToken,
          more: false,
        });
      } catch (error) {
        if (error instanceof ApiProblem && error.status === 404) return setState({ kind: 'unavailable' });
        setState({
          kind: 'failed',
          problem: toApiProblem(error, 'Het register kon niet worden geladen.'),
        });
      }
    },
    [search, filter, q],
  );

  useEffect(() => {
    void load();
  }, [load]);

  return { state, load };
}
