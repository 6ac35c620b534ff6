import { useCallback, useEffect, useId, useState } from 'react';
import {
  Button,
  Caption1,
  Field,
  makeStyles,
  Select,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { DismissReason, UnreviewedMail } from '../../api/conversationApi';
import type { KlachtenApi } from '../../api/klachtenApi';
import { ApiProblem, toApiProblem } from '../../api/problem';
import { ProblemBar } from '../ProblemBar';
import { formatDateTime } from '../model/dates';

export interface UnreviewedListProps {
  api: Pick<KlachtenApi, 'unreviewed' | 'dismissUnreviewed'>;
}

export const dismissReasons: readonly DismissReason[] = ['geen klacht', 'spam', 'dubbel', 'anders'];

type State =
  | { kind: 'loading' }
  | { kind: 'loaded'; items: UnreviewedMail[] }
  | { kind: 'unavailable' }
  | { kind: 'failed'; problem: ApiProblem };

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  item: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, wordBreak: 'break-word' },
  dismiss: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalS },
});

const asProblem = (error: unknown): ApiProblem =>
  toApiProblem(error, 'De e-mails die nog niet zijn beoordeeld konden niet worden geladen.');

function UnreviewedItem({
  mail,
  dismiss,
}: {
  mail: UnreviewedMail;
  dismiss: (reason: DismissReason) => Promise<void>;
}) {
  const styles = useStyles();
  const [reason, setReason] = useState<DismissReason>('geen klacht');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const subject = mail.subject || '(geen onderwerp)';
  return (
    <li className={styles.item} aria-label={subject}>
      <Text weight="semibold">{subject}</Text>
      <Caption1>
        Van {mail.from.name || mail.from.address} &lt;{mail.from.address}&gt;
      </Caption1>
      <Caption1>Ontvangen {formatDateTime(mail.receivedAt)}</Caption1>
      <div className={styles.dismiss}>
        <Field label="Reden" size="small">
          <Select
            size="small"
            value={reason}
            disabled={busy}
            onChange={(_, d) => setReason(d.value as DismissReason)}
          >
            {dismissReasons.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </Select>
        </Field>
        <Button
          size="small"
          disabled={busy}
          aria-label={`Afwijzen: ${subject}`}
          onClick={() => {
            setBusy(true);
            setProblem(null);
            dismiss(reason).catch((error: unknown) => {
              setProblem(asProblem(error));
              setBusy(false);
            });
          }}
        >
          Afwijzen
        </Button>
      </div>
      {problem && <ProblemBar problem={problem} />}
    </li>
  );
}

/**
 * "Nog niet beoordeeld": e-mails in the complaints mailbox that match no complaint and nobody registered,
 * linked or dismissed. Dismissing one asks for a reason; it then leaves the list (and the register's audit
 * trail records it). Registering or linking happens by opening the e-mail in Outlook.
 */
export function UnreviewedList({ api }: UnreviewedListProps) {
  const styles = useStyles();
  const headingId = useId();
  const [state, setState] = useState<State>({ kind: 'loading' });

  const load = useCallback(async () => {
    setState({ kind: 'loading' });
    try {
      setState({ kind: 'loaded', items: await api.unreviewed() });
    } catch (error) {
      if (error instanceof ApiProblem && error.status === 404) return setState({ kind: 'unavailable' });
      setState({ kind: 'failed', problem: asProblem(error) });
    }
  }, [api]);

  useEffect(() => {
    void load();
  }, [load]);

  // Nothing to show where the mailbox capture is not deployed.
  if (state.kind === 'unavailable') return null;

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Text as="h3" id={headingId} weight="semibold" size={300}>
        Nog niet beoordeeld
      </Text>
      {state.kind === 'loading' && <Spinner size="tiny" label="Laden…" />}
      {state.kind === 'failed' && <ProblemBar problem={state.problem} onRetry={() => void load()} />}
      {state.kind === 'loaded' && state.items.length === 0 && (
        <Caption1>Alle e-mails in de klachtenmailbox zijn beoordeeld.</Caption1>
      )}
      {state.kind === 'loaded' && state.items.length > 0 && (
        <>
          <Caption1>
            Deze e-mails horen bij geen klacht. Open een e-mail in Outlook om hem te registreren of te
            koppelen, of wijs hem hier af.
          </Caption1>
          <ul className={styles.list} aria-labelledby={headingId}>
            {state.items.map((mail) => (
              <UnreviewedItem
                key={mail.id}
                mail={mail}
                dismiss={async (reason) => {
                  await api.dismissUnreviewed(mail.id, reason);
                  setState((s) =>
                    s.kind === 'loaded'
                      ? { kind: 'loaded', items: s.items.filter((m) => m.id !== mail.id) }
                      : s,
                  );
                }}
              />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
