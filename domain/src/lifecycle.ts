/**
 * The lifecycle of a complaint: which step may follow which (R4–R14), and what each step changes. A step is
 * checked in two layers: a *guard* that depends on the state only (this is what {@link allowedSteps} shows the
 * task pane), then the step's own data (dates, categories, the expected date of an extension…).
 *
 * Every function returns a new state; the input is never mutated. The effects (letters, changed deadlines,
 * notifications) are derived here so that storage and the mailer stay dumb.
 */
import { lateWindowEndsOn } from './admissibility';
import type { Agreement, ClosedAs, ComplaintState, LetterKind, Proposal } from './complaintState';
import { escalationResponseBy, extensionNoticeBy, retainUntil } from './deadlines';
import type { Effect, Letter } from './effects';
import { sameEmailAddress } from './emailAddress';
import { addDays, formatDutchDate, type LocalDate } from './localDate';
import { pendingDeadlines, retentionDue } from './pendingDeadlines';
import type { ProcedureContext, StepResult } from './procedureContext';
import { refuse, type Refusal } from './refusal';
import { missingRegisterFields, REGISTER_FIELD_LABELS, solutionOf } from './registerRecord';
import { STEP_TYPES, type Step, type StepOf, type StepType } from './steps';

/**
 * Steps that remain possible after closing (R14): the root-cause record and "klager geïnformeerd". A complaint
 * closed without agreement may in addition still be referred to the independent third party (R13).
 */
export const STEPS_AFTER_CLOSING: readonly StepType[] = [
  'causeAnalysed',
  'measureRecorded',
  'complainantInformed',
];

/** `today` is needed only where the procedure counts time (closing); unknown means "not yet". */
type Guard = (state: ComplaintState, today: LocalDate | undefined) => Refusal | undefined;

const latest = (s: ComplaintState): Proposal | undefined => s.proposals.at(-1);
const referralPending = (s: ComplaintState): boolean =>
  s.thirdParty !== undefined && s.thirdParty.ruling === undefined;
const pendingEscalation = (s: ComplaintState) => s.escalations.find((e) => e.respondedOn === undefined);

function mustBeOpen(s: ComplaintState): Refusal | undefined {
  if (s.status === 'open') return undefined;
  return refuse(
    'complaintClosed',
    `Klacht ${s.number} is afgesloten. Alleen oorzaken, maatregelen en "klager geïnformeerd" kunnen nog worden vastgelegd.`,
  );
}

function noReferralPending(s: ComplaintState): Refusal | undefined {
  if (!referralPending(s)) return undefined;
  return refuse(
    'thirdPartyPending',
    'De klacht ligt bij de onafhankelijke derde; wacht op de bindende uitspraak.',
  );
}

function needsDecision(s: ComplaintState): Refusal | undefined {
  if (s.decision) return undefined;
  return refuse('decisionMissing', 'Er is nog geen besluit genomen over deze klacht.');
}

function needsCause(s: ComplaintState): Refusal | undefined {
  if (s.causes.length > 0) return undefined;
  return refuse('causeMissing', 'Leg eerst een oorzaak van de klacht vast.');
}

const first = (...checks: (() => Refusal | undefined)[]): Refusal | undefined => {
  for (const check of checks) {
    const r = check();
    if (r) return r;
  }
  return undefined;
};

