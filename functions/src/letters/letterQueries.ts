import type { ProcedureSettings } from '../../../domain/src/settings';
import type { LetterKind } from '../../../domain/src/complaintState';
import type { ComplaintReadDeps } from '../app/findComplaint';
import type { LetterSettingsSource } from './letterSettings';
import type { ComplaintDocument } from '../app/complaintDocument';
import { AppError } from '../common/errors';
import { getComplaint } from '../app/findComplaint';
import type { OutboxRecord } from '../app/ports/complaintStore';
import { can, type Principal } from '../common/principal';
import { letterSettingsFrom } from './letterSettings';
import { isLetterEntry, type DeliveryStatus, type OutboxEntry } from '../app/ports/outboxEntry';
import { DELIVERY_STATUS_LABELS } from './deliveryStatusLabels';
import { renderLetter } from './renderLetter';
import { sendsAt } from './reviewWindow';
import type { LetterPreview, LetterView } from '../../../domain/src/api/letters';

export interface LetterQueryDeps extends ComplaintReadDeps {
  /** `letterReviewMinutes`: how long a letter waits for the handler (KR_LETTER_REVIEW_MINUTES; absent: 0). */
  config: LetterSettingsSource & { letterReviewMinutes?: number };
  procedure: { settings: Pick<ProcedureSettings, 'retentionYears' | 'thirdParty'> };
}

export type { LetterPreview, LetterView };

function statusOf(
  letter: ComplaintDocument['state']['letters'][number],
  entry: OutboxEntry | undefined,
): DeliveryStatus {
  if (letter.sentOn !== undefined) return 'sent';
  if (letter.cancelledOn !== undefined && entry?.status !== 'sent') return 'cancelled';
  return entry?.status ?? 'queued';
}

function entriesBySeq(records: readonly OutboxRecord[]): Map<number, OutboxEntry> {
  const map = new Map<number, OutboxEntry>();
  for (const record of records) {
    if (isLetterEntry(record.data)) map.set(record.data.letter.seq, record.data);
  }
  return map;
}

/** When a waiting letter goes: what the sender needs to decide it. */
interface SendingClock {
  doc: ComplaintDocument;
  windowMs: number;
}

const sendingClockOf = (services: LetterQueryDeps, doc: ComplaintDocument): SendingClock => ({
  doc,
  windowMs: (services.config.letterReviewMinutes ?? 0) * 60_000,
});

function viewOf(
  letter: ComplaintDocument['state']['letters'][number],
  entry: OutboxEntry | undefined,
  clock: SendingClock,
): LetterView {
  const status = statusOf(letter, entry);
  return {
    seq: letter.seq,
    kind: letter.kind,
    status,
    statusLabel: DELIVERY_STATUS_LABELS[status],
    queuedOn: letter.queuedOn,
    ...(letter.sentOn ? { sentOn: letter.sentOn } : {}),
    ...(letter.cancelledOn ? { cancelledOn: letter.cancelledOn } : {}),
    attempts: entry?.attempts ?? 0,
    ...(entry?.status === 'queued' && entry.nextAttemptAt && status === 'queued'
      ? { nextAttemptAt: entry.nextAttemptAt }
      : {}),
    ...(entry?.status === 'queued' && status === 'queued'
      ? { sendsAt: sendsAt(entry, clock.doc, clock.windowMs) }
      : {}),
    ...(entry?.status === 'failed' ? { failedAt: entry.failedAt } : {}),
    ...(entry?.lastError ? { lastError: entry.lastError } : {}),
    ...(entry?.status === 'sent' && entry.proof ? { proof: entry.proof } : {}),
  };
}

/** `GET /api/complaints/{id}/letters`: every letter of a complaint with its delivery state. */
export async function listLetters(
  services: LetterQueryDeps,
  principal: Principal,
  id: string,
): Promise<LetterView[]> {
  const { doc } = await getComplaint(services, principal, id);
  const entries = entriesBySeq(await services.complaints.listOutbox({ complaintId: doc.id }));
  const clock = sendingClockOf(services, doc);
  return doc.state.letters.map((l) => viewOf(l, entries.get(l.seq), clock));
}

/** `GET /api/complaints/{id}/letters/{seq}/preview`: the letter exactly as it is (or was) sent. */
export async function previewLetter(
  services: LetterQueryDeps,
  principal: Principal,
  id: string,
  seq: number,
): Promise<LetterPreview> {
  const { doc } = await getComplaint(services, principal, id);
  const letter = doc.state.letters.find((l) => l.seq === seq);
  const entry = entriesBySeq(await services.complaints.listOutbox({ complaintId: doc.id })).get(seq);
  if (!letter || !entry) {
    throw new AppError('notFound', 'letter-not-found', 'Deze brief bestaat niet bij deze klacht.');
  }
  const rendered = renderLetter(
    entry.letter,
    doc.state,
    letterSettingsFrom(services.config, services.procedure.settings),
    {
      ...(entry.personalNote ? { personalNote: entry.personalNote } : {}),
    },
  );
  return { ...viewOf(letter, entry, sendingClockOf(services, doc)), to: entry.letter.to, ...rendered };
}

/** A letter that could not be sent, for the director: where, what and since when; no content. */
export interface FailedLetter {
  complaintId: string;
  complaintNumber: string;
  seq: number;
  kind: LetterKind;
  attempts: number;
  failedAt?: string;
  lastError?: string;
}

/** `GET /api/letters/failed`: every letter marked "verzending mislukt" (the director counts and follows up). */
export async function listFailedLetters(
  services: LetterQueryDeps,
  principal: Principal,
): Promise<FailedLetter[]> {
  if (!can(principal, 'audit')) {
    throw new AppError(
      'forbidden',
      'forbidden',
      'Alleen de directeur ziet de mislukte verzendingen van alle klachten.',
    );
  }
  const records = await services.complaints.listOutbox({ statuses: ['failed'] });
  return records.flatMap((record): FailedLetter[] => {
    const entry = record.data;
    if (!isLetterEntry(entry) || entry.status !== 'failed') return [];
    return [
      {
        complaintId: record.complaintId,
        complaintNumber: entry.letter.complaintNumber,
        seq: entry.letter.seq,
        kind: entry.letter.kind,
        attempts: entry.attempts,
        failedAt: entry.failedAt,
        ...(entry.lastError ? { lastError: entry.lastError } : {}),
      },
    ];
  });
}
