import { localDate } from '../../../domain/src/localDate';
import { toStatistics } from '../../../domain/src/anonymise';
import { indexEntryOf } from '../../src/app/indexEntry';
import type { ComplaintArchive } from '../../src/app/ports/complaintArchive';
import { analyseYear, type YearlyDeps } from '../../src/reports/yearlyReport';
import { MemoryIndex, MemoryStore, seedComplaint } from '../letters/fakes';
import { MemoryWatchStore } from '../watch/fakes';
import type { VoidedNumber } from '../../src/app/ports/numberLedger';
import { yearlyReportHtml } from '../../src/reports/yearlyReportHtml';
import { yearlyReportSheets } from '../../src/reports/yearlyReportXlsx';

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

const deps = (store: MemoryStore, index: MemoryIndex, voided: VoidedNumber[] = []): YearlyDeps => ({
  index,
  complaints: store,
  archive: noArchive,
  watch: new MemoryWatchStore(),
  numbers: { listVoided: async (year) => voided.filter((v) => v.year === year) },
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

describe('void numbers in the yearly figures', () => {
  test('the count and reason of each void number, so the sequence issued is complete: JSON, HTML and XLSX', async () => {
    const { store, withRecords } = await register();
    const voided: VoidedNumber[] = [
      {
        year: 2026,
        sequence: 7,
        reason: 'vervallen: opslag niet bereikbaar tijdens registratie',
        voidedAt: '2026-03-03T23:30:00Z',
      },
      { year: 2025, sequence: 3, reason: 'vervallen: ander jaar', voidedAt: '2025-05-01T10:00:00Z' },
    ];
    const { analysis, stats } = await analyseYear(
      deps(store, withRecords, voided),
      2026,
      localDate('2026-12-01'),
    );
    expect(analysis.voided).toEqual({
      count: 1,
      lines: [
        {
          number: 'K-2026-0007',
          reason: 'vervallen: opslag niet bereikbaar tijdens registratie',
          voidedAt: '2026-03-03T23:30:00Z',
        },
      ],
    });
    expect(analysis.numbersIssued).toBe(analysis.total + 1);

    const html = yearlyReportHtml(analysis, 'Lagant');
    expect(html).toContain('<td>vervallen nummers (zonder klacht)</td><td>1</td>');
    expect(html).toContain(`<td>klachtnummers uitgegeven</td><td>${analysis.total + 1}</td>`);
    // The time is Amsterdam's: 23:30 UTC on 3 March is 00:30 on 4 March there.
    expect(html).toContain(
      '<td>K-2026-0007</td><td>vervallen: opslag niet bereikbaar tijdens registratie</td><td>woensdag 4 maart 2026</td>',
    );
    expect(html).not.toContain('ander jaar');

    const sheets = yearlyReportSheets(analysis, stats);
    expect(sheets.find((sh) => sh.name === 'Vervallen nummers')?.rows).toEqual([
      ['nummer', 'reden', 'vervallen op'],
      ['K-2026-0007', 'vervallen: opslag niet bereikbaar tijdens registratie', { date: '2026-03-04' }],
    ]);
    expect(sheets.find((sh) => sh.name === 'Kerncijfers')?.rows).toContainEqual(['vervallen nummers', 1]);
  });

  test('a year without void numbers says every number has its complaint', async () => {
    const { store, withRecords } = await register();
    const { analysis } = await analyseYear(deps(store, withRecords), 2026, localDate('2026-12-01'));
    expect(analysis.voided.count).toBe(0);
    expect(yearlyReportHtml(analysis, 'Lagant')).toContain(
      `Alle ${analysis.total} uitgegeven nummers horen bij een klacht.`,
    );
  });
});
