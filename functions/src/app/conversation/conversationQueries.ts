import type { ComplaintIndex } from '../ports/complaintIndex';
import { AppError, isStaleWrite } from '../../common/errors';
import { conflictRetry, retry } from '../../common/retry';
import { isComplaintId, notFound } from '../findComplaint';
import { can, type Principal } from '../../common/principal';
import { auditEntry } from '../sideRows';
import { letterSubject } from '../../letters/renderLetter';
import { isLetterEntry } from '../ports/outboxEntry';
import { originalNameOf, type ConversationRow } from './appendMessage';
import type { ConversationDeps } from './conversationDeps';
import { matchComplaints } from './matchComplaint';
import { unreviewedKeyOf } from './unreviewedKey';
import { parseEmailAddress } from '../../../../domain/src/emailAddress';
import type {
  ConversationEntry,
  LinkCandidate,
  UnreviewedMailView,
} from '../../../../domain/src/api/conversation';

export type { ConversationEntry, LinkCandidate, UnreviewedMailView };

/** A complaint the open e-mail probably belongs to (the API's `LinkCandidate`). */
export type Candidate = LinkCandidate;

const forbidden = (): AppError =>
  new AppError('forbidden', 'forbidden', 'U mag de inhoud van klachten niet inzien.');

async function readable(deps: ConversationDeps, principal: Principal, id: string) {
  if (!can(principal, 'read')) throw forbidden();
  if (!isComplaintId(id)) throw notFound();
  const stored = await deps.complaints.get(id);
  if (!stored) throw notFound();
  return stored;
}

/**
 * The complaint's conversation, oldest first: the registered e-mail, every e-mail linked or captured, and our
 * letters as sent. Opening it counts as having seen the complainant's new messages (the flag clears); reading
 * it is audited (R17).
 */
export async function listConversation(
  deps: ConversationDeps,
  principal: Principal,
  id: string,
): Promise<ConversationEntry[]> {
  const stored = await readable(deps, principal, id);
  const doc = stored.doc;
  const rows = (await deps.mailboxStore.listMessages(id)) as unknown as ConversationRow[];
  const registered = await deps.evidence.getOriginal(
    `${id}/originals/${originalNameOf(doc.message.internetMessageId)}.eml`,
  );
  const entries: ConversationEntry[] = [
    {
      seq: '1',
      internetMessageId: doc.message.internetMessageId,
      direction: 'in',
      from: doc.message.from,
      subject: doc.message.subject,
      at: doc.message.receivedAt,
      source: 'registered',
      sha256: registered?.sha256 ?? null,
      size: registered?.bytes.length ?? null,
    },
    ...rows.map((r): ConversationEntry => ({
      seq: String(r.seq),
      internetMessageId: r.internetMessageId,
      direction: 'in',
      from: r.from,
      subject: r.subject,
      at: r.at,
      source: r.source,
      sha256: r.sha256 ?? null,
      size: r.size ?? null,
    })),
  ];
  for (const record of await deps.complaints.listOutbox({ complaintId: id })) {
    const entry = record.data;
    if (!isLetterEntry(entry) || entry.status !== 'sent' || !entry.proof) continue;
    entries.push({
      seq: `L${entry.letter.seq}`,
      internetMessageId: null,
      direction: 'out',
      from: { name: 'Klachtenteam', address: deps.mailbox },
      subject: letterSubject(doc.state.subject, doc.state.number),
      at: entry.proof.sentAt,
      source: 'letter',
      sha256: null,
      size: null,
      ...(entry.proof.graphMessageId ? { sentItemId: entry.proof.graphMessageId } : {}),
    });
  }
  entries.sort((a, b) => a.at.localeCompare(b.at));
  const now = deps.clock.now();
  await deps.complaints.audit(id, [auditEntry(now, principal, 'read-conversation')]);
  if (doc.newMessage && can(principal, 'handle')) await clearNewMessage(deps, id);
  return entries;
}

/** Best effort: when other writers keep winning, the flag stays for the next reader to clear. */
async function clearNewMessage(deps: ConversationDeps, id: string): Promise<void> {
  await retry(
    async () => {
      const stored = await deps.complaints.get(id);
      if (!stored?.doc.newMessage) return;
      const { newMessage: _seen, ...rest } = stored.doc;
      await deps.complaints.update(rest, stored.etag, []);
    },
    { ...conflictRetry, retryOn: isStaleWrite, exhausted: () => undefined },
  );
}

/** `GET /api/complaints/{id}/messages/{seq}/original`: the stored MIME, byte for byte. */
export async function getOriginalMessage(
  deps: ConversationDeps,
  principal: Principal,
  id: string,
  seq: string,
): Promise<{ bytes: Buffer; sha256: string | undefined }> {
  const stored = await readable(deps, principal, id);
  let blobName: string | undefined;
  if (seq === '1') blobName = `${id}/originals/${originalNameOf(stored.doc.message.internetMessageId)}.eml`;
  else if (/^\d{1,4}$/.test(seq)) {
    const rows = (await deps.mailboxStore.listMessages(id)) as unknown as ConversationRow[];
    blobName = rows.find((r) => r.seq === Number(seq))?.blobName;
  }
  const original = blobName ? await deps.evidence.getOriginal(blobName) : undefined;
  if (!original)
    throw new AppError('notFound', 'original-not-found', 'Van dit bericht is geen origineel bewaard.');
  await deps.complaints.audit(id, [
    auditEntry(deps.clock.now(), principal, 'read-original', `message ${seq}`),
  ]);
  return original;
}

