import { normaliseName } from '../../../domain/src/admissibility';
import { pendingDeadlines, retentionDue } from '../../../domain/src/pendingDeadlines';
import type { ComplaintDocument } from './complaintDocument';

/**
 * One row per complaint in the index table, so that listing the register, finding earlier complaints of a
 * complainant (R12) and the deadline sweep read small rows instead of whole complaints. Open and closed
 * complaints live in separate partitions: the hourly sweep reads the open ones only.
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
   * Letters queued and neither sent nor cancelled (waiting, or failed): the sweep looks at a complaint's outbox
   * only when this is above 0.
   */
  unsentLetters?: number;
  /** True once retention replaced the complaint by its statistical record (the personal fields are ''). */
  anonymised?: boolean;
  /** The complaint's write version (ComplaintDocument.version): an older entry never replaces a newer one. */
  version?: number;
}

export function indexEntryOf(doc: ComplaintDocument): IndexEntry {
  const s = doc.state;
  const procedural = pendingDeadlines(s);
  const pending = procedural.map((p) => p.due).sort();
  return {
    id: doc.id,
    number: s.number,
    year: doc.year,
    status: s.status,
    handlerAddress: s.handler.address.toLowerCase(),
    receivedOn: s.receivedOn,
    nextDeadline: pending[0] ?? '',
    complainantAddress: s.complainant.address.trim().toLowerCase(),
    complainantName: normaliseName(s.complainant.name),
    subject: s.subject,
    decidedOn: s.decision?.on ?? s.inadmissible?.on ?? '',
    pending: procedural.map((p) => `${p.deadline}:${p.due}`).join(','),
    handlerName: s.handler.name,
    closedOn: s.closedOn ?? '',
    retainUntil: retentionDue(s)[0]?.due ?? '',
    unsentLetters: s.letters.filter((l) => l.sentOn === undefined && l.cancelledOn === undefined).length,
    version: doc.version ?? 0,
  };
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

export interface ComplaintIndex {
  put(entry: IndexEntry): Promise<void>;
  list(query: ListQuery): Promise<{ items: IndexEntry[]; continuationToken?: string }>;
  /** Earlier complaints of the same complainant: same address, or same normalised name. */
  byComplainant(address: string, normalisedName: string): Promise<IndexEntry[]>;
  /** Complaints with letters not yet sent (queued, being sent, or failed): where the letter sender looks. */
  withUnsentLetters(): Promise<string[]>;
}

/**
 * Brings the index up to date after the complaint itself was committed. The complaint is the truth and the
 * request has succeeded, so a failing index write must not turn it into an error: the next write of the
 * complaint (a step, a sent letter, or registering the same e-mail again) writes the entry again.
 */
export async function refreshIndex(index: ComplaintIndex, doc: ComplaintDocument): Promise<boolean> {
  try {
    await index.put(indexEntryOf(doc));
    return true;
  } catch {
    return false;
  }
}

/** Every index entry that matches `query`, read page by page (the timers and reports want them all). */
export async function allOf(
  index: ComplaintIndex,
  query: Omit<Parameters<ComplaintIndex['list']>[0], 'pageSize' | 'continuationToken'>,
): Promise<IndexEntry[]> {
  const out: IndexEntry[] = [];
  let continuationToken: string | undefined;
  do {
    const page = await index.list({
      ...query,
      pageSize: 1000,
      ...(continuationToken ? { continuationToken } : {}),
    });
    out.push(...page.items);
    continuationToken = page.continuationToken;
  } while (continuationToken);
  return out;
}
