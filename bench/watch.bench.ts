/**
 * The deadline watch at scale. The sweep reads the `open` partition of the index and the open
 * complaints' own partitions, so a register with 20,000 closed complaints must sweep about as fast as one with
 * only its 200 open ones (goal: ratio ≤ 1.5). And the yearly analysis over 5,000 complaints, end to end from
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
import { createTableComplaintIndex, type DerivedTables } from '../functions/src/adapters/tableComplaintIndex';
import { createTableComplaintStore } from '../functions/src/adapters/tableComplaintStore';
import { createTableWatchStore } from '../functions/src/adapters/tableWatchStore';
import { createTableNumberLedger } from '../functions/src/adapters/tableNumberLedger';
import type { ComplaintDocument } from '../functions/src/app/complaintDocument';
import { indexEntryOf } from '../functions/src/app/indexEntry';
import type { Mailer } from '../functions/src/app/ports/mailer';
import { analyseYear } from '../functions/src/reports/yearlyReport';
import { deadlineSweep } from '../functions/src/watch/deadlineSweep';
import { mapLimit } from '../functions/src/shared/boundedConcurrency';
import type { Bench, BenchFigure } from './bench';

const OPEN = 200;
const CLOSED = 20_000;
const YEARLY = 5_000;
const RUNS = 5;

const settings = defaultProcedureSettings({ organisation: 'Derde', person: '', email: 'derde@example.org' });
const calendar = createWorkingDayCalendar(settings.calendar);
const ctx = (today: LocalDate) => ({ today, calendar, settings });

function complaint(i: number, year: number, receivedOn: LocalDate, close: boolean): ComplaintDocument {
  const number = `K-${year}-${String((i % 9999) + 1).padStart(4, '0')}` as ComplaintState['number'];
  const r = registerComplaint(
    {
      number,
      origin: { internetMessageId: `<bench-${i}@example.org>` },
      receivedOn,
      complainant: { name: `Klager ${i}`, address: `klager${i}@example.org` },
      subject: `Onderwerp ${i}`,
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

async function seed(
  complaints: TableClient,
  index: TableClient,
  docs: readonly ComplaintDocument[],
): Promise<void> {
  const store = createTableComplaintStore<ComplaintDocument>(complaints, complaints);
  await mapLimit(docs, 48, (doc) => store.create(doc, []));
  const byPartition = new Map<string, TransactionAction[]>();
  for (const doc of docs) {
    const { id, status, ...rest } = indexEntryOf(doc);
    const list = byPartition.get(status) ?? [];
    list.push(['upsert', { partitionKey: status, rowKey: id, ...rest }, 'Replace']);
    byPartition.set(status, list);
  }
  const batches: TransactionAction[][] = [];
  for (const actions of byPartition.values())
    for (let i = 0; i < actions.length; i += 100) batches.push(actions.slice(i, i + 100));
  await mapLimit(batches, 16, (batch) => index.submitTransaction(batch));
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
      await seed(smallComplaints, smallIndex, open);
      await seed(complaints, largeIndex, [...open, ...closed]);

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
      return [
        {
          name: `deadline sweep, ${OPEN} open + ${CLOSED.toLocaleString('en')} closed (median of ${RUNS})`,
          value: median(largeTimes),
          unit: 'ms',
          floor: { name: `${OPEN} open alone`, value: median(smallTimes) },
          goal: 1.5,
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
