import {
  STEPS_AFTER_CLOSING,
  STEP_TYPES,
  allowedSteps,
  applyStep,
  checkRegistration,
  complaintNumber,
  deadlineReport,
  explainSteps,
  parseStep,
  pendingDeadlines,
  recordLetterSent,
  registerComplaint,
  type ComplaintState,
  type Effect,
  type StepInput,
  type StepType,
} from '../src';
import { L, THIRD_PARTY, ctx, input, refused, registered, step, walk } from './helpers';

/** `expect.objectContaining`, typed as `unknown` instead of `any`. */
function containing(sample: Record<string, unknown>): unknown {
  return expect.objectContaining(sample) as unknown;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

function ok(r: ReturnType<typeof step>): { state: ComplaintState; effects: Effect[] } {
  if (!r.ok) throw new Error(`refused: ${r.reason} ${r.message}`);
  return r;
}

// Fixture 01, received Monday 2 March 2026 with a 6-week term: acknowledgeBy 9 March, resolveBy 13 April.
const s0 = deepFreeze(registered());
const decided = deepFreeze(
  walk(s0, [[{ type: 'decisionTaken', on: '2026-03-10', summary: 'Tweede factuur vervalt.' }, '2026-03-10']]),
);
const proposed = deepFreeze(
  walk(decided, [
    [
      { type: 'solutionProposed', on: '2026-03-11', solution: 'Creditnota voor factuur 2026-0219.' },
      '2026-03-11',
    ],
  ]),
);
const agreed = deepFreeze(
  walk(proposed, [[{ type: 'agreementRecorded', on: '2026-03-12', agreed: true }, '2026-03-12']]),
);
const disagreed = deepFreeze(
  walk(proposed, [[{ type: 'agreementRecorded', on: '2026-03-12', agreed: false }, '2026-03-12']]),
);
const clarified = deepFreeze(
  walk(disagreed, [
    [{ type: 'clarificationMeetingScheduled', on: '2026-03-13', meetingOn: '2026-03-16' }, '2026-03-13'],
  ]),
);
const referred = deepFreeze(
  walk(disagreed, [[{ type: 'referredToThirdParty', on: '2026-03-13' }, '2026-03-13']]),
);
const escalatedState = deepFreeze(
  walk(s0, [[{ type: 'escalated', on: '2026-03-27', reason: 'Bedrag boven mandaat.' }, '2026-03-27']]),
);
const closedState = deepFreeze(walk(agreed, [[{ type: 'closed', on: '2026-03-13' }, '2026-03-13']]));
// Fixture 03: arose 10 April, received 20 May 2026: late.
const lateState = deepFreeze(
  registered(
    { number: complaintNumber('K-2026-0003'), receivedOn: L('2026-05-20'), aroseOn: L('2026-04-10') },
    '2026-05-20',
  ),
);

describe('registerComplaint', () => {
  it('builds the open complaint with its deadlines and queues the acknowledgement (R4, R5)', () => {
    const r = registerComplaint(input(), ctx('2026-03-02'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.state).toMatchObject({
      number: 'K-2026-0001',
      status: 'open',
      receivedOn: '2026-03-02',
      registeredOn: '2026-03-02',
      late: false,
      term: 'P6W',
      deadlines: { acknowledgeBy: '2026-03-09', resolveBy: '2026-04-13' },
      letters: [{ seq: 1, kind: 'acknowledgement', queuedOn: '2026-03-02' }],
      timeline: [{ seq: 1, on: '2026-03-02', type: 'registered' }],
      legalHold: false,
    });
    expect(r.effects).toEqual([
      {
        type: 'sendLetter',
        letter: {
          seq: 1,
          kind: 'acknowledgement',
          complaintNumber: 'K-2026-0001',
          to: { name: 'Marieke de Vries', address: 'marieke.devries@voorbeeld.nl' },
          inReplyTo: '<AM0PR01MB1111.eur.prod.outlook.com@voorbeeld.nl>',
          receivedOn: '2026-03-02',
          term: 'P6W',
          resolveBy: '2026-04-13',
        },
      },
      { type: 'deadlineChanged', deadline: 'acknowledgeBy', from: null, to: '2026-03-09' },
      { type: 'deadlineChanged', deadline: 'resolveBy', from: null, to: '2026-04-13' },
    ]);
  });

  it.each([
    ['fixture 02: Thursday before Koningsdag', '2026-04-23', 'P6W', '2026-05-01', '2026-06-04'],
    ['fixture 06: Christmas Eve', '2026-12-24', 'P8W', '2027-01-04', '2027-02-18'],
    ['fixture 08: Saturday 31 January, 3 months', '2026-01-31', 'P3M', '2026-02-06', '2026-04-30'],
    ['30 November + 3 months on a Sunday', '2026-11-30', 'P3M', '2026-12-07', '2027-03-01'],
  ])('%s', (_label, receivedOn, term, ack, resolve) => {
    const r = registerComplaint(
      input({ receivedOn: L(receivedOn), aroseOn: undefined, term }),
      ctx(receivedOn),
    );
    if (!r.ok) throw new Error(r.message);
    expect(r.state.deadlines).toEqual({ acknowledgeBy: ack, resolveBy: resolve });
  });

  it('flags a late complaint (R2) but registers it', () => {
    expect(lateState.late).toBe(true);
    expect(lateState.status).toBe('open');
  });

  it('uses the default term of the settings', () => {
    const r = registerComplaint(input({ term: undefined }), ctx('2026-03-02', { defaultTerm: 'P8W' }));
    if (!r.ok) throw new Error(r.message);
    expect(r.state.term).toBe('P8W');
    expect(r.state.deadlines.resolveBy).toBe('2026-04-28'); // + 8 weeks = Koningsdag, rolled to Tuesday
  });

  it.each([
    [{ receivedOn: L('2026-03-03') }, 'dateInFuture'],
    [{ aroseOn: L('2026-03-03') }, 'aroseAfterReceipt'],
    [{ term: 'P5W' }, 'termTooShort'],
    [{ term: 'P4M' }, 'termTooLong'],
    [{ term: 'P6X' }, 'termSyntax'],
    [{ description: '   ' }, 'invalidInput'],
    [{ complainant: { name: '', address: 'x@example.org' } }, 'invalidInput'],
  ] as const)('refuses %j with %s', (change, reason) => {
    const r = registerComplaint(input(change), ctx('2026-03-02'));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toBe(reason);
      expect(r.message).toMatch(/[a-z]/);
    }
    const { number: _n, ...rest } = input(change);
    expect(checkRegistration(rest, ctx('2026-03-02'))?.reason).toBe(reason);
  });

  it('offers the first steps', () => {
    expect(allowedSteps(s0)).toEqual([
      'acknowledged',
      'informationRequested',
      'meetingScheduled',
      'decisionTaken',
      'extensionDetermined',
      'escalated',
      'declaredInadmissible',
      'reassigned',
    ]);
  });
});

describe('R4 acknowledgement', () => {
  it('sending the queued letter acknowledges the complaint', () => {
    const r = recordLetterSent(s0, 1, L('2026-03-03'));
    if (!r.ok) throw new Error(r.message);
    expect(r.state.acknowledgedOn).toBe('2026-03-03');
    expect(r.effects).toEqual([
      { type: 'deadlineChanged', deadline: 'acknowledgeBy', from: '2026-03-09', to: null },
    ]);
    expect(deadlineReport(r.state, L('2026-03-20'))[0]).toEqual({
      deadline: 'acknowledgeBy',
      due: '2026-03-09',
      doneOn: '2026-03-03',
      outcome: 'met',
    });
    expect(allowedSteps(r.state)).not.toContain('acknowledged');
  });

  it('a late acknowledgement is recorded as missed', () => {
    const r = recordLetterSent(s0, 1, L('2026-03-10'));
    if (!r.ok) throw new Error(r.message);
    expect(deadlineReport(r.state, L('2026-03-20'))[0]?.outcome).toBe('missed');
    expect(deadlineReport(s0, L('2026-03-09'))[0]?.outcome).toBe('pending');
    expect(deadlineReport(s0, L('2026-03-10'))[0]?.outcome).toBe('overdue');
  });

  it('acknowledged by hand cancels the queued letter', () => {
    const r = ok(step(s0, { type: 'acknowledged', on: '2026-03-04' }, '2026-03-04'));
    expect(r.state.acknowledgedOn).toBe('2026-03-04');
    expect(r.effects).toEqual([
      { type: 'cancelLetter', seq: 1 },
      { type: 'deadlineChanged', deadline: 'acknowledgeBy', from: '2026-03-09', to: null },
    ]);
    expect(recordLetterSent(r.state, 1, L('2026-03-05'))).toMatchObject({
      ok: false,
      reason: 'letterAlreadySent',
    });
    expect(refused(r.state, { type: 'acknowledged' }, '2026-03-05').reason).toBe('alreadyAcknowledged');
  });

  it.each([
    [99, '2026-03-03', 'unknownLetter'],
    [1, '2026-03-01', 'dateBeforePreviousStep'],
  ] as const)('recordLetterSent(%i, %s) → %s', (seq, on, reason) => {
    expect(recordLetterSent(s0, seq, L(on))).toMatchObject({ ok: false, reason });
  });
});

describe('R6 information and meetings', () => {
  it('records them on the timeline; on defaults to today', () => {
    const s = walk(s0, [
      [{ type: 'informationRequested', note: 'Kopie betaalbewijs gevraagd.' }, '2026-03-04'],
      [{ type: 'meetingScheduled', meetingOn: '2026-03-09' }, '2026-03-05'],
    ]);
    expect(s.timeline.map((e) => [e.on, e.type])).toEqual([
      ['2026-03-02', 'registered'],
      ['2026-03-04', 'informationRequested'],
      ['2026-03-05', 'meetingScheduled'],
    ]);
    expect(s.status).toBe('open');
  });
});

describe('R7/R9 decision, solution and agreement', () => {
  it('proposing a solution sends the outcome letter and meets resolveBy', () => {
    const r = ok(
      step(decided, { type: 'solutionProposed', on: '2026-03-11', solution: 'Creditnota.' }, '2026-03-11'),
    );
    expect(r.state.resolvedOn).toBe('2026-03-11');
    expect(r.effects).toEqual([
      {
        type: 'sendLetter',
        letter: {
          seq: 2,
          kind: 'outcome',
          complaintNumber: 'K-2026-0001',
          to: { name: 'Marieke de Vries', address: 'marieke.devries@voorbeeld.nl' },
          inReplyTo: '<AM0PR01MB1111.eur.prod.outlook.com@voorbeeld.nl>',
          decision: 'Tweede factuur vervalt.',
          solution: 'Creditnota.',
        },
      },
      { type: 'deadlineChanged', deadline: 'resolveBy', from: '2026-04-13', to: null },
    ]);
    expect(allowedSteps(r.state)).toContain('agreementRecorded');
    expect(allowedSteps(r.state)).not.toContain('solutionProposed');
  });

  it('"niet akkoord" opens the clarification meeting, after which a new solution can be proposed', () => {
    expect(allowedSteps(disagreed)).toEqual(
      expect.arrayContaining(['clarificationMeetingScheduled', 'referredToThirdParty', 'escalated']),
    );
    expect(allowedSteps(disagreed)).not.toContain('closed');
    const s = walk(clarified, [
      [{ type: 'solutionProposed', on: '2026-03-17', solution: 'Creditnota en excuses.' }, '2026-03-17'],
      [{ type: 'agreementRecorded', on: '2026-03-18', agreed: true }, '2026-03-18'],
      [{ type: 'closed', on: '2026-03-18' }, '2026-03-18'],
    ]);
    expect(s.agreement).toBe('agreed');
    expect(s.proposals).toHaveLength(2);
    expect(s.resolvedOn).toBe('2026-03-11');
  });
});

describe('R8 extension', () => {
  const extended = ok(
    step(
      s0,
      {
        type: 'extensionDetermined',
        on: '2026-04-24',
        reason: 'Onderzoek bij trainer loopt.',
        expectedBy: '2026-06-15',
      },
      '2026-04-24',
    ),
  );

  it('moves resolveBy to the expected date and sets the notice deadline (2 working days, across Koningsdag)', () => {
    expect(extended.state.deadlines).toMatchObject({
      resolveBy: '2026-06-15',
      extensionNoticeBy: '2026-04-29',
    });
    expect(extended.effects).toEqual([
      {
        type: 'sendLetter',
        letter: containing({
          seq: 2,
          kind: 'extension',
          reason: 'Onderzoek bij trainer loopt.',
          expectedBy: '2026-06-15',
        }),
      },
      { type: 'deadlineChanged', deadline: 'resolveBy', from: '2026-04-13', to: '2026-06-15' },
      { type: 'deadlineChanged', deadline: 'extensionNoticeBy', from: null, to: '2026-04-29' },
    ]);
  });

  it('the extension letter going out meets the notice deadline', () => {
    const r = recordLetterSent(extended.state, 2, L('2026-04-27'));
    if (!r.ok) throw new Error(r.message);
    expect(r.effects).toEqual([
      { type: 'deadlineChanged', deadline: 'extensionNoticeBy', from: '2026-04-29', to: null },
    ]);
    expect(
      deadlineReport(r.state, L('2026-05-01')).find((d) => d.deadline === 'extensionNoticeBy')?.outcome,
    ).toBe('met');
  });

  it.each([
    ['2026-04-13', 'expectedByNotAfterResolveBy', 'equal to the current resolveBy'],
    ['2026-04-01', 'expectedByNotAfterResolveBy', 'before it'],
    ['2026-05-16', 'expectedByNotWorkingDay', 'a Saturday'],
    ['2026-05-25', 'expectedByNotWorkingDay', 'Tweede Pinksterdag'],
  ])('refuses expectedBy %s (%s)', (expectedBy, reason) => {
    expect(
      refused(s0, { type: 'extensionDetermined', on: '2026-04-10', reason: 'x', expectedBy }, '2026-04-10')
        .reason,
    ).toBe(reason);
  });

  it('names the holiday in the message', () => {
    expect(
      refused(
        s0,
        { type: 'extensionDetermined', on: '2026-04-10', reason: 'x', expectedBy: '2026-05-25' },
        '2026-04-10',
      ).message,
    ).toBe('maandag 25 mei 2026 is geen werkdag (Tweede pinksterdag); kies een werkdag als verwachte datum.');
  });

  it('a second extension must lie after the first one', () => {
    expect(
      refused(
        extended.state,
        { type: 'extensionDetermined', on: '2026-05-01', reason: 'x', expectedBy: '2026-06-12' },
        '2026-05-01',
      ).reason,
    ).toBe('expectedByNotAfterResolveBy');
    const again = ok(
      step(
        extended.state,
        { type: 'extensionDetermined', on: '2026-05-01', reason: 'x', expectedBy: '2026-06-16' },
        '2026-05-01',
      ),
    );
    expect(again.state.extensions.map((e) => e.previousResolveBy)).toEqual(['2026-04-13', '2026-06-15']);
  });
});

describe('R10 escalation to the director', () => {
  it('informs the complainant, notifies the director and sets a one-month deadline (rolled past Koningsdag)', () => {
    const r = ok(
      step(s0, { type: 'escalated', on: '2026-03-27', reason: 'Bedrag boven mandaat.' }, '2026-03-27'),
    );
    expect(r.effects).toEqual([
      {
        type: 'sendLetter',
        letter: containing({ seq: 2, kind: 'escalation', respondBy: '2026-04-28' }),
      },
      {
        type: 'notifyDirector',
        complaintNumber: 'K-2026-0001',
        escalatedOn: '2026-03-27',
        respondBy: '2026-04-28',
      },
      { type: 'deadlineChanged', deadline: 'escalationResponseBy', from: null, to: '2026-04-28' },
    ]);
    expect(JSON.stringify(r.effects[0])).not.toContain('mandaat'); // the internal reason stays internal
  });

  it('the response clears the deadline; closing waits for it', () => {
    expect(allowedSteps(escalatedState)).toContain('escalationResponded');
    expect(allowedSteps(escalatedState)).not.toContain('escalated');
    const r = ok(step(escalatedState, { type: 'escalationResponded', on: '2026-04-20' }, '2026-04-20'));
    expect(r.effects).toEqual([
      { type: 'sendLetter', letter: containing({ kind: 'escalationReply' }) },
      { type: 'deadlineChanged', deadline: 'escalationResponseBy', from: '2026-04-28', to: null },
    ]);
    expect(
      deadlineReport(r.state, L('2026-05-01')).find((d) => d.deadline === 'escalationResponseBy'),
    ).toMatchObject({
      outcome: 'met',
    });
  });
});

describe('R13 independent third party', () => {
  it('referral queues the letter with the configured third party and sets the legal hold', () => {
    const r = ok(step(disagreed, { type: 'referredToThirdParty', on: '2026-03-13' }, '2026-03-13'));
    expect(r.state.legalHold).toBe(true);
    expect(r.effects).toEqual([
      {
        type: 'sendLetter',
        letter: containing({ kind: 'thirdPartyReferral', thirdParty: THIRD_PARTY }),
      },
      { type: 'legalHoldChanged', legalHold: true },
    ]);
    expect(allowedSteps(referred)).toContain('bindingRuling');
    expect(allowedSteps(referred)).not.toContain('closed');
  });

  it('the binding ruling closes the complaint and lifts the legal hold', () => {
    const r = ok(
      step(referred, { type: 'bindingRuling', on: '2026-06-01', outcome: 'Halve creditnota.' }, '2026-06-02'),
    );
    expect(r.state).toMatchObject({
      status: 'closed',
      closedAs: 'bindingRuling',
      closedOn: '2026-06-01',
      legalHold: false,
      agreement: 'notAgreed',
      deadlines: { retainUntil: '2028-06-01' },
    });
    expect(r.effects).toEqual([
      { type: 'sendLetter', letter: containing({ kind: 'bindingRuling', outcome: 'Halve creditnota.' }) },
      { type: 'deadlineChanged', deadline: 'retainUntil', from: null, to: '2028-06-01' },
      { type: 'legalHoldChanged', legalHold: false },
    ]);
  });
});

describe('R2/R12 inadmissible', () => {
  it('late: closes with the letter that explains the two-week window', () => {
    const r = ok(step(lateState, { type: 'declaredInadmissible', ground: 'late' }, '2026-05-21'));
    expect(r.state).toMatchObject({
      status: 'closed',
      closedAs: 'inadmissible',
      agreement: 'none',
      resolvedOn: '2026-05-21',
    });
    expect(r.effects).toEqual(
      expect.arrayContaining([
        {
          type: 'sendLetter',
          letter: containing({
            kind: 'inadmissibleLate',
            aroseOn: '2026-04-10',
            receivedOn: '2026-05-20',
            lateWindowEndedOn: '2026-04-24',
          }),
        },
        { type: 'deadlineChanged', deadline: 'resolveBy', from: '2026-07-01', to: null },
        { type: 'deadlineChanged', deadline: 'retainUntil', from: null, to: '2028-05-22' },
      ]),
    );
  });

  it('repeat: refers to the earlier complaint', () => {
    const r = ok(
      step(
        s0,
        { type: 'declaredInadmissible', ground: 'repeat', relatedComplaint: 'K-2025-0112' },
        '2026-03-03',
      ),
    );
    // The acknowledgement had not gone out yet: it is cancelled, the inadmissibility letter replaces it.
    expect(r.effects[0]).toEqual({ type: 'cancelLetter', seq: 1 });
    expect(r.effects[1]).toEqual({
      type: 'sendLetter',
      letter: containing({ kind: 'inadmissibleRepeat', relatedComplaint: 'K-2025-0112' }),
    });
    expect(r.state.inadmissible).toEqual({
      on: '2026-03-03',
      ground: 'repeat',
      relatedComplaint: 'K-2025-0112',
    });
  });
});

describe('R14 causes, measures, complainant informed — also after closing', () => {
  it('on a closed complaint only the R14 steps remain', () => {
    expect(allowedSteps(closedState)).toEqual(['causeAnalysed']);
    const s = walk(closedState, [
      [
        { type: 'causeAnalysed', category: 'facturering', text: 'Factuur twee keer aangemaakt.' },
        '2026-03-20',
      ],
      [
        {
          type: 'measureRecorded',
          description: 'Controle op dubbele facturen.',
          owner: 'Administratie',
          dueOn: '2026-06-01',
        },
        '2026-03-20',
      ],
      [{ type: 'complainantInformed', on: '2026-03-23' }, '2026-03-23'],
    ]);
    expect(allowedSteps(s)).toEqual([...STEPS_AFTER_CLOSING]);
    expect(s.causes.map((c) => c.category)).toEqual(['facturering']);
    expect(s.complainantInformedOn).toEqual(['2026-03-23']);
  });

  it.each(STEP_TYPES.filter((t) => !STEPS_AFTER_CLOSING.includes(t)))(
    '"%s" is refused on a closed complaint',
    (type) => {
      const explained = explainSteps(closedState).find((e) => e.type === type);
      expect(explained?.allowed).toBe(false);
      // Closed with agreement: the third party is no longer a route either.
      expect(explained?.refusal?.reason).toBe(
        type === 'referredToThirdParty' ? 'closedWithAgreement' : 'complaintClosed',
      );
    },
  );
});

describe('R15 reassignment', () => {
  it('changes the verantwoordelijke and notifies the new handler', () => {
    const handler = { name: 'Bas Directeur', address: 'bas@lagant-voorbeeld.nl' };
    const r = ok(step(s0, { type: 'reassigned', handler }, '2026-03-03'));
    expect(r.state.handler).toEqual(handler);
    expect(r.effects).toEqual([{ type: 'notifyHandler', complaintNumber: 'K-2026-0001', handler }]);
  });
});

describe('R11 closing', () => {
  it('closes with the agreement from the answer and sets retainUntil', () => {
    expect(closedState).toMatchObject({
      status: 'closed',
      closedAs: 'handled',
      closedOn: '2026-03-13',
      agreement: 'agreed',
      deadlines: { retainUntil: '2028-03-13' },
    });
  });

  it('closes with "geen overeenstemming" when the complainant never answered', () => {
    const r = ok(step(proposed, { type: 'closed', agreement: 'none' }, '2026-04-01'));
    expect(r.state.agreement).toBe('none');
  });

  it('closes with "niet akkoord" after the clarification meeting', () => {
    const r = ok(step(clarified, { type: 'closed' }, '2026-03-20'));
    expect(r.state.agreement).toBe('notAgreed');
  });

  it('uses the retention setting', () => {
    const r = ok(
      step(
        agreed,
        { type: 'closed', on: '2026-03-13' },
        '2026-03-13',
        ctx('2026-03-13', { retentionYears: 7 }),
      ),
    );
    expect(r.state.deadlines.retainUntil).toBe('2033-03-14'); // 13 March 2033 is a Sunday
  });

  it('lists the missing register fields in Dutch', () => {
    expect(refused(decided, { type: 'closed', agreement: 'none' }, '2026-03-20').message).toBe(
      'Afsluiten kan nog niet; vul eerst in: oplossing.',
    );
  });
});

type Case = [label: string, state: ComplaintState, body: StepInput, today: string, reason: string];

describe('refusals', () => {
  const cases: Case[] = [
    [
      'a date in the future',
      s0,
      { type: 'informationRequested', on: '2026-03-05' },
      '2026-03-04',
      'dateInFuture',
    ],
    [
      'a date before receipt',
      s0,
      { type: 'informationRequested', on: '2026-03-01' },
      '2026-03-04',
      'dateBeforeReceipt',
    ],
    [
      'a meeting before it was planned',
      s0,
      { type: 'meetingScheduled', on: '2026-03-04', meetingOn: '2026-03-03' },
      '2026-03-04',
      'meetingBeforeStep',
    ],
    [
      'a second decision',
      decided,
      { type: 'decisionTaken', summary: 'x' },
      '2026-03-12',
      'decisionAlreadyTaken',
    ],
    [
      'a solution without decision',
      s0,
      { type: 'solutionProposed', solution: 'x' },
      '2026-03-12',
      'decisionMissing',
    ],
    [
      'a solution before the decision',
      decided,
      { type: 'solutionProposed', on: '2026-03-09', solution: 'x' },
      '2026-03-12',
      'dateBeforePreviousStep',
    ],
    [
      'a solution while the answer is pending',
      proposed,
      { type: 'solutionProposed', solution: 'x' },
      '2026-03-12',
      'agreementPending',
    ],
    [
      'a solution after agreement',
      agreed,
      { type: 'solutionProposed', solution: 'x' },
      '2026-03-13',
      'alreadyAgreed',
    ],
    [
      'a solution after "niet akkoord" without clarification',
      disagreed,
      { type: 'solutionProposed', solution: 'x' },
      '2026-03-13',
      'clarificationMissing',
    ],
    [
      'a solution while the third party decides',
      referred,
      { type: 'solutionProposed', solution: 'x' },
      '2026-03-14',
      'thirdPartyPending',
    ],
    [
      'an answer without a proposal',
      decided,
      { type: 'agreementRecorded', agreed: true },
      '2026-03-12',
      'solutionMissing',
    ],
    [
      'a second answer',
      agreed,
      { type: 'agreementRecorded', agreed: false },
      '2026-03-13',
      'agreementAlreadyRecorded',
    ],
    [
      'an answer before the proposal',
      proposed,
      { type: 'agreementRecorded', on: '2026-03-10', agreed: true },
      '2026-03-12',
      'dateBeforePreviousStep',
    ],
    [
      'clarification after "akkoord"',
      agreed,
      { type: 'clarificationMeetingScheduled', meetingOn: '2026-03-20' },
      '2026-03-13',
      'notDisagreed',
    ],
    [
      'a second clarification',
      clarified,
      { type: 'clarificationMeetingScheduled', meetingOn: '2026-03-20' },
      '2026-03-14',
      'clarificationAlreadyScheduled',
    ],
    [
      'an extension after the outcome',
      proposed,
      { type: 'extensionDetermined', on: '2026-03-12', reason: 'x', expectedBy: '2026-06-01' },
      '2026-03-12',
      'alreadyResolved',
    ],
    [
      'a second escalation',
      escalatedState,
      { type: 'escalated', on: '2026-03-30', reason: 'x' },
      '2026-03-30',
      'escalationPending',
    ],
    [
      'a response without escalation',
      s0,
      { type: 'escalationResponded' },
      '2026-03-30',
      'noPendingEscalation',
    ],
    [
      'a response before the escalation',
      escalatedState,
      { type: 'escalationResponded', on: '2026-03-26' },
      '2026-03-30',
      'dateBeforePreviousStep',
    ],
    ['a referral after "akkoord"', agreed, { type: 'referredToThirdParty' }, '2026-03-13', 'notDisagreed'],
    ['a referral without any proposal', s0, { type: 'referredToThirdParty' }, '2026-03-13', 'notDisagreed'],
    ['a second referral', referred, { type: 'referredToThirdParty' }, '2026-03-14', 'alreadyReferred'],
    [
      'a ruling without referral',
      disagreed,
      { type: 'bindingRuling', on: '2026-03-13', outcome: 'x' },
      '2026-03-13',
      'noPendingReferral',
    ],
    [
      'a ruling before the referral',
      referred,
      { type: 'bindingRuling', on: '2026-03-12', outcome: 'x' },
      '2026-03-14',
      'dateBeforePreviousStep',
    ],
    [
      '"late" for a complaint in time',
      s0,
      { type: 'declaredInadmissible', ground: 'late' },
      '2026-03-03',
      'notLate',
    ],
    [
      '"repeat" without the earlier complaint',
      s0,
      { type: 'declaredInadmissible', ground: 'repeat' },
      '2026-03-03',
      'relatedComplaintMissing',
    ],
    [
      '"repeat" of itself',
      s0,
      { type: 'declaredInadmissible', ground: 'repeat', relatedComplaint: 'K-2026-0001' },
      '2026-03-03',
      'relatedComplaintIsSelf',
    ],
    [
      'inadmissible after the decision',
      decided,
      { type: 'declaredInadmissible', ground: 'repeat', relatedComplaint: 'K-2025-0001' },
      '2026-03-12',
      'inadmissibleAfterDecision',
    ],
    [
      'a cause before the decision',
      s0,
      { type: 'causeAnalysed', category: 'planning', text: 'x' },
      '2026-03-12',
      'decisionMissing',
    ],
    [
      'a cause of an unknown category',
      decided,
      { type: 'causeAnalysed', category: 'weer', text: 'x' },
      '2026-03-12',
      'unknownCauseCategory',
    ],
    [
      'a measure without a cause',
      decided,
      { type: 'measureRecorded', description: 'x', owner: 'y', dueOn: '2026-04-01' },
      '2026-03-12',
      'causeMissing',
    ],
    [
      '"klager geïnformeerd" without a cause',
      closedState,
      { type: 'complainantInformed', on: '2026-03-14' },
      '2026-03-14',
      'causeMissing',
    ],
    [
      'reassigning to the same handler',
      s0,
      { type: 'reassigned', handler: { name: 'Eva', address: 'EVA@lagant-voorbeeld.nl' } },
      '2026-03-03',
      'sameHandler',
    ],
    [
      'closing without a solution',
      decided,
      { type: 'closed', agreement: 'none' },
      '2026-03-12',
      'registerIncomplete',
    ],
    [
      'closing without decision',
      s0,
      { type: 'closed', agreement: 'none' },
      '2026-03-12',
      'registerIncomplete',
    ],
    [
      'closing without the answer, within the reaction period',
      proposed,
      { type: 'closed' },
      '2026-03-12',
      'reactionPending',
    ],
    [
      '"geen overeenstemming" when the complainant agreed',
      agreed,
      { type: 'closed', agreement: 'none' },
      '2026-03-13',
      'agreementConflict',
    ],
    [
      'closing after "niet akkoord" without clarification',
      disagreed,
      { type: 'closed' },
      '2026-03-13',
      'clarificationMissing',
    ],
    [
      'closing while the third party decides',
      referred,
      { type: 'closed' },
      '2026-03-14',
      'thirdPartyPending',
    ],
    [
      'closing while the director has not responded',
      escalatedState,
      { type: 'closed', agreement: 'none' },
      '2026-03-30',
      'escalationPending',
    ],
    [
      'closing before the last step',
      agreed,
      { type: 'closed', on: '2026-03-11' },
      '2026-03-13',
      'dateBeforePreviousStep',
    ],
    [
      'acknowledging a closed complaint',
      closedState,
      { type: 'acknowledged' },
      '2026-03-14',
      'complaintClosed',
    ],
  ];

  it.each(cases)('%s', (_label, state, body, today, reason) => {
    const r = refused(state, body, today);
    expect(r.reason).toBe(reason);
    expect(r.message.length).toBeGreaterThan(10);
    expect(r.message).not.toContain('Marieke'); // messages may be logged: no personal data
  });

  it('a guard refusal is also what explainSteps reports', () => {
    const explained = explainSteps(proposed).find((e) => e.type === 'solutionProposed');
    expect(explained).toMatchObject({ allowed: false, refusal: { reason: 'agreementPending' } });
  });
});

describe('step payloads (stepSchema)', () => {
  it.each<[string, unknown]>([
    ['an impossible date', { type: 'escalated', on: '2026-02-30', reason: 'x' }],
    ['an unknown step', { type: 'reopened' }],
    ['an unknown field', { type: 'acknowledged', by: 'x' }],
    ['an empty text', { type: 'decisionTaken', summary: '   ' }],
    ['a missing expected date', { type: 'extensionDetermined', on: '2026-03-02', reason: 'x' }],
    ['a missing date where required', { type: 'bindingRuling', outcome: 'x' }],
    ['a non-boolean answer', { type: 'agreementRecorded', agreed: 'ja' }],
    [
      'an invalid complaint number',
      { type: 'declaredInadmissible', ground: 'repeat', relatedComplaint: 'K-26-1' },
    ],
    ['an invalid agreement', { type: 'closed', agreement: 'agreed' }],
    ['not an object', 'closed'],
  ])('refuses %s', (_label, body) => {
    const r = parseStep(body);
    expect(r).toMatchObject({ ok: false, reason: 'invalidStep' });
  });

  it('trims text and brands dates', () => {
    const r = parseStep({ type: 'escalated', on: '2028-02-29', reason: '  Te complex.  ' });
    expect(r).toEqual({ ok: true, step: { type: 'escalated', on: '2028-02-29', reason: 'Te complex.' } });
  });
});

describe('purity', () => {
  it('never mutates the state it is given (all fixtures above are deep-frozen)', () => {
    expect(Object.isFrozen(s0.timeline)).toBe(true);
    const r = ok(step(s0, { type: 'informationRequested' }, '2026-03-03'));
    expect(s0.timeline).toHaveLength(1);
    expect(r.state.timeline).toHaveLength(2);
  });

  it('the state survives a JSON round trip unchanged (storage stores it as is)', () => {
    for (const s of [s0, closedState, referred, lateState]) expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });

  it('allowedSteps only offers steps whose guard passes, and every step type is known', () => {
    const all: StepType[] = [...STEP_TYPES];
    for (const s of [
      s0,
      decided,
      proposed,
      agreed,
      disagreed,
      clarified,
      referred,
      escalatedState,
      closedState,
      lateState,
    ]) {
      const allowed = allowedSteps(s);
      expect(allowed.every((t) => all.includes(t))).toBe(true);
      expect(
        explainSteps(s)
          .filter((e) => e.allowed)
          .map((e) => e.type),
      ).toEqual(allowed);
    }
  });

  it('pending deadlines follow the state', () => {
    expect(pendingDeadlines(s0)).toEqual([
      { deadline: 'acknowledgeBy', due: '2026-03-09' },
      { deadline: 'resolveBy', due: '2026-04-13' },
    ]);
    expect(pendingDeadlines(referred)).toEqual([{ deadline: 'acknowledgeBy', due: '2026-03-09' }]);
  });

  it('applyStep accepts a step parsed elsewhere and defaults on to today', () => {
    const parsed = parseStep({ type: 'decisionTaken', summary: 'Ongegrond.' });
    if (!parsed.ok) throw new Error(parsed.message);
    const r = applyStep(s0, parsed.step, ctx('2026-03-05'));
    expect(r.ok && r.state.decision).toEqual({ on: '2026-03-05', summary: 'Ongegrond.' });
  });
});
