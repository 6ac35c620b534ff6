import { z } from 'zod';
import type { Letter } from '../../../../domain/src/effects';
import { complaintNumberSchema, localDateSchema } from '../../../../domain/src/schemas';

/**
 * An outbox row: a letter a step queued (or a staff notice, below) and its delivery state, in the complaint's
 * partition. Its type is discriminated by `status`, and the only ways from one state to the next are the pure
 * functions at the end of this file; the adapter parses a stored row once, into this type.
 *
 * - `queued`: waiting for its (next) attempt at `nextAttemptAt` (none: at once);
 * - `sending`: an attempt holds it until `leaseUntil`; a lease that ran out means the attempt died half-way;
 * - `sent` (with the proof), `failed` ("verzending mislukt", until a handler queues it again), `cancelled`
 *   (sent by hand, see the `acknowledged` step): final.
 *
 * ```
 * queued ──claim──▶ sending ──sent──▶ sent
 *   ▲                 │ ├────failed──▶ failed ──requeued──▶ queued
 *   └─────release─────┘ └──cancelled─▶ cancelled
 * ```
 * It lives with the ports because the adapter that parses it may import nothing else.
 */
export const DELIVERY_STATUSES = ['queued', 'sending', 'sent', 'failed', 'cancelled'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
export const PENDING_STATUSES = ['queued', 'sending'] as const satisfies readonly DeliveryStatus[];

const party = z.object({ name: z.string(), address: z.string() });
const base = {
  seq: z.number().int().min(1),
  complaintNumber: complaintNumberSchema,
  to: party,
  inReplyTo: z.string(),
};

const thirdParty = z.object({ organisation: z.string(), person: z.string(), email: z.string() });

/** The domain's {@link Letter}, parsed back from JSON. */
export const letterSchema = z.discriminatedUnion('kind', [
  z.object({
    ...base,
    kind: z.literal('acknowledgement'),
    receivedOn: localDateSchema,
    term: z.string(),
    resolveBy: localDateSchema,
  }),
  z.object({ ...base, kind: z.literal('extension'), reason: z.string(), expectedBy: localDateSchema }),
  z.object({ ...base, kind: z.literal('escalation'), respondBy: localDateSchema }),
  z.object({
    ...base,
    kind: z.literal('inadmissibleLate'),
    aroseOn: localDateSchema,
    receivedOn: localDateSchema,
    lateWindowEndedOn: localDateSchema,
  }),
  z.object({ ...base, kind: z.literal('inadmissibleRepeat'), relatedComplaint: complaintNumberSchema }),
  z.object({
    ...base,
    kind: z.literal('thirdPartyReferral'),
    thirdParty,
  }),
  z.object({ ...base, kind: z.literal('outcome'), decision: z.string(), solution: z.string() }),
  z.object({
    ...base,
    kind: z.literal('closing'),
    agreement: z.enum(['agreed', 'notAgreed', 'none']),
    solution: z.string(),
    thirdParty: thirdParty.optional(),
  }),
  z.object({ ...base, kind: z.literal('bindingRuling'), outcome: z.string() }),
  z.object({ ...base, kind: z.literal('escalationReply'), reply: z.string().optional() }),
  z.object({
    ...base,
    kind: z.literal('causesAndMeasures'),
    causes: z.array(z.object({ category: z.string(), text: z.string() })),
    measures: z.array(z.object({ description: z.string(), dueOn: localDateSchema })),
  }),
  z.object({ ...base, kind: z.literal('informationRequest'), questions: z.string() }),
  z.object({
    ...base,
    kind: z.literal('meetingInvitation'),
    meetingOn: localDateSchema,
    note: z.string().optional(),
  }),
  z.object({
    ...base,
    kind: z.literal('clarificationMeeting'),
    meetingOn: localDateSchema,
    note: z.string().optional(),
  }),
]);

// Every letter kind of the domain can be read back from the outbox.
const _everyKind: (k: Letter['kind']) => z.infer<typeof letterSchema>['kind'] = (k) => k;
void _everyKind;

/** What was sent: the proof an auditor asks for. */
export const deliveryProofSchema = z.object({
  sentAt: z.string(),
  recipient: z.string(),
  graphMessageId: z.string().optional(),
  inThread: z.boolean(),
  /** True when the proof came from Sent Items after an attempt whose answer was lost. */
  foundInSentItems: z.boolean(),
});
export type DeliveryProof = z.infer<typeof deliveryProofSchema>;

/** What every outbox row carries besides what it sends, in every state. */
const delivery = {
  queuedAt: z.string(),
  /** Send attempts made (look-ups in Sent Items do not count, unless they fail). */
  attempts: z.number().int().min(0),
  /** Machine code of the last problem (`throttled`, `timeout`, `http-400`…), never content. */
  lastError: z.string().optional(),
};

/** What every state of a letter's row carries. */
const common = {
  letterId: z.string().min(1),
  letter: letterSchema,
  ...delivery,
  personalNote: z.string().max(5000).optional(),
};
/** The last attempt may have been accepted: look in Sent Items before sending again. */
const mustVerify = z.boolean().optional();

const queuedSchema = z.object({
  ...common,
  status: z.literal('queued'),
  nextAttemptAt: z.string().optional(),
  mustVerify,
});
const sendingSchema = z.object({
  ...common,
  status: z.literal('sending'),
  leaseUntil: z.string(),
  mustVerify,
});
const sentSchema = z.object({ ...common, status: z.literal('sent'), proof: deliveryProofSchema.optional() });
const failedSchema = z.object({ ...common, status: z.literal('failed'), failedAt: z.string(), mustVerify });
const cancelledSchema = z.object({ ...common, status: z.literal('cancelled') });

export const outboxEntrySchema = z.discriminatedUnion('status', [
  queuedSchema,
  sendingSchema,
  sentSchema,
  failedSchema,
  cancelledSchema,
]);
/** A letter's outbox row, in one of its five states. */
export type OutboxEntry = z.infer<typeof outboxEntrySchema>;
export type QueuedEntry = z.infer<typeof queuedSchema>;
export type SendingEntry = z.infer<typeof sendingSchema>;
export type SentEntry = z.infer<typeof sentSchema>;
export type FailedEntry = z.infer<typeof failedSchema>;
export type CancelledEntry = z.infer<typeof cancelledSchema>;
export type PendingEntry = QueuedEntry | SendingEntry;

// The parsed letter must be the domain's Letter, so that rendering and recording need no casts.
const _sameShape: (l: z.infer<typeof letterSchema>) => Letter = (l) => l;
void _sameShape;

/**
 * Mail to staff that a step causes at once (the director after an escalation, the new handler after a
 * reassignment), in the same outbox as the letters; its keys start with `n`. See `letters/staffNotice.ts`.
 */
export const staffNoticeSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('escalated'),
    complaintNumber: complaintNumberSchema,
    respondBy: localDateSchema,
  }),
  z.object({
    kind: z.literal('assigned'),
    complaintNumber: complaintNumberSchema,
    to: z.object({ name: z.string(), address: z.string() }),
  }),
]);
export type StaffNotice = z.infer<typeof staffNoticeSchema>;

