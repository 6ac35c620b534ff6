import { toAmsterdamDate } from '../../../domain/src/localDate';
import type { ComplaintDocument } from '../app/complaintDocument';
import type { OutboxEntry, QueuedEntry } from '../app/ports/outboxEntry';

/**
 * Whether the review window holds this letter at all: a letter with a legal deadline goes at the latest on that
 * deadline's day, window or not.
 */
function windowApplies(entry: OutboxEntry, doc: ComplaintDocument, now: Date, windowMs: number): boolean {
  if (windowMs <= 0) return false;
  const deadlines = doc.state.deadlines;
  const lastDay =
    entry.letter.kind === 'acknowledgement'
      ? deadlines.acknowledgeBy
      : entry.letter.kind === 'extension'
        ? deadlines.extensionNoticeBy
        : undefined;
  return lastDay === undefined || toAmsterdamDate(now) < lastDay;
}

/**
 * The handler may read (and add to) a letter before it goes ("after a review window", KR_LETTER_REVIEW_MINUTES),
 * but a letter with a legal deadline goes at the latest on that deadline's day.
 */
export function inReviewWindow(
  entry: OutboxEntry,
  doc: ComplaintDocument,
  now: Date,
  windowMs: number,
): boolean {
  return windowApplies(entry, doc, now, windowMs) && Date.parse(entry.queuedAt) + windowMs > now.getTime();
}

/**
 * When a waiting letter goes, as the sender will decide it: at the end of its review window, or at its next
 * attempt when that is later (a throttled Graph asked to wait). A moment already past means: with the next run
 * of the sender, within the minute.
 */
export function sendsAt(entry: QueuedEntry, doc: ComplaintDocument, now: Date, windowMs: number): string {
  const windowEnds = Date.parse(entry.queuedAt) + (windowApplies(entry, doc, now, windowMs) ? windowMs : 0);
  const nextAttempt = entry.nextAttemptAt ? Date.parse(entry.nextAttemptAt) : 0;
  return new Date(Math.max(windowEnds, nextAttempt)).toISOString();
}