/** State-only preconditions per step type. */
const GUARDS: Readonly<Record<StepType, Guard>> = {
  acknowledged: (s) =>
    first(
      () => mustBeOpen(s),
      () =>
        s.acknowledgedOn === undefined
          ? undefined
          : refuse(
              'alreadyAcknowledged',
              `De ontvangst is al bevestigd op ${formatDutchDate(s.acknowledgedOn)}.`,
            ),
    ),
  informationRequested: mustBeOpen,
  meetingScheduled: mustBeOpen,
  decisionTaken: (s) =>
    first(
      () => mustBeOpen(s),
      () =>
        s.decision
          ? refuse(
              'decisionAlreadyTaken',
              `Er is al een besluit genomen op ${formatDutchDate(s.decision.on)}.`,
            )
          : undefined,
    ),
  solutionProposed: (s) =>
    first(
      () => mustBeOpen(s),
      () => needsDecision(s),
      () => noReferralPending(s),
      () => {
        const p = latest(s);
        if (!p) return undefined;
        if (!p.answer)
          return refuse(
            'agreementPending',
            'Leg eerst de reactie van de klager op de vorige oplossing vast.',
          );
        if (p.answer.agreed)
          return refuse('alreadyAgreed', 'De klager is al akkoord met de voorgestelde oplossing.');
        if (!p.clarification) {
          return refuse(
            'clarificationMissing',
            'De klager ging niet akkoord: plan eerst een verduidelijkingsafspraak.',
          );
        }
        return undefined;
      },
    ),
  agreementRecorded: (s) =>
    first(
      () => mustBeOpen(s),
      () => {
        const p = latest(s);
        if (!p) return refuse('solutionMissing', 'Er is nog geen oplossing voorgesteld.');
        if (p.answer)
          return refuse('agreementAlreadyRecorded', 'De reactie op de laatste oplossing is al vastgelegd.');
        return undefined;
      },
    ),
  clarificationMeetingScheduled: (s) =>
    first(
      () => mustBeOpen(s),
      () => {
        const p = latest(s);
        if (p?.answer?.agreed !== false) {
          return refuse(
            'notDisagreed',
            'Een verduidelijkingsafspraak volgt op "niet akkoord" van de klager.',
          );
        }
        if (p.clarification) {
          return refuse('clarificationAlreadyScheduled', 'De verduidelijkingsafspraak is al gepland.');
        }
        return undefined;
      },
    ),
  extensionDetermined: (s) =>
    first(
      () => mustBeOpen(s),
      () => noReferralPending(s),
      () =>
        s.resolvedOn === undefined
          ? undefined
          : refuse(
              'alreadyResolved',
              'De klager heeft de uitkomst al ontvangen; een verlenging is niet meer nodig.',
            ),
    ),
  escalated: (s) =>
    first(
      () => mustBeOpen(s),
      () =>
        pendingEscalation(s) ? refuse('escalationPending', 'De klacht ligt al bij de directeur.') : undefined,
    ),
  escalationResponded: (s) =>
    first(
      () => mustBeOpen(s),
      () =>
        pendingEscalation(s)
          ? undefined
          : refuse('noPendingEscalation', 'De klacht is niet aan de directeur voorgelegd.'),
    ),
  referredToThirdParty: (s) =>
    first(
      () => (s.status === 'open' ? undefined : mayReopenForThirdParty(s)),
      () =>
        s.thirdParty
          ? refuse('alreadyReferred', 'De klacht is al voorgelegd aan de onafhankelijke derde.')
          : undefined,
      () =>
        latest(s)?.answer?.agreed === false || (s.status === 'closed' && s.agreement === 'none')
          ? undefined
          : refuse(
              'notDisagreed',
              'Voorleggen aan de onafhankelijke derde kan pas als de klager niet akkoord ging met de oplossing.',
            ),
    ),
  bindingRuling: (s) =>
    first(
      () => mustBeOpen(s),
      () =>
        referralPending(s)
          ? undefined
          : refuse('noPendingReferral', 'De klacht is niet voorgelegd aan de onafhankelijke derde.'),
    ),
  declaredInadmissible: (s) =>
    first(
      () => mustBeOpen(s),
      () =>
        s.decision
          ? refuse(
              'inadmissibleAfterDecision',
              'Er is al een besluit genomen: de klacht is in behandeling genomen.',
            )
          : undefined,
    ),
  causeAnalysed: needsDecision,
  measureRecorded: needsCause,
  complainantInformed: needsCause,
  reassigned: mustBeOpen,
  closed: (s, today) =>
    first(
      () => mustBeOpen(s),
      () => noReferralPending(s),
      () =>
        pendingEscalation(s)
          ? refuse(
              'escalationPending',
              'Leg eerst de reactie over de werkwijze na voorlegging aan de directeur vast.',
            )
          : undefined,
      () => {
        const missing = missingRegisterFields(s).filter((f) => f !== 'agreement');
        if (missing.length === 0) return undefined;
        return refuse(
          'registerIncomplete',
          `Afsluiten kan nog niet; vul eerst in: ${missing.map((f) => REGISTER_FIELD_LABELS[f]).join(', ')}.`,
        );
      },
      () => closingRule(s, today),
    ),
};

