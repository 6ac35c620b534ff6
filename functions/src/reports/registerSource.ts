import {
  toStatistics,
  type AnonymisedComplaint,
  type ComplaintStatistics,
} from '../../../domain/src/anonymise';
import type { LocalDate } from '../../../domain/src/localDate';
import type { ComplaintDocument } from '../app/complaintDocument';
import { allOf, refreshIndex } from '../app/indexEntry';
import { statisticsAsOf } from '../../../domain/src/statisticsAsOf';
import type { ComplaintIndex, IndexEntry } from '../app/ports/complaintIndex';
import type { ComplaintStore } from '../app/ports/complaintStore';
import { mapLimit } from '../common/boundedConcurrency';
import type { ComplaintArchive } from '../app/ports/complaintArchive';

export interface RegisterSourceDeps {
  index: ComplaintIndex;
  complaints: ComplaintStore<ComplaintDocument>;
  archive: ComplaintArchive;
}

/** A complaint as the reports see it: the living document, or (after R3) only its statistical record. */
export type RegisterItem =
  | { kind: 'living'; entry: IndexEntry; doc: ComplaintDocument }
  | { kind: 'anonymised'; entry: IndexEntry; record: AnonymisedComplaint };

/** The complaints numbered in `year` (K-<year>-…), in number order, each read once (bounded parallelism). */
export async function loadYear(deps: RegisterSourceDeps, year: number): Promise<RegisterItem[]> {
  return loadEntries(deps, await allOf(deps.index, { year }));
}

export async function loadEntries(
  deps: RegisterSourceDeps,
  entries: readonly IndexEntry[],
): Promise<RegisterItem[]> {
  const items = await mapLimit(entries, 32, async (entry): Promise<RegisterItem | undefined> => {
    if (entry.anonymised) {
      const record = await deps.archive.getRecord(entry.id);
      return record ? { kind: 'anonymised', entry, record } : undefined;
    }
    const stored = await deps.complaints.get(entry.id);
    if (stored) return { kind: 'living', entry, doc: stored.doc };
    const record = await deps.archive.getRecord(entry.id);
    return record ? { kind: 'anonymised', entry, record } : undefined;
  });
  return items
    .filter((i): i is RegisterItem => i !== undefined)
    .sort((a, b) => (a.entry.number < b.entry.number ? -1 : a.entry.number > b.entry.number ? 1 : 0));
}

/** The statistics of any item (R16 counts erased complaints too). */
export function statisticsOf(item: RegisterItem, today: LocalDate): ComplaintStatistics {
  return item.kind === 'living' ? toStatistics(item.doc.state, today) : item.record;
}

/**
 * The statistics of the complaints numbered in `year`, as of `asOf`, in number order: what the yearly analysis
 * needs, from one listing of the year's index rows (each carries its statistical record). A row without one
 * (written before the record was kept there, or too large) falls back to reading the complaint, and the row is
 * written again so the next analysis need not: that is the backfill. Same figures as reading every complaint.
 */
export async function loadYearStatistics(
  deps: RegisterSourceDeps,
  year: number,
  asOf: LocalDate,
): Promise<ComplaintStatistics[]> {
  const entries = await allOf(deps.index, { year });
  const listed: { number: string; stats: ComplaintStatistics }[] = [];
  const missing: IndexEntry[] = [];
  for (const entry of entries) {
    if (entry.statistics === undefined) {
      missing.push(entry);
      continue;
    }
    const record = JSON.parse(entry.statistics) as ComplaintStatistics;
    // An erased complaint's record is final, as the archive keeps it; a living one is read for `asOf`.
    listed.push({ number: entry.number, stats: entry.anonymised ? record : statisticsAsOf(record, asOf) });
  }
  const read = await loadEntries(deps, missing);
  await mapLimit(read, 8, async (item) => {
    if (item.kind === 'living') await refreshIndex(deps.index, item.doc);
  });
  for (const item of read) listed.push({ number: item.entry.number, stats: statisticsOf(item, asOf) });
  return listed.sort((a, b) => (a.number < b.number ? -1 : a.number > b.number ? 1 : 0)).map((l) => l.stats);
}
