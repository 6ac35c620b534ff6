/**
 * The deadline watch at scale. The sweep reads the open complaints' own table and their own partitions, so a
 * register with 20,000 or 100,000 closed complaints must sweep about as fast as one with only its 200 open ones
 * (goal: ratio ≤ 1.2). The register's search over 10,000 complaints next to its own storage operations issued
 * directly. And the yearly analysis over 5,000 complaints, end to end from
 * storage, next to a floor that lists the same 5,000 rows (one per complaint of the year) directly with one query
 * (goal: ratio ≤ 1.5). Storage is a real Azurite, seeded directly with @azure/data-tables (not through the API)
 * for speed.
 */
import { randomUUID } from 'node:crypto';
import { odata, TableClient, type TransactionAction } from '@azure/data-tables';
import { startAzurite } from '../dev/azurite';
import { freePort } from '../dev/ports';
import { applyStep } from '../domain/src/lifecycle';
import { localDate, type LocalDate, addDays } from '../domain/src/localDate';
import { registerComplaint } from '../domain/src/registerComplaint';
import { defaultProcedureSettings } from '../domain/src/settings';
import type { Step } from '../domain/src/steps';
import { createWorkingDayCalendar } from '../domain/src/workingDayCalendar';
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
import { listComplaints } from '../functions/src/app/listComplaints';
import { parseSearchQuery } from '../domain/src/searchText';
import { mapLimit } from '../functions/src/common/boundedConcurrency';
import type { Bench, BenchFigure } from './bench';

/** `BENCH_WATCH_SCALE=0.1` shrinks every register size (not the 200 open) for a quick check that the bench runs. */
const SCALE = Number(process.env['BENCH_WATCH_SCALE'] ?? 1);
const OPEN = 200;
const CLOSED = Math.round(20_000 * SCALE);
/** The second sweep figure: this many closed complaints in the index (the documents are the 20,000 above). */
const CLOSED_HUGE = Math.round(100_000 * SCALE);
const SEARCHED = Math.round(10_000 * SCALE);
const YEARLY = Math.round(5_000 * SCALE);
const RUNS = 5;

const settings = defaultProcedureSettings({ organisation: 'Derde', person: '', email: 'derde@example.org' });
const calendar = createWorkingDayCalendar(settings.calendar);
const ctx = (today: LocalDate) => ({ today, calendar, settings });

const FIRST = ['Noor', 'Sem', 'Zoë', 'Daan', 'Femke', 'Luuk', 'Anouk', 'Bram', 'Eva', 'Jesse'];
const LAST = Array.from(
  { length: 100 },
  (_, i) => `${['de Vries', 'Jansen', 'Bakker', 'Visser', 'Smit'][i % 5]}${i}`,
);
const TOPICS = [
  'factuur',
  'verwarming',
  'lesrooster',
  'docent',
  'examen',
  'parkeren',
  'lekkage',
  'wachttijd',
];

function complaint(i: number, year: number, receivedOn: LocalDate, close: boolean): ComplaintDocument {
  const number = `K-${year}-${String((i % 9999) + 1).padStart(4, '0')}` as ComplaintState['number'];
  const r = registerComplaint(
    {
      number,
      origin: { internetMessageId: `<bench-${i}@example.org>` },
      receivedOn,
      complainant: {
        name: `${FIRST[i % 10]} ${LAST[Math.floor(i / 10) % 100]}`,
        address: `klager${i}@example.org`,
      },
      subject: `Klacht over ${TOPICS[i % 8]} en ${TOPICS[Math.floor(i / 8) % 8]}`,
      description: `Omschrijving ${i}`,
      body: 'Tekst van de klacht.',
      attachments: [],
      handler: { name: 'Sanne Bakker', address: 'sanne@example.org' },
    },
    ctx(receivedOn),
  );
  if (!r.ok) throw new Error(r.message);
  let state = r.state;
  if (!close && i % 10 !== 0) {
    const acked = applyStep(
      state,
      { type: 'acknowledged', on: addDays(receivedOn, 1) },
      ctx(addDays(receivedOn, 1)),
    );
    if (!acked.ok) throw new Error(acked.message);
    state = acked.state;
  }
  if (close) {
    const steps: Step[] = [
      { type: 'acknowledged', on: addDays(receivedOn, 2 + (i % 6)) },
      { type: 'decisionTaken', on: addDays(receivedOn, 20), summary: 'Besluit' },
      { type: 'solutionProposed', on: addDays(receivedOn, 21), solution: 'Oplossing' },
      { type: 'agreementRecorded', on: addDays(receivedOn, 25), agreed: true },
      {
        type: 'causeAnalysed',
        on: addDays(receivedOn, 26),
        category: settings.causeCategories[i % 9] ?? 'overig',
        text: 'Oorzaak',
      },
      { type: 'closed', on: addDays(receivedOn, 30 + (i % 40)) },
    ];
    for (const step of steps) {
      const next = applyStep(state, step, ctx(addDays(receivedOn, 80)));
      if (!next.ok) throw new Error(`${step.type}: ${next.message}`);
      state = next.state;
    }
  }
  return {
    id: randomUUID(),
    year,
    registeredAt: `${receivedOn}T10:00:00Z`,
    registeredBy: { id: 'bench', name: 'Bench' },
    message: {
      internetMessageId: state.origin.internetMessageId,
      conversationId: '',
      subject: state.subject,
      from: state.complainant,
      receivedAt: `${receivedOn}T09:00:00Z`,
    },
    state,
    actors: {},
  };
}

