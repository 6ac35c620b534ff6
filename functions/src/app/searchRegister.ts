import { numberKey, matchesKeys, storedSearchKeys, type SearchQuery } from '../../../domain/src/searchText';
import { mapLimit } from '../common/boundedConcurrency';
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

/** One word's key range as far as it was read: the complaints seen, and whether that is all of them. */
interface WordRange {
  hits: Map<string, SearchHit>;
  complete: boolean;
}

/**
 * The words' ranges read side by side, page by page, until the first is complete: a hit has every word, so the
 * complaints of one complete range are all the hits there can be, and the rest of a common word's range (a mail
 * domain every address shares) need not be read. Pages already under way are finished, not thrown away.
 */
async function readRanges(index: ComplaintIndex, words: readonly string[]): Promise<WordRange[]> {
  let stop = false;
  return Promise.all(
    words.map(async (word): Promise<WordRange> => {
      const hits = new Map<string, SearchHit>();
      let token: string | undefined;
      do {
        const page = await index.searchKeyPage(word, token);
        for (const h of page.hits) if (!hits.has(h.id)) hits.set(h.id, h);
        token = page.continuationToken;
      } while (token !== undefined && !stop);
      if (token === undefined) stop = true;
      return { hits, complete: token === undefined };
    }),
  );
}

/** What a search found: its first hits in order, and the entries it read on the way (by id). */
export interface Found {
  hits: SearchHit[];
  read: Map<string, IndexEntry | undefined>;
}

/**
 * The complaints the query finds, ordered, up to `wanted` of them (the page's end plus one tells whether there
 * is a next page): a number asks for one search key; words read their ranges until one is complete
 * ({@link readRanges}), and its complaints are the candidates. A candidate another complete range lacks is no
 * hit; one seen in every other range is; any other is checked against its index row, in order, only as far as
 * the hits asked for — the same hits as intersecting every range in full.
 */
export async function searchHits(
  index: ComplaintIndex,
  query: SearchQuery,
  filter: { status?: 'open' | 'closed'; year?: number },
  wanted = Infinity,
): Promise<Found> {
  const wanting = (h: SearchHit): boolean =>
    (filter.status === undefined || h.status === filter.status) &&
    (filter.year === undefined || h.year === filter.year);
  const read = new Map<string, IndexEntry | undefined>();
  if (query.kind === 'number') {
    const hits = (await index.searchKey(numberKey(query.sequence), true)).filter(
      (h) => (query.year === undefined || h.year === query.year) && wanting(h),
    );
    return { hits: hits.sort(byRelevance), read };
  }
  const ranges = await readRanges(index, query.words);
  const complete = ranges.filter((r) => r.complete);
  const smallest = complete.reduce((a, b) => (b.hits.size < a.hits.size ? b : a));
  const others = ranges.filter((r) => r !== smallest);
  /** false: a complete range lacks it; true: every range has it; undefined: its index row decides. */
  const verdict = (id: string): boolean | undefined => {
    let known = true;
    for (const r of others)
      if (!r.hits.has(id)) {
        if (r.complete) return false;
        known = false;
      }
    return known ? true : undefined;
  };
  const candidates = [...smallest.hits.values()].filter(wanting).sort(byRelevance);
  const hits: SearchHit[] = [];
  let next = 0;
  while (hits.length < wanted && next < candidates.length) {
    // As many candidates as could still be wanted, their unknown rows read side by side.
    const batch: { hit: SearchHit; known: boolean | undefined }[] = [];
    while (next < candidates.length && hits.length + batch.length < wanted) {
      const hit = candidates[next++] as SearchHit;
      const known = verdict(hit.id);
      if (known !== false) batch.push({ hit, known });
    }
    const unknown = batch.filter((b) => b.known === undefined).map((b) => b.hit);
    const entries = await mapLimit(unknown, 50, (h) => index.entry(h.id, h.status));
    unknown.forEach((h, i) => read.set(h.id, entries[i]));
    for (const { hit, known } of batch) {
      const e = read.get(hit.id);
      if (known === true || (e !== undefined && matchesKeys(query, storedSearchKeys(e)))) hits.push(hit);
    }
  }
  return { hits, read };
}

/**
 * The entries of one page of hits (those `read` already holds are not read again). A search row that outlived
 * its complaint's change (a write that failed halfway) is checked against the entry and left out when the entry
 * no longer matches; erased complaints are found by nothing.
 */
export async function entriesOf(
  index: ComplaintIndex,
  query: SearchQuery,
  hits: readonly SearchHit[],
  read: ReadonlyMap<string, IndexEntry | undefined> = new Map(),
): Promise<IndexEntry[]> {
  const entries = await Promise.all(
    hits.map(async (h) => (read.has(h.id) ? read.get(h.id) : index.entry(h.id, h.status))),
  );
  return entries.filter(
    (e): e is IndexEntry =>
      e !== undefined &&
      !e.anonymised &&
      (e.searchKeys === undefined || matchesKeys(query, e.searchKeys.split(' '))) &&
      (query.kind === 'words' || query.year === undefined || e.year === query.year),
  );
}
