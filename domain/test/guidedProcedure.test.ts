/**
 * The procedure's closing rules, the third party after a closing without agreement, inadmissibility at
 * registration, and the letters that steps send.
 */
import {
  allowedSteps,
  complaintNumber,
  pendingDeadlines,
  recordLetterSent,
  registerComplaint,
  retentionDue,
  toRegisterRecord,
  type ComplaintState,
  type Effect,
  type Letter,
} from '../src';
import { L, THIRD_PARTY, ctx, input, refused, registered, step, walk } from './helpers';

function ok(r: ReturnType<typeof step>): { state: ComplaintState; effects: Effect[] } {
  if (!r.ok) throw new Error(`refused: ${r.reason} ${r.message}`);
  return r;
}
const lettersOf = (effects: readonly Effect[]): Letter[] =>
  effects.flatMap((e) => (e.type === 'sendLetter' ? [e.letter] : []));

// Received Monday 2 March 2026; solution proposed Wednesday 11 March: 10 working days → 25 March.
const s0 = registered();
const proposed = walk(s0, [
  [{ type: 'decisionTaken', on: '2026-03-10', summary: 'Tweede factuur vervalt.' }, '2026-03-10'],
  [{ type: 'solutionProposed', on: '2026-03-11', solution: 'Creditnota.' }, '2026-03-11'],
]);
const agreed = walk(proposed, [
  [{ type: 'agreementRecorded', on: '2026-03-12', agreed: true }, '2026-03-12'],
]);
const disagreed = walk(proposed, [
  [{ type: 'agreementRecorded', on: '2026-03-12', agreed: false }, '2026-03-12'],
]);
const clarified = walk(disagreed, [
  [{ type: 'clarificationMeetingScheduled', on: '2026-03-13', meetingOn: '2026-03-18' }, '2026-03-13'],
]);

