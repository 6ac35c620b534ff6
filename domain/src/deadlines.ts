/**
 * The deadlines of the procedure, each a local date on which (or before which) something must have happened.
 * They are the only place where the procedure's numbers live, so that the letters, the timer checks and the
 * reports agree. Every function returns a working day: a calendar result on a weekend, holiday or closure day
 * moves to the next working day (docs/procedure.md), which never shortens a term.
 */
import { addCalendarMonths, addCalendarYears } from './calendarArithmetic';
import { addHandlingTerm, type HandlingTerm } from './handlingTerm';
import type { LocalDate } from './localDate';
import type { WorkingDayCalendar } from './workingDayCalendar';

/** R4: "ontvangstbevestiging … binnen 5 werkdagen". */
export const ACKNOWLEDGE_WORKING_DAYS = 5;
/** R8: "binnen 2 werkdagen nadat dit is vastgesteld". */
export const EXTENSION_NOTICE_WORKING_DAYS = 2;
/** R10: "binnen 1 maand een reactie over de werkwijze/procedure". */
export const ESCALATION_RESPONSE_MONTHS = 1;
/** R3: "voor minimaal 2 jaar". */
export const MIN_RETENTION_YEARS = 2;

/** R4: 5 working days after the receipt date (a complaint received on a Saturday: the Friday after). */
export function acknowledgeBy(calendar: WorkingDayCalendar, receivedOn: LocalDate): LocalDate {
  return calendar.addWorkingDays(receivedOn, ACKNOWLEDGE_WORKING_DAYS);
}

/**
 * R5: receipt + the handling term, rolled to a working day. Does not check the term's bounds; registration
 * does that with `checkHandlingTerm` first.
 */
export function resolveBy(
  calendar: WorkingDayCalendar,
  receivedOn: LocalDate,
  term: HandlingTerm,
): LocalDate {
  return calendar.workingDayOnOrAfter(addHandlingTerm(receivedOn, term));
}

/** R8: 2 working days after the day the extension was determined. */
export function extensionNoticeBy(calendar: WorkingDayCalendar, determinedOn: LocalDate): LocalDate {
  return calendar.addWorkingDays(determinedOn, EXTENSION_NOTICE_WORKING_DAYS);
}

/** R10: 1 calendar month after the escalation to the director, rolled to a working day. */
export function escalationResponseBy(calendar: WorkingDayCalendar, escalatedOn: LocalDate): LocalDate {
  return calendar.workingDayOnOrAfter(addCalendarMonths(escalatedOn, ESCALATION_RESPONSE_MONTHS));
}

/**
 * R3: the closing date + the retention in years (≥ 2), rolled to a working day. Personal data may be erased
 * only *after* this date. Rolling forward keeps at least the full retention period, and the erasure job runs
 * on working days anyway.
 */
export function retainUntil(
  calendar: WorkingDayCalendar,
  closedOn: LocalDate,
  retentionYears: number,
): LocalDate {
  assertRetentionYears(retentionYears);
  return calendar.workingDayOnOrAfter(addCalendarYears(closedOn, retentionYears));
}

/** Throws a `RangeError` unless the retention is a whole number of years in [2, 100]. */
export function assertRetentionYears(retentionYears: number): void {
  if (!Number.isInteger(retentionYears) || retentionYears < MIN_RETENTION_YEARS || retentionYears > 100) {
    throw new RangeError(
      `Retention must be a whole number of years between 2 and 100, got ${retentionYears}`,
    );
  }
}

/** "A deadline is met when the step happens on or before that date." */
export function isDeadlineMet(due: LocalDate, doneOn: LocalDate): boolean {
  return doneOn <= due;
}