const noticeCommon = { noticeId: z.string().min(1), notice: staffNoticeSchema, ...delivery };
const queuedNoticeSchema = z.object({
  ...noticeCommon,
  status: z.literal('queued'),
  nextAttemptAt: z.string().optional(),
});
const sendingNoticeSchema = z.object({
  ...noticeCommon,
  status: z.literal('sending'),
  leaseUntil: z.string(),
});
const sentNoticeSchema = z.object({
  ...noticeCommon,
  status: z.literal('sent'),
  sentAt: z.string().optional(),
  /** Set when the hourly sweep had already told the director (their shared claim decided). */
  sentBySweep: z.boolean().optional(),
});

/** A staff notice's outbox row, in the same five states as a letter's (`failed` and `cancelled` say why). */
export const staffNoticeEntrySchema = z.discriminatedUnion('status', [
  queuedNoticeSchema,
  sendingNoticeSchema,
  sentNoticeSchema,
  z.object({ ...noticeCommon, status: z.literal('failed') }),
  z.object({ ...noticeCommon, status: z.literal('cancelled') }),
]);
export type StaffNoticeEntry = z.infer<typeof staffNoticeEntrySchema>;
export type QueuedNotice = z.infer<typeof queuedNoticeSchema>;
export type SendingNotice = z.infer<typeof sendingNoticeSchema>;
export type SentNotice = z.infer<typeof sentNoticeSchema>;

