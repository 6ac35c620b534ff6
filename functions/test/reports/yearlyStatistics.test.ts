import { localDate } from '../../../domain/src/localDate';
import { toStatistics } from '../../../domain/src/anonymise';
import { indexEntryOf } from '../../src/app/indexEntry';
import type { ComplaintArchive } from '../../src/app/ports/complaintArchive';
import { analyseYear, type YearlyDeps } from '../../src/reports/yearlyReport';
import { MemoryIndex, MemoryStore, seedComplaint } from '../letters/fakes';
import { MemoryWatchStore } from '../watch/fakes';

const noArchive: ComplaintArchive = {
  anonymise: () => Promise.resolve(false),
  getRecord: () => Promise.resolve(undefined),
};

/** Complaints received on different days, so that on the analysis day some deadlines are pending and some overdue. */
async function register(): Promise<{
  store: MemoryStore;
  withRecords: MemoryIndex;
  withoutRecords: MemoryIndex;
}> {
  const store = new MemoryStore();
  const withRecords = new MemoryIndex();
  const withoutRecords = new MemoryIndex();
  const days = ['2026-01-05', '2026-02-16', '2026-03-02', '2026-03-30', '2026-04-20', '2026-05-11'];
  for (const [i, today] of days.entries()) {
    const doc = await seedComplaint(store, { today, sequence: i + 1 });
    const entry = indexEntryOf(doc);
    await withRecords.put(entry);
    const { statistics: _omitted, ...bare } = entry;
    await withoutRecords.put(bare);
  }
  return { store, withRecords, withoutRecords };
}

const deps = (store: MemoryStore, index: MemoryIndex): YearlyDeps => ({
  index,
  complaints: store,
  archive: noArchive,
  watch: new MemoryWatchStore(),
  causeCategories: ['Communicatie', 'Planning'],
});

describe('the yearly analysis from the index rows', () => {
  test.each(['2026-03-10', '2026-04-21', '2026-12-01'])(
    'equals the analysis from reading every complaint, as of %s',
    async (asOf) => {
      const { store, withRecords, withoutRecords } = await register();
      const fromRows = await analyseYear(deps(store, withRecords), 2026, localDate(asOf));
      // Rows without a record make the analysis read each complaint: the way it was done before.
      const fromComplaints = await analyseYear(deps(store, withoutRecords), 2026, localDate(asOf));
      expect(fromRows.analysis).toEqual(fromComplaints.analysis);
      expect(fromRows.stats).toEqual(fromComplaints.stats);
      expect(fromRows.analysis.total).toBe(6);
      // Not trivially equal: on this day the records hold deadlines of both kinds.
      const outcomes = new Set(fromRows.stats.flatMap((s) => s.deadlineOutcomes.map((d) => d.outcome)));
      if (asOf === '2026-04-21') expect([...outcomes].sort()).toEqual(['overdue', 'pending']);
    },
  );

  test('reads the record from the row, not the complaint, and a row without one is written again (backfill)', async () => {
    const { store, withRecords, withoutRecords } = await register();
    const docs = [...store.docs.values()].map((d) => d.doc);
    // Were the complaint read, this change would show: the row's record is what counts.
    const first = docs[0];
    if (!first) throw new Error('no complaint');
    store.docs.delete(first.id);
    const fromRows = await analyseYear(deps(store, withRecords), 2026, localDate('2026-12-01'));
    expect(fromRows.analysis.total).toBe(6);
    store.docs.set(first.id, { doc: first, etag: 'e' });

    await analyseYear(deps(store, withoutRecords), 2026, localDate('2026-12-01'));
    for (const doc of docs) {
      const written = withoutRecords.entries.get(doc.id)?.statistics;
      expect(written).toBe(JSON.stringify(toStatistics(doc.state, doc.state.registeredOn)));
    }
  });
});
