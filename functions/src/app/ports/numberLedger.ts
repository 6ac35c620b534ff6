/**
 * The complaint numbers that were issued but never got a complaint. A number is taken only after every
 * deterministic check passed; if the complaint still could not be written (storage failed half-way), its number
 * is recorded as void ("vervallen", with reason and time) so the year's sequence stays complete and explained in
 * the register, the export and the yearly figures (docs/procedure.md, "Complaint numbers").
 */
export interface VoidedNumber {
  year: number;
  sequence: number;
  /** Dutch, without complaint content: why the number has no complaint. */
  reason: string;
  /** ISO timestamp. */
  voidedAt: string;
}

export interface NumberLedger {
  /** Marks an issued number void, if it is still issued to `complaintId` (idempotent). */
  voidNumber(entry: VoidedNumber, complaintId: string): Promise<void>;
  /** Void numbers of a year, in number order. */
  listVoided(year: number): Promise<VoidedNumber[]>;
  /** Lets the e-mail be registered again: drops its claim if it still points at `complaintId`. */
  releaseClaim(messageKey: string, complaintId: string): Promise<void>;
}

/** The register's text for a void number (listing, export, yearly figures). */
export const VOID_LABEL = 'vervallen';

export const formatVoided = (v: VoidedNumber): string => `${v.reason} (${v.voidedAt})`;
