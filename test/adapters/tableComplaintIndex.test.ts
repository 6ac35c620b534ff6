import { TableClient } from '@azure/data-tables';
import { startAzurite, type Azurite } from '../../dev/azurite';
import { freePort } from '../../dev/ports';
import { createTableComplaintIndex } from '../../functions/src/adapters/tableComplaintIndex';
import type { ComplaintIndex, IndexEntry } from '../../functions/src/app/ports/complaintIndex';
import { searchHits } from '../../functions/src/app/searchRegister';
import { parseSearchQuery, searchKeysOf } from '../../domain/src/searchText';

jest.setTimeout(60_000);

let azurite: Azurite;
let table: TableClient;
let derived: { open: TableClient; search: TableClient };

beforeAll(async () => {
  azurite = await startAzurite({
    blobPort: await freePort(),
    queuePort: await freePort(),
    tablePort: await freePort(),
  });
  table = TableClient.fromConnectionString(azurite.connectionString, 'complaintindex', {
    allowInsecureConnection: true,
  });
  await table.createTable();
  const client = (name: string) =>
    TableClient.fromConnectionString(azurite.connectionString, name, { allowInsecureConnection: true });
  derived = { open: client('complaintopen'), search: client('complaintsearch') };
  await Promise.all([derived.open.createTable(), derived.search.createTable()]);
});
afterAll(async () => {
  await azurite?.stop();
});

const entry = (status: 'open' | 'closed', version: number, subject = `v${version}`): IndexEntry => ({
  id: '6f1c7a52-0000-4000-8000-000000000001',
  number: 'K-2026-0001',
  year: 2026,
  status,
  handlerAddress: 'h@x.nl',
  receivedOn: '2026-03-02',
  nextDeadline: '',
  complainantAddress: 'k@x.nl',
  complainantName: 'k',
  subject,
  decidedOn: '',
  version,
});

async function rows(): Promise<string[]> {
  const out: string[] = [];
  for await (const e of table.listEntities<{ subject: string }>()) out.push(`${e.partitionKey}:${e.subject}`);
  return out.sort();
}

