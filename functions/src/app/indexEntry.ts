import { normaliseName } from '../../../domain/src/admissibility';
import { pendingDeadlines, retentionDue } from '../../../domain/src/pendingDeadlines';
import { toStatistics } from '../../../domain/src/anonymise';
import { searchKeysOf } from '../../../domain/src/searchText';
import type { ComplaintDocument } from './complaintDocument';
import type { ComplaintIndex, IndexEntry } from './ports/complaintIndex';
import { parseEmailAddress } from '../../../domain/src/emailAddress';
import { failedLetterCount } from '../letters/failedLetters';

/** The index entry derived from a complaint; written whole after every change. */
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
    complainantAddress: parseEmailAddress(s.complainant.address) ?? '',
    complainantName: normaliseName(s.complainant.name),
    subject: s.subject,
    decidedOn: s.decision?.on ?? s.inadmissible?.on ?? '',
    pending: procedural.map((p) => `${p.deadline}:${p.due}`).join(','),
    handlerName: s.handler.name,
    closedOn: s.closedOn ?? '',
    retainUntil: retentionDue(s)[0]?.due ?? '',
    unsentLetters: s.letters.filter((l) => l.sentOn === undefined && l.cancelledOn === undefined).length,
    unsentNotices: doc.unsentNotices?.length ?? 0,
    failedLetters: failedLetterCount(doc),
    version: doc.version ?? 0,
    complainantDisplayName: s.complainant.name,
    searchKeys: searchKeysOf({
      number: s.number,
      complainantName: s.complainant.name,
      complainantAddress: s.complainant.address,
      subject: s.subject,
    }).join(' '),
    ...statisticsProperty(JSON.stringify(toStatistics(s, s.registeredOn))),
  };
}

/** One string property holds at most 64 KiB (32K UTF-16 characters); a larger record is not kept on the row. */
const maxStatisticsChars = 30_000;

export const statisticsProperty = (json: string): { statistics?: string } =>
  json.length <= maxStatisticsChars ? { statistics: json } : {};

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

/**
 * Every open complaint's entry, most urgent first, from the storage that holds open complaints only (closed
 * complaints cost nothing here). Entries written before that storage existed are brought over first, once.
 */
export async function allOpen(index: ComplaintIndex): Promise<IndexEntry[]> {
  await index.backfill();
  const out = new Map<string, IndexEntry>();
  let continuationToken: string | undefined;
  do {
    const page = await index.listOpen({
      pageSize: 1000,
      ...(continuationToken ? { continuationToken } : {}),
    });
    // A row left behind by a write that failed halfway repeats a complaint: the newest version counts.
    for (const e of page.items) if ((out.get(e.id)?.version ?? -1) < (e.version ?? 0)) out.set(e.id, e);
    continuationToken = page.continuationToken;
  } while (continuationToken);
  return [...out.values()];
}