/**
 * R11 with R7: a complaint is closed only when the procedure has run its course for the latest proposed
 * solution: the complainant agreed; or did not agree and the clarification meeting has taken place (its day
 * lies before today; "geen overeenstemming"); or did not react within the settings' reaction period (working
 * days after the proposal; today after its last day). A binding ruling closes by itself.
 */
function closingRule(s: ComplaintState, today: LocalDate | undefined): Refusal | undefined {
  const p = latest(s);
  if (!p) return undefined; // no solution: the register check above already refused
  if (p.answer?.agreed === true) return undefined;
  if (p.answer?.agreed === false) {
    if (!p.clarification) {
      return refuse(
        'clarificationMissing',
        'De klager ging niet akkoord: plan eerst een verduidelijkingsafspraak.',
      );
    }
    const meetingOn = p.clarification.meetingOn;
    if (today === undefined || today <= meetingOn) {
      return refuse(
        'clarificationPending',
        `De verduidelijkingsafspraak op ${formatDutchDate(meetingOn)} moet eerst hebben plaatsgevonden. Afsluiten zonder overeenstemming kan vanaf ${formatDutchDate(addDays(meetingOn, 1))}.`,
      );
    }
    return undefined;
  }
  const reactionBy = reactionDeadline(p);
  if (today === undefined || today <= reactionBy) {
    return refuse(
      'reactionPending',
      `De klager heeft nog niet gereageerd op de voorgestelde oplossing. Leg eerst de reactie vast; zonder reactie kan de klacht vanaf ${formatDutchDate(addDays(reactionBy, 1))} worden afgesloten zonder overeenstemming.`,
    );
  }
  return undefined;
}

/**
 * The last day of the complainant's reaction period. Proposals from before the period was recorded get two
 * calendar weeks, which is what the default of 10 working days comes to without holidays.
 */
export function reactionDeadline(p: Proposal): LocalDate {
  return p.reactionBy ?? addDays(p.on, 14);
}

/** R13 after closing: only a complaint that was handled and closed without agreement goes to the third party. */
function mayReopenForThirdParty(s: ComplaintState): Refusal | undefined {
  if (s.closedAs !== 'handled') return mustBeOpen(s);
  if (s.agreement === 'agreed') {
    return refuse(
      'closedWithAgreement',
      'De klager ging akkoord met de oplossing; de klacht kan niet meer aan de onafhankelijke derde worden voorgelegd.',
    );
  }
  return undefined;
}

/** Whether each step type is possible now, with the refusal when not (for a disabled button's tooltip). */
export function explainSteps(
  state: ComplaintState,
  today?: LocalDate,
): { type: StepType; allowed: boolean; refusal?: Refusal }[] {
  return STEP_TYPES.map((type) => {
    const refusal = GUARDS[type](state, today);
    return refusal ? { type, allowed: false, refusal } : { type, allowed: true };
  });
}

/**
 * The step types the task pane should offer now. The step's data may still be refused by {@link applyStep}.
 * Without `today`, steps that depend on elapsed time (closing) are not offered.
 */
export function allowedSteps(state: ComplaintState, today?: LocalDate): StepType[] {
  return STEP_TYPES.filter((type) => GUARDS[type](state, today) === undefined);
}

interface Change {
  state: ComplaintState;
  effects: Effect[];
}

/**
 * Applies one step. Returns the new state with its effects, or a refusal with a stable reason and a Dutch
 * message. `step.on` defaults to `ctx.today`; it may not lie in the future or before the receipt date.
 */
export function applyStep(state: ComplaintState, step: Step, ctx: ProcedureContext): StepResult {
  const guard = GUARDS[step.type](state, ctx.today);
  if (guard) return guard;
  const on = step.on ?? ctx.today;
  if (on > ctx.today) return refuse('dateInFuture', `De datum ${formatDutchDate(on)} ligt in de toekomst.`);
  if (on < state.receivedOn) {
    return refuse(
      'dateBeforeReceipt',
      `De datum ${formatDutchDate(on)} ligt vóór de ontvangst van de klacht.`,
    );
  }
  const change = transition(state, step, on, ctx);
  if ('ok' in change) return change;
  const next: ComplaintState = {
    ...change.state,
    timeline: [...change.state.timeline, { seq: nextSeq(change.state.timeline), on, type: step.type, step }],
  };
  return { ok: true, state: next, effects: [...change.effects, ...derivedEffects(state, next)] };
}

