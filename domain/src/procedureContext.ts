/**
 * What every lifecycle function gets from outside instead of reading it itself: today's date (the use case
 * converts its clock once with `toAmsterdamDate(now)`), the working-day calendar and the settings. This is what
 * makes the domain testable with fixed dates and free of I/O.
 */
import type { LocalDate } from './localDate';
import type { ProcedureSettings } from './settings';
import type { WorkingDayCalendar } from './workingDayCalendar';
import type { ComplaintState } from './complaintState';
import type { Effect } from './effects';
import type { Refusal } from './refusal';

export interface ProcedureContext {
  /** Today in Europe/Amsterdam. */
  today: LocalDate;
  /** Built from `settings.calendar` with `createWorkingDayCalendar`; reuse it, it caches per year. */
  calendar: WorkingDayCalendar;
  settings: ProcedureSettings;
}

/** The outcome of registering or of applying a step: the new state and what follows from it, or a refusal. */
export type StepResult = { ok: true; state: ComplaintState; effects: Effect[] } | Refusal;
