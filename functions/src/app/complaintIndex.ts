import { normaliseName } from '../../../domain/src/admissibility';
import { pendingDeadlines } from '../../../domain/src/pendingDeadlines';
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
}

export function indexEntryOf(doc: ComplaintDocument): IndexEntry {
  const s = doc.state;
  const pending = pendingDeadlines(s)
    .filter((p) => p.deadline !== 'retainUntil')
    .map((p) => p.due)
    .sort();
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
  };
}

export interface ListQuery {
  status?: 'open' | 'closed';
  handlerAddress?: string;
  year?: number;
  /** Only complaints with a pending deadline before this date. */
  overdueBefore?: string;
  pageSize: number;
  continuationToken?: string;
}

export interface ComplaintIndex {
  put(entry: IndexEntry): Promise<void>;
  list(query: ListQuery): Promise<{ items: IndexEntry[]; continuationToken?: string }>;
  /** Earlier complaints of the same complainant: same address, or same normalised name. */
  byComplainant(address: string, normalisedName: string): Promise<IndexEntry[]>;
}
