/**
 * The register's search over 10,000 complaints (`npm run bench -- search`): one figure per kind of query (a whole
 * number, a partial number, a surname, a full name, a subject word, an e-mail address), each through the use
 * case (parse, search rows, the index rows it checks and shows, the audit row) next to its floor: the same pages
 * of the same range queries, the same point reads and one audit write, issued directly in the same run. What is
 * above the floor is the app's own work.
 *
 * Storage is a real Azurite, seeded directly in transactions (one partition, at most 100 rows each), with the
 * rows the app's own row builders make from the domain's complaints: not through the API, which would take
 * minutes for 10,000 registrations.
 */
import { odata, TableClient, type TransactionAction } from '@azure/data-tables';
import { randomUUID } from 'node:crypto';
import { startAzurite } from '../dev/azurite';
import { freePort } from '../dev/ports';
import { addDays, localDate } from '../domain/src/localDate';
import { numberKey, parseSearchQuery } from '../domain/src/searchText';
import {
  searchMark,
  searchPartitionOf,
  searchRowsOf,
  transactionsOf,
} from '../functions/src/adapters/searchRows';
import { createTableComplaintIndex, indexRowOf } from '../functions/src/adapters/tableComplaintIndex';
import { createTableComplaintStore } from '../functions/src/adapters/tableComplaintStore';
import { createTableWatchStore } from '../functions/src/adapters/tableWatchStore';
import type { ComplaintDocument } from '../functions/src/app/complaintDocument';
import { indexEntryOf } from '../functions/src/app/indexEntry';
import { listComplaints } from '../functions/src/app/listComplaints';
import { mapLimit } from '../functions/src/common/boundedConcurrency';
import { percentiles, type Bench, type BenchFigure } from './bench';
import { benchComplaint, FIRST, LAST } from './benchComplaint';

/** `BENCH_SEARCH_COMPLAINTS=1000` for a quick check that the bench runs. */
const COMPLAINTS = Number(process.env['BENCH_SEARCH_COMPLAINTS'] ?? 10_000);
const RUNS = 7;
const PAGE = 50;

/** Complaint `i`: the first half in 2025, the rest in 2026; one in five still open. */
function complaintOf(i: number): ComplaintDocument {
  const year = i < COMPLAINTS / 2 ? 2025 : 2026;
  return benchComplaint(i, year, addDays(localDate(`${year}-01-02`), i % 100), i % 5 !== 0);
}

/** The first string after every string that starts with `prefix`. */
const after = (prefix: string): string =>
  prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);

const median = (xs: number[]): number => percentiles(xs).p50;