/** What an outbox row holds: a letter or a staff notice. */
export type OutboxData = OutboxEntry | StaffNoticeEntry;
const outboxDataSchema = z.union([outboxEntrySchema, staffNoticeEntrySchema]);

/** Parses a stored row; `undefined` when it is not an outbox row this version understands. */
export function parseOutboxData(data: unknown): OutboxData | undefined {
  const parsed = outboxDataSchema.safeParse(data);
  return parsed.success ? parsed.data : undefined;
}

export const isLetterEntry = (data: OutboxData): data is OutboxEntry => 'letter' in data;
export const isStaffNoticeEntry = (data: OutboxData): data is StaffNoticeEntry => 'notice' in data;
export const isPending = <T extends { status: DeliveryStatus }>(
  entry: T,
): entry is T & { status: (typeof PENDING_STATUSES)[number] } =>
  (PENDING_STATUSES as readonly DeliveryStatus[]).includes(entry.status);

// The transitions of a letter's row. Each builds the next state from the fields that state keeps, so a row
// never carries a field of an earlier state (a lease on a sent letter, a retry time on a failed one).

/** The delivery fields every state keeps (letters and notices alike). */
const keptDelivery = (entry: OutboxData) => ({
  queuedAt: entry.queuedAt,
  attempts: entry.attempts,
  ...(entry.lastError !== undefined ? { lastError: entry.lastError } : {}),
});
const kept = (entry: OutboxEntry) => ({
  letterId: entry.letterId,
  letter: entry.letter,
  ...keptDelivery(entry),
  ...(entry.personalNote !== undefined ? { personalNote: entry.personalNote } : {}),
});
const withoutError = (entry: OutboxEntry) => {
  const { lastError: _error, ...rest } = kept(entry);
  return rest;
};

/** A letter as its step queues it: written in the step's transaction, tried at once. */
export const queuedLetter = (letterId: string, letter: Letter, queuedAt: string): QueuedEntry => ({
  letterId,
  letter,
  queuedAt,
  attempts: 0,
  status: 'queued',
});

/** Due for an attempt: queued and its wait over, or held by a sender whose lease ran out. */
export function isDue(entry: OutboxEntry, now: Date): boolean {
  if (entry.status === 'queued')
    return !entry.nextAttemptAt || Date.parse(entry.nextAttemptAt) <= now.getTime();
  if (entry.status === 'sending') return Date.parse(entry.leaseUntil) <= now.getTime();
  return false;
}

/**
 * One sender holds the letter until `leaseUntil`. A letter taken over from a sender whose lease ran out may
 * have gone: it is looked up in Sent Items first.
 */
export const claimed = (entry: PendingEntry, leaseUntil: string): SendingEntry => ({
  ...kept(entry),
  status: 'sending',
  leaseUntil,
  mustVerify: entry.mustVerify === true || entry.status === 'sending',
});

/** Looked up in Sent Items and not found: the attempt may send. */
export const verified = (entry: SendingEntry): SendingEntry => ({ ...entry, mustVerify: false });