/** The index's rows, the open rows and the search rows of `docs`, written in batches as the index would write them. */
async function seedIndex(
  index: TableClient,
  derived: DerivedTables,
  docs: readonly ComplaintDocument[],
  withSearchRows = true,
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
    for (const key of withSearchRows ? (entry.searchKeys ?? '').split(' ').filter(Boolean) : [])
      add(derived.search, 'search', [
        'create',
        {
          partitionKey: 'search',
          rowKey: `${key}|${id}`,
          status,
          number: entry.number,
          year: entry.year,
          receivedOn: entry.receivedOn,
        },
      ]);
  }
  const batches: { table: TableClient; actions: TransactionAction[] }[] = [];
  for (const [table, partitions] of byTable)
    for (const actions of partitions.values())
      for (let i = 0; i < actions.length; i += 100)
        batches.push({ table, actions: actions.slice(i, i + 100) });
  await mapLimit(batches, 16, (b) => b.table.submitTransaction(b.actions));
  // Written as the index writes them: nothing left for the one-off backfill.
  await derived.search.upsertEntity({ partitionKey: 'meta', rowKey: 'backfill-1', rows: docs.length });
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

/**
 * The register's search over 10,000 complaints, through the use case (parse, search rows, the page's index rows,
 * the audit row): the median over a surname, a full name, a subject word pair and a partial number. The floor is
 * the same storage operations issued directly, each query's: its range queries side by side, then the point reads
 * of the hits on its first page, then one write; what is above it is the app's own work.
 */
async function searchLatency(
  indexTable: TableClient,
  derived: DerivedTables,
  complaints: ReturnType<typeof createTableComplaintStore<ComplaintDocument>>,
  watchTable: TableClient,
): Promise<BenchFigure> {
  const index = createTableComplaintIndex(indexTable, derived);
  const services = {
    index,
    complaints,
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
  const queries = [LAST[7] ?? '', `${FIRST[3] ?? ''} ${LAST[42] ?? ''}`, 'verwarming lekkage', '2025-123'];
  const request = (q: string) => ({
    status: null,
    handler: null,
    overdue: null,
    year: null,
    continuationToken: null,
    pageSize: null,
    q,
  });
  const viaApp = async (q: string): Promise<number> => {
    const started = performance.now();
    const page = await listComplaints(services, principal, request(q));
    if (page.items.length === 0) throw new Error(`the search for "${q}" found nothing`);
    return performance.now() - started;
  };
  const direct = async (q: string): Promise<number> => {
    const parsed = parseSearchQuery(q);
    if (!parsed) throw new Error('bad query');
    const started = performance.now();
    const ranges =
      parsed.kind === 'number'
        ? [{ low: `!${parsed.sequence}|`, high: `!${parsed.sequence}}` }]
        : parsed.words.map((w) => ({
            low: w,
            high: w.slice(0, -1) + String.fromCharCode(w.charCodeAt(w.length - 1) + 1),
          }));
    const lists = await Promise.all(
      ranges.map(async ({ low, high }) => {
        const ids: { id: string; status: string }[] = [];
        for await (const e of derived.search.listEntities<{ status: string }>({
          queryOptions: {
            filter: odata`PartitionKey eq 'search' and RowKey ge ${low} and RowKey lt ${high}`,
            select: ['RowKey', 'status', 'number', 'year', 'receivedOn'],
          },
        }))
          ids.push({ id: String(e.rowKey).split('|')[1] ?? '', status: e.status });
        return ids;
      }),
    );
    const common = (lists[0] ?? [])
      .filter((h) => lists.every((l) => l.some((o) => o.id === h.id)))
      .slice(0, 50);
    await Promise.all(common.map((h) => indexTable.getEntity(h.status, h.id)));
    await watchTable.createEntity({ partitionKey: 'bench', rowKey: randomUUID() });
    return performance.now() - started;
  };
  for (const q of queries) {
    await viaApp(q);
    await direct(q);
  }
  const app: number[] = [];
  const floor: number[] = [];
  for (let r = 0; r < 5; r++)
    for (const q of queries) {
      floor.push(await direct(q));
      app.push(await viaApp(q));
    }
  return {
    name: `register search over ${SEARCHED.toLocaleString('en')} complaints (median of ${app.length}: a surname, a full name, two subject words, a partial number)`,
    value: median(app),
    unit: 'ms',
    floor: {
      name: 'the same range queries, point reads and audit write issued directly',
      value: median(floor),
    },
    goal: 1.5,
  };
}

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
      const searchIndex = await table('indexsearched');
      const watchTable = await table('complaintwatch');
      const derivedTables = new Map<TableClient, DerivedTables>([
        [smallIndex, { open: await table('opensmall'), search: await table('searchsmall') }],
        [largeIndex, { open: await table('openlarge'), search: await table('searchlarge') }],
        [searchIndex, { open: await table('opensearched'), search: await table('searchsearched') }],
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
      await seedIndex(largeIndex, derivedOf(largeIndex), [...open, ...closed], false);
      progress('index rows written');
      await seedIndex(searchIndex, derivedOf(searchIndex), [...open, ...closed.slice(0, SEARCHED - OPEN)]);

      progress('search rows written');
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
      const searchFigure = await searchLatency(searchIndex, derivedOf(searchIndex), store, watchTable);

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
      await seedIndex(largeIndex, derivedOf(largeIndex), copies, false);
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
        searchFigure,
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