describe('the complaint index against Azurite', () => {
  test('a newer version replaces the entry and moves it between partitions; an older one arriving late does not', async () => {
    const index = createTableComplaintIndex(table, derived);
    await index.put(entry('open', 2));
    expect(await rows()).toEqual(['open:v2']);
    await index.put(entry('open', 3));
    expect(await rows()).toEqual(['open:v3']);
    await index.put(entry('closed', 5));
    expect(await rows()).toEqual(['closed:v5']);
    // The letter sender read version 4 before the complaint was closed and finishes only now.
    await index.put(entry('open', 4));
    expect(await rows()).toEqual(['closed:v5']);
    await index.put(entry('closed', 5, 'same version again'));
    expect(await rows()).toEqual(['closed:same version again']);
  });

  test('concurrent writers across both partitions: the newest version wins, and only it remains', async () => {
    const index = createTableComplaintIndex(table, derived);
    for (let round = 0; round < 8; round++) {
      const id = `6f1c7a52-0000-4000-8000-00000000010${round}`;
      const versions = [3, 9, 1, 7, 5, 8, 2, 6].sort(() => Math.random() - 0.5);
      await Promise.all(versions.map((v) => index.put({ ...entry(v % 2 === 0 ? 'open' : 'closed', v), id })));
      const left = [];
      for await (const e of table.listEntities<{ version: number }>({
        queryOptions: { filter: `RowKey eq '${id}'` },
      }))
        left.push(`${e.partitionKey}:${e.version}`);
      expect(left).toEqual(['closed:9']);
    }
  });

  test('the open row follows the next deadline and goes on closing; the search keys follow the fields', async () => {
    const index = createTableComplaintIndex(table, derived);
    const id = '6f1c7a52-0000-4000-8000-000000000201';
    const base = { ...entry('open', 1), id, number: 'K-2026-0201', nextDeadline: '2026-03-09' };
    await index.put({ ...base, searchKeys: '!201 zoe unal verwarming' });
    const openRows = async () => {
      const out: string[] = [];
      for await (const e of derived.open.listEntities({ queryOptions: { filter: `complaintId eq '${id}'` } }))
        out.push(String(e.rowKey));
      return out;
    };
    const found = async (key: string) => (await index.searchKey(key, false)).filter((h) => h.id === id);
    expect(await openRows()).toEqual([`2026-03-09|${id}`]);
    expect(await found('verw')).toEqual([expect.objectContaining({ status: 'open', number: 'K-2026-0201' })]);

    await index.put({ ...base, version: 2, nextDeadline: '2026-04-13', searchKeys: '!201 zoe unal lekkage' });
    expect(await openRows()).toEqual([`2026-04-13|${id}`]);
    expect(await found('verw')).toEqual([]);
    expect(await found('lekkage')).toHaveLength(1);

    await index.put({
      ...base,
      status: 'closed',
      version: 3,
      nextDeadline: '',
      searchKeys: '!201 zoe unal lekkage',
    });
    expect(await openRows()).toEqual([]);
    expect(await found('zoe')).toEqual([expect.objectContaining({ status: 'closed' })]);
    expect(await index.entry(id, 'open')).toMatchObject({ status: 'closed', version: 3 });
  });

  test('rows written before the open and search rows existed are brought over once', async () => {
    const id = '6f1c7a52-0000-4000-8000-000000000301';
    // An index row as an earlier version wrote it: no search keys, no display name, no open row.
    const {
      id: _id,
      status: _status,
      ...old
    } = {
      ...entry('open', 4),
      id,
      number: 'K-2026-0301',
      complainantName: 'femke dijkstra',
      subject: 'Factuur dubbel betaald',
      nextDeadline: '2026-01-02',
      pending: 'resolveBy:2026-01-02',
    };
    await table.createEntity({ partitionKey: 'open', rowKey: id, ...old });
    const index = createTableComplaintIndex(table, derived);
    await index.backfill();
    const open = await index.listOpen({ pageSize: 1000 });
    expect(open.items.find((e) => e.id === id)).toMatchObject({ number: 'K-2026-0301', status: 'open' });
    expect((await index.searchKey('dijkstra', false)).map((h) => h.id)).toContain(id);
    expect((await index.searchKey('!301', true)).map((h) => h.id)).toEqual([id]);

    // The mark remembers it: a fresh process does not list the index table again.
    const second = `6f1c7a52-0000-4000-8000-000000000302`;
    await table.createEntity({ partitionKey: 'open', rowKey: second, ...old, number: 'K-2026-0302' });
    await createTableComplaintIndex(table, derived).backfill();
    expect((await index.searchKey('!302', true)).map((h) => h.id)).toEqual([]);
  });

  test('the letter sender finds complaints with unsent letters or unsent staff notices, also rows from before notices counted', async () => {
    const index = createTableComplaintIndex(table, derived);
    const id = (n: number) => `6f1c7a52-0000-4000-8000-00000000050${n}`;
    await index.put({ ...entry('open', 1), id: id(1), unsentLetters: 1, unsentNotices: 0, failedLetters: 1 });
    await index.put({ ...entry('open', 1), id: id(2), unsentLetters: 0, unsentNotices: 1 });
    await index.put({ ...entry('open', 1), id: id(3), unsentLetters: 0, unsentNotices: 0 });
    // Written before `unsentNotices` existed: its letters still count.
    await index.put({ ...entry('open', 1), id: id(4), unsentLetters: 2 });
    await index.put({ ...entry('closed', 1), id: id(5), unsentLetters: 1, unsentNotices: 2 });
    const found = (await index.withUnsentLetters()).filter((x) =>
      x.id.startsWith('6f1c7a52-0000-4000-8000-00000000050'),
    );
    // Each once, with the notices and failed letters its row counts (the sender compares them with the rows it
    // reads; a row without a count counts 0).
    expect(found.sort((a, b) => a.id.localeCompare(b.id))).toEqual([
      { id: id(1), unsentNotices: 0, failedLetters: 1 },
      { id: id(2), unsentNotices: 1, failedLetters: 0 },
      { id: id(4), unsentNotices: 0, failedLetters: 0 },
      { id: id(5), unsentNotices: 2, failedLetters: 0 },
    ]);
  });

  test("the sweep's count of failed letters is kept on the entry and on its open row; rows without it read without it", async () => {
    const index = createTableComplaintIndex(table, derived);
    const id = (n: number) => `6f1c7a52-0000-4000-8000-00000000060${n}`;
    await index.put({ ...entry('open', 1), id: id(1), unsentLetters: 2, failedLetters: 1 });
    await index.put({ ...entry('open', 1), id: id(2), unsentLetters: 1, failedLetters: 0 });
    await index.put({ ...entry('open', 1), id: id(3), unsentLetters: 1 });
    expect((await index.entry(id(1), 'open'))?.failedLetters).toBe(1);
    expect((await index.entry(id(2), 'open'))?.failedLetters).toBe(0);
    expect(await index.entry(id(3), 'open')).not.toHaveProperty('failedLetters');
    const open = new Map<string, IndexEntry>();
    let continuationToken: string | undefined;
    do {
      const page = await index.listOpen({
        pageSize: 1000,
        ...(continuationToken ? { continuationToken } : {}),
      });
      for (const e of page.items) open.set(e.id, e);
      continuationToken = page.continuationToken;
    } while (continuationToken);
    expect(open.get(id(1))?.failedLetters).toBe(1);
    expect(open.get(id(2))?.failedLetters).toBe(0);
    expect(open.get(id(3))).not.toHaveProperty('failedLetters');
  });
});

