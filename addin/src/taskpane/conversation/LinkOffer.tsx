import { useId, useRef, useState, type ReactNode } from 'react';
import {
  Badge,
  Button,
  Caption1,
  Card,
  CardHeader,
  makeStyles,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { LinkCandidate } from '../../api/conversationApi';
import { ApiProblem, toApiProblem } from '../../api/problem';
import { ProblemBar } from '../ProblemBar';

export interface LinkOfferProps {
  /** The complaints the e-mail probably belongs to, best first (from the first look-up). */
  candidates: readonly LinkCandidate[];
  /** Links the open e-mail to the complaint; the pane then shows that complaint. */
  link: (complaintId: string) => Promise<void>;
  /** The registration form, shown when there is no candidate or the handler chooses "nieuwe klacht". */
  children: ReactNode;
}

const reasonText: Record<LinkCandidate['reason'], string> = {
  conversation: 'hoort bij hetzelfde e-mailgesprek',
  reply: 'is een antwoord op een bericht van deze klacht',
  subjectTag: 'het klachtnummer staat in het onderwerp',
  sameSender: 'open klacht van dezelfde afzender',
};

const statusText: Record<string, string> = {
  open: 'in behandeling',
  closed: 'afgesloten',
};

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  item: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, wordBreak: 'break-word' },
  wide: { width: '100%' },
});

/**
 * The open e-mail is not registered but probably belongs to a complaint: "Koppel aan klacht K-…" comes first,
 * "Registreer als nieuwe klacht" next to it opens the registration form.
 */
export function LinkOffer({ candidates, link, children }: LinkOfferProps) {
  const styles = useStyles();
  const headingId = useId();
  const [registering, setRegistering] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const inFlight = useRef(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);

  if (candidates.length === 0 || registering) return <>{children}</>;

  async function onLink(id: string): Promise<void> {
    // Two clicks in the same frame must not send two links.
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(id);
    setProblem(null);
    try {
      await link(id);
    } catch (error) {
      setProblem(toApiProblem(error, 'Koppelen is niet gelukt. Probeer het opnieuw.'));
    } finally {
      inFlight.current = false;
      setBusy(null);
    }
  }

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Card>
        <CardHeader
          header={
            <Text as="h2" id={headingId} weight="semibold">
              Hoort deze e-mail bij een klacht?
            </Text>
          }
          description={<Caption1>Deze e-mail is nog niet geregistreerd.</Caption1>}
        />
        <ul className={styles.list} aria-label="Mogelijke klachten">
          {candidates.map((c, i) => (
            <li key={c.id} className={styles.item}>
              <Button
                appearance={i === 0 ? 'primary' : 'secondary'}
                className={styles.wide}
                disabled={busy !== null}
                aria-busy={busy === c.id}
                icon={busy === c.id ? <Spinner size="tiny" /> : undefined}
                onClick={() => void onLink(c.id)}
              >
                Koppel aan klacht {c.number}
              </Button>
              {c.subject && <Caption1>{c.subject}</Caption1>}
              <span>
                <Badge appearance="tint" color={c.status === 'open' ? 'brand' : 'subtle'}>
                  {statusText[c.status] ?? c.status}
                </Badge>{' '}
                <Caption1>{reasonText[c.reason]}</Caption1>
              </span>
            </li>
          ))}
        </ul>
      </Card>
      {problem && <ProblemBar problem={problem} />}
      <Button className={styles.wide} disabled={busy !== null} onClick={() => setRegistering(true)}>
        Registreer als nieuwe klacht
      </Button>
    </section>
  );
}
