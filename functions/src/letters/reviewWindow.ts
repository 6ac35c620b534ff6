import { partsOf, toAmsterdamDate, type LocalDate } from '../../../domain/src/localDate';
import type { Deadlines } from '../../../domain/src/complaintState';
import type { OutboxEntry, QueuedEntry } from '../app/ports/outboxEntry';

/** What of the complaint decides a letter's window: its deadlines. */
type Complaint = { state: { deadlines: Deadlines } };

/** The day a letter with a legal deadline goes at the latest, window or not; undefined for other letters. */
function lastDayOf(entry: OutboxEntry, doc: Complaint): LocalDate | undefined {
  const deadlines = doc.state.deadlines;
  return entry.letter.kind === 'acknowledgement'
    ? deadlines.acknowledgeBy
    : entry.letter.kind === 'extension'
      ? deadlines.extensionNoticeBy
      : undefined;
}

/**
 * The instant a day begins in Amsterdam: 22:00 or 23:00 UTC the day before (summer or winter time; the clocks
 * never change at midnight there).
 */
function startOfAmsterdamDay(day: LocalDate): number {
  const { year, month, day: d } = partsOf(day);
  const summer = Date.UTC(year, month - 1, d) - 2 * 3_600_000;
  return toAmsterdamDate(new Date(summer)) === day ? summer : summer + 3_600_000;
}

/**
 * Until when the review window holds this letter: its end, but no later than the start of the deadline's day
 * for a letter with a legal deadline. Without a window: the moment it was queued.
 */
function heldUntil(entry: OutboxEntry, doc: Complaint, windowMs: number): number {
  const queued = Date.parse(entry.queuedAt);
  if (windowMs <= 0) return queued;
  const lastDay = lastDayOf(entry, doc);
  const windowEnds = queued + windowMs;
  if (lastDay === undefined) return windowEnds;
  // Queued on the deadline's day itself: not held at all.
  return Math.max(queued, Math.min(windowEnds, startOfAmsterdamDay(lastDay)));
}

/**
 * The handler may read (and add to) a letter before it goes ("after a review window", KR_LETTER_REVIEW_MINUTES),
 * but a letter with a legal deadline goes at the latest on that deadline's day.
 */
export function inReviewWindow(entry: OutboxEntry, doc: Complaint, now: Date, windowMs: number): boolean {
  return heldUntil(entry, doc, windowMs) > now.getTime();
}

/**
 * When a waiting letter goes, as the sender will decide it: at the end of its review window (or the start of
 * its deadline's day, when the window runs into it), or at its next attempt when that is later (a throttled
 * Graph asked to wait). A moment already past means: with the next run of the sender, within the minute.
 */
export function sendsAt(entry: QueuedEntry, doc: Complaint, windowMs: number): string {
  const nextAttempt = entry.nextAttemptAt ? Date.parse(entry.nextAttemptAt) : 0;
  return new Date(Math.max(heldUntil(entry, doc, windowMs), nextAttempt)).toISOString();
}
