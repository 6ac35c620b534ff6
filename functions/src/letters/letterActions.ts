import { z } from 'zod';
import { multiLine } from '../../../domain/src/api/text';
import type { ComplaintReadDeps } from '../app/findComplaint';
import { AppError, isStaleWrite, validationError } from '../common/errors';
import { fieldErrorsOf, parseOptions } from '../app/fieldErrors';
import { getComplaint } from '../app/findComplaint';
import type { OutboxRecord } from '../app/ports/complaintStore';
import { can, type Principal } from '../common/principal';
import { auditEntry, auditRow } from '../app/sideRows';
import type { ComplaintDocument } from '../app/complaintDocument';
import type { ComplaintIndex } from '../app/ports/complaintIndex';
import { refreshIndex } from '../app/indexEntry';
import { conflictRetry, retry, tryAgain, type TryAgain } from '../common/retry';
import { withoutFailedLetters } from './failedLetters';
import { isLetterEntry, requeued, withPersonalNote, type OutboxEntry } from '../app/ports/outboxEntry';

/**
 * Letter actions read the complaint (audited) and rewrite its outbox rows; queueing a failed letter again also
 * takes it off the complaint's failed letters and rewrites the index entry.
 */
export type LetterActionDeps = ComplaintReadDeps & { index: ComplaintIndex };

const noteBody = z.strictObject({ text: multiLine(2000) });

/** The outbox row of one letter of a complaint the caller may handle. */
async function letterRow(
  services: LetterActionDeps,
  principal: Principal,
  id: string,
  seq: number,
): Promise<{ record: OutboxRecord; entry: OutboxEntry; complaintId: string }> {
  if (!can(principal, 'handle')) throw new AppError('forbidden', 'forbidden', 'U mag geen brieven wijzigen.');
  const { doc } = await getComplaint(services, principal, id);
  for (const record of await services.complaints.listOutbox({ complaintId: doc.id })) {
    const entry = record.data;
    if (isLetterEntry(entry) && entry.letter.seq === seq) return { record, entry, complaintId: doc.id };
  }
  throw new AppError('notFound', 'letter-not-found', 'Deze brief bestaat niet bij deze klacht.');
}

/**
 * `PUT /api/complaints/{id}/letters/{seq}/note`: the handler's personal paragraph, while the letter still waits
 * (the review window, KR_LETTER_REVIEW_MINUTES). Guarded by the row's ETag: a letter being sent is never edited.
 */
export async function setPersonalNote(
  services: LetterActionDeps,
  principal: Principal,
  id: string,
  seq: number,
  body: unknown,
) {
  const parsed = noteBody.safeParse(body, parseOptions);
  if (!parsed.success)
    throw validationError('De persoonlijke alinea is niet goed ingevuld.', fieldErrorsOf(parsed.error));
  const { record, entry, complaintId } = await letterRow(services, principal, id, seq);
  if (entry.status !== 'queued') {
    throw new AppError(
      'conflict',
      'letter-not-editable',
      'Deze brief is al verzonden of wordt nu verzonden; een persoonlijke alinea kan alleen vóór verzending.',
    );
  }
  await services.complaints.saveOutbox(
    { complaintId, key: record.key, data: withPersonalNote(entry, parsed.data.text.trim()) },
    record.etag,
  );
  await services.complaints.audit(complaintId, [
    auditEntry(services.clock.now(), principal, 'letter-note', `brief ${seq}`),
  ]);
}

/**
 * `POST /api/complaints/{id}/letters/{seq}/retry`: a letter marked "verzending mislukt" goes back in the queue
 * (after the administrator fixed the mailbox permission, say). It keeps `mustVerify`: a letter whose last
 * attempt may have arrived is looked up in Sent Items before it is sent again.
 */
export async function retryLetter(
  services: LetterActionDeps,
  principal: Principal,
  id: string,
  seq: number,
): Promise<void> {
  const { record, entry, complaintId } = await letterRow(services, principal, id, seq);
  if (entry.status !== 'failed') {
    throw new AppError(
      'conflict',
      'letter-not-failed',
      'Alleen een brief waarvan de verzending is mislukt kan opnieuw worden verstuurd.',
    );
  }
  // The row first, then the complaint: a count of failed letters left behind by a write that failed costs the
  // hourly sweep one query, while a count lowered first could hide a row that stayed failed.
  await services.complaints.saveOutbox({ complaintId, key: record.key, data: requeued(entry) }, record.etag);
  const audit = auditRow(services.clock.now(), principal, 'letter-retry', `brief ${seq}`);
  const attempt = async (): Promise<ComplaintDocument | undefined | TryAgain> => {
    const stored = await services.complaints.get(complaintId);
    // Failed before the complaint counted its failed letters: only the audit row to write.
    const doc = stored && withoutFailedLetters(stored.doc, [seq]);
    if (!stored || !doc) return undefined;
    try {
      await services.complaints.update(doc, stored.etag, [audit]);
      return doc;
    } catch (error) {
      if (isStaleWrite(error)) return tryAgain;
      throw error;
    }
  };
  const doc = await retry(attempt, { ...conflictRetry, exhausted: busy });
  if (doc) await refreshIndex(services.index, doc);
  else if (audit.kind === 'audit') await services.complaints.audit(complaintId, [audit.data]);
}

const busy = (): never => {
  throw new AppError(
    'unavailable',
    'busy',
    'De klacht wordt op dit moment bijgewerkt. Probeer het over enkele ogenblikken opnieuw.',
  );
};
