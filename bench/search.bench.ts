/**
 * The register's search over 10,000 complaints (`npm run bench -- search`): one figure per kind of query (a whole
 * number, a partial number, a surname, a full name, a subject word, an e-mail address), each through the use
 * case (parse, search rows, the page's index rows, the audit row) next to its floor: the same range queries of
 * the same partitions, the point reads of the same page of hits and one audit write, issued directly in the
 * same run. What is above the floor is the app's own work.
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

      /** The floor: each range query of the same partition side by side, the page's point reads, one write. */
      const direct = async (q: string): Promise<{ ms: number; shown: number; hits: number }> => {
        const parsed = parseSearchQuery(q);
        if (!parsed) throw new Error(`not a query: ${q}`);
        const started = performance.now();
        const ranges =
          parsed.kind === 'number'
            ? [numberKey(parsed.sequence)].map((k) => ({ k, low: `${k}|`, high: `${k}}` }))
            : parsed.words.map((k) => ({ k, low: k, high: after(k) }));
        const lists = await Promise.all(
          ranges.map(async ({ k, low, high }) => {
            const rows: { id: string; status: string }[] = [];
            const pk = searchPartitionOf(k);
            for await (const e of searchTable.listEntities<{ status: string; year: number }>({
              queryOptions: {
                filter: odata`PartitionKey eq ${pk} and RowKey ge ${low} and RowKey lt ${high}`,
                select: ['RowKey', 'status', 'number', 'year', 'receivedOn'],
              },
            }))
              if (parsed.kind === 'words' || parsed.year === undefined || e.year === parsed.year)
                rows.push({ id: String(e.rowKey).split('|')[1] ?? '', status: e.status });
            return rows;
          }),
        );
        const others = lists.slice(1).map((l) => new Set(l.map((r) => r.id)));
        const hits = (lists[0] ?? []).filter((r) => others.every((s) => s.has(r.id)));
        const page = hits.slice(0, PAGE);
        await Promise.all(page.map((h) => indexTable.getEntity(h.status, h.id)));
        await watchTable.createEntity({ partitionKey: 'bench', rowKey: randomUUID() });
        return { ms: performance.now() - started, shown: page.length, hits: hits.length };
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
        const first = await direct(q);
        const check = await viaApp(q);
        // The floor must do the app's work: the same page of hits, read row by row.
        if (check.shown === 0 || check.shown !== first.shown)
          throw new Error(`${kind}: the app showed ${check.shown}, the floor read ${first.shown}`);
        const app: number[] = [];
        const floor: number[] = [];
        for (let r = 0; r < RUNS; r++) {
          floor.push((await direct(q)).ms);
          app.push((await viaApp(q)).ms);
        }
        figures.push({
          name: `search over ${COMPLAINTS.toLocaleString('en')} complaints, ${kind} (${first.hits} hits, ${first.shown} shown; median of ${RUNS})`,
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
