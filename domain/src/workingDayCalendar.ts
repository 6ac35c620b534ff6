/**
 * The Dutch working-day calendar of docs/procedure.md. "Binnen 5 werkdagen" and "binnen 2 werkdagen" in the
 * procedure count working days, so every deadline depends on which days are holidays for this organisation.
 *
 * Sources, in order:
 * 1. the public holidays of `date-holidays` for the Netherlands (`types: ['public']`; its default also marks
 *    Prinsjesdag, Sinterklaasavond and Oudejaarsavond, which are ordinary working days), read from a table
 *    generated from the library (`npm run holidays`, checked against it by a test for every year), so the
 *    library and its time-zone data are not loaded at run time;
 * 2. Koningsdag is computed here (27 April, 26 April when the 27th is a Sunday) instead of trusting the
 *    library's rule, because it is the one public day with a weekday-dependent shift;
 * 3. settings: Bevrijdingsdag (`always` | `lustrum` | `never`), Goede Vrijdag, and the organisation's closure days.
 *
 * A year's days are computed once per calendar, on first use, into a flat table indexed by epoch day, so a
 * lookup in the hot path (deadline computation for the whole register) is one array read.
 */
import { holidayNames, holidayTable, holidayTableFirstYear } from './dutchPublicHolidayTable';
import {
  MAX_YEAR,
  MIN_YEAR,
  civilOf,
  epochDayOf,
  fromEpochDay,
  isLocalDate,
  isoWeekdayOfEpochDay,
  localDateOf,
  partsOf,
  toEpochDay,
  type LocalDate,
} from './localDate';

/** Whether 5 May is a day off: every year, only in lustrum years (divisible by 5, the collective agreements' usual rule), or never. */
export type LiberationDaySetting = 'always' | 'lustrum' | 'never';

export interface CalendarSettings {
  /** Bevrijdingsdag (5 May). Default `lustrum`. */
  liberationDay: LiberationDaySetting;
  /** Goede Vrijdag as a day off. Default `false`: it is not a national day off. */
  goodFridayIsHoliday: boolean;
  /** The organisation's own closure days (e.g. the days between Christmas and New Year). */
  closureDays: readonly LocalDate[];
}

export const DEFAULT_CALENDAR_SETTINGS: CalendarSettings = Object.freeze({
  liberationDay: 'lustrum',
  goodFridayIsHoliday: false,
  closureDays: Object.freeze([]),
});

/** Why a day is not a working day, for messages ("maandag 27 april 2026 is Koningsdag"). */
export type NonWorkingReason = { kind: 'weekend' } | { kind: 'holiday'; name: string } | { kind: 'closure' };

/** A day off that is not a weekend day by definition (a holiday may still fall on a weekend). */
export interface DayOff {
  date: LocalDate;
  name: string;
  kind: 'holiday' | 'closure';
}

export interface WorkingDayCalendar {
  readonly settings: CalendarSettings;
  /** Monday–Friday and not a holiday or closure day. */
  isWorkingDay(date: LocalDate): boolean;
  /** `undefined` for a working day. */
  nonWorkingReason(date: LocalDate): NonWorkingReason | undefined;
  /** The date itself when it is a working day, otherwise the next working day ("rolled forward"). */
  workingDayOnOrAfter(date: LocalDate): LocalDate;
  /**
   * "N working days after D": count working days strictly after D; the N-th one is the result.
   * `n = 0` returns D itself. Throws a `RangeError` for a negative or fractional `n`.
   */
  addWorkingDays(date: LocalDate, n: number): LocalDate;
  /** Number of working days d with `from < d ≤ to` (0 when `to ≤ from`). */
  workingDaysBetween(from: LocalDate, to: LocalDate): number;
  /** The holidays and closure days of a year, sorted, including those on a weekend. */
  daysOffIn(year: number): readonly DayOff[];
}