function transition(s: ComplaintState, step: Step, on: LocalDate, ctx: ProcedureContext): Change | Refusal {
  switch (step.type) {
    case 'acknowledged':
      return acknowledged(s, on);
    case 'informationRequested':
      return informationRequested(s, step, on);
    case 'meetingScheduled':
      return (
        meetingNotBefore(step.meetingOn, on) ??
        (step.viaLetter
          ? withLetter(s, on, {
              kind: 'meetingInvitation',
              meetingOn: step.meetingOn,
              ...(step.note ? { note: step.note } : {}),
            })
          : { state: s, effects: [] })
      );
    case 'decisionTaken':
      return {
        state: {
          ...s,
          decision: {
            on,
            summary: step.summary,
            ...(step.wellFounded !== undefined ? { wellFounded: step.wellFounded } : {}),
          },
        },
        effects: [],
      };
    case 'solutionProposed':
      return solutionProposed(s, step, on, ctx);
    case 'agreementRecorded':
      return agreementRecorded(s, step, on);
    case 'clarificationMeetingScheduled':
      return clarificationMeetingScheduled(s, step, on);
    case 'extensionDetermined':
      return extensionDetermined(s, step, on, ctx);
    case 'escalated':
      return escalated(s, step, on, ctx);
    case 'escalationResponded':
      return escalationResponded(s, step, on);
    case 'referredToThirdParty':
      return referredToThirdParty(s, on, ctx);
    case 'bindingRuling':
      return bindingRuling(s, step, on, ctx);
    case 'declaredInadmissible':
      return declaredInadmissible(s, step, on, ctx);
    case 'causeAnalysed':
      return causeAnalysed(s, step, on, ctx);
    case 'measureRecorded':
      return measureRecorded(s, step, on);
    case 'complainantInformed':
      return withLetter({ ...s, complainantInformedOn: [...s.complainantInformedOn, on] }, on, {
        kind: 'causesAndMeasures',
        causes: s.causes.map((c) => ({ category: c.category, text: c.text })),
        measures: s.measures.map((m) => ({ description: m.description, dueOn: m.dueOn })),
      });
    case 'reassigned':
      return reassigned(s, step);
    case 'closed':
      return closed(s, step, on, ctx);
  }
}

function acknowledged(s: ComplaintState, on: LocalDate): Change {
  const effects: Effect[] = [];
  const letters = s.letters.map((l) => {
    if (l.kind !== 'acknowledgement' || l.sentOn !== undefined || l.cancelledOn !== undefined) return l;
    effects.push({ type: 'cancelLetter', seq: l.seq });
    return { ...l, cancelledOn: on };
  });
  return { state: { ...s, acknowledgedOn: on, letters }, effects };
}

function informationRequested(
  s: ComplaintState,
  step: StepOf<'informationRequested'>,
  on: LocalDate,
): Change | Refusal {
  if (!step.viaLetter) return { state: s, effects: [] };
  const questions = step.note?.trim() ?? '';
  if (questions === '') {
    return refuse(
      'letterTextMissing',
      'Schrijf in de toelichting welke informatie u van de klager nodig heeft; die tekst komt in de brief.',
    );
  }
  return withLetter(s, on, { kind: 'informationRequest', questions });
}

function solutionProposed(
  s: ComplaintState,
  step: StepOf<'solutionProposed'>,
  on: LocalDate,
  ctx: ProcedureContext,
): Change | Refusal {
  const previous = latest(s)?.clarification?.on ?? s.decision?.on;
  const tooEarly = notBefore(on, previous, 'het besluit of de verduidelijkingsafspraak');
  if (tooEarly) return tooEarly;
  const withProposal: ComplaintState = {
    ...s,
    proposals: [
      ...s.proposals,
      {
        on,
        solution: step.solution,
        reactionBy: ctx.calendar.addWorkingDays(on, ctx.settings.noReactionWorkingDays),
      },
    ],
    resolvedOn: s.resolvedOn ?? on,
  };
  return withLetter(withProposal, on, {
    kind: 'outcome',
    decision: s.decision?.summary ?? '',
    solution: step.solution,
  });
}

