/**
 * Complaint numbers `K-<year>-<4 digits>`, per year of registration (docs/procedure.md). The counter that makes
 * them gapless lives in storage; the domain only formats and validates, so that a number typed by a handler
 * or found in an old export is recognised the same way everywhere.
 */

declare const complaintNumberBrand: unique symbol;

/** `K-2026-0001`. Construct with {@link formatComplaintNumber} or {@link complaintNumber}. */
export type ComplaintNumber = string & { readonly [complaintNumberBrand]: 'ComplaintNumber' };

export const MAX_SEQUENCE = 9999;
const SHAPE = /^K-(\d{4})-(\d{4})$/;

/** Throws a `RangeError` unless 1900 ≤ year ≤ 2199 and 1 ≤ sequence ≤ 9999. */
export function formatComplaintNumber(year: number, sequence: number): ComplaintNumber {
  if (!Number.isInteger(year) || year < 1900 || year > 2199) throw new RangeError(`Invalid year: ${year}`);
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > MAX_SEQUENCE) {
    throw new RangeError(`Sequence must be 1–${MAX_SEQUENCE}, got ${sequence}`);
  }
  return `K-${year}-${String(sequence).padStart(4, '0')}` as ComplaintNumber;
}

/** The year and sequence of a number, or `undefined` when the text is not one (`K-2026-0000` is not). */
export function parseComplaintNumber(text: string): { year: number; sequence: number } | undefined {
  const m = SHAPE.exec(text.trim().toUpperCase());
  if (!m) return undefined;
  const year = Number(m[1]);
  const sequence = Number(m[2]);
  if (year < 1900 || year > 2199 || sequence < 1) return undefined;
  return { year, sequence };
}

export function isComplaintNumber(value: unknown): value is ComplaintNumber {
  return typeof value === 'string' && SHAPE.test(value) && parseComplaintNumber(value) !== undefined;
}

/** Validates and brands (accepts lower case and surrounding spaces); throws a `RangeError` otherwise. */
export function complaintNumber(text: string): ComplaintNumber {
  const parsed = parseComplaintNumber(text);
  if (!parsed)
    throw new RangeError(`Not a complaint number (K-YYYY-NNNN): ${JSON.stringify(text.slice(0, 30))}`);
  return formatComplaintNumber(parsed.year, parsed.sequence);
}
