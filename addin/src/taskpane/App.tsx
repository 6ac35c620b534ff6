import { useCallback, useEffect, useState } from 'react';
import { makeStyles, Spinner, tokens } from '@fluentui/react-components';
import type { KlachtenApi } from '../api/klachtenApi';
import { ApiProblem } from '../api/problem';
import type { ComplaintSummary } from '../../../domain/src/api/complaintView';
import type { NoMessageReason, OpenMessage } from '../office/openMessage';
import type { MailboxAccess } from './mailboxAccess';
import { NoMessage } from './NoMessage';
import { ProblemBar } from './ProblemBar';
import { RegisterPanel } from './RegisterPanel';
import { RegisteredPanel } from './RegisteredPanel';

export interface AppProps {
  api: KlachtenApi;
  mailbox: MailboxAccess;
}

type View =
  | { kind: 'loading' }
  | { kind: 'none'; reason: NoMessageReason }
  | { kind: 'message'; message: OpenMessage; complaint: ComplaintSummary | null }
  | { kind: 'failed'; problem: ApiProblem; message?: OpenMessage };

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minWidth: '280px',
    boxSizing: 'border-box',
  },
});

const asProblem = (error: unknown): ApiProblem =>
  error instanceof ApiProblem
    ? error
    : new ApiProblem(
        0,
        'about:blank',
        'Het e-mailbericht kon niet worden gelezen. Open het opnieuw en probeer het nog eens.',
      );

/** The task pane: reads the open e-mail, asks the register whether it is known, offers to register it. */
export function App({ api, mailbox }: AppProps) {
  const styles = useStyles();
  const [view, setView] = useState<View>({ kind: 'loading' });

  const load = useCallback(async () => {
    setView({ kind: 'loading' });
    let message: OpenMessage | undefined;
    try {
      const item = await mailbox.readOpenItem();
      if (item.kind === 'none') return setView({ kind: 'none', reason: item.reason });
      message = item.message;
      const complaint = await api.findByMessage(message.internetMessageId);
      setView({ kind: 'message', message, complaint });
    } catch (error) {
      setView({ kind: 'failed', problem: asProblem(error), ...(message ? { message } : {}) });
    }
  }, [api, mailbox]);

  useEffect(() => {
    void load();
    mailbox.onOpenItemChanged(() => void load());
  }, [load, mailbox]);

  return (
    <main className={styles.root} aria-live="polite">
      {view.kind === 'loading' && <Spinner label="Bericht lezen…" size="small" />}
      {view.kind === 'none' && <NoMessage reason={view.reason} />}
      {view.kind === 'failed' && <ProblemBar problem={view.problem} onRetry={() => void load()} />}
      {view.kind === 'message' && view.complaint && <RegisteredPanel complaint={view.complaint} />}
      {view.kind === 'message' && !view.complaint && (
        <RegisterPanel
          message={view.message}
          register={async (request) => {
            const { complaint } = await api.register(request);
            setView({ kind: 'message', message: view.message, complaint });
          }}
          readAttachments={() => mailbox.readAttachmentContents(view.message)}
        />
      )}
    </main>
  );
}