describe('the search rows by key prefix', () => {
  const complaint = (n: number, name: string, subject: string): IndexEntry => {
    const number = `K-2026-${String(n).padStart(4, '0')}`;
    return {
      ...entry('open', 1, subject),
      id: `6f1c7a52-0000-4000-8000-00000000${String(4000 + n).padStart(4, '0')}`,
      number,
      complainantName: name,
      complainantDisplayName: name,
      searchKeys: searchKeysOf({ number, complainantName: name, complainantAddress: 'k@x.nl', subject }).join(
        ' ',
      ),
    };
  };
  const twelve = complaint(12, 'Ëlif Özdemir', 'Verwarming kapot');
  const hundredTwenty = complaint(120, 'Özlem Elders', 'Lekkage in lokaal 12');
  const one = complaint(1, '𠀀 Ng', 'Wachttijd te lang');

  beforeAll(async () => {
    const index = createTableComplaintIndex(table, derived);
    for (const c of [twelve, hundredTwenty, one]) await index.put(c);
  });

  const numbersFound = async (q: string): Promise<string[]> => {
    const query = parseSearchQuery(q);
    if (!query) throw new Error(`not a query: ${q}`);
    const { hits } = await searchHits(createTableComplaintIndex(table, derived), query, {});
    // Earlier tests left complaints of their own (one of them numbered K-2026-0001): only these three count.
    const ours = new Set([twelve.id, hundredTwenty.id, one.id]);
    return hits.filter((h) => ours.has(h.id)).map((h) => h.number);
  };

  test("each row lives in the partition of its key's first two characters", async () => {
    const partitions: string[] = [];
    for await (const e of derived.search.listEntities())
      if (String(e.rowKey).endsWith(twelve.id)) partitions.push(`${e.partitionKey}:${e.rowKey}`);
    // `k` and `x` of the address are too short to be keys.
    expect(partitions.sort()).toEqual(
      ['!1:!12', 'el:elif', 'ka:kapot', 'nl:nl', 'oz:ozdemir', 've:verwarming'].map(
        (p) => `${p}|${twelve.id}`,
      ),
    );
  });

  test.each([
    ['K-2026-0012', ['K-2026-0012']],
    ['2026-12', ['K-2026-0012']],
    ['12', ['K-2026-0012']],
    ['2026-0120', ['K-2026-0120']],
    ['1', ['K-2026-0001']],
    ['2025-12', []],
  ])('the number %s reads one exact key of partition !1', async (q, expected) => {
    expect(await numbersFound(q)).toEqual(expected);
  });

  test.each([
    ['a prefix with accents', 'Öz', ['K-2026-0120', 'K-2026-0012']],
    ['a name with accents', 'ELİF özdemir', ['K-2026-0012']],
    ['a subject word and a name', 'verwarm elif', ['K-2026-0012']],
    ['a word of the subject in another partition than the name', 'lekkage ozlem', ['K-2026-0120']],
    ['a letter outside the BMP, one character', '𠀀', ['K-2026-0001']],
    ['no complaint has both words', 'verwarming ozlem', []],
  ])('%s: %s', async (_what, q, expected) => {
    expect((await numbersFound(q)).sort()).toEqual([...expected].sort());
  });

  test('a changed subject moves its word to its own partition and removes the old one', async () => {
    const index = createTableComplaintIndex(table, derived);
    const changed = complaint(12, 'Ëlif Özdemir', 'Parkeren verboden');
    await index.put({ ...changed, version: 2 });
    expect(await numbersFound('verwarming')).toEqual([]);
    expect(await numbersFound('parkeren')).toEqual(['K-2026-0012']);
    expect(await numbersFound('elif')).toEqual(['K-2026-0012']);
  });
});

