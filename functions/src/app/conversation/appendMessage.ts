import { createHash } from 'node:crypto';
import { toAmsterdamDate } from '../../../../domain/src/localDate';
import type { ComplaintDocument } from '../complaintDocument';
import { refreshIndex } from '../indexEntry';
import { AppError, isStaleWrite } from '../../common/errors';
import { conflictRetry, retry, tryAgain, type TryAgain } from '../../common/retry';
import { notFound } from '../findComplaint';
import type { Principal } from '../../common/principal';
import { auditRow } from '../sideRows';
import type { MailParty } from '../ports/mailboxPorts';
import type { ConversationDeps } from './conversationDeps';

export type MessageSource = 'registered' | 'linked' | 'captured';

/** The e-mail as the conversation keeps it (its text stays in the complaint's partition, never in logs). */
export interface IncomingMessage {
  internetMessageId: string;
  conversationId: string;
  subject: string;
  from: MailParty;
  receivedAt: string;
  bodyText: string;
  /** Graph's immutable id, when the e-mail is in the complaints mailbox. */
  graphId?: string;
  attachments?: { name: string; contentType: string; size: number }[];
}

/** A conversation row (`message-0002`): one e-mail that belongs to the complaint. */
export interface ConversationRow {
  seq: number;
  internetMessageId: string;
  conversationId: string;
  direction: 'in';
  from: MailParty;
  subject: string;
  at: string;
  source: MessageSource;
  sha256?: string;
  size?: number;
  blobName?: string;
  graphId?: string;
  bodyText: string;
  attachments?: { name: string; contentType: string; size: number }[];
  /** The timeline entry this e-mail made. */
  timelineSeq: number;
}

/** The category that shows the whole team in the shared mailbox which e-mails are handled. */
export const categoryOf = (number: string): string => `Klacht ${number}`;

/** The blob name of an e-mail's original: stable across retries, whatever seq the e-mail ends up with. */
export const originalNameOf = (internetMessageId: string): string =>
  `msg-${createHash('sha256').update(internetMessageId.trim()).digest('hex').slice(0, 32)}`;

const pad = (n: number): string => String(n).padStart(4, '0');

/**
 * Adds an e-mail to a complaint's conversation and timeline (`messageReceived`), exactly once per
 * internetMessageId: the complaint's ETag serialises writers, and a writer that lost re-reads and finds the
 * e-mail already there. The original (MIME) is stored first, under a name derived from the e-mail, so a retry
 * never leaves a second copy. A captured reply raises the complaint's "nieuw bericht van de klager" flag.
 */
export async function appendMessage(
  deps: ConversationDeps,
  complaintId: string,
  message: IncomingMessage,
  source: Exclude<MessageSource, 'registered'>,
  actor: Principal | 'system',
  mime: Buffer | undefined,
): Promise<{ doc: ComplaintDocument; created: boolean; seq: number }> {
  const evidence = mime
    ? await deps.evidence.putOriginal(complaintId, originalNameOf(message.internetMessageId), mime)
    : undefined;
  const attempt = async (): Promise<{ doc: ComplaintDocument; created: boolean; seq: number } | TryAgain> => {
    const stored = await deps.complaints.get(complaintId);
    if (!stored) throw notFound();
    const rows = (await deps.mailboxStore.listMessages(complaintId)) as unknown as ConversationRow[];
    const existing = rows.find((r) => r.internetMessageId === message.internetMessageId);
    if (existing) {
      await deps.mailboxStore.putLink(message.internetMessageId, { complaintId, seq: existing.seq });
      return { doc: stored.doc, created: false, seq: existing.seq };
    }
    const now = deps.clock.now();
    const doc = stored.doc;
    // seq 1 is the registered e-mail itself.
    const seq = Math.max(1, ...rows.map((r) => r.seq)) + 1;
    const timelineSeq = (doc.state.timeline.at(-1)?.seq ?? 0) + 1;
    const row: ConversationRow = {
      seq,
      internetMessageId: message.internetMessageId,
      conversationId: message.conversationId,
      direction: 'in',
      from: message.from,
      subject: message.subject,
      at: message.receivedAt,
      source,
      ...(evidence ? { sha256: evidence.sha256, size: evidence.size, blobName: evidence.blobName } : {}),
      ...(message.graphId ? { graphId: message.graphId } : {}),
      bodyText: message.bodyText,
      ...(message.attachments?.length ? { attachments: message.attachments } : {}),
      timelineSeq,
    };
    const next: ComplaintDocument = {
      ...doc,
      state: {
        ...doc.state,
        timeline: [
          ...doc.state.timeline,
          // Dated when it reached the register, so the timeline stays in order.
          { seq: timelineSeq, on: toAmsterdamDate(now), type: 'messageReceived' },
        ],
      },
      actors: { ...doc.actors, [String(timelineSeq)]: message.from.name || message.from.address },
      ...(source === 'captured'
        ? {
            newMessage: {
              since: doc.newMessage?.since ?? now.toISOString(),
              count: (doc.newMessage?.count ?? 0) + 1,
            },
          }
        : {}),
    };
    try {
      await deps.complaints.update(next, stored.etag, [
        { kind: 'message', key: pad(seq), data: { ...row } },
        auditRow(now, actor, source === 'captured' ? 'message-captured' : 'message-linked', `message ${seq}`),
      ]);
    } catch (error) {
      if (isStaleWrite(error)) return tryAgain;
      throw error;
    }
    await deps.mailboxStore.putLink(message.internetMessageId, { complaintId, seq });
    await deps.mailboxStore.removeUnreviewed(message.internetMessageId);
    await refreshIndex(deps.index, next).catch(() => undefined);
    return { doc: next, created: true, seq };
  };
  return retry(attempt, { ...conflictRetry, attempts: 20, exhausted: busy });
}

const busy = (): never => {
  throw new AppError(
    'unavailable',
    'busy',
    'De klacht wordt op dit moment vaak gewijzigd. Probeer het opnieuw.',
  );
};
