import {
  anonymise,
  erasureRefusal,
  findRepeatCandidates,
  isErasable,
  missingRegisterFields,
  summaryOf,
  toRegisterRecord,
  toStatistics,
  type ComplaintState,
} from '../src';
import { L, registered, walk } from './helpers';

const handled: ComplaintState = walk(registered(), [
  [{ type: 'informationRequested', note: 'Betaalbewijs van mevrouw De Vries gevraagd.' }, '2026-03-03'],
  [{ type: 'decisionTaken', on: '2026-03-10', summary: 'Tweede factuur vervalt.' }, '2026-03-10'],
  [
    { type: 'solutionProposed', on: '2026-03-11', solution: 'Creditnota voor factuur 2026-0219.' },
    '2026-03-11',
  ],
  [{ type: 'agreementRecorded', on: '2026-03-12', agreed: true }, '2026-03-12'],
  [{ type: 'closed', on: '2026-03-13' }, '2026-03-13'],
  [
    { type: 'causeAnalysed', category: 'facturering', text: 'Handmatige factuur naast automatische.' },
    '2026-03-16',
  ],
  [
    {
      type: 'measureRecorded',
      description: 'Handmatig factureren afgeschaft.',
      owner: 'Piet Administratie',
      dueOn: '2026-05-01',
    },
    '2026-03-16',
  ],
  [{ type: 'complainantInformed', on: '2026-03-17' }, '2026-03-17'],
]);

describe('R11 register record', () => {
  it('holds the five fields of the procedure', () => {
    expect(toRegisterRecord(handled)).toEqual({
      number: 'K-2026-0001',
      receivedOn: '2026-03-02',
      status: 'closed',
      closedOn: '2026-03-13',
      closedAs: 'handled',
      description: 'Twee facturen voor dezelfde training ontvangen.',
      complainantName: 'Marieke de Vries',
      handlerName: 'Eva Klachtbehandelaar',
      solution: 'Creditnota voor factuur 2026-0219.',
      agreement: 'agreed',
      agreementLabel: 'wel overeenstemming',
    });
  });

  it('lists what is missing before closing', () => {
    expect(missingRegisterFields(registered())).toEqual(['solution', 'agreement']);
    expect(missingRegisterFields(handled)).toEqual([]);
  });

  it('an inadmissible complaint records why it was not handled as its "oplossing"', () => {
    const s = walk(registered(), [
      [{ type: 'declaredInadmissible', ground: 'repeat', relatedComplaint: 'K-2025-0112' }, '2026-03-03'],
    ]);
    expect(toRegisterRecord(s)).toMatchObject({
      solution: 'Niet in behandeling genomen: herhaalde klacht, eerder beslist onder K-2025-0112.',
      agreement: 'none',
      agreementLabel: 'geen overeenstemming',
    });
    expect(missingRegisterFields(s)).toEqual([]);
  });

  it('summaryOf feeds R12 with the decision date', () => {
    expect(summaryOf(registered()).decidedOn).toBeUndefined();
    const summary = summaryOf(handled);
    expect(summary.decidedOn).toBe('2026-03-10');
    const repeat = {
      complainant: { name: 'M. de Vries', address: 'marieke.devries@voorbeeld.nl' },
      subject: 'RE: ' + handled.subject,
    };
    expect(findRepeatCandidates(repeat, [summary]).map((c) => c.number)).toEqual(['K-2026-0001']);
  });
});

describe('R3 retention and anonymisation', () => {
  // closed 13 March 2026 + 2 years = Monday 13 March 2028
  it.each([
    ['2026-03-20', 'retentionNotExpired'],
    ['2028-03-13', 'retentionNotExpired'],
    ['2028-03-14', undefined],
  ])('on %s → %s', (today, reason) => {
    expect(erasureRefusal(handled, L(today))?.reason).toBe(reason);
    expect(isErasable(handled, L(today))).toBe(reason === undefined);
  });

  it('an open complaint is never erased', () => {
    expect(anonymise(registered(), L('2040-01-01'))).toMatchObject({ ok: false, reason: 'notClosed' });
  });

  it('a legal hold blocks erasure', () => {
    expect(anonymise({ ...handled, legalHold: true }, L('2040-01-01'))).toMatchObject({
      ok: false,
      reason: 'legalHold',
    });
  });

  it('erases every personal and free-text field and keeps the statistics', () => {
    const r = anonymise(handled, L('2028-03-14'));
    if (!r.ok) throw new Error(r.message);
    const text = JSON.stringify(r.record);
    for (const secret of [
      'Marieke',
      'Vries',
      'voorbeeld.nl',
      'factuur-2026-0211.pdf',
      'Geachte',
      'Twee facturen',
      'Agile',
      'Eva',
      'lagant',
      'Creditnota',
      'Tweede factuur vervalt',
      'Handmatige',
      'Handmatig factureren',
      'Piet',
      'Betaalbewijs',
      'AM0PR01MB1111',
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(r.record).toMatchObject({
      number: 'K-2026-0001',
      receivedOn: '2026-03-02',
      closedOn: '2026-03-13',
      closedAs: 'handled',
      agreement: 'agreed',
      late: false,
      term: 'P6W',
      decidedOn: '2026-03-10',
      proposalCount: 1,
      causeCategories: ['facturering'],
      measures: [{ on: '2026-03-16', dueOn: '2026-05-01' }],
      complainantInformedOn: ['2026-03-17'],
      attachmentCount: 1,
      anonymisedOn: '2028-03-14',
    });
    expect(r.record.deadlineOutcomes.map((d) => [d.deadline, d.outcome])).toEqual([
      ['acknowledgeBy', 'overdue'],
      ['resolveBy', 'met'],
    ]);
  });

  it('toStatistics gives living complaints the same shape for reports', () => {
    const stats = toStatistics(registered(), L('2026-03-05'));
    expect(stats).toMatchObject({ status: 'open', proposalCount: 0, causeCategories: [] });
    expect(Object.keys(stats)).not.toContain('complainant');
  });
});
