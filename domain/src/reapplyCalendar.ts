/**
 * A settings change (closure days, Bevrijdingsdag, Goede Vrijdag, retention) applied to one complaint.
 *
 * Deadlines are stored in the state when a step sets them, so the letters, the index and the timers agree on
 * one date. When the calendar changes, a deadline that is still *pending and not yet reached* is computed
 * again from the same inputs (receipt date, term, the extension's or escalation's date, the closing date) with
 * the new calendar. A deadline that was met, missed or has already passed stays as it was: the outcome of the
 * past never changes. A recomputed date before today is not applied either, so removing a closure day never
 * makes a complaint overdue after the fact.
 */
import type { ComplaintState } from './complaintState';
import { acknowledgeBy, escalationResponseBy, extensionNoticeBy, resolveBy, retainUntil } from './deadlines';
import { parseHandlingTerm } from './handlingTerm';
import type { LocalDate } from './localDate';
import type { WorkingDayCalendar } from './workingDayCalendar';

export interface ReapplyInput {
  calendar: WorkingDayCalendar;
  retentionYears: number;
  today: LocalDate;
}

/** The state with its not-yet-reached pending deadlines recomputed; the same object when nothing moved. */
export function reapplyCalendar(state: ComplaintState, input: ReapplyInput): ComplaintState {
  const { calendar, today } = input;
  // Only a deadline that has not been reached moves, and never to a day already past.
  const moved = (old: LocalDate, next: LocalDate): LocalDate => (old >= today && next >= today ? next : old);
  const d = state.deadlines;
  let deadlines = { ...d };
  let extensions = state.extensions;
  let escalations = state.escalations;

  if (state.acknowledgedOn === undefined) {
    deadlines.acknowledgeBy = moved(d.acknowledgeBy, acknowledgeBy(calendar, state.receivedOn));
  }
  const open = state.status === 'open';
  if (open && state.resolvedOn === undefined) {
    const last = state.extensions.at(-1);
    let next: LocalDate | undefined;
    if (last) next = calendar.workingDayOnOrAfter(last.expectedBy);
    else {
      const term = parseHandlingTerm(state.term);
      if (term.ok) next = resolveBy(calendar, state.receivedOn, term.term);
    }
    if (next !== undefined) deadlines.resolveBy = moved(d.resolveBy, next);
  }
  const lastExtension = state.extensions.at(-1);
  if (lastExtension) {
    const letter = state.letters.find((l) => l.seq === lastExtension.letterSeq);
    if (letter?.sentOn === undefined) {
      const noticeBy = moved(lastExtension.noticeBy, extensionNoticeBy(calendar, lastExtension.on));
      if (noticeBy !== lastExtension.noticeBy) {
        extensions = [...state.extensions.slice(0, -1), { ...lastExtension, noticeBy }];
        deadlines.extensionNoticeBy = noticeBy;
      }
    }
  }
  if (open) {
    const i = state.escalations.findIndex((e) => e.respondedOn === undefined);
    const escalation = state.escalations[i];
    if (escalation) {
      const respondBy = moved(escalation.respondBy, escalationResponseBy(calendar, escalation.on));
      if (respondBy !== escalation.respondBy) {
        escalations = state.escalations.map((e, j) => (j === i ? { ...e, respondBy } : e));
        deadlines.escalationResponseBy = respondBy;
      }
    }
  }
  if (state.status === 'closed' && !state.legalHold && d.retainUntil !== undefined && state.closedOn) {
    deadlines.retainUntil = moved(d.retainUntil, retainUntil(calendar, state.closedOn, input.retentionYears));
  }

  const same =
    extensions === state.extensions &&
    escalations === state.escalations &&
    (Object.keys(deadlines) as (keyof typeof deadlines)[]).every((k) => deadlines[k] === d[k]);
  if (same) return state;
  deadlines = { ...deadlines };
  return { ...state, deadlines, extensions, escalations };
}