describe('closing follows the procedure', () => {
  it('the proposal records the last day of the reaction period (10 working days by default)', () => {
    expect(proposed.proposals.at(-1)?.reactionBy).toBe('2026-03-25');
    const shorter = ok(
      step(
        walk(s0, [[{ type: 'decisionTaken', on: '2026-03-10', summary: 'x' }, '2026-03-10']]),
        { type: 'solutionProposed', on: '2026-03-11', solution: 'y' },
        '2026-03-11',
        ctx('2026-03-11', { noReactionWorkingDays: 3 }),
      ),
    );
    expect(shorter.state.proposals.at(-1)?.reactionBy).toBe('2026-03-16');
  });

  it('agreed: closes with "wel overeenstemming" and a closing letter without the third party', () => {
    expect(allowedSteps(agreed, L('2026-03-12'))).toContain('closed');
    const r = ok(step(agreed, { type: 'closed' }, '2026-03-12'));
    expect(r.state).toMatchObject({ status: 'closed', closedAs: 'handled', agreement: 'agreed' });
    const [letter] = lettersOf(r.effects);
    expect(letter).toMatchObject({ kind: 'closing', agreement: 'agreed', solution: 'Creditnota.' });
    expect(letter && 'thirdParty' in letter).toBe(false);
  });

  it('no reaction: refused within the reaction period, with the first day it is possible', () => {
    expect(allowedSteps(proposed, L('2026-03-25'))).not.toContain('closed');
    const r = refused(proposed, { type: 'closed' }, '2026-03-25');
    expect(r.reason).toBe('reactionPending');
    expect(r.message).toContain('donderdag 26 maart 2026');
    expect(r.message).not.toMatch(/\bR\d+\b/);
  });

  it('no reaction: after the reaction period it closes as "geen overeenstemming" with the third party in the letter', () => {
    expect(allowedSteps(proposed, L('2026-03-26'))).toContain('closed');
    const r = ok(step(proposed, { type: 'closed' }, '2026-03-26'));
    expect(r.state).toMatchObject({ status: 'closed', agreement: 'none' });
    expect(lettersOf(r.effects)).toEqual([
      expect.objectContaining({ kind: 'closing', agreement: 'none', thirdParty: THIRD_PARTY }),
    ]);
    // "geen overeenstemming" sent by an older client is accepted too.
    expect(ok(step(proposed, { type: 'closed', agreement: 'none' }, '2026-03-26')).state.agreement).toBe(
      'none',
    );
  });

  it('the reaction period counts working days: Easter Monday and Koningsdag push it back', () => {
    const april = walk(s0, [
      [{ type: 'decisionTaken', on: '2026-04-01', summary: 'x' }, '2026-04-01'],
      [{ type: 'solutionProposed', on: '2026-04-01', solution: 'y' }, '2026-04-01'],
    ]);
    // 1 April + 10 working days, skipping Easter Monday 6 April: Thursday 16 April.
    expect(april.proposals.at(-1)?.reactionBy).toBe('2026-04-16');
    expect(refused(april, { type: 'closed' }, '2026-04-16').reason).toBe('reactionPending');
    expect(ok(step(april, { type: 'closed' }, '2026-04-17')).state.status).toBe('closed');
  });

  it('niet akkoord without a clarification meeting: refused', () => {
    expect(refused(disagreed, { type: 'closed' }, '2026-04-30').reason).toBe('clarificationMissing');
  });

  it('niet akkoord: refused before and on the day of the clarification meeting', () => {
    for (const today of ['2026-03-13', '2026-03-18']) {
      expect(allowedSteps(clarified, L(today))).not.toContain('closed');
      const r = refused(clarified, { type: 'closed' }, today);
      expect(r.reason).toBe('clarificationPending');
      expect(r.message).toContain('woensdag 18 maart 2026');
    }
  });

  it('niet akkoord: after the meeting it closes as "niet akkoord", the letter names the third party', () => {
    const r = ok(step(clarified, { type: 'closed' }, '2026-03-19'));
    expect(r.state).toMatchObject({ status: 'closed', agreement: 'notAgreed' });
    expect(lettersOf(r.effects)).toEqual([
      expect.objectContaining({ kind: 'closing', agreement: 'notAgreed', thirdParty: THIRD_PARTY }),
    ]);
  });

  it('"geen overeenstemming" contradicting a recorded answer is refused', () => {
    expect(refused(agreed, { type: 'closed', agreement: 'none' }, '2026-03-12').reason).toBe(
      'agreementConflict',
    );
  });

  it('without today (a caller that does not know the date) closing is not offered', () => {
    expect(allowedSteps(agreed)).toContain('closed');
    expect(allowedSteps(proposed)).not.toContain('closed');
    expect(allowedSteps(clarified)).not.toContain('closed');
  });

  it('a binding ruling closes with its letter, and becomes the register\'s "oplossing"', () => {
    const referred = walk(disagreed, [[{ type: 'referredToThirdParty', on: '2026-03-13' }, '2026-03-13']]);
    expect(refused(referred, { type: 'closed' }, '2026-04-30').reason).toBe('thirdPartyPending');
    const r = ok(
      step(
        referred,
        { type: 'bindingRuling', on: '2026-04-02', outcome: 'Volledige terugbetaling.' },
        '2026-04-02',
      ),
    );
    expect(r.state).toMatchObject({ status: 'closed', closedAs: 'bindingRuling' });
    expect(lettersOf(r.effects)).toEqual([
      expect.objectContaining({ kind: 'bindingRuling', outcome: 'Volledige terugbetaling.' }),
    ]);
    expect(toRegisterRecord(r.state).solution).toContain('Volledige terugbetaling.');
  });
});

