/**
 * Which deadlines are still running, and how each one ended. The state keeps every due date (also met ones,
 * for the yearly analysis); whether a deadline is still *pending* is derived here, in one place, so that the
 * timer's index, the task pane's warnings and the effects of a step cannot disagree.
 */
import type { ComplaintState, DeadlineName } from './complaintState';
import type { LocalDate } from './localDate';

export interface PendingDeadline {
  deadline: DeadlineName;
  due: LocalDate;
}

/**
 * The deadlines that still wait for someone to act: the acknowledgement, the outcome (`resolveBy`), the
 * extension letter and the director's reply. The erasure date is no such deadline: see {@link retentionDue}.
 */
export function pendingDeadlines(state: ComplaintState): PendingDeadline[] {
  const pending: PendingDeadline[] = [];
  const d = state.deadlines;
  if (state.acknowledgedOn === undefined) pending.push({ deadline: 'acknowledgeBy', due: d.acknowledgeBy });
  if (state.status === 'open' && state.resolvedOn === undefined)
    pending.push({ deadline: 'resolveBy', due: d.resolveBy });
  const extension = state.extensions.at(-1);
  if (extension) {
    const letter = state.letters.find((l) => l.seq === extension.letterSeq);
    if (letter?.sentOn === undefined)
      pending.push({ deadline: 'extensionNoticeBy', due: extension.noticeBy });
  }
  const escalation = state.escalations.find((e) => e.respondedOn === undefined);
  if (escalation && state.status === 'open')
    pending.push({ deadline: 'escalationResponseBy', due: escalation.respondBy });
  return pending;
}

/** The erasure date (R3) once closed and without a legal hold: the retention timer's business, nobody's task. */
export function retentionDue(state: ComplaintState): PendingDeadline[] {
  const due = state.deadlines.retainUntil;
  return state.status === 'closed' && !state.legalHold && due !== undefined
    ? [{ deadline: 'retainUntil', due }]
    : [];
}

export type DeadlineOutcome = 'met' | 'missed' | 'pending' | 'overdue';

export interface DeadlineReport {
  deadline: Exclude<DeadlineName, 'retainUntil'>;
  due: LocalDate;
  doneOn?: LocalDate;
  /** met/missed once done (on or before / after `due`); pending/overdue while waiting (today ≤ / > `due`). */
  outcome: DeadlineOutcome;
}

/**
 * Every procedural deadline the complaint has had, with its outcome as of `today`. For reports (R16:
 * timeliness) and the task pane. A deadline that stopped applying (e.g. `resolveBy` of a complaint closed
 * as inadmissible) counts as met on the closing date.
 */
export function deadlineReport(state: ComplaintState, today: LocalDate): DeadlineReport[] {
  const report: DeadlineReport[] = [];
  const add = (deadline: DeadlineReport['deadline'], due: LocalDate, doneOn: LocalDate | undefined): void => {
    const outcome: DeadlineOutcome =
      doneOn !== undefined ? (doneOn <= due ? 'met' : 'missed') : today <= due ? 'pending' : 'overdue';
    report.push(doneOn === undefined ? { deadline, due, outcome } : { deadline, due, doneOn, outcome });
  };
  add('acknowledgeBy', state.deadlines.acknowledgeBy, state.acknowledgedOn);
  add('resolveBy', state.deadlines.resolveBy, state.resolvedOn ?? state.closedOn);
  for (const extension of state.extensions) {
    const letter = state.letters.find((l) => l.seq === extension.letterSeq);
    add('extensionNoticeBy', extension.noticeBy, letter?.sentOn);
  }
  for (const escalation of state.escalations) {
    add('escalationResponseBy', escalation.respondBy, escalation.respondedOn ?? state.closedOn);
  }
  return report;
}
