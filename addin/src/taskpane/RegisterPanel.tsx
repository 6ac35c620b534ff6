import { useState } from 'react';
import {
  Body1,
  Button,
  Caption1,
  Card,
  CardHeader,
  makeStyles,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { RegistrationRequest } from '../../../domain/src/api/registration';
import type { AttachmentContent, OpenMessage } from '../office/openMessage';
import { ApiProblem } from '../api/problem';
import { ProblemBar } from './ProblemBar';

export interface RegisterPanelProps {
  message: OpenMessage;
  register: (request: RegistrationRequest) => Promise<void>;
  readAttachments: () => Promise<AttachmentContent[]>;
}

const useStyles = makeStyles({
  summary: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    wordBreak: 'break-word',
  },
  actions: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

const dateTime = new Intl.DateTimeFormat('nl-NL', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'Europe/Amsterdam',
});

/** Not registered yet: a summary of the e-mail and one primary action. */
export function RegisterPanel({ message, register, readAttachments }: RegisterPanelProps) {
  const styles = useStyles();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);

  async function onRegister(): Promise<void> {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    try {
      const attachments = await readAttachments();
      await register({
        message: {
          internetMessageId: message.internetMessageId,
          conversationId: message.conversationId,
          ...(message.restItemId ? { restItemId: message.restItemId } : {}),
          subject: message.subject,
          from: message.from,
          receivedAt: message.receivedAt,
          bodyText: message.bodyText,
          attachments,
        },
      });
    } catch (error) {
      setProblem(
        error instanceof ApiProblem
          ? error
          : new ApiProblem(
              0,
              'about:blank',
              'Registreren is niet gelukt. Probeer het opnieuw; er is niets verloren gegaan.',
            ),
      );
      setBusy(false);
    }
  }

  return (
    <>
      <Card>
        <CardHeader header={<Text weight="semibold">Nog niet geregistreerd</Text>} />
        <div className={styles.summary}>
          <Body1>{message.subject || '(geen onderwerp)'}</Body1>
          <Caption1>
            Van {message.from.name} &lt;{message.from.address}&gt;
          </Caption1>
          <Caption1>Ontvangen {dateTime.format(new Date(message.receivedAt))}</Caption1>
          {message.attachments.length > 0 && (
            <Caption1>
              {message.attachments.length === 1 ? '1 bijlage' : `${message.attachments.length} bijlagen`}
              {message.canReadAttachments
                ? ''
                : ' (deze Outlook-versie geeft bijlagen niet door; ze worden niet meegenomen)'}
            </Caption1>
          )}
        </div>
      </Card>
      {problem && <ProblemBar problem={problem} />}
      <div className={styles.actions}>
        <Button
          appearance="primary"
          disabled={busy}
          aria-busy={busy}
          icon={busy ? <Spinner size="tiny" /> : undefined}
          onClick={() => void onRegister()}
        >
          {busy ? 'Bezig met registreren…' : 'Registreer klacht'}
        </Button>
      </div>
    </>
  );
}