describe('the third party after a closing without agreement', () => {
  const closedNone = walk(proposed, [[{ type: 'closed' }, '2026-03-26']]);
  const closedNotAgreed = walk(clarified, [[{ type: 'closed' }, '2026-03-19']]);
  const closedAgreed = walk(agreed, [[{ type: 'closed' }, '2026-03-12']]);

  it.each([
    ['no reaction', closedNone, '2026-03-26'],
    ['niet akkoord', closedNotAgreed, '2026-03-19'],
  ])('closed after %s: the referral reopens the complaint in that stage', (_label, closed, closedOn) => {
    expect(allowedSteps(closed, L('2026-04-01'))).toContain('referredToThirdParty');
    const r = ok(step(closed, { type: 'referredToThirdParty', on: '2026-04-01' }, '2026-04-01'));
    expect(r.state.status).toBe('open');
    expect(r.state.closedOn).toBeUndefined();
    expect(r.state.agreement).toBeUndefined();
    expect(r.state.deadlines.retainUntil).toBeUndefined();
    expect(r.state.legalHold).toBe(true);
    expect(r.state.reopened).toEqual([expect.objectContaining({ closedOn, reopenedOn: '2026-04-01' })]);
    expect(lettersOf(r.effects)).toEqual([expect.objectContaining({ kind: 'thirdPartyReferral' })]);
    expect(r.effects).toContainEqual({
      type: 'deadlineChanged',
      deadline: 'retainUntil',
      from: expect.any(String) as unknown,
      to: null,
    });
    // … and the ruling closes it again.
    const ruled = ok(
      step(
        r.state,
        { type: 'bindingRuling', on: '2026-05-04', outcome: 'Gedeeltelijk gelijk.' },
        '2026-05-04',
      ),
    );
    expect(ruled.state).toMatchObject({ status: 'closed', closedAs: 'bindingRuling' });
  });

  it('a referral dated before the closing is refused', () => {
    expect(refused(closedNone, { type: 'referredToThirdParty', on: '2026-03-20' }, '2026-04-01').reason).toBe(
      'dateBeforePreviousStep',
    );
  });

  it('closed with agreement: refused', () => {
    const r = refused(closedAgreed, { type: 'referredToThirdParty' }, '2026-04-01');
    expect(r.reason).toBe('closedWithAgreement');
  });

  it('closed as inadmissible: refused', () => {
    const inadmissible = walk(s0, [
      [{ type: 'declaredInadmissible', ground: 'repeat', relatedComplaint: 'K-2025-0001' }, '2026-03-03'],
    ]);
    expect(refused(inadmissible, { type: 'referredToThirdParty' }, '2026-04-01').reason).toBe(
      'complaintClosed',
    );
  });
});

