import { z } from 'zod';
import type { Letter } from '../../../domain/src/effects';
import { complaintNumberSchema, localDateSchema } from '../../../domain/src/schemas';

/**
 * An outbox row's `data`: the letter (as the step queued it) and its delivery state. `sideRows.outboxRows`
 * writes the first version (`status: 'queued', attempts: 0`); only the sender changes it afterwards.
 *
 * - `queued`: waiting for its (next) attempt at `nextAttemptAt`;
 * - `sending`: an attempt holds it until `leaseUntil`; a lease that ran out means the attempt died half-way;
 * - `sent`, `failed` ("verzending mislukt"), `cancelled` (sent by hand, see the `acknowledged` step): final.
 */
export const DELIVERY_STATUSES = ['queued', 'sending', 'sent', 'failed', 'cancelled'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
export const PENDING_STATUSES: readonly DeliveryStatus[] = ['queued', 'sending'];

/** Dutch labels for the pane and the director. */
export const DELIVERY_STATUS_LABELS: Readonly<Record<DeliveryStatus, string>> = {
  queued: 'in de wachtrij',
  sending: 'wordt verzonden',
  sent: 'verzonden',
  failed: 'verzending mislukt',
  cancelled: 'niet verzonden (geannuleerd)',
};

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

export const outboxEntrySchema = z.object({
  letterId: z.string().min(1),
  letter: letterSchema,
  queuedAt: z.string(),
  status: z.enum(DELIVERY_STATUSES),
  /** Send attempts made (look-ups in Sent Items do not count). */
  attempts: z.number().int().min(0),
  nextAttemptAt: z.string().optional(),
  leaseUntil: z.string().optional(),
  /** The last attempt may have been accepted: look in Sent Items before sending again. */
  mustVerify: z.boolean().optional(),
  /** Machine code of the last problem (`throttled`, `timeout`, `http-400`…), never content. */
  lastError: z.string().optional(),
  personalNote: z.string().max(5000).optional(),
  proof: deliveryProofSchema.optional(),
  failedAt: z.string().optional(),
});
export type OutboxEntry = z.infer<typeof outboxEntrySchema>;

// The parsed letter must be the domain's Letter, so that rendering and recording need no casts.
const _sameShape: (l: z.infer<typeof letterSchema>) => Letter = (l) => l;
void _sameShape;

/** Parses a stored row; `undefined` when it is not an outbox entry this version understands. */
export function parseOutboxEntry(data: unknown): OutboxEntry | undefined {
  const parsed = outboxEntrySchema.safeParse(data);
  return parsed.success ? parsed.data : undefined;
}