/**
 * Builds a calendar for the given settings (missing fields take the defaults). Throws a `RangeError` when a
 * closure day is not a real date. Build one per settings version and reuse it: it caches per year.
 */
export function createWorkingDayCalendar(settings: Partial<CalendarSettings> = {}): WorkingDayCalendar {
  const full: CalendarSettings = {
    liberationDay: settings.liberationDay ?? DEFAULT_CALENDAR_SETTINGS.liberationDay,
    goodFridayIsHoliday: settings.goodFridayIsHoliday ?? DEFAULT_CALENDAR_SETTINGS.goodFridayIsHoliday,
    closureDays: [...(settings.closureDays ?? DEFAULT_CALENDAR_SETTINGS.closureDays)],
  };
  if (!['always', 'lustrum', 'never'].includes(full.liberationDay)) {
    throw new RangeError(`Unknown Bevrijdingsdag setting: ${String(full.liberationDay)}`);
  }
  for (const d of full.closureDays) {
    if (!isLocalDate(d)) throw new RangeError(`Closure day is not a valid date: ${JSON.stringify(d)}`);
  }
  return new TableCalendar(Object.freeze({ ...full, closureDays: Object.freeze([...full.closureDays]) }));
}

const FIRST_DAY = epochDayOf(MIN_YEAR, 1, 1);
const LAST_DAY = epochDayOf(MAX_YEAR, 12, 31);
const WORKING = 1;
const OFF = 2;

class TableCalendar implements WorkingDayCalendar {
  /** One byte per day of the supported range: 0 = year not computed yet, then WORKING or OFF. */
  private readonly table = new Uint8Array(LAST_DAY - FIRST_DAY + 1);
  private readonly daysOff = new Map<number, readonly DayOff[]>();
  private readonly closureByYear = new Map<number, LocalDate[]>();

  constructor(readonly settings: CalendarSettings) {
    for (const d of settings.closureDays) {
      const { year } = partsOf(d);
      const list = this.closureByYear.get(year) ?? [];
      list.push(d);
      this.closureByYear.set(year, list);
    }
  }

  isWorkingDay(date: LocalDate): boolean {
    return this.isWorkingEpochDay(toEpochDay(date));
  }

  nonWorkingReason(date: LocalDate): NonWorkingReason | undefined {
    const day = toEpochDay(date);
    if (this.isWorkingEpochDay(day)) return undefined;
    if (isoWeekdayOfEpochDay(day) >= 6) return { kind: 'weekend' };
    const off = this.daysOffIn(partsOf(date).year).find((o) => o.date === date);
    if (off?.kind === 'closure') return { kind: 'closure' };
    return { kind: 'holiday', name: off?.name ?? 'feestdag' };
  }

  workingDayOnOrAfter(date: LocalDate): LocalDate {
    let day = toEpochDay(date);
    while (!this.isWorkingEpochDay(day)) day++;
    return fromEpochDay(day);
  }

  addWorkingDays(date: LocalDate, n: number): LocalDate {
    if (!Number.isInteger(n) || n < 0)
      throw new RangeError(`Working days must be a whole number ≥ 0, got ${n}`);
    let day = toEpochDay(date);
    let left = n;
    while (left > 0) {
      day++;
      if (this.isWorkingEpochDay(day)) left--;
    }
    return fromEpochDay(day);
  }

  workingDaysBetween(from: LocalDate, to: LocalDate): number {
    const end = toEpochDay(to);
    let count = 0;
    for (let day = toEpochDay(from) + 1; day <= end; day++) if (this.isWorkingEpochDay(day)) count++;
    return count;
  }

  daysOffIn(year: number): readonly DayOff[] {
    this.ensureYear(year);
    return this.daysOff.get(year) ?? [];
  }

  /** Hot path: one table read once the year is computed. */
  private isWorkingEpochDay(day: number): boolean {
    if (day < FIRST_DAY || day > LAST_DAY) throw new RangeError(`Date outside ${MIN_YEAR}–${MAX_YEAR}`);
    const state = this.table[day - FIRST_DAY];
    if (state === WORKING) return true;
    if (state === OFF) return false;
    this.ensureYear(civilOf(day).year);
    return this.table[day - FIRST_DAY] === WORKING;
  }

