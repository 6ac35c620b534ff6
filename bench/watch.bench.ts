/**
 * The deadline watch at scale. The sweep reads the open complaints' own table and their own partitions, so a
 * register with 20,000 or 100,000 closed complaints must sweep about as fast as one with only its 200 open ones
 * (goal: ratio ≤ 1.2). And the yearly analysis over 5,000 complaints, end to end from
 * storage, next to a floor that lists the same 5,000 rows (one per complaint of the year) directly with one query
 * (goal: ratio ≤ 1.5). Storage is a real Azurite, seeded directly with @azure/data-tables (not through the API)
 * for speed.
 */
import { randomUUID } from 'node:crypto';
import { odata, TableClient, type TransactionAction } from '@azure/data-tables';
import { startAzurite } from '../dev/azurite';
import { freePort } from '../dev/ports';
import { localDate, addDays } from '../domain/src/localDate';
import type { ComplaintState } from '../domain/src/complaintState';
import { createTableComplaintArchive } from '../functions/src/adapters/tableComplaintArchive';
import {
  createTableComplaintIndex,
  urgencyKey,
  type DerivedTables,
} from '../functions/src/adapters/tableComplaintIndex';
import { createTableComplaintStore } from '../functions/src/adapters/tableComplaintStore';
import { createTableWatchStore } from '../functions/src/adapters/tableWatchStore';
import { createTableNumberLedger } from '../functions/src/adapters/tableNumberLedger';
import type { ComplaintDocument } from '../functions/src/app/complaintDocument';
import { indexEntryOf } from '../functions/src/app/indexEntry';
import type { Mailer } from '../functions/src/app/ports/mailer';
import { analyseYear } from '../functions/src/reports/yearlyReport';
import { deadlineSweep } from '../functions/src/watch/deadlineSweep';
import { mapLimit } from '../functions/src/common/boundedConcurrency';
import { searchMark } from '../functions/src/adapters/searchRows';
import type { Bench, BenchFigure } from './bench';
import { benchComplaint as complaint, calendar, settings } from './benchComplaint';

/** `BENCH_WATCH_SCALE=0.1` shrinks every register size (not the 200 open) for a quick check that the bench runs. */
const SCALE = Number(process.env['BENCH_WATCH_SCALE'] ?? 1);
const OPEN = 200;
const CLOSED = Math.round(20_000 * SCALE);
/** The second sweep figure: this many closed complaints in the index (the documents are the 20,000 above). */
const CLOSED_HUGE = Math.round(100_000 * SCALE);
const YEARLY = Math.round(5_000 * SCALE);
const RUNS = 5;

/**
 * The index's rows and the open rows of `docs`, written in batches as the index would write them. No search rows:
 * nothing here searches (bench/search.bench.ts does), and the mark says none are missing.
 */
async function seedIndex(
  index: TableClient,
  derived: DerivedTables,
  docs: readonly ComplaintDocument[],
): Promise<void> {
  const byTable = new Map<TableClient, Map<string, TransactionAction[]>>();
  const add = (table: TableClient, pk: string, action: TransactionAction) => {
    const partitions = byTable.get(table) ?? new Map<string, TransactionAction[]>();
    const list = partitions.get(pk) ?? [];
    list.push(action);
    partitions.set(pk, list);
    byTable.set(table, partitions);
  };
  for (const doc of docs) {
    const entry = indexEntryOf(doc);
    const { id, status, ...rest } = entry;
    // `create`, not `upsert`: Azurite's batch upsert slows down with the size of the partition, insert does not.
    add(index, status, ['create', { partitionKey: status, rowKey: id, ...rest }]);
    if (status === 'open') {
      const { statistics: _s, ...open } = rest;
      add(derived.open, 'open', [
        'create',
        { partitionKey: 'open', rowKey: urgencyKey(entry), complaintId: id, ...open },
      ]);
    }
  }
  const batches: { table: TableClient; actions: TransactionAction[] }[] = [];
  for (const [table, partitions] of byTable)
    for (const actions of partitions.values())
      for (let i = 0; i < actions.length; i += 100)
        batches.push({ table, actions: actions.slice(i, i + 100) });
  await mapLimit(batches, 16, (b) => b.table.submitTransaction(b.actions));
  // Nothing left for the one-off backfill.
  await derived.search.upsertEntity({ ...searchMark, rows: docs.length });
}

