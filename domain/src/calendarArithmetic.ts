/**
 * "N weeks / months / years after D" as docs/procedure.md defines it: plain calendar arithmetic, a month later on
 * the same day number, clamped to the last day of a shorter month (31 January + 1 month = 28 or 29 February).
 * These functions do *not* roll to a working day; the deadline functions do that, so that the raw result stays
 * available for comparisons such as the bounds of the handling term.
 */
import { daysInMonth, fromEpochDay, localDateOf, partsOf, toEpochDay, type LocalDate } from './localDate';

/** `date` + `months` calendar months, clamped to the end of the target month. `months` may be negative. */
export function addCalendarMonths(date: LocalDate, months: number): LocalDate {
  if (!Number.isInteger(months)) throw new RangeError(`Months must be a whole number, got ${months}`);
  const { year, month, day } = partsOf(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return localDateOf(y, m, Math.min(day, daysInMonth(y, m)));
}

/** `date` + `weeks` × 7 days. */
export function addCalendarWeeks(date: LocalDate, weeks: number): LocalDate {
  if (!Number.isInteger(weeks)) throw new RangeError(`Weeks must be a whole number, got ${weeks}`);
  return fromEpochDay(toEpochDay(date) + weeks * 7);
}

/** `date` + `years`, 29 February clamped to 28 February in a common year. */
export function addCalendarYears(date: LocalDate, years: number): LocalDate {
  return addCalendarMonths(date, years * 12);
}
