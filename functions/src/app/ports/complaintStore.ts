import type { OutboxData } from './outboxEntry';

/**
 * The ports the use cases need. Adapters implement them against Table/Blob Storage; tests use
 * stateful in-memory fakes of the same contracts.
 */

/** Rows that are written in the same transaction as a complaint's change. */
export type SideRow =
  | { kind: 'audit'; key: string; data: AuditEntry }
  | { kind: 'outbox'; key: string; data: OutboxData }
  /** One e-mail of the complaint's conversation (linked or captured), keyed by its 4-digit seq. */
  | { kind: 'message'; key: string; data: Record<string, unknown> };

export interface AuditEntry {
  at: string;
  /** Entra object id and display name of the actor, or `system` for timers. */
  actorId: string;
  actorName: string;
  action: string;
  /** What changed, without complaint content (step type, fields touched). */
  detail?: string;
}

/**
 * An outbox row: the letter (or staff notice) a step queued plus its delivery state, in the complaint's
 * partition (`outboxEntry.ts`). The adapter parses what it reads; a row this version does not understand is
 * not listed (and left alone).
 */
export interface OutboxRecord {
  complaintId: string;
  /** The letter's sequence number, 4 digits (`0001`). */
  key: string;
  etag: string;
  data: OutboxData;
}

export interface Stored<T> {
  doc: T;
  etag: string;
}

export type ClaimResult =
  { claimed: true } | { claimed: false; complaintId: string; claimedAt: Date; etag: string };

export interface ComplaintStore<T extends { id: string; version?: number }> {
  /**
   * Claims an e-mail for a new complaint id. The first caller wins (storage refuses a second insert);
   * the others learn which complaint the e-mail belongs to.
   */
  claimMessage(messageKey: string, complaintId: string, now: Date): Promise<ClaimResult>;
  /** The complaint an e-mail was claimed for, if any (the complaint itself may still be being written). */
  lookupMessage(messageKey: string): Promise<string | undefined>;
  /** Takes over a claim whose owner never finished (its ETag guards against two takers). */
  renewClaim(messageKey: string, etag: string, now: Date): Promise<boolean>;
  /**
   * Next gapless number of the year for this complaint; asking again for the same complaint gives the same number.
   * `fresh`: the id was claimed by this request just now, so it cannot hold a number yet and the look-up of an
   * earlier allocation (one round trip) is skipped.
   */
  allocateNumber(year: number, complaintId: string, options?: { fresh?: boolean }): Promise<number>;
  /**
   * Writes a new complaint with its side rows atomically; `exists` when it was already written. When created,
   * the document's ETag and each side row's (in the order given), so the caller need not read what it wrote.
   * `create` and `update` stamp the document's write `version` (on the stored copy and on `doc`).
   */
  create(doc: T, rows: readonly SideRow[]): Promise<CreateResult>;
  get(id: string): Promise<Stored<T> | undefined>;
  /** Replaces the complaint if `etag` is still current (else throws a preconditionFailed AppError). */
  update(doc: T, etag: string, rows: readonly SideRow[]): Promise<string>;
  /** Appends audit rows without changing the complaint (reads are audited too). */
  audit(id: string, entries: readonly AuditEntry[]): Promise<void>;
  listAudit(id: string): Promise<AuditEntry[]>;
  /**
   * Outbox rows: every row of one complaint, or the rows in the given delivery states across all complaints
   * (the sender's work list; a filtered scan of the table, fine at a complaints register's volume).
   */
  listOutbox(query: { complaintId: string } | { statuses: readonly string[] }): Promise<OutboxRecord[]>;
  /** Replaces one outbox row if `etag` is still current (else throws a preconditionFailed AppError); returns the new ETag. */
  saveOutbox(record: Omit<OutboxRecord, 'etag'>, etag: string): Promise<string>;
}

export type CreateResult =
  { outcome: 'created'; etag: string; rowEtags: readonly string[] } | { outcome: 'exists' };

/** A complaint its caller has just written, with its outbox rows and their ETags as the write answered them. */
export interface WrittenComplaint<T> {
  stored: Stored<T>;
  records: OutboxRecord[];
}
