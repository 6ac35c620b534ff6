/**
 * The domain's answer when something is not allowed. The `reason` is a stable code that the API maps to an
 * HTTP problem type and the task pane may switch on; the `message` is Dutch, written for the handler who
 * clicked the button, and never contains the complainant's personal data (it may end up in a log).
 */

/** Every refusal code the domain can return. Adding one is an API change: keep them stable. */
export const REFUSAL_REASONS = [
  // input
  'invalidInput',
  'invalidStep',
  // dates
  'dateInFuture',
  'dateBeforeReceipt',
  'dateBeforePreviousStep',
  'aroseAfterReceipt',
  'receivedBeforeStart',
  // handling term (R5)
  'termSyntax',
  'termTooShort',
  'termTooLong',
  // lifecycle
  'complaintClosed',
  'alreadyAcknowledged',
  'decisionMissing',
  'decisionAlreadyTaken',
  'alreadyResolved',
  'solutionMissing',
  'agreementPending',
  'agreementAlreadyRecorded',
  'alreadyAgreed',
  'notDisagreed',
  'clarificationMissing',
  'clarificationAlreadyScheduled',
  'meetingBeforeStep',
  'expectedByNotAfterResolveBy',
  'expectedByNotWorkingDay',
  'escalationPending',
  'noPendingEscalation',
  'thirdPartyPending',
  'noPendingReferral',
  'alreadyReferred',
  'notLate',
  'relatedComplaintMissing',
  'relatedComplaintIsSelf',
  'inadmissibleAfterDecision',
  'causeMissing',
  'unknownCauseCategory',
  'dueBeforeStep',
  'sameHandler',
  'registerIncomplete',
  'agreementConflict',
  'reactionPending',
  'clarificationPending',
  'closedWithAgreement',
  'letterTextMissing',
  'relatedComplaintUnknown',
  'unknownLetter',
  'letterAlreadySent',
  // retention (R3)
  'notClosed',
  'legalHold',
  'retentionNotExpired',
] as const;

export type RefusalReason = (typeof REFUSAL_REASONS)[number];

export interface Refusal {
  ok: false;
  reason: RefusalReason;
  /** Dutch, for the handler. */
  message: string;
}

export function refuse(reason: RefusalReason, message: string): Refusal {
  return { ok: false, reason, message };
}