describe('the search rows of the earlier layout', () => {
  test('the backfill writes them by prefix and removes the single partition they had', async () => {
    const client = (name: string) =>
      TableClient.fromConnectionString(azurite.connectionString, name, { allowInsecureConnection: true });
    const [index, open, search] = [client('legacyindex'), client('legacyopen'), client('legacysearch')];
    await Promise.all([index.createTable(), open.createTable(), search.createTable()]);
    const id = '6f1c7a52-0000-4000-8000-000000000501';
    const {
      id: _id,
      status: _status,
      ...row
    } = {
      ...entry('closed', 3, 'Factuur dubbel betaald'),
      id,
      number: 'K-2025-0501',
      searchKeys: '!501 factuur dubbel betaald',
    };
    await index.createEntity({ partitionKey: 'closed', rowKey: id, ...row });
    // What the previous layout wrote: every key in partition `search`, and its mark.
    for (const key of ['!501', 'factuur', 'dubbel', 'betaald', 'oudenaam'])
      await search.createEntity({ partitionKey: 'search', rowKey: `${key}|${id}`, status: 'closed' });
    await search.createEntity({ partitionKey: 'meta', rowKey: 'backfill-1', rows: 1 });

    const fresh = createTableComplaintIndex(index, { open, search });
    await fresh.backfill();
    const legacy = [];
    for await (const e of search.listEntities({ queryOptions: { filter: `PartitionKey eq 'search'` } }))
      legacy.push(e.rowKey);
    expect(legacy).toEqual([]);
    expect((await fresh.searchKey('factuur', false)).map((h) => h.id)).toEqual([id]);
    expect((await fresh.searchKey('!501', true)).map((h) => h.number)).toEqual(['K-2025-0501']);
    expect(await fresh.searchKey('oudenaam', false)).toEqual([]);
  });
});

