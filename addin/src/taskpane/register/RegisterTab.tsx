import { useCallback, useEffect, useState } from 'react';
import {
  Badge,
  Button,
  Caption1,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { ComplaintSummary } from '../../../../domain/src/api/complaintView';
import type { ComplaintQuery, KlachtenApi } from '../../api/klachtenApi';
import { ApiProblem } from '../../api/problem';
import { ProblemBar } from '../ProblemBar';
import { amsterdamDate, daysBetween, daysLeftText, deadlineTone, formatDate } from '../model/dates';
import { nextDeadline } from '../complaint/Deadlines';
import { UnreviewedList } from './UnreviewedList';

export type RegisterFilter = 'mine' | 'all' | 'overdue';

export interface RegisterTabProps {
  api: KlachtenApi;
  onOpenComplaint: (summary: ComplaintSummary) => void;
  today?: string;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  item: {
    width: '100%',
    justifyContent: 'flex-start',
    textAlign: 'left',
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
  },
  line: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  subject: { wordBreak: 'break-word' },
});

const queries: Record<RegisterFilter, ComplaintQuery> = {
  mine: { status: 'open', handler: 'me' },
  all: { status: 'open' },
  overdue: { status: 'open', overdue: true },
};

const toneColor = { overdue: 'danger', near: 'warning', later: 'informative' } as const;

/** Sorts open complaints by their next deadline, those without one last. */
export function byNextDeadline(a: ComplaintSummary, b: ComplaintSummary): number {
  const da = nextDeadline(a.view) ?? '9999-12-31';
  const db = nextDeadline(b.view) ?? '9999-12-31';
  return da < db ? -1 : da > db ? 1 : a.number.localeCompare(b.number);
}

type State =
  | { kind: 'loading' }
  | { kind: 'loaded'; items: ComplaintSummary[]; continuationToken?: string | undefined; more: boolean }
  | { kind: 'unavailable' }
  | { kind: 'failed'; problem: ApiProblem };

/** The register: open complaints, the most urgent first, with mine / all / overdue filters. */
export default function RegisterTab({ api, onOpenComplaint, today }: RegisterTabProps) {
  const styles = useStyles();
  const [filter, setFilter] = useState<RegisterFilter>('mine');
  const [state, setState] = useState<State>({ kind: 'loading' });
  const day = today ?? amsterdamDate(new Date());

  const load = useCallback(
    async (previous: ComplaintSummary[] = [], continuationToken?: string) => {
      if (previous.length === 0) setState({ kind: 'loading' });
      else setState({ kind: 'loaded', items: previous, continuationToken, more: true });
      try {
        const page = await api.listComplaints({
          ...queries[filter],
          ...(continuationToken ? { continuationToken } : {}),
        });
        setState({
          kind: 'loaded',
          items: [...previous, ...page.items].sort(byNextDeadline),
          continuationToken: page.continuationToken,
          more: false,
        });
      } catch (error) {
        if (error instanceof ApiProblem && error.status === 404) return setState({ kind: 'unavailable' });
        setState({
          kind: 'failed',
          problem:
            error instanceof ApiProblem
              ? error
              : new ApiProblem(0, 'about:blank', 'Het register kon niet worden geladen.'),
        });
      }
    },
    [api, filter],
  );

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section className={styles.root} aria-label="Register">
      <UnreviewedList api={api} />
      <Field label="Toon">
        <RadioGroup
          layout="horizontal"
          value={filter}
          onChange={(_, d) => setFilter(d.value as RegisterFilter)}
        >
          <Radio value="mine" label="Mijn klachten" />
          <Radio value="all" label="Alle open" />
          <Radio value="overdue" label="Te laat" />
        </RadioGroup>
      </Field>
      {state.kind === 'loading' && <Spinner size="small" label="Register laden…" />}
      {state.kind === 'failed' && <ProblemBar problem={state.problem} onRetry={() => void load()} />}
      {state.kind === 'unavailable' && (
        <MessageBar intent="info">
          <MessageBarBody>
            Het overzicht van het register is nog niet beschikbaar. Probeer het later opnieuw.
          </MessageBarBody>
        </MessageBar>
      )}
      {state.kind === 'loaded' && state.items.length === 0 && (
        <Caption1>{filter === 'overdue' ? 'Geen klachten over de termijn.' : 'Geen open klachten.'}</Caption1>
      )}
      {state.kind === 'loaded' && state.items.length > 0 && (
        <ul className={styles.list} aria-label="Open klachten">
          {state.items.map((item) => {
            const next = nextDeadline(item.view);
            const days = next ? daysBetween(day, next) : undefined;
            return (
              <li key={item.id}>
                <Button appearance="subtle" className={styles.item} onClick={() => onOpenComplaint(item)}>
                  <span className={styles.line}>
                    <Text weight="semibold">{item.number}</Text>
                    {days !== undefined && (
                      <Badge appearance="tint" color={toneColor[deadlineTone(days)]}>
                        {daysLeftText(days)}
                      </Badge>
                    )}
                  </span>
                  {item.view && <Caption1 className={styles.subject}>{item.view.subject}</Caption1>}
                  {next && <Caption1>Eerstvolgende termijn: {formatDate(next)}</Caption1>}
                </Button>
              </li>
            );
          })}
        </ul>
      )}
      {state.kind === 'loaded' && state.continuationToken && (
        <Button disabled={state.more} onClick={() => void load(state.items, state.continuationToken)}>
          Meer laden
        </Button>
      )}
    </section>
  );
}
