import { numberKey, matchesKeys, type SearchQuery } from '../../../domain/src/searchText';
import type { ComplaintIndex, IndexEntry, SearchHit } from './ports/complaintIndex';

/**
 * How the search orders its hits before any entry is read: open complaints first, then the newest. The order is
 * a property of the search rows alone, so paging needs no more than they hold.
 */
const byRelevance = (a: SearchHit, b: SearchHit): number =>
  (a.status === b.status ? 0 : a.status === 'open' ? -1 : 1) ||
  b.receivedOn.localeCompare(a.receivedOn) ||
  b.number.localeCompare(a.number) ||
  a.id.localeCompare(b.id);

/**
 * Every complaint the query finds, ordered, before their entries are read: a number asks for one search key;
 * words ask for one key range each (side by side), and a complaint is a hit when it has every word.
 */
export async function searchHits(
  index: ComplaintIndex,
  query: SearchQuery,
  filter: { status?: 'open' | 'closed'; year?: number },
): Promise<SearchHit[]> {
  let hits: SearchHit[];
  if (query.kind === 'number') {
    hits = (await index.searchKey(numberKey(query.sequence), true)).filter(
      (h) => query.year === undefined || h.year === query.year,
    );
  } else {
    const perWord = await Promise.all(query.words.map((w) => index.searchKey(w, false)));
    const [first = [], ...rest] = perWord;
    const sets = rest.map((hs) => new Set(hs.map((h) => h.id)));
    const byId = new Map<string, SearchHit>();
    for (const h of first) if (sets.every((s) => s.has(h.id))) byId.set(h.id, h);
    hits = [...byId.values()];
  }
  return hits
    .filter(
      (h) =>
        (filter.status === undefined || h.status === filter.status) &&
        (filter.year === undefined || h.year === filter.year),
    )
    .sort(byRelevance);
}

/**
 * The entries of one page of hits. A search row that outlived its complaint's change (a write that failed
 * halfway) is checked against the entry and left out when the entry no longer matches; erased complaints are
 * found by nothing.
 */
export async function entriesOf(
  index: ComplaintIndex,
  query: SearchQuery,
  hits: readonly SearchHit[],
): Promise<IndexEntry[]> {
  const entries = await Promise.all(hits.map((h) => index.entry(h.id, h.status)));
  return entries.filter(
    (e): e is IndexEntry =>
      e !== undefined &&
      !e.anonymised &&
      (e.searchKeys === undefined || matchesKeys(query, e.searchKeys.split(' '))) &&
      (query.kind === 'words' || query.year === undefined || e.year === query.year),
  );
}
