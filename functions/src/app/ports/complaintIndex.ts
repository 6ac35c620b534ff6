import type { EmailAddress } from '../../../../domain/src/emailAddress';

/**
 * One row per complaint in the index table, so that listing the register, finding earlier complaints of a
 * complainant (R12) and the deadline sweep read small rows instead of whole complaints. Open and closed
 * complaints live in separate partitions; a copy of each open entry, keyed by urgency, lives where only open
 * complaints are kept (the sweep and the urgency order read it), and search rows find a complaint by its words.
 *
 * The index is derived from the complaint and rewritten whole after every change; if writing it fails, the
 * next change of that complaint repairs it.
 */
export interface IndexEntry {
  id: string;
  number: string;
  year: number;
  status: 'open' | 'closed';
  handlerAddress: string;
  receivedOn: string;
  /** Earliest pending deadline (YYYY-MM-DD), '' when nothing is pending. */
  nextDeadline: string;
  complainantAddress: string;
  complainantName: string;
  subject: string;
  decidedOn: string;
  /**
   * The deadline sweep's work list: every pending procedural deadline as `name:YYYY-MM-DD`, comma-separated
   * ('' when none). Absent on rows written before the sweep existed; the sweep then reads the complaint.
   */
  pending?: string;
  /** The "verantwoordelijke"'s display name, for reminders without reading the complaint. */
  handlerName?: string;
  closedOn?: string;
  /** R3: the day after which retention may erase the complaint; '' while open or under a legal hold. */
  retainUntil?: string;
  /**
   * Letters queued and neither sent nor cancelled (waiting, or failed): where the per-minute sender looks.
   */
  unsentLetters?: number;
  /**
   * Letters marked "verzending mislukt" and neither queued again, sent nor cancelled since (the complaint's
   * `failedLetters`): the sweep reads a complaint's outbox, to tell the handler, only when this is above 0.
   * Absent on rows written before it existed; the sweep then reads the outbox when `unsentLetters` is above 0.
   */
  failedLetters?: number;
  /**
   * Staff notices (the director on an escalation, a new handler) not yet sent or given up: a throttled notice
   * is retried by the per-minute sender also when every letter of the complaint has gone.
   */
  unsentNotices?: number;
  /**
   * The complaint's statistical record (domain `ComplaintStatistics`, JSON; the record R3 keeps after erasure),
   * so the yearly analysis lists one year's rows instead of reading every complaint. Made on the day of the
   * write: the reader derives pending/overdue again for its own day (`statisticsAsOf`); after erasure it is the
   * archived record as is. Absent on rows written before it existed (the analysis then reads the complaint and
   * writes the row again) and for a record too large for one property.
   */
  statistics?: string;
  /** True once retention replaced the complaint by its statistical record (the personal fields are ''). */
  anonymised?: boolean;
  /** The complaint's write version (ComplaintDocument.version): an older entry never replaces a newer one. */
  version?: number;
  /** The complainant's name as given (the register row shows it; `complainantName` is the compared form). */
  complainantDisplayName?: string;
  /**
   * What the complaint is found by (domain `searchKeysOf`), space-separated. Each key is a row of the search
   * rows; keeping the list on the entry lets a rewrite remove the keys that no longer apply.
   */
  searchKeys?: string;
}

/** The open complaints by urgency: only these filters (they are properties of the open rows). */
export interface OpenQuery {
  handlerAddress?: string;
  year?: number;
  overdueBefore?: string;
  pageSize: number;
  continuationToken?: string;
}

/** A search row: enough to order and page the hits before their entries are read. */
export interface SearchHit {
  id: string;
  status: 'open' | 'closed';
  number: string;
  year: number;
  receivedOn: string;
}

export interface ListQuery {
  status?: 'open' | 'closed';
  handlerAddress?: string;
  year?: number;
  /** Only complaints with a pending deadline before this date. */
  overdueBefore?: string;
  /** Closed complaints whose retention ended before this date (R3), not yet anonymised. */
  retainBefore?: string;
  pageSize: number;
  continuationToken?: string;
}

/** A complaint on the per-minute sender's work list. */
export interface UnsentWork {
  id: string;
  /** The staff notices its index row counts as unsent (0 on rows written before notices were counted). */
  unsentNotices: number;
  /**
   * The failed letters its index row counts (`IndexEntry.failedLetters`; 0 on rows written before they were
   * counted), so the sender can tell a count the hourly sweep would miss a failure by, and repair it.
   */
  failedLetters: number;
}

export interface ComplaintIndex {
  put(entry: IndexEntry): Promise<void>;
  list(query: ListQuery): Promise<{ items: IndexEntry[]; continuationToken?: string }>;
  /**
   * Earlier complaints of the same complainant: same address, or same normalised name (`''`: by address only).
   * Without an address (the text was none), by name only.
   */
  byComplainant(address: EmailAddress | undefined, normalisedName: string): Promise<IndexEntry[]>;
  /**
   * Complaints with letters not yet sent (queued, being sent, or failed) or staff notices not yet sent: where
   * the per-minute sender looks. Each with the notices its row counts, so the sender can tell a count that
   * outlived its notices (the write that should have lowered it failed) and repair it.
   */
  withUnsentLetters(): Promise<UnsentWork[]>;
  /**
   * The open complaints, most urgent first (earliest next pending deadline, then id; none pending last), from
   * storage that holds open complaints only: the sweep and the register's `sort=urgency` read here.
   */
  listOpen(query: OpenQuery): Promise<{ items: IndexEntry[]; continuationToken?: string }>;
  /** Complaints with a key that starts with `prefix` (`exact`: equals it). Unordered. */
  searchKey(prefix: string, exact: boolean): Promise<SearchHit[]>;
  /**
   * One storage page of the complaints with a key that starts with `prefix`, in key order; pass the page's
   * `continuationToken` for the next one (absent: the range is complete). A words search reads its words' ranges
   * page by page so it can stop at the first complete one.
   */
  searchKeyPage(
    prefix: string,
    continuationToken?: string,
  ): Promise<{ hits: SearchHit[]; continuationToken?: string }>;
  /** The entry of one complaint; `status` is where to look first. */
  entry(id: string, status: 'open' | 'closed'): Promise<IndexEntry | undefined>;
  /**
   * Writes the open and search rows of every entry written before they existed, once per installation (a
   * mark remembers it); afterwards one read per process. The register's search and urgency order and the sweep
   * call it first.
   */
  backfill(): Promise<void>;
}