const bench: Bench = {
  title: 'Register search against Azurite',
  async run(): Promise<BenchFigure[]> {
    const azurite = await startAzurite({
      blobPort: await freePort(),
      queuePort: await freePort(),
      tablePort: await freePort(),
    });
    try {
      const table = async (name: string): Promise<TableClient> => {
        const t = TableClient.fromConnectionString(azurite.connectionString, name, {
          allowInsecureConnection: true,
        });
        await t.createTable();
        return t;
      };
      const [indexTable, openTable, searchTable, watchTable, complaintsTable] = await Promise.all(
        ['complaintindex', 'complaintopen', 'complaintsearch', 'complaintwatch', 'complaints'].map(table),
      );
      if (!indexTable || !openTable || !searchTable || !watchTable || !complaintsTable)
        throw new Error('no tables');

      const began = performance.now();
      const progress = (what: string) =>
        process.stderr.write(`  … ${what} (${((performance.now() - began) / 1000).toFixed(0)} s)\n`);
      const entries = Array.from({ length: COMPLAINTS }, (_, i) => indexEntryOf(complaintOf(i)));
      // The rows the index writes (as inserts: every row is new). No open rows: a search does not read them.
      const indexActions = entries.map((e): TransactionAction => ['create', indexRowOf(e)]);
      const searchActions = entries.flatMap((e) =>
        searchRowsOf(e).map((row): TransactionAction => ['create', row]),
      );
      const batches = [
        ...transactionsOf(indexActions).map((actions) => ({ table: indexTable, actions })),
        ...transactionsOf(searchActions).map((actions) => ({ table: searchTable, actions })),
      ];
      await mapLimit(batches, 16, (b) => b.table.submitTransaction(b.actions));
      // Written as the index writes them: nothing left for the one-off backfill.
      await searchTable.upsertEntity({ ...searchMark, rows: entries.length });
      const partitions = new Set(searchActions.map(([, row]) => row.partitionKey)).size;
      progress(
        `${entries.length} index rows and ${searchActions.length} search rows in ${partitions} partitions written`,
      );

      const services = {
        index: createTableComplaintIndex(indexTable, { open: openTable, search: searchTable }),
        complaints: createTableComplaintStore<ComplaintDocument>(complaintsTable, complaintsTable),
        clock: { now: () => new Date('2026-04-23T08:05:00Z') },
        watch: createTableWatchStore(watchTable),
        // Void numbers are listed only by a year's plain listing, never by a search.
        numbers: { listVoided: () => Promise.resolve([]) },
      };
      const principal = {
        id: 'bench',
        name: 'Bench',
        address: 'bench@example.org',
        roles: ['Directeur'] as const,
      };
      const viaApp = async (q: string): Promise<{ ms: number; shown: number }> => {
        const started = performance.now();
        const page = await listComplaints(services, principal, {
          status: null,
          handler: null,
          overdue: null,
          year: null,
          continuationToken: null,
          pageSize: String(PAGE),
          q,
        });
        return { ms: performance.now() - started, shown: page.items.length };
      };

      type Row = { id: string; status: string; number: string; year: number; receivedOn: string };
      const select = ['RowKey', 'status', 'number', 'year', 'receivedOn'];
      const rowOf = (e: {
        rowKey?: string;
        status: string;
        number: string;
        year: number;
        receivedOn: string;
      }) => ({
        id: String(e.rowKey).split('|')[1] ?? '',
        status: e.status,
        number: e.number,
        year: e.year,
        receivedOn: e.receivedOn,
      });
      const rangeFilter = (k: string, exact: boolean): string =>
        odata`PartitionKey eq ${searchPartitionOf(k)} and RowKey ge ${exact ? `${k}|` : k} and RowKey lt ${
          exact ? `${k}}` : after(k)
        }`;
      /** Every row of one range, every page. */
      const wholeRange = async (k: string, exact: boolean): Promise<Row[]> => {
        const rows: Row[] = [];
        for await (const e of searchTable.listEntities<Row>({
          queryOptions: { filter: rangeFilter(k, exact), select },
        }))
          rows.push(rowOf(e));
        return rows;
      };
      const byRelevance = (a: Row, b: Row): number =>
        (a.status === b.status ? 0 : a.status === 'open' ? -1 : 1) ||
        b.receivedOn.localeCompare(a.receivedOn) ||
        b.number.localeCompare(a.number) ||
        a.id.localeCompare(b.id);

      /** How many complaints a query finds: every range read in full and intersected (not timed). */
      const allHits = async (q: string): Promise<number> => {
        const parsed = parseSearchQuery(q);
        if (!parsed) throw new Error(`not a query: ${q}`);
        if (parsed.kind === 'number')
          return (await wholeRange(numberKey(parsed.sequence), true)).filter(
            (r) => parsed.year === undefined || r.year === parsed.year,
          ).length;
        const [first = [], ...rest] = await Promise.all(parsed.words.map((w) => wholeRange(w, false)));
        const sets = rest.map((rows) => new Set(rows.map((r) => r.id)));
        return new Set(first.filter((r) => sets.every((s) => s.has(r.id))).map((r) => r.id)).size;
      };

      /**
       * The floor: the storage operations the use case issues, directly. A number: its one range, the page's
       * point reads, one write. Words: their ranges side by side, page by page, until the first is complete; the
       * index rows of its complaints that no range decides (in order, as far as the page and one more hit), the
       * page's other point reads, one write.
       */
      const direct = async (q: string): Promise<{ ms: number; shown: number }> => {
        const parsed = parseSearchQuery(q);
        if (!parsed) throw new Error(`not a query: ${q}`);
        const started = performance.now();
        const read = new Map<string, boolean>();
        let hits: Row[];
        if (parsed.kind === 'number') {
          hits = (await wholeRange(numberKey(parsed.sequence), true)).filter(
            (r) => parsed.year === undefined || r.year === parsed.year,
          );
        } else {
          let stop = false;
          const ranges = await Promise.all(
            parsed.words.map(async (k) => {
              const rows = new Map<string, Row>();
              const pages = searchTable
                .listEntities<Row>({ queryOptions: { filter: rangeFilter(k, false), select } })
                .byPage();
              let more = true;
              while (more && !stop) {
                const page = await pages.next();
                if (page.done) break;
                for (const r of page.value.map(rowOf)) if (!rows.has(r.id)) rows.set(r.id, r);
                more = page.value.continuationToken !== undefined;
              }
              if (!more) stop = true;
              return { rows, complete: !more };
            }),
          );
          const smallest = ranges
            .filter((r) => r.complete)
            .reduce((a, b) => (b.rows.size < a.rows.size ? b : a));
          const others = ranges.filter((r) => r !== smallest);
          const candidates = [...smallest.rows.values()]
            .filter((r) => others.every((o) => !o.complete || o.rows.has(r.id)))
            .sort(byRelevance);
          hits = [];
          let next = 0;
          while (hits.length <= PAGE && next < candidates.length) {
            const batch = candidates.slice(next, next + PAGE + 1 - hits.length);
            next += batch.length;
            const unknown = batch.filter((r) => !others.every((o) => o.rows.has(r.id)));
            const entries = await Promise.all(
              unknown.map((r) =>
                indexTable.getEntity<{ searchKeys: string }>(r.status, r.id).catch(() => undefined),
              ),
            );
            unknown.forEach((r, i) => {
              const keys = (entries[i]?.searchKeys ?? '').split(' ');
              read.set(
                r.id,
                parsed.words.every((w) => keys.some((k) => k.startsWith(w))),
              );
            });
            hits.push(...batch.filter((r) => read.get(r.id) ?? true));
          }
        }
        const page = hits.slice(0, PAGE);
        await Promise.all(
          page.filter((h) => !read.has(h.id)).map((h) => indexTable.getEntity(h.status, h.id)),
        );
        await watchTable.createEntity({ partitionKey: 'bench', rowKey: randomUUID() });
        return { ms: performance.now() - started, shown: page.length };
      };

      const queries: { kind: string; q: string }[] = [
        { kind: 'a whole number', q: entries[Math.floor(COMPLAINTS * 0.8) + 7]?.number ?? '' },
        { kind: 'a partial number', q: '123' },
        { kind: 'a surname', q: LAST[17] ?? '' },
        { kind: 'a full name', q: `${FIRST[3] ?? ''} ${LAST[42] ?? ''}` },
        { kind: 'a subject word', q: 'verwarming' },
        { kind: 'an e-mail address', q: entries[Math.floor(COMPLAINTS * 0.6) + 3]?.complainantAddress ?? '' },
      ];
      const figures: BenchFigure[] = [];
      for (const { kind, q } of queries) {
        const hits = await allHits(q);
        const first = await direct(q);
        const check = await viaApp(q);
        // The floor must do the app's work: the same page of hits, read row by row; both what every range
        // read in full and intersected finds.
        if (check.shown === 0 || check.shown !== first.shown || check.shown !== Math.min(hits, PAGE))
          throw new Error(
            `${kind}: the app showed ${check.shown}, the floor read ${first.shown}, of ${hits} hits`,
          );
        const app: number[] = [];
        const floor: number[] = [];
        for (let r = 0; r < RUNS; r++) {
          floor.push((await direct(q)).ms);
          app.push((await viaApp(q)).ms);
        }
        figures.push({
          name: `search over ${COMPLAINTS.toLocaleString('en')} complaints, ${kind} (${hits} hits, ${first.shown} shown; median of ${RUNS})`,
          value: median(app),
          unit: 'ms',
          floor: {
            name: 'its range queries, point reads and audit write issued directly',
            value: median(floor),
          },
          goal: 1.5,
        });
      }
      progress('measured');
      return figures;
    } finally {
      await azurite.stop();
    }
  },
};

export default bench;