function agreementRecorded(
  s: ComplaintState,
  step: StepOf<'agreementRecorded'>,
  on: LocalDate,
): Change | Refusal {
  const p = latest(s);
  if (!p) return refuse('solutionMissing', 'Er is nog geen oplossing voorgesteld.');
  const tooEarly = notBefore(on, p.on, 'het voorstel van de oplossing');
  if (tooEarly) return tooEarly;
  return { state: replaceLatest(s, { ...p, answer: { on, agreed: step.agreed } }), effects: [] };
}

function clarificationMeetingScheduled(
  s: ComplaintState,
  step: StepOf<'clarificationMeetingScheduled'>,
  on: LocalDate,
): Change | Refusal {
  const p = latest(s);
  if (!p?.answer)
    return refuse('notDisagreed', 'Een verduidelijkingsafspraak volgt op "niet akkoord" van de klager.');
  const refusal =
    notBefore(on, p.answer.on, 'de reactie van de klager') ?? meetingNotBefore(step.meetingOn, on);
  if (refusal) return refusal;
  const next = replaceLatest(s, { ...p, clarification: { on, meetingOn: step.meetingOn } });
  if (!step.viaLetter) return { state: next, effects: [] };
  return withLetter(next, on, {
    kind: 'clarificationMeeting',
    meetingOn: step.meetingOn,
    ...(step.note ? { note: step.note } : {}),
  });
}

function extensionDetermined(
  s: ComplaintState,
  step: StepOf<'extensionDetermined'>,
  on: LocalDate,
  ctx: ProcedureContext,
): Change | Refusal {
  const current = s.deadlines.resolveBy;
  if (step.expectedBy <= current) {
    return refuse(
      'expectedByNotAfterResolveBy',
      `De verwachte datum moet na de huidige behandeltermijn (${formatDutchDate(current)}) liggen.`,
    );
  }
  const reason = ctx.calendar.nonWorkingReason(step.expectedBy);
  if (reason) {
    const why =
      reason.kind === 'weekend' ? 'weekend' : reason.kind === 'closure' ? 'een sluitingsdag' : reason.name;
    return refuse(
      'expectedByNotWorkingDay',
      `${formatDutchDate(step.expectedBy)} is geen werkdag (${why}); kies een werkdag als verwachte datum.`,
    );
  }
  const noticeBy = extensionNoticeBy(ctx.calendar, on);
  const seq = s.letters.length + 1;
  const withExtension: ComplaintState = {
    ...s,
    deadlines: { ...s.deadlines, resolveBy: step.expectedBy, extensionNoticeBy: noticeBy },
    extensions: [
      ...s.extensions,
      {
        on,
        reason: step.reason,
        expectedBy: step.expectedBy,
        previousResolveBy: current,
        noticeBy,
        letterSeq: seq,
      },
    ],
  };
  return withLetter(withExtension, on, {
    kind: 'extension',
    reason: step.reason,
    expectedBy: step.expectedBy,
  });
}

function escalated(
  s: ComplaintState,
  step: StepOf<'escalated'>,
  on: LocalDate,
  ctx: ProcedureContext,
): Change {
  const respondBy = escalationResponseBy(ctx.calendar, on);
  const withEscalation: ComplaintState = {
    ...s,
    deadlines: { ...s.deadlines, escalationResponseBy: respondBy },
    escalations: [...s.escalations, { on, reason: step.reason, respondBy }],
  };
  const change = withLetter(withEscalation, on, { kind: 'escalation', respondBy });
  change.effects.push({ type: 'notifyDirector', complaintNumber: s.number, escalatedOn: on, respondBy });
  return change;
}

