import type { ComplaintDocument } from '../app/complaintDocument';

/**
 * The letters marked "verzending mislukt" are counted on the complaint (`failedLetters`, their seqs), so the
 * index can tell the hourly sweep which outboxes hold a failure to report: reading every outbox with a letter
 * still waiting would cost a query per waiting letter, most of which are merely queued.
 */

const awaiting = (doc: ComplaintDocument, seq: number): boolean =>
  doc.state.letters.some((l) => l.seq === seq && l.sentOn === undefined && l.cancelledOn === undefined);

/**
 * The failed letters the sweep still has to look at: a letter sent or cancelled after all is no failure to
 * report (the letter list shows it as sent or cancelled), even if its seq was not taken off yet.
 */
export const failedLetterCount = (doc: ComplaintDocument): number =>
  (doc.failedLetters ?? []).filter((seq) => awaiting(doc, seq)).length;

/** The complaint with letter `seq` counted as failed (unchanged when it is already, or no longer awaited). */
export function withFailedLetter(doc: ComplaintDocument, seq: number): ComplaintDocument {
  if (!awaiting(doc, seq) || doc.failedLetters?.includes(seq)) return doc;
  return { ...doc, failedLetters: [...(doc.failedLetters ?? []), seq].sort((a, b) => a - b) };
}

/** The complaint without `seqs` among its failed letters; undefined when none of them was there. */
export function withoutFailedLetters(
  doc: ComplaintDocument,
  seqs: readonly number[],
): ComplaintDocument | undefined {
  if (!doc.failedLetters?.some((s) => seqs.includes(s))) return undefined;
  const { failedLetters, ...rest } = doc;
  const left = failedLetters.filter((s) => !seqs.includes(s));
  return left.length > 0 ? { ...rest, failedLetters: left } : rest;
}

/** The complaint without the failed letters a step sent or cancelled meanwhile (the step writes it anyway). */
export function withoutSettledFailures(doc: ComplaintDocument): ComplaintDocument {
  const settled = (doc.failedLetters ?? []).filter((seq) => !awaiting(doc, seq));
  return withoutFailedLetters(doc, settled) ?? doc;
}