/** Back in the queue after an attempt that did not send it (or may have: `mustVerify`). */
export const released = (
  entry: SendingEntry,
  attempt: { attempts: number; lastError: string; mustVerify?: boolean },
  nextAttemptAt: string,
): QueuedEntry => ({
  ...kept(entry),
  status: 'queued',
  attempts: attempt.attempts,
  lastError: attempt.lastError,
  nextAttemptAt,
  ...((attempt.mustVerify ?? entry.mustVerify) ? { mustVerify: true } : {}),
});

/** Sent: with the proof when this sender saw it go (a row tidied after the complaint recorded it has none). */
export const sent = (entry: OutboxEntry, proof?: DeliveryProof, attempts = entry.attempts): SentEntry => ({
  ...withoutError(entry),
  attempts,
  status: 'sent',
  ...(proof ? { proof } : {}),
});

/**
 * "Verzending mislukt": the handler looks into it. A letter whose last attempt may have arrived keeps
 * `mustVerify`, so queueing it again looks in Sent Items before it sends.
 */
export const failed = (
  entry: OutboxEntry,
  code: string,
  failedAt: string,
  attempts = entry.attempts,
): FailedEntry => ({
  ...kept(entry),
  attempts,
  status: 'failed',
  lastError: code,
  failedAt,
  ...('mustVerify' in entry && entry.mustVerify ? { mustVerify: true } : {}),
});

/** Not sent: the handler sent it by hand (the complaint says so). */
export const cancelled = (entry: OutboxEntry): CancelledEntry => ({ ...kept(entry), status: 'cancelled' });

/** Queued again by a handler after "verzending mislukt": a fresh round of attempts. */
export const requeued = (entry: FailedEntry): QueuedEntry => ({
  ...withoutError(entry),
  status: 'queued',
  attempts: 0,
  ...(entry.mustVerify ? { mustVerify: true } : {}),
});

/** The handler's personal paragraph, while the letter waits; an empty text removes it. */
export function withPersonalNote(entry: QueuedEntry, text: string): QueuedEntry {
  const { personalNote: _old, ...rest } = entry;
  return text ? { ...rest, personalNote: text } : rest;
}

// The transitions of a staff notice's row. A notice that may have gone counts as sent: a second copy would be
// worse than none.

const keptNotice = (entry: StaffNoticeEntry) => ({
  noticeId: entry.noticeId,
  notice: entry.notice,
  ...keptDelivery(entry),
});

/** A notice as its step queues it. */
export const queuedNotice = (noticeId: string, notice: StaffNotice, queuedAt: string): QueuedNotice => ({
  noticeId,
  notice,
  queuedAt,
  attempts: 0,
  status: 'queued',
});

export const noticeClaimed = (entry: QueuedNotice, leaseUntil: string): SendingNotice => ({
  ...keptNotice(entry),
  status: 'sending',
  leaseUntil,
});

export const noticeReleased = (
  entry: SendingNotice,
  attempts: number,
  lastError: string,
  nextAttemptAt: string,
): QueuedNotice => ({ ...keptNotice(entry), attempts, lastError, status: 'queued', nextAttemptAt });

/** Sent by this sender (`sentAt`), by the hourly sweep (`sentBySweep`), or perhaps by a sender that died. */
export const noticeSent = (
  entry: StaffNoticeEntry,
  how: { attempts?: number; sentAt?: string; sentBySweep?: true } = {},
): SentNotice => ({
  ...keptNotice(entry),
  status: 'sent',
  attempts: how.attempts ?? entry.attempts,
  ...(how.sentAt ? { sentAt: how.sentAt } : {}),
  ...(how.sentBySweep ? { sentBySweep: true } : {}),
});

export const noticeFailed = (entry: SendingNotice, attempts: number, code: string): StaffNoticeEntry => ({
  ...keptNotice(entry),
  attempts,
  status: 'failed',
  lastError: code,
});

/** Nobody to send it to (no director configured). */
export const noticeCancelled = (entry: SendingNotice, code: string): StaffNoticeEntry => ({
  ...keptNotice(entry),
  status: 'cancelled',
  lastError: code,
});