/**
 * `GET /api/complaints/{id}/messages/{seq}` (handlers): the text of an incoming e-mail of the conversation as it
 * was kept (the registered e-mail's body, or a linked or captured one's); reading it is audited like the original.
 */
export async function getMessageText(
  deps: ConversationDeps,
  principal: Principal,
  id: string,
  seq: string,
): Promise<{ seq: string; bodyText: string }> {
  const stored = await readable(deps, principal, id);
  let bodyText: string | undefined;
  if (seq === '1') bodyText = stored.doc.state.body;
  else if (/^\d{1,4}$/.test(seq)) {
    const rows = (await deps.mailboxStore.listMessages(id)) as unknown as ConversationRow[];
    bodyText = rows.find((r) => r.seq === Number(seq))?.bodyText;
  }
  if (bodyText === undefined)
    throw new AppError('notFound', 'message-not-found', 'Dit bericht hoort niet bij deze klacht.');
  await deps.complaints.audit(id, [
    auditEntry(deps.clock.now(), principal, 'read-message', `message ${seq}`),
  ]);
  return { seq, bodyText };
}

/**
 * For an e-mail that is not registered itself: the complaints it probably belongs to (conversation, a reply to
 * our letters or the registered e-mail, the subject tag) and the open complaints of the same sender.
 */
export async function candidateComplaints(
  deps: ConversationDeps & { index: ComplaintIndex },
  principal: Principal,
  message: {
    internetMessageId: string;
    conversationId: string;
    subject: string;
    fromAddress: string;
    inReplyTo?: string;
  },
): Promise<Candidate[]> {
  const matches: { complaintId: string; reason: Candidate['reason'] }[] = await matchComplaints(
    deps,
    message,
  );
  const linked = await deps.mailboxStore.linkOf(message.internetMessageId);
  if (linked && !matches.some((m) => m.complaintId === linked.complaintId))
    matches.unshift({ complaintId: linked.complaintId, reason: 'conversation' });
  const sender = parseEmailAddress(message.fromAddress);
  if (sender) {
    const same = await deps.index.byComplainant(sender, '');
    for (const e of same)
      if (
        e.status === 'open' &&
        e.complainantAddress === sender &&
        !matches.some((m) => m.complaintId === e.id)
      )
        matches.push({ complaintId: e.id, reason: 'sameSender' });
  }
  const out: Candidate[] = [];
  for (const m of matches.slice(0, 5)) {
    const stored = await deps.complaints.get(m.complaintId);
    if (!stored) continue;
    const s = stored.doc.state;
    out.push({
      id: stored.doc.id,
      number: s.number,
      status: s.status,
      reason: m.reason,
      ...(can(principal, 'read') ? { subject: s.subject } : {}),
    });
  }
  return out;
}

/** `GET /api/mailbox/unreviewed` (handlers): e-mails nobody has decided about, oldest first, without their text. */
export async function listUnreviewed(
  deps: ConversationDeps,
  principal: Principal,
): Promise<UnreviewedMailView[]> {
  if (!can(principal, 'handle'))
    throw new AppError(
      'forbidden',
      'forbidden',
      'Alleen klachtbehandelaars zien de niet-beoordeelde e-mails.',
    );
  return (await deps.mailboxStore.listUnreviewed()).map((m) => ({
    id: m.key,
    internetMessageId: m.internetMessageId,
    conversationId: m.conversationId,
    from: m.from,
    subject: m.subject,
    receivedAt: m.receivedAt,
  }));
}

/** `POST /api/mailbox/unreviewed/{id}/dismiss`: "geen klacht", "spam", …; audited in the register's trail. */
export async function dismissUnreviewed(
  deps: ConversationDeps,
  principal: Principal,
  key: string,
  reason: string,
): Promise<void> {
  if (!can(principal, 'handle'))
    throw new AppError('forbidden', 'forbidden', 'Alleen klachtbehandelaars kunnen een e-mail afwijzen.');
  const mail = await deps.mailboxStore.getUnreviewed(key);
  if (!mail || mail.dismissed)
    throw new AppError('notFound', 'unreviewed-not-found', 'Deze e-mail staat niet (meer) op de lijst.');
  const at = deps.clock.now();
  await deps.mailboxStore.saveUnreviewed({
    ...mail,
    dismissed: { at: at.toISOString(), by: principal.id, reason },
  });
  await deps.watch.audit(
    auditEntry(at, principal, 'unreviewed-dismissed', `e-mail ${key.slice(0, 12)}: ${reason}`),
  );
}

export { unreviewedKeyOf };