async function seed(
  complaints: TableClient,
  index: TableClient,
  derived: DerivedTables,
  docs: readonly ComplaintDocument[],
): Promise<void> {
  const store = createTableComplaintStore<ComplaintDocument>(complaints, complaints);
  await mapLimit(docs, 48, (doc) => store.create(doc, []));
  await seedIndex(index, derived, docs);
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

const bench: Bench = {
  title: 'Deadline watch and yearly analysis against Azurite',
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
      const smallComplaints = await table('complaintssmall');
      const complaints = await table('complaints');
      const smallIndex = await table('indexsmall');
      const largeIndex = await table('indexlarge');
      const watchTable = await table('complaintwatch');
      const derivedTables = new Map<TableClient, DerivedTables>([
        [smallIndex, { open: await table('opensmall'), search: await table('searchsmall') }],
        [largeIndex, { open: await table('openlarge'), search: await table('searchlarge') }],
      ]);
      const derivedOf = (index: TableClient): DerivedTables => {
        const found = derivedTables.get(index);
        if (!found) throw new Error('no derived tables');
        return found;
      };

      const today = localDate('2026-04-23');
      const open = Array.from({ length: OPEN }, (_, i) =>
        complaint(i, 2026, addDays(localDate('2026-03-02'), i % 50), false),
      );
      const closed = Array.from({ length: CLOSED }, (_, i) =>
        i < YEARLY
          ? complaint(i, 2025, addDays(localDate('2025-01-02'), i % 330), true)
          : complaint(i, 2024, addDays(localDate('2024-01-02'), i % 330), true),
      );
      const began = performance.now();
      const progress = (what: string) =>
        process.stderr.write(`  … ${what} (${((performance.now() - began) / 1000).toFixed(0)} s)\n`);
      // Index rows need no index of their own to be written, so the bench writes them itself (in batches).
      await seed(smallComplaints, smallIndex, derivedOf(smallIndex), open);
      const store0 = createTableComplaintStore<ComplaintDocument>(complaints, complaints);
      await mapLimit([...open, ...closed], 48, (doc) => store0.create(doc, []));
      progress('complaints written');
      await seedIndex(largeIndex, derivedOf(largeIndex), [...open, ...closed]);
      progress('index rows written');
      const mailer: Mailer = {
        send: () => Promise.resolve({ kind: 'accepted', inThread: false }),
        findSent: () => Promise.resolve({ kind: 'notFound' }),
      };
      const store = createTableComplaintStore<ComplaintDocument>(complaints, complaints);
      const smallStore = createTableComplaintStore<ComplaintDocument>(smallComplaints, smallComplaints);
      const sweep = (index: TableClient, complaintStore: typeof store) => async (): Promise<number> => {
        const started = performance.now();
        await deadlineSweep({
          index: createTableComplaintIndex(index, derivedOf(index)),
          complaints: complaintStore,
          watch: createTableWatchStore(watchTable),
          mailer,
          clock: { now: () => new Date(`${today}T08:05:00Z`) },
          calendar,
          reminderWorkingDays: 2,
          directorAddress: 'directeur@example.org',
          registerUrl: 'https://example.org',
          organisationName: 'Bench',
        });
        return performance.now() - started;
      };
      const small = sweep(smallIndex, smallStore);
      const large = sweep(largeIndex, store);
      await small();
      await large();
      const smallTimes: number[] = [];
      const largeTimes: number[] = [];
      for (let r = 0; r < RUNS; r++) {
        smallTimes.push(await small());
        largeTimes.push(await large());
      }

      // The floor: the year's rows, one per complaint, listed directly in one query.
      const listYear = async (): Promise<number> => {
        const started = performance.now();
        let rows = 0;
        for await (const row of largeIndex.listEntities({
          queryOptions: { filter: odata`year eq ${2025}` },
        })) {
          void row;
          rows++;
        }
        if (rows !== YEARLY) throw new Error(`the year's listing found ${rows} rows, expected ${YEARLY}`);
        return performance.now() - started;
      };
      const yearlyTimes: number[] = [];
      const listTimes: number[] = [];
      let total = 0;
      await listYear();
      for (let r = 0; r < 3; r++) {
        listTimes.push(await listYear());
        const started = performance.now();
        const { analysis } = await analyseYear(
          {
            index: createTableComplaintIndex(largeIndex, derivedOf(largeIndex)),
            complaints: store,
            archive: createTableComplaintArchive(complaints),
            watch: createTableWatchStore(watchTable),
            // The store's keys live in the complaints table here (see above); the ledger reads them there.
            numbers: createTableNumberLedger(complaints),
            causeCategories: settings.causeCategories,
          },
          2025,
          today,
        );
        total = analysis.total;
        yearlyTimes.push(performance.now() - started);
      }
      if (total !== YEARLY) throw new Error(`yearly analysis counted ${total}, expected ${YEARLY}`);

      // 100,000 closed: the 20,000 above and copies of them under new ids and numbers (index rows only).
      const copies = Array.from({ length: CLOSED_HUGE - CLOSED }, (_, i): ComplaintDocument => {
        const from = closed[i % CLOSED] as ComplaintDocument;
        const number = `K-2023-${String((i % 9999) + 1).padStart(4, '0')}` as ComplaintState['number'];
        return { ...from, id: randomUUID(), year: 2023, state: { ...from.state, number } };
      });
      await seedIndex(largeIndex, derivedOf(largeIndex), copies);
      const smallAgain: number[] = [];
      const hugeTimes: number[] = [];
      await large();
      for (let r = 0; r < RUNS; r++) {
        smallAgain.push(await small());
        hugeTimes.push(await large());
      }
      return [
        {
          name: `deadline sweep, ${OPEN} open + ${CLOSED.toLocaleString('en')} closed (median of ${RUNS})`,
          value: median(largeTimes),
          unit: 'ms',
          floor: { name: `${OPEN} open alone`, value: median(smallTimes) },
          goal: 1.2,
        },
        {
          name: `deadline sweep, ${OPEN} open + ${CLOSED_HUGE.toLocaleString('en')} closed in the index (median of ${RUNS})`,
          value: median(hugeTimes),
          unit: 'ms',
          floor: { name: `${OPEN} open alone`, value: median(smallAgain) },
          goal: 1.2,
        },
        {
          name: `yearly analysis over ${YEARLY.toLocaleString('en')} complaints (median of 3)`,
          value: median(yearlyTimes),
          unit: 'ms',
          floor: {
            name: `the year's ${YEARLY.toLocaleString('en')} rows listed directly`,
            value: median(listTimes),
          },
          goal: 1.5,
        },
      ];
    } finally {
      await azurite.stop();
    }
  },
};

export default bench;
