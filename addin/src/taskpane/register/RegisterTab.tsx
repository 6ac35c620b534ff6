import { useCallback, useState } from 'react';
import {
  Badge,
  Button,
  Caption1,
  Field,
  Input,
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
import type { KlachtenApi } from '../../api/klachtenApi';
import type { RegisterSearch } from '../../api/deskApi';
import { ProblemBar } from '../ProblemBar';
import { amsterdamDate, daysBetween, daysLeftText, deadlineTone, formatDate } from '../model/dates';
import { STATUS_LABELS } from './registerRow';
import { UnreviewedList } from './UnreviewedList';
import { useRegister, type RegisterFilter } from './useRegister';

export type { RegisterFilter } from './useRegister';

export interface RegisterTabProps {
  api: KlachtenApi;
  onOpenComplaint: (summary: Pick<ComplaintSummary, 'id' | 'number' | 'status'>) => void;
  /** The director starts at all open complaints, the most urgent first; a handler at their own. */
  director?: boolean;
  today?: string;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  search: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minWidth: 0 },
  searchField: { flexGrow: 1, minWidth: 0 },
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
    minWidth: 0,
  },
  line: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  wrap: { wordBreak: 'break-word' },
});

const toneColor = { overdue: 'danger', near: 'warning', later: 'informative' } as const;

/** The register: a search over number, name, address and subject, and the open complaints, most urgent first. */
export default function RegisterTab({ api, onOpenComplaint, director = false, today }: RegisterTabProps) {
  const styles = useStyles();
  const [filter, setFilter] = useState<RegisterFilter>(director ? 'all' : 'mine');
  const [typed, setTyped] = useState('');
  const [query, setQuery] = useState('');
  const search = useCallback((s: RegisterSearch) => api.searchComplaints(s), [api]);
  const { state, load } = useRegister(search, filter, query);
  const day = today ?? amsterdamDate(new Date());
  const searching = query.trim() !== '';

  return (
    <section className={styles.root} aria-label="Register">
      <UnreviewedList api={api} />
      <form
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setQuery(typed);
        }}
      >
        <Field label="Zoek in het register" hint="Nummer, naam, e-mailadres of onderwerp">
          {/* The Input takes the field's label and hint from the Field; the button sits beside it. */}
          <div className={styles.search}>
            <Input
              className={styles.searchField}
              type="search"
              value={typed}
              onChange={(_, d) => {
                setTyped(d.value);
                if (d.value.trim() === '') setQuery('');
              }}
            />
            <Button type="submit" appearance="primary">
              Zoeken
            </Button>
          </div>
        </Field>
      </form>
      {!searching && (
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
      )}
      {!searching && filter !== 'mine' && <Caption1>Meest urgent eerst.</Caption1>}
      {state.kind === 'loading' && <Spinner size="small" label={searching ? 'Zoeken…' : 'Register laden…'} />}
      {state.kind === 'failed' && <ProblemBar problem={state.problem} onRetry={() => void load()} />}
      {state.kind === 'unavailable' && (
        <MessageBar intent="info">
          <MessageBarBody>
            Het overzicht van het register is nog niet beschikbaar. Probeer het later opnieuw.
          </MessageBarBody>
        </MessageBar>
      )}
      {state.kind === 'loaded' && state.rows.length === 0 && (
        <Caption1 role="status">
          {searching
            ? 'Geen klachten gevonden.'
            : filter === 'overdue'
              ? 'Geen klachten over de termijn.'
              : 'Geen open klachten.'}
        </Caption1>
      )}
      {state.kind === 'loaded' && state.rows.length > 0 && (
        <ul className={styles.list} aria-label={searching ? 'Gevonden klachten' : 'Open klachten'}>
          {state.rows.map((row) => {
            const days = row.next && row.status === 'open' ? daysBetween(day, row.next.date) : undefined;
            return (
              <li key={row.id}>
                <Button
                  appearance="subtle"
                  className={styles.item}
                  onClick={() => onOpenComplaint({ id: row.id, number: row.number, status: row.status })}
                >
                  <span className={styles.line}>
                    <Text weight="semibold">{row.number}</Text>
                    {row.complainant && <Text className={styles.wrap}>{row.complainant}</Text>}
                    {days !== undefined && (
                      <Badge appearance="tint" color={toneColor[deadlineTone(days)]}>
                        {daysLeftText(days)}
                      </Badge>
                    )}
                    <Badge appearance="outline" color={row.status === 'open' ? 'brand' : 'subtle'}>
                      {STATUS_LABELS[row.status] ?? row.status}
                    </Badge>
                  </span>
                  {row.subject && <Caption1 className={styles.wrap}>{row.subject}</Caption1>}
                  {row.handler && <Caption1 className={styles.wrap}>Behandelaar: {row.handler}</Caption1>}
                  {row.next && (
                    <Caption1>
                      {row.next.label}: {formatDate(row.next.date)}
                    </Caption1>
                  )}
                </Button>
              </li>
            );
          })}
        </ul>
      )}
      {state.kind === 'loaded' && state.continuationToken && (
        <Button disabled={state.more} onClick={() => void load(state.rows, state.continuationToken)}>
          Meer laden
        </Button>
      )}
    </section>
  );
}