function escalationResponded(
  s: ComplaintState,
  step: StepOf<'escalationResponded'>,
  on: LocalDate,
): Change | Refusal {
  const open = pendingEscalation(s);
  if (!open) return refuse('noPendingEscalation', 'De klacht is niet aan de directeur voorgelegd.');
  const tooEarly = notBefore(on, open.on, 'de voorlegging aan de directeur');
  if (tooEarly) return tooEarly;
  const responded: ComplaintState = {
    ...s,
    escalations: s.escalations.map((e) => (e === open ? { ...e, respondedOn: on } : e)),
  };
  const reply = step.note?.trim();
  return withLetter(responded, on, { kind: 'escalationReply', ...(reply ? { reply } : {}) });
}

function referredToThirdParty(s: ComplaintState, on: LocalDate, ctx: ProcedureContext): Change | Refusal {
  const answeredOn = latest(s)?.answer?.on;
  const tooEarly =
    notBefore(on, answeredOn, 'de reactie van de klager') ?? notBefore(on, s.closedOn, 'het afsluiten');
  if (tooEarly) return tooEarly;
  const party = { ...ctx.settings.thirdParty };
  const referred: ComplaintState = {
    ...reopen(s, on),
    thirdParty: { referredOn: on, party },
    legalHold: true,
  };
  return withLetter(referred, on, { kind: 'thirdPartyReferral', thirdParty: party });
}

function bindingRuling(
  s: ComplaintState,
  step: StepOf<'bindingRuling'>,
  on: LocalDate,
  ctx: ProcedureContext,
): Change | Refusal {
  const referral = s.thirdParty;
  if (!referral)
    return refuse('noPendingReferral', 'De klacht is niet voorgelegd aan de onafhankelijke derde.');
  const tooEarly = notBefore(on, referral.referredOn, 'de voorlegging aan de onafhankelijke derde');
  if (tooEarly) return tooEarly;
  const ruled: ComplaintState = {
    ...s,
    thirdParty: { ...referral, ruling: { on, outcome: step.outcome } },
    legalHold: false,
  };
  return withLetter(close(ruled, on, 'bindingRuling', 'notAgreed', ctx), on, {
    kind: 'bindingRuling',
    outcome: step.outcome,
  });
}

/** A closed complaint goes back to `open` (the third party after a closing without agreement). */
function reopen(s: ComplaintState, on: LocalDate): ComplaintState {
  if (s.status === 'open' || s.closedOn === undefined) return s;
  const { closedOn, closedAs: _as, agreement, ...rest } = s;
  const { retainUntil: _retain, ...deadlines } = s.deadlines;
  return {
    ...rest,
    status: 'open',
    deadlines,
    reopened: [...(s.reopened ?? []), { closedOn, agreement: agreement ?? 'none', reopenedOn: on }],
  };
}

/**
 * The inadmissibility letter replaces an acknowledgement that has not gone out yet: the complainant gets one
 * answer, not a promise of a decision date followed by a refusal.
 */
function declaredInadmissible(
  s: ComplaintState,
  step: StepOf<'declaredInadmissible'>,
  on: LocalDate,
  ctx: ProcedureContext,
): Change | Refusal {
  const cancelled: Effect[] = [];
  const letters = s.letters.map((l) => {
    if (l.kind !== 'acknowledgement' || l.sentOn !== undefined || l.cancelledOn !== undefined) return l;
    cancelled.push({ type: 'cancelLetter', seq: l.seq });
    return { ...l, cancelledOn: on };
  });
  const change = declaredInadmissibleLetter({ ...s, letters }, step, on, ctx);
  if ('ok' in change) return change;
  return { state: change.state, effects: [...cancelled, ...change.effects] };
}