describe('a words search with a common and a rare word', () => {
  const client = (name: string) =>
    TableClient.fromConnectionString(azurite.connectionString, name, { allowInsecureConnection: true });
  let tables: { index: TableClient; open: TableClient; search: TableClient };
  const id = (n: number) => `6f1c7a52-0000-4000-8000-00000000${String(7000 + n).padStart(4, '0')}`;
  /** 40 complaints: "klacht" in 39 subjects, "zwanenburg" the name of three (one without "klacht"). */
  const complaints = Array.from({ length: 40 }, (_, n): IndexEntry => {
    const number = `K-2026-${String(700 + n).padStart(4, '0')}`;
    const name = n % 13 === 5 ? 'Ans Zwanenburg' : `Piet Bos${n}`;
    const subject = n === 31 ? 'Parkeren verboden' : `Klacht over de verwarming ${n}`;
    return {
      ...entry(n % 3 === 0 ? 'closed' : 'open', 1, subject),
      id: id(n),
      number,
      receivedOn: `2026-03-${String(1 + (n % 28)).padStart(2, '0')}`,
      complainantName: name,
      complainantDisplayName: name,
      searchKeys: searchKeysOf({ number, complainantName: name, complainantAddress: 'k@x.nl', subject }).join(
        ' ',
      ),
    };
  });

  /** The index with five rows to a page, counting the pages it read of each word's range. */
  function countedIndex() {
    const index = createTableComplaintIndex(tables.index, tables, { searchPageSize: 5 });
    const pages: { word: string; more: boolean }[] = [];
    const counted: ComplaintIndex = {
      ...index,
      async searchKeyPage(prefix, token) {
        const page = await index.searchKeyPage(prefix, token);
        pages.push({ word: prefix, more: page.continuationToken !== undefined });
        return page;
      },
    };
    return { index, counted, pages };
  }

  /** What the search found before it read ranges page by page: every range in full, intersected, ordered. */
  async function everyRangeIntersected(index: ComplaintIndex, words: string[]): Promise<string[]> {
    const [first = [], ...rest] = await Promise.all(words.map((w) => index.searchKey(w, false)));
    const sets = rest.map((hs) => new Set(hs.map((h) => h.id)));
    const hits = [
      ...new Map(first.filter((h) => sets.every((s) => s.has(h.id))).map((h) => [h.id, h])).values(),
    ];
    return hits
      .sort(
        (a, b) =>
          (a.status === b.status ? 0 : a.status === 'open' ? -1 : 1) ||
          b.receivedOn.localeCompare(a.receivedOn) ||
          b.number.localeCompare(a.number),
      )
      .map((h) => h.number);
  }

  beforeAll(async () => {
    tables = { index: client('wordsindex'), open: client('wordsopen'), search: client('wordssearch') };
    await Promise.all(Object.values(tables).map((t) => t.createTable()));
    const index = createTableComplaintIndex(tables.index, tables);
    for (const c of complaints) await index.put(c);
  });

  test('finds the same hits as every range in full, without reading the common range to its end', async () => {
    const { index, counted, pages } = countedIndex();
    const query = parseSearchQuery('klacht zwanenburg');
    if (query?.kind !== 'words') throw new Error('not a words query');
    const expected = await everyRangeIntersected(index, query.words);
    expect(expected).toHaveLength(2);

    const { hits } = await searchHits(counted, query, {});
    expect(hits.map((h) => h.number)).toEqual(expected);

    const klacht = pages.filter((p) => p.word === 'klacht');
    // 39 rows in pages of five: eight pages in full; the rare word's one page ends the reading.
    expect(pages.filter((p) => p.word === 'zwanenburg')).toEqual([{ word: 'zwanenburg', more: false }]);
    expect(klacht.length).toBeGreaterThan(0);
    expect(klacht.length).toBeLessThan(8);
    expect(klacht.every((p) => p.more)).toBe(true);
  });

  test('pages through two common words with the same hits, in the same order, as every range in full', async () => {
    const { index, counted } = countedIndex();
    const query = parseSearchQuery('klacht verwarming');
    if (query?.kind !== 'words') throw new Error('not a words query');
    const expected = await everyRangeIntersected(index, query.words);
    expect(expected).toHaveLength(39);
    for (const end of [1, 7, 39, 40]) {
      // What one page asks for: the hits up to its end and one more.
      const { hits } = await searchHits(counted, query, {}, end + 1);
      expect(hits.map((h) => h.number)).toEqual(expected.slice(0, end + 1));
    }
    const closed = await searchHits(counted, query, { status: 'closed' });
    expect(closed.hits.map((h) => h.number)).toEqual(
      expected.filter((n) => complaints.find((c) => c.number === n)?.status === 'closed'),
    );
  });
});
