/**
 * What a handler usually does next, for the complaint's current stage (docs/procedure.md, "In the pane"), each
 * with the deadline that governs it. Derived from the state and the same guards as {@link allowedSteps}, so a
 * usual step is always an allowed one; every other allowed step is "another step".
 */
import type { ComplaintState } from './complaintState';
import { allowedSteps, reactionDeadline } from './lifecycle';
import type { LocalDate } from './localDate';
import type { StepType } from './steps';

/**
 * The deadline a usual step answers to: the outcome to the complainant (`resolveBy`), the end of the
 * complainant's reaction period (`reactionBy`: afterwards the complaint may be closed without agreement), or
 * the director's reply about the procedure (`escalationResponseBy`).
 */
export type NextStepDeadline = 'resolveBy' | 'reactionBy' | 'escalationResponseBy';

export interface NextStep {
  type: StepType;
  due?: { deadline: NextStepDeadline; on: LocalDate };
}

const by = (deadline: NextStepDeadline, on: LocalDate) => ({ due: { deadline, on } });

/** The stage's usual steps, in order, before they are checked against what is allowed today. */
function candidates(s: ComplaintState): NextStep[] {
  if (s.status === 'closed') {
    // R14 after the settlement: the causes, the measures, then telling the complainant what was found and
    // done. The letter lists the measures recorded by then, so recording one is offered first.
    if (s.causes.length === 0) return s.decision ? [{ type: 'causeAnalysed' }] : [];
    if (s.complainantInformedOn.length > 0) return [];
    return s.measures.length === 0
      ? [{ type: 'measureRecorded' }, { type: 'complainantInformed' }]
      : [{ type: 'complainantInformed' }];
  }
  const escalation = s.escalations.find((e) => e.respondedOn === undefined);
  if (escalation)
    return [{ type: 'escalationResponded', ...by('escalationResponseBy', escalation.respondBy) }];
  if (s.thirdParty && !s.thirdParty.ruling) return [{ type: 'bindingRuling' }];
  const outcome = s.resolvedOn === undefined ? by('resolveBy', s.deadlines.resolveBy) : {};
  if (!s.decision) return [{ type: 'decisionTaken', ...outcome }];
  const proposal = s.proposals.at(-1);
  if (!proposal) return [{ type: 'solutionProposed', ...outcome }];
  if (!proposal.answer) {
    // Closing without agreement becomes allowed the day after the reaction period.
    return [
      { type: 'agreementRecorded', ...by('reactionBy', reactionDeadline(proposal)) },
      { type: 'closed' },
    ];
  }
  if (proposal.answer.agreed) return [{ type: 'closed' }];
  if (!proposal.clarification) return [{ type: 'clarificationMeetingScheduled' }];
  // After the clarification meeting: a new proposal, or no agreement (the third party, or closing once it
  // took place).
  return [{ type: 'solutionProposed' }, { type: 'referredToThirdParty' }, { type: 'closed' }];
}

/**
 * The usual next step(s) of the complaint's stage that are allowed `today`, with their deadline. Without
 * `today`, steps that depend on elapsed time (closing) are left out, as in {@link allowedSteps}.
 */
export function nextSteps(state: ComplaintState, today?: LocalDate): NextStep[] {
  const allowed = allowedSteps(state, today);
  return candidates(state).filter((c) => allowed.includes(c.type));
}
