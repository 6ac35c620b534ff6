import { Suspense, useCallback, useEffect, useRef, useState } from 'react';
import type { KlachtenApi } from '../api/klachtenApi';
import { toApiProblem, type ApiProblem } from '../api/problem';
import type { ComplaintSummary } from '../../../domain/src/api/complaintView';
import type { NoMessageReason, OpenItem, OpenMessage } from '../office/openMessage';
import type { Party } from './model/forwardedSender';
import type { MailboxAccess } from './mailboxAccess';
import { Busy } from './Busy';
import { RegisterPanel } from './RegisterPanel';
import { ComplaintPanel, LinkOffer, NoMessage, ProblemBar, RegisteredPanel } from './lazyParts';
import type { LinkCandidate } from '../api/conversationApi';
import { alreadyPartOf, linkMessageOf, messageKeysOf } from './conversation/linkMessage';

/** The open item and its complaint, as the first load finds them. */
export type FirstLoad = {
  item: OpenItem;
  complaint: ComplaintSummary | null;
  /** When the e-mail is not registered: the complaints it probably belongs to. */
  candidates?: LinkCandidate[];
};

/**
 * Reads the open item and asks the register about it. index.tsx starts this before React's first render,
 * so the request runs while the pane is being drawn.
 */
export async function loadOpenItem(mailbox: MailboxAccess, api: KlachtenApi): Promise<FirstLoad> {
  const item = await mailbox.readOpenItem();
  if (item.kind !== 'message') return { item, complaint: null };
  const { complaint, candidates } = await api.lookupMessage(messageKeysOf(item.message));
  const part = complaint ? null : await alreadyPartOf(api, item.message, candidates);
  return { item, complaint: complaint ?? part, candidates: part ? [] : candidates };
}

export interface MessageTabProps {
  api: KlachtenApi;
  mailbox: MailboxAccess;
  me?: Party | undefined;
  onOpenComplaint: (id: string) => void;
  /** The first load when it was started early; later loads (another e-mail, retry) start here. */
  firstLoad?: Promise<FirstLoad> | undefined;
  /** Called once the first screen is there (the lazy extras wait for it). */
  onSettled?: () => void;
}

type View =
  | { kind: 'loading' }
  | { kind: 'none'; reason: NoMessageReason }
  | {
      kind: 'message';
      message: OpenMessage;
      complaint: ComplaintSummary | null;
      candidates?: LinkCandidate[] | undefined;
      /** Registered or linked just now, in this pane: the focus follows to the complaint. */
      justDone?: boolean;
    }
  | { kind: 'failed'; problem: ApiProblem };

/** The open e-mail: explains what cannot be registered, offers to register it, or shows its complaint. */
export function MessageTab({ api, mailbox, me, onOpenComplaint, firstLoad, onSettled }: MessageTabProps) {
  const [view, setView] = useState<View>({ kind: 'loading' });
  const early = useRef(firstLoad);

  const load = useCallback(async () => {
    setView({ kind: 'loading' });
    const pending = early.current ?? loadOpenItem(mailbox, api);
    early.current = undefined;
    try {
      const { item, complaint, candidates } = await pending;
      if (item.kind === 'none') return setView({ kind: 'none', reason: item.reason });
      setView({ kind: 'message', message: item.message, complaint, candidates });
    } catch (error) {
      setView({
        kind: 'failed',
        problem: toApiProblem(
          error,
          'Het e-mailbericht kon niet worden gelezen. Open het opnieuw en probeer het nog eens.',
        ),
      });
    }
  }, [api, mailbox]);

  useEffect(() => {
    void load();
    mailbox.onOpenItemChanged(() => void load());
  }, [load, mailbox]);

  const settled = view.kind !== 'loading';
  useEffect(() => {
    if (settled) onSettled?.();
  }, [settled, onSettled]);

  if (view.kind === 'loading') return <Busy label="Bericht lezen…" />;
  if (view.kind === 'none')
    return (
      <Suspense fallback={null}>
        <NoMessage reason={view.reason} />
      </Suspense>
    );
  if (view.kind === 'failed')
    return (
      <Suspense fallback={null}>
        <ProblemBar problem={view.problem} onRetry={() => void load()} />
      </Suspense>
    );
  const { complaint, message } = view;
  if (!complaint) {
    const candidates = view.candidates ?? [];
    const form = (
      <RegisterPanel
        key={message.internetMessageId}
        message={message}
        me={me}
        register={async (request) => {
          const { complaint: registered } = await api.register(request);
          setView({ kind: 'message', message, complaint: registered, justDone: true });
        }}
        readAttachments={() => mailbox.readAttachmentContents(message)}
        check={(request) => api.checkRegistration(request)}
        onOpenComplaint={onOpenComplaint}
      />
    );
    // Without candidates the form is the first screen itself; the offer to link is a chunk of its own.
    if (candidates.length === 0) return form;
    return (
      <Suspense fallback={<Busy label="Bericht lezen…" />}>
        <LinkOffer
          key={message.internetMessageId}
          candidates={candidates}
          link={async (id) => {
            const { complaint: linked } = await api.linkMessage(id, await linkMessageOf(message, mailbox));
            setView({ kind: 'message', message, complaint: linked, justDone: true });
          }}
        >
          {form}
        </LinkOffer>
      </Suspense>
    );
  }
  const registered = (
    <Suspense fallback={null}>
      <RegisteredPanel complaint={complaint} />
    </Suspense>
  );
  if (!complaint.view) return registered;
  return (
    <Suspense fallback={registered}>
      <ComplaintPanel
        key={complaint.id}
        api={api}
        complaintId={complaint.id}
        initial={complaint.view}
        onOpenComplaint={onOpenComplaint}
        forms={mailbox.forms}
        focusOnOpen={view.justDone}
      />
    </Suspense>
  );
}