  private ensureYear(year: number): void {
    if (year < MIN_YEAR || year > MAX_YEAR)
      throw new RangeError(`Year outside ${MIN_YEAR}–${MAX_YEAR}: ${year}`);
    if (this.daysOff.has(year)) return;
    const off = [...nationalDaysOff(year, this.settings)];
    for (const date of this.closureByYear.get(year) ?? []) {
      if (!off.some((o) => o.date === date)) off.push({ date, name: 'sluitingsdag', kind: 'closure' });
    }
    off.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    const offDays = new Set(off.map((o) => toEpochDay(o.date)));
    const first = epochDayOf(year, 1, 1);
    const last = epochDayOf(year, 12, 31);
    for (let day = first; day <= last; day++) {
      const working = isoWeekdayOfEpochDay(day) <= 5 && !offDays.has(day);
      this.table[day - FIRST_DAY] = working ? WORKING : OFF;
    }
    this.daysOff.set(year, Object.freeze(off));
  }
}

/** The national days off of a year under the calendar settings (without closure days). */
function nationalDaysOff(year: number, settings: CalendarSettings): DayOff[] {
  const days: DayOff[] = libraryPublicHolidays(year).map((h) => ({
    date: h.date,
    name: h.name,
    kind: 'holiday',
  }));
  days.push({ date: kingsDay(year), name: 'Koningsdag', kind: 'holiday' });
  if (settings.liberationDay === 'always' || (settings.liberationDay === 'lustrum' && year % 5 === 0)) {
    days.push({ date: localDateOf(year, 5, 5), name: 'Bevrijdingsdag', kind: 'holiday' });
  }
  if (settings.goodFridayIsHoliday) {
    days.push({
      date: fromEpochDay(toEpochDay(easterSunday(year)) - 2),
      name: 'Goede Vrijdag',
      kind: 'holiday',
    });
  }
  return days;
}

/** Koningsdag: 27 April, or Saturday 26 April when the 27th is a Sunday (Wet van 2013, in force since 2014). */
export function kingsDay(year: number): LocalDate {
  const sunday = isoWeekdayOfEpochDay(epochDayOf(year, 4, 27)) === 7;
  return localDateOf(year, 4, sunday ? 26 : 27);
}

/** Easter Sunday (Gregorian; the anonymous "Meeus/Jones/Butcher" algorithm). */
export function easterSunday(year: number): LocalDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return localDateOf(year, month, day);
}

const libraryCache = new Map<number, readonly { date: LocalDate; name: string }[]>();

/**
 * The library's public holidays of a year, minus the days this module decides itself (Koningsdag,
 * Bevrijdingsdag, Goede Vrijdag; scripts/holidays.ts leaves them out of the table). Decoded once per year for the
 * whole process: the result does not depend on settings.
 */
function libraryPublicHolidays(year: number): readonly { date: LocalDate; name: string }[] {
  const cached = libraryCache.get(year);
  if (cached) return cached;
  const entry = holidayTable[year - holidayTableFirstYear];
  if (entry === undefined) {
    const last = holidayTableFirstYear + holidayTable.length - 1;
    throw new RangeError(
      `No Dutch public holidays for ${year}: the table covers ${holidayTableFirstYear}–${last} (npm run holidays)`,
    );
  }
  const list = entry
    .split(' ')
    .filter((day) => day !== '')
    .map((day) => {
      const name = holidayNames[Number(day.slice(5))];
      const date = `${year}-${day.slice(0, 2)}-${day.slice(2, 4)}`;
      if (name === undefined || !isLocalDate(date)) throw new Error(`Malformed holiday table entry: ${day}`);
      return { date, name };
    });
  libraryCache.set(year, Object.freeze(list));
  return list;
}