function declaredInadmissibleLetter(
  s: ComplaintState,
  step: StepOf<'declaredInadmissible'>,
  on: LocalDate,
  ctx: ProcedureContext,
): Change | Refusal {
  if (step.ground === 'late') {
    if (!s.late || s.aroseOn === undefined) {
      return refuse(
        'notLate',
        'De klacht is binnen twee weken na het ontstaan ontvangen en dus niet te laat ingediend.',
      );
    }
    const closedState = close(
      { ...s, inadmissible: { on, ground: 'late' } },
      on,
      'inadmissible',
      'none',
      ctx,
    );
    return withLetter(closedState, on, {
      kind: 'inadmissibleLate',
      aroseOn: s.aroseOn,
      receivedOn: s.receivedOn,
      lateWindowEndedOn: lateWindowEndsOn(s.aroseOn),
    });
  }
  const related = step.relatedComplaint;
  if (related === undefined) {
    return refuse('relatedComplaintMissing', 'Geef het nummer van de eerdere klacht waarop al is beslist.');
  }
  if (related === s.number) {
    return refuse('relatedComplaintIsSelf', 'De eerdere klacht moet een andere klacht zijn dan deze.');
  }
  const closedState = close(
    { ...s, inadmissible: { on, ground: 'repeat', relatedComplaint: related } },
    on,
    'inadmissible',
    'none',
    ctx,
  );
  return withLetter(closedState, on, { kind: 'inadmissibleRepeat', relatedComplaint: related });
}

function causeAnalysed(
  s: ComplaintState,
  step: StepOf<'causeAnalysed'>,
  on: LocalDate,
  ctx: ProcedureContext,
): Change | Refusal {
  if (!ctx.settings.causeCategories.includes(step.category)) {
    return refuse(
      'unknownCauseCategory',
      `Onbekende categorie "${step.category.slice(0, 40)}". Kies uit: ${ctx.settings.causeCategories.join(', ')}.`,
    );
  }
  const tooEarly = notBefore(on, s.decision?.on, 'het besluit');
  if (tooEarly) return tooEarly;
  return {
    state: { ...s, causes: [...s.causes, { on, category: step.category, text: step.text }] },
    effects: [],
  };
}

function measureRecorded(
  s: ComplaintState,
  step: StepOf<'measureRecorded'>,
  on: LocalDate,
): Change | Refusal {
  if (step.dueOn < on) {
    return refuse(
      'dueBeforeStep',
      `De streefdatum ${formatDutchDate(step.dueOn)} ligt vóór de datum van vastleggen.`,
    );
  }
  return {
    state: {
      ...s,
      measures: [...s.measures, { on, description: step.description, owner: step.owner, dueOn: step.dueOn }],
    },
    effects: [],
  };
}

function reassigned(s: ComplaintState, step: StepOf<'reassigned'>): Change | Refusal {
  if (sameEmailAddress(step.handler.address, s.handler.address)) {
    return refuse('sameHandler', 'Deze medewerker is al de verantwoordelijke voor de klacht.');
  }
  return {
    state: { ...s, handler: { ...step.handler } },
    effects: [{ type: 'notifyHandler', complaintNumber: s.number, handler: { ...step.handler } }],
  };
}

function closed(
  s: ComplaintState,
  step: StepOf<'closed'>,
  on: LocalDate,
  ctx: ProcedureContext,
): Change | Refusal {
  const lastStep = s.timeline.reduce<LocalDate>((max, e) => (e.on > max ? e.on : max), s.receivedOn);
  const tooEarly = notBefore(on, lastStep, 'de laatste vastgelegde stap');
  if (tooEarly) return tooEarly;
  const answer = latest(s)?.answer;
  let agreement: Agreement = 'none';
  if (answer) {
    if (step.agreement === 'none') {
      return refuse(
        'agreementConflict',
        `De klager heeft al gereageerd (${answer.agreed ? 'akkoord' : 'niet akkoord'}); "geen overeenstemming" past daar niet bij.`,
      );
    }
    agreement = answer.agreed ? 'agreed' : 'notAgreed';
  }
  const closedState = close(s, on, 'handled', agreement, ctx);
  return withLetter(closedState, on, {
    kind: 'closing',
    agreement,
    solution: solutionOf(s) ?? '',
    ...(agreement === 'agreed' ? {} : { thirdParty: { ...ctx.settings.thirdParty } }),
  });
}

/** The common part of every way a complaint ends: status, R11 agreement, R3 retention. */
function close(
  s: ComplaintState,
  on: LocalDate,
  closedAs: ClosedAs,
  agreement: Agreement,
  ctx: ProcedureContext,
): ComplaintState {
  return {
    ...s,
    status: 'closed',
    closedOn: on,
    closedAs,
    agreement,
    resolvedOn: s.resolvedOn ?? on,
    deadlines: { ...s.deadlines, retainUntil: retainUntil(ctx.calendar, on, ctx.settings.retentionYears) },
  };
}

