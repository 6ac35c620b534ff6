/**
 * The ports the use cases need. Adapters implement them against Table/Blob Storage; tests use
 * stateful in-memory fakes of the same contracts.
 */

/** Rows that are written in the same transaction as a complaint's change. */
export type SideRow =
  | { kind: 'audit'; key: string; data: AuditEntry }
  | { kind: 'outbox'; key: string; data: Record<string, unknown> };

export interface AuditEntry {
  at: string;
  /** Entra object id and display name of the actor, or `system` for timers. */
  actorId: string;
  actorName: string;
  action: string;
  /** What changed, without complaint content (step type, fields touched). */
  detail?: string;
}

export interface Stored<T> {
  doc: T;
  etag: string;
}

export type ClaimResult =
  { claimed: true } | { claimed: false; complaintId: string; claimedAt: Date; etag: string };

export interface ComplaintStore<T extends { id: string }> {
  /**
   * Claims an e-mail for a new complaint id. The first caller wins (storage refuses a second insert);
   * the others learn which complaint the e-mail belongs to.
   */
  claimMessage(messageKey: string, complaintId: string, now: Date): Promise<ClaimResult>;
  /** The complaint an e-mail was claimed for, if any (the complaint itself may still be being written). */
  lookupMessage(messageKey: string): Promise<string | undefined>;
  /** Takes over a claim whose owner never finished (its ETag guards against two takers). */
  renewClaim(messageKey: string, etag: string, now: Date): Promise<boolean>;
  /** Next gapless number of the year for this complaint; asking again for the same complaint gives the same number. */
  allocateNumber(year: number, complaintId: string): Promise<number>;
  /** Writes a new complaint with its side rows atomically; `exists` when it was already written. */
  create(doc: T, rows: readonly SideRow[]): Promise<'created' | 'exists'>;
  get(id: string): Promise<Stored<T> | undefined>;
  /** Replaces the complaint if `etag` is still current (else throws a preconditionFailed AppError). */
  update(doc: T, etag: string, rows: readonly SideRow[]): Promise<string>;
  /** Appends audit rows without changing the complaint (reads are audited too). */
  audit(id: string, entries: readonly AuditEntry[]): Promise<void>;
  listAudit(id: string): Promise<AuditEntry[]>;
}

/** Whether storage answers at all; used by the health endpoint. */
export interface StorageProbe {
  ping(): Promise<void>;
}
