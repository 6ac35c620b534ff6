import { useState } from 'react';
import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { SampleEmail } from '../samples/samples';

export interface ComplainantActionsProps {
  /** The e-mail open in the reading pane; the complainant answers it. */
  selected: SampleEmail | null;
  /** A message that arrived in the complaints mailbox, to list in the simulator's inbox. */
  onArrived: (mail: SampleEmail) => void;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

interface Written {
  subject: string;
  bodyText: string;
  inReplyTo?: string;
  conversationId?: string;
}

/**
 * Dev only: the complainant writes to the complaints mailbox through the Graph sandbox
 * (`POST /dev/mailbox/incoming`), as Graph would deliver it and notify the app. "De klager antwoordt" replies
 * in the open e-mail's conversation, so the server captures it on the complaint's timeline; "De klager
 * schrijft opnieuw" starts a new conversation the server cannot match, so the pane offers to link it.
 */
export function ComplainantActions({ selected, onArrived }: ComplainantActionsProps) {
  const styles = useStyles();
  const [status, setStatus] = useState('');

  async function write(mail: SampleEmail, written: Written, what: string): Promise<void> {
    setStatus('Versturen…');
    try {
      const response = await fetch('/dev/mailbox/incoming', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ from: mail.from, ...written }),
      });
      if (!response.ok) throw new Error(String(response.status));
      const arrived = (await response.json()) as {
        id: string;
        internetMessageId: string;
        conversationId: string;
      };
      onArrived({
        id: `ontvangen-${arrived.id}`,
        note: what,
        itemType: 'message',
        mode: 'read',
        itemId: arrived.id,
        internetMessageId: arrived.internetMessageId,
        conversationId: arrived.conversationId,
        subject: written.subject,
        from: mail.from,
        to: mail.to,
        receivedAt: new Date().toISOString(),
        bodyText: written.bodyText,
        ...(written.inReplyTo ? { inReplyTo: written.inReplyTo } : {}),
        attachments: [],
      });
      setStatus(`${what}: staat in Postvak IN.`);
    } catch {
      setStatus('Het bericht kon niet worden afgeleverd.');
    }
  }

  const mail = selected?.mode === 'read' && selected.itemType === 'message' ? selected : null;
  const answer = /^(re|antw):/i.test(mail?.subject ?? '')
    ? (mail?.subject ?? '')
    : `RE: ${mail?.subject ?? ''}`;
  return (
    <div className={styles.root} role="group" aria-label="De klager">
      <Button
        size="small"
        disabled={!mail}
        onClick={() =>
          mail &&
          void write(
            mail,
            {
              subject: answer,
              bodyText: `Geachte heer/mevrouw,\n\nDank voor uw bericht. Hierbij stuur ik nog de gevraagde gegevens: mijn klantnummer is 40213.\n\nMet vriendelijke groet,\n${mail.from.name}`,
              inReplyTo: mail.internetMessageId,
              conversationId: mail.conversationId,
            },
            'Antwoord van de klager',
          )
        }
      >
        De klager antwoordt
      </Button>
      <Button
        size="small"
        disabled={!mail}
        onClick={() =>
          mail &&
          void write(
            mail,
            {
              subject: 'Nog een aanvulling op mijn klacht',
              bodyText: `Beste klachtenteam,\n\nIk wil nog iets toevoegen aan mijn klacht: ook de herinnering die ik kreeg klopt niet.\n\nGroet,\n${mail.from.name}`,
            },
            'Nieuwe e-mail van de klager',
          )
        }
      >
        De klager schrijft opnieuw
      </Button>
      <Caption1 role="status">{status}</Caption1>
    </div>
  );
}
