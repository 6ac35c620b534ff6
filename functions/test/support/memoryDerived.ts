import type { ComplaintIndex, IndexEntry, OpenQuery, SearchHit } from '../../src/app/ports/complaintIndex';

/**
 * The open rows and search rows of the real index, answered from the fakes' entries: the same order (next
 * deadline, then id; nothing pending last) and the same key matching, without separate storage to keep in step.
 */
export function memoryDerived(
  entries: () => Iterable<IndexEntry>,
): Pick<ComplaintIndex, 'listOpen' | 'searchKey' | 'searchKeyPage' | 'entry' | 'backfill'> {
  const keyOf = (e: IndexEntry) => `${e.nextDeadline || '9999-12-31'}|${e.id}`;
  const searchKey = async (prefix: string, exact: boolean): Promise<SearchHit[]> =>
    [...entries()]
      .filter((e) => !e.anonymised)
      .filter((e) =>
        (e.searchKeys ?? '')
          .split(' ')
          .some((k) => k !== '' && (exact ? k === prefix : k.startsWith(prefix))),
      )
      .map((e) => ({
        id: e.id,
        status: e.status,
        number: e.number,
        year: e.year,
        receivedOn: e.receivedOn,
      }));
  return {
    async listOpen(query: OpenQuery) {
      const items = [...entries()]
        .filter(
          (e) =>
            e.status === 'open' &&
            (query.handlerAddress === undefined || e.handlerAddress === query.handlerAddress.toLowerCase()) &&
            (query.year === undefined || e.year === query.year) &&
            (query.overdueBefore === undefined ||
              (e.nextDeadline !== '' && e.nextDeadline < query.overdueBefore)),
        )
        .sort((a, b) => keyOf(a).localeCompare(keyOf(b)));
      const start = Number(query.continuationToken ?? 0);
      const page = items.slice(start, start + query.pageSize);
      const next = start + query.pageSize;
      return next < items.length ? { items: page, continuationToken: String(next) } : { items: page };
    },
    searchKey,
    // Every row in one page: the fakes' registers are small.
    async searchKeyPage(prefix: string) {
      return { hits: await searchKey(prefix, false) };
    },
    async entry(id: string) {
      return [...entries()].find((e) => e.id === id);
    },
    async backfill() {},
  };
}