describe('inadmissible at registration: exactly one letter', () => {
  const lateInput = input({ receivedOn: L('2026-05-20'), aroseOn: L('2026-04-10') });

  it('late: only the inadmissibility letter, closed, acknowledged once the letter is sent', () => {
    const r = registerComplaint(
      { ...lateInput, admissibility: { decision: 'inadmissible', ground: 'late' } },
      ctx('2026-05-20'),
    );
    if (!r.ok) throw new Error(r.message);
    expect(lettersOf(r.effects).map((l) => l.kind)).toEqual(['inadmissibleLate']);
    expect(r.state.letters).toEqual([{ seq: 1, kind: 'inadmissibleLate', queuedOn: '2026-05-20' }]);
    expect(r.state).toMatchObject({ status: 'closed', closedAs: 'inadmissible' });
    expect(r.effects.some((e) => e.type === 'cancelLetter')).toBe(false);
    expect(pendingDeadlines(r.state).map((p) => p.deadline)).toEqual(['acknowledgeBy']);
    const sent = recordLetterSent(r.state, 1, L('2026-05-20'));
    if (!sent.ok) throw new Error(sent.message);
    expect(sent.state.acknowledgedOn).toBe('2026-05-20');
    expect(pendingDeadlines(sent.state)).toEqual([]);
  });

  it('repeat: only the inadmissibility letter, naming the earlier complaint', () => {
    const r = registerComplaint(
      {
        ...input(),
        admissibility: {
          decision: 'inadmissible',
          ground: 'repeat',
          relatedComplaint: complaintNumber('K-2025-0112'),
        },
      },
      ctx('2026-03-02'),
    );
    if (!r.ok) throw new Error(r.message);
    expect(lettersOf(r.effects)).toEqual([
      expect.objectContaining({ kind: 'inadmissibleRepeat', relatedComplaint: 'K-2025-0112' }),
    ]);
  });

  it.each([
    [
      'late but not late',
      { ...input(), admissibility: { decision: 'inadmissible' as const, ground: 'late' as const } },
      'notLate',
    ],
    [
      'late without "ontstaan op"',
      {
        ...input({ aroseOn: undefined }),
        admissibility: { decision: 'inadmissible' as const, ground: 'late' as const },
      },
      'notLate',
    ],
    [
      'repeat without the earlier complaint',
      { ...input(), admissibility: { decision: 'inadmissible' as const, ground: 'repeat' as const } },
      'relatedComplaintMissing',
    ],
    [
      'repeat of itself',
      {
        ...input(),
        admissibility: {
          decision: 'inadmissible' as const,
          ground: 'repeat' as const,
          relatedComplaint: complaintNumber('K-2026-0001'),
        },
      },
      'relatedComplaintIsSelf',
    ],
  ])('refused: %s', (_label, body, reason) => {
    const r = registerComplaint(body, ctx('2026-03-02'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toBe(reason);
  });
});

describe('steps that act send their letter', () => {
  it("the director's reply about the procedure", () => {
    const escalated = walk(s0, [
      [{ type: 'escalated', on: '2026-03-27', reason: 'Boven mandaat.' }, '2026-03-27'],
    ]);
    const r = ok(
      step(
        escalated,
        { type: 'escalationResponded', on: '2026-04-02', note: 'De directeur neemt het over.' },
        '2026-04-02',
      ),
    );
    expect(lettersOf(r.effects)).toEqual([
      expect.objectContaining({ kind: 'escalationReply', reply: 'De directeur neemt het over.' }),
    ]);
    expect(JSON.stringify(r.effects)).not.toContain('Boven mandaat'); // the internal reason stays internal
  });

  it('klager geïnformeerd: causes and measures', () => {
    const s = walk(agreed, [
      [
        { type: 'causeAnalysed', on: '2026-03-13', category: 'facturering', text: 'Dubbele run.' },
        '2026-03-13',
      ],
      [
        {
          type: 'measureRecorded',
          on: '2026-03-13',
          description: 'Controle op dubbelen.',
          owner: 'Financiën',
          dueOn: '2026-04-30',
        },
        '2026-03-13',
      ],
    ]);
    const r = ok(step(s, { type: 'complainantInformed', on: '2026-03-16' }, '2026-03-16'));
    expect(lettersOf(r.effects)).toEqual([
      expect.objectContaining({
        kind: 'causesAndMeasures',
        causes: [{ category: 'facturering', text: 'Dubbele run.' }],
        measures: [{ description: 'Controle op dubbelen.', dueOn: '2026-04-30' }],
      }),
    ]);
    expect(JSON.stringify(lettersOf(r.effects))).not.toContain('Financiën'); // the owner is internal
  });

  it('information request: a letter only with viaLetter, and then with the questions', () => {
    expect(
      lettersOf(ok(step(s0, { type: 'informationRequested', note: 'Welke factuur?' }, '2026-03-03')).effects),
    ).toEqual([]);
    expect(
      lettersOf(
        ok(step(s0, { type: 'informationRequested', note: 'Welke factuur?', viaLetter: true }, '2026-03-03'))
          .effects,
      ),
    ).toEqual([expect.objectContaining({ kind: 'informationRequest', questions: 'Welke factuur?' })]);
    expect(refused(s0, { type: 'informationRequested', viaLetter: true }, '2026-03-03').reason).toBe(
      'letterTextMissing',
    );
  });

  it('meetings: an invitation letter with viaLetter', () => {
    const m = ok(
      step(s0, { type: 'meetingScheduled', meetingOn: '2026-03-09', viaLetter: true }, '2026-03-03'),
    );
    expect(lettersOf(m.effects)).toEqual([
      expect.objectContaining({ kind: 'meetingInvitation', meetingOn: '2026-03-09' }),
    ]);
    const c = ok(
      step(
        disagreed,
        {
          type: 'clarificationMeetingScheduled',
          meetingOn: '2026-03-18',
          note: 'Op kantoor.',
          viaLetter: true,
        },
        '2026-03-13',
      ),
    );
    expect(lettersOf(c.effects)).toEqual([
      expect.objectContaining({ kind: 'clarificationMeeting', meetingOn: '2026-03-18', note: 'Op kantoor.' }),
    ]);
    expect(
      lettersOf(
        ok(step(disagreed, { type: 'clarificationMeetingScheduled', meetingOn: '2026-03-18' }, '2026-03-13'))
          .effects,
      ),
    ).toEqual([]);
  });
});

describe('the retention date is no deadline to act on', () => {
  it('closed: not among the pending deadlines, but known to retention', () => {
    const closed = walk(agreed, [[{ type: 'closed' }, '2026-03-12']]);
    expect(closed.deadlines.retainUntil).toBeDefined();
    expect(pendingDeadlines(closed).map((p) => p.deadline)).not.toContain('retainUntil');
    expect(retentionDue(closed)).toEqual([{ deadline: 'retainUntil', due: closed.deadlines.retainUntil }]);
  });
});

describe('no rule codes in what people read', () => {
  it('refusal messages of the closing rules', () => {
    for (const [s, today] of [
      [proposed, '2026-03-20'],
      [clarified, '2026-03-18'],
      [disagreed, '2026-03-20'],
    ] as const) {
      expect(refused(s, { type: 'closed' }, today).message).not.toMatch(/\bR\d{1,2}\b/);
    }
  });
});
