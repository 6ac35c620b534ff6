import {
  toStatistics,
  type AnonymisedComplaint,
  type ComplaintStatistics,
} from '../../../domain/src/anonymise';
import type { LocalDate } from '../../../domain/src/localDate';
import type { ComplaintDocument } from '../app/complaintDocument';
import { allOf } from '../app/indexEntry';
import type { ComplaintIndex, IndexEntry } from '../app/ports/complaintIndex';
import type { ComplaintStore } from '../app/ports/complaintStore';
import { mapLimit } from '../shared/mapLimit';
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
