/** The usual next step(s) per stage of the procedure, each with the deadline that governs it. */
import { allowedSteps, nextSteps, type ComplaintState } from '../src';
import { L, registered, walk } from './helpers';

// Received Monday 2 March 2026, term 6 weeks: the outcome is due Monday 13 April 2026.
const s0 = registered();
const decided = walk(s0, [
  [{ type: 'decisionTaken', on: '2026-03-10', summary: 'Tweede factuur vervalt.' }, '2026-03-10'],
]);
const proposed = walk(decided, [
  [{ type: 'solutionProposed', on: '2026-03-11', solution: 'Creditnota.' }, '2026-03-11'],
]);
const disagreed = walk(proposed, [
  [{ type: 'agreementRecorded', on: '2026-03-12', agreed: false }, '2026-03-12'],
]);
const clarified = walk(disagreed, [
  [{ type: 'clarificationMeetingScheduled', on: '2026-03-13', meetingOn: '2026-03-18' }, '2026-03-13'],
]);

const at = (state: ComplaintState, today: string) => nextSteps(state, L(today));

describe('the usual next step(s) of each stage', () => {
  it('after registration: the decision, by the outcome deadline', () => {
    expect(s0.deadlines.resolveBy).toBe('2026-04-13');
    expect(at(s0, '2026-03-02')).toEqual([
      { type: 'decisionTaken', due: { deadline: 'resolveBy', on: '2026-04-13' } },
    ]);
  });

  it('after the decision: proposing the solution, by the same deadline (an extension moves it)', () => {
    expect(at(decided, '2026-03-10')).toEqual([
      { type: 'solutionProposed', due: { deadline: 'resolveBy', on: '2026-04-13' } },
    ]);
    const extended = walk(decided, [
      [
        {
          type: 'extensionDetermined',
          on: '2026-03-10',
          reason: 'Wachten op docent',
          expectedBy: '2026-05-20',
        },
        '2026-03-10',
      ],
    ]);
    expect(at(extended, '2026-03-10')).toEqual([
      { type: 'solutionProposed', due: { deadline: 'resolveBy', on: extended.deadlines.resolveBy } },
    ]);
    expect(extended.deadlines.resolveBy).not.toBe('2026-04-13');
  });

  it('after a proposal: the complainant’s reaction by the end of the reaction period; afterwards also closing', () => {
    expect(at(proposed, '2026-03-25')).toEqual([
      { type: 'agreementRecorded', due: { deadline: 'reactionBy', on: '2026-03-25' } },
    ]);
    expect(at(proposed, '2026-03-26')).toEqual([
      { type: 'agreementRecorded', due: { deadline: 'reactionBy', on: '2026-03-25' } },
      { type: 'closed' },
    ]);
  });

  it('agreed: closing; not agreed: the clarification meeting', () => {
    const agreed = walk(proposed, [
      [{ type: 'agreementRecorded', on: '2026-03-12', agreed: true }, '2026-03-12'],
    ]);
    expect(at(agreed, '2026-03-12')).toEqual([{ type: 'closed' }]);
    expect(at(disagreed, '2026-03-12')).toEqual([{ type: 'clarificationMeetingScheduled' }]);
  });

  it('after the clarification meeting was planned: a new proposal or the third party; closing once it took place', () => {
    expect(at(clarified, '2026-03-18')).toEqual([
      { type: 'solutionProposed' },
      { type: 'referredToThirdParty' },
    ]);
    expect(at(clarified, '2026-03-19')).toEqual([
      { type: 'solutionProposed' },
      { type: 'referredToThirdParty' },
      { type: 'closed' },
    ]);
  });

  it('escalated: the director’s reply about the procedure, by one month after the escalation', () => {
    const escalated = walk(s0, [
      [{ type: 'escalated', on: '2026-03-04', reason: 'Boven mandaat.' }, '2026-03-04'],
    ]);
    expect(at(escalated, '2026-03-04')).toEqual([
      { type: 'escalationResponded', due: { deadline: 'escalationResponseBy', on: '2026-04-07' } },
    ]);
    expect(escalated.escalations[0]?.respondBy).toBe('2026-04-07');
  });

  it('with the third party: its binding ruling', () => {
    const referred = walk(disagreed, [[{ type: 'referredToThirdParty', on: '2026-03-13' }, '2026-03-13']]);
    expect(at(referred, '2026-03-13')).toEqual([{ type: 'bindingRuling' }]);
  });

  it('closed: the causes, a measure, then informing the complainant', () => {
    const closed = walk(clarified, [[{ type: 'closed', on: '2026-03-19' }, '2026-03-19']]);
    expect(at(closed, '2026-03-19')).toEqual([{ type: 'causeAnalysed' }]);
    const caused = walk(closed, [
      [
        { type: 'causeAnalysed', on: '2026-03-20', category: 'administratie', text: 'Dubbele boeking.' },
        '2026-03-20',
      ],
    ]);
    // The letter to the complainant lists the measures recorded by then: recording one comes first.
    expect(at(caused, '2026-03-20')).toEqual([{ type: 'measureRecorded' }, { type: 'complainantInformed' }]);
    const measured = walk(caused, [
      [
        {
          type: 'measureRecorded',
          on: '2026-03-20',
          description: 'Controle op dubbele boekingen.',
          owner: 'Financiële administratie',
          dueOn: '2026-04-30',
        },
        '2026-03-20',
      ],
    ]);
    expect(at(measured, '2026-03-20')).toEqual([{ type: 'complainantInformed' }]);
    const informed = walk(measured, [[{ type: 'complainantInformed', on: '2026-03-23' }, '2026-03-23']]);
    expect(at(informed, '2026-03-23')).toEqual([]);
  });

  it('a usual step is always allowed, and without today closing is never one', () => {
    for (const [state, today] of [
      [s0, '2026-03-02'],
      [proposed, '2026-03-26'],
      [clarified, '2026-03-19'],
    ] as const) {
      for (const next of at(state, today)) expect(allowedSteps(state, L(today))).toContain(next.type);
    }
    expect(nextSteps(proposed).map((n) => n.type)).toEqual(['agreementRecorded']);
  });
});