type LetterData = Letter extends infer L
  ? L extends Letter
    ? Omit<L, 'seq' | 'complaintNumber' | 'to' | 'inReplyTo'>
    : never
  : never;

/** Queues a letter to the complainant: a record in the state and a `sendLetter` effect. */
function withLetter(s: ComplaintState, on: LocalDate, data: LetterData): Change {
  const seq = s.letters.length + 1;
  const letter = {
    ...data,
    seq,
    complaintNumber: s.number,
    to: { ...s.complainant },
    inReplyTo: s.origin.internetMessageId,
  };
  const kind: LetterKind = data.kind;
  return {
    state: { ...s, letters: [...s.letters, { seq, kind, queuedOn: on }] },
    effects: [{ type: 'sendLetter', letter }],
  };
}

/**
 * The outbox reports that letter `seq` was sent on `sentOn`. Not a handler's step, so not in `stepSchema`; it
 * is allowed on closed complaints too (an inadmissibility letter goes out after closing). Sending the
 * acknowledgement is what acknowledges the complaint (R4).
 */
export function recordLetterSent(state: ComplaintState, seq: number, sentOn: LocalDate): StepResult {
  const letter = state.letters.find((l) => l.seq === seq);
  if (!letter) return refuse('unknownLetter', `Brief ${seq} bestaat niet bij klacht ${state.number}.`);
  if (letter.sentOn !== undefined || letter.cancelledOn !== undefined) {
    return refuse('letterAlreadySent', `Brief ${seq} is al verstuurd of geannuleerd.`);
  }
  const tooEarly = notBefore(sentOn, letter.queuedOn, 'het klaarzetten van de brief');
  if (tooEarly) return tooEarly;
  const next: ComplaintState = {
    ...state,
    letters: state.letters.map((l) => (l.seq === seq ? { ...l, sentOn } : l)),
    // An inadmissibility letter that went out instead of the acknowledgement is the complainant's answer.
    ...((letter.kind === 'acknowledgement' ||
      letter.kind === 'inadmissibleLate' ||
      letter.kind === 'inadmissibleRepeat') &&
    state.acknowledgedOn === undefined
      ? { acknowledgedOn: sentOn }
      : {}),
  };
  return { ok: true, state: next, effects: derivedEffects(state, next) };
}

/** Deadline and legal-hold changes, derived by comparing before and after. */
function derivedEffects(before: ComplaintState, after: ComplaintState): Effect[] {
  const effects: Effect[] = [];
  const all = (s: ComplaintState) => [...pendingDeadlines(s), ...retentionDue(s)];
  const was = new Map(all(before).map((p) => [p.deadline, p.due]));
  const now = new Map(all(after).map((p) => [p.deadline, p.due]));
  for (const name of new Set([...was.keys(), ...now.keys()])) {
    const from = was.get(name) ?? null;
    const to = now.get(name) ?? null;
    if (from !== to) effects.push({ type: 'deadlineChanged', deadline: name, from, to });
  }
  if (before.legalHold !== after.legalHold)
    effects.push({ type: 'legalHoldChanged', legalHold: after.legalHold });
  return effects;
}

function notBefore(on: LocalDate, earlier: LocalDate | undefined, what: string): Refusal | undefined {
  if (earlier === undefined || on >= earlier) return undefined;
  return refuse(
    'dateBeforePreviousStep',
    `De datum ${formatDutchDate(on)} ligt vóór ${what} (${formatDutchDate(earlier)}).`,
  );
}

function meetingNotBefore(meetingOn: LocalDate, on: LocalDate): Refusal | undefined {
  if (meetingOn >= on) return undefined;
  return refuse(
    'meetingBeforeStep',
    `De afspraak (${formatDutchDate(meetingOn)}) ligt vóór de datum van plannen.`,
  );
}

function replaceLatest(s: ComplaintState, proposal: Proposal): ComplaintState {
  return { ...s, proposals: [...s.proposals.slice(0, -1), proposal] };
}

function nextSeq(entries: readonly { seq: number }[]): number {
  return (entries.at(-1)?.seq ?? 0) + 1;
}
