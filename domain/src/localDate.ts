/**
 * Local dates of the procedure. Every deadline in the complaints procedure is a *date* in the Netherlands,
 * not an instant: "binnen 5 werkdagen" means "on or before that day in Amsterdam". The server runs in UTC,
 * so a timestamp becomes a date exactly once, at the edge ({@link toAmsterdamDate}); everything after that
 * works on `YYYY-MM-DD` strings, which sort and compare correctly as plain strings.
 *
 * Internally dates are converted to an "epoch day" (days since 1970-01-01) with integer arithmetic only
 * (no `Date` objects, no time zones), which is both exact and fast.
 */

declare const localDateBrand: unique symbol;

/** A real calendar date `YYYY-MM-DD` between {@link MIN_YEAR} and {@link MAX_YEAR}. Construct with {@link localDate}. */
export type LocalDate = string & { readonly [localDateBrand]: 'LocalDate' };

/** The register works with dates of this century and the next; anything else is a typing error, not a date. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2199;

const SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days in a month of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** True when `value` is a `YYYY-MM-DD` string naming a real date in the supported range (2026-02-30 is not). */
export function isLocalDate(value: unknown): value is LocalDate {
  if (typeof value !== 'string') return false;
  const m = SHAPE.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return (
    year >= MIN_YEAR &&
    year <= MAX_YEAR &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/**
 * Validates and brands a date string. Throws a `RangeError` on anything that is not a real date, because a
 * wrong date that slips through would silently move a legal deadline.
 */
export function localDate(value: string): LocalDate {
  if (!isLocalDate(value))
    throw new RangeError(`Not a valid local date (YYYY-MM-DD): ${JSON.stringify(value)}`);
  return value;
}

/** Builds a date from its parts; throws a `RangeError` when they do not form a real date. */
export function localDateOf(year: number, month: number, day: number): LocalDate {
  return localDate(`${pad4(year)}-${pad2(month)}-${pad2(day)}`);
}

/** The parts of a date. */
export function partsOf(date: LocalDate): { year: number; month: number; day: number } {
  // The shape is guaranteed by the brand, so fixed offsets are safe and avoid a regex in hot paths.
  return {
    year: digits(date, 0, 4),
    month: digits(date, 5, 7),
    day: digits(date, 8, 10),
  };
}

/** Days since 1970-01-01 (negative before). Howard Hinnant's `days_from_civil`, integers only. */
export function toEpochDay(date: LocalDate): number {
  return epochDayOf(digits(date, 0, 4), digits(date, 5, 7), digits(date, 8, 10));
}

/** The epoch day of year/month/day, without validation (callers pass real dates). */
export function epochDayOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The date of an epoch day. Throws a `RangeError` outside the supported years. */
export function fromEpochDay(epochDay: number): LocalDate {
  const { year, month, day } = civilOf(epochDay);
  if (year < MIN_YEAR || year > MAX_YEAR)
    throw new RangeError(`Date outside ${MIN_YEAR}–${MAX_YEAR}: year ${year}`);
  return `${pad4(year)}-${pad2(month)}-${pad2(day)}` as LocalDate;
}

/** Year, month and day of an epoch day (Hinnant's `civil_from_days`). */
export function civilOf(epochDay: number): { year: number; month: number; day: number } {
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

/** ISO weekday of an epoch day: 1 = Monday … 7 = Sunday. 1970-01-01 was a Thursday. */
export function isoWeekdayOfEpochDay(epochDay: number): number {
  return ((((epochDay + 3) % 7) + 7) % 7) + 1;
}

/** ISO weekday of a date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: LocalDate): number {
  return isoWeekdayOfEpochDay(toEpochDay(date));
}

/** `date` plus `days` calendar days (negative allowed). */
export function addDays(date: LocalDate, days: number): LocalDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/** Calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

/** Negative, zero or positive like `Array#sort` expects. ISO dates compare correctly as strings. */
export function compareLocalDates(a: LocalDate, b: LocalDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The later of two dates. */
export function maxLocalDate(a: LocalDate, b: LocalDate): LocalDate {
  return a >= b ? a : b;
}

// Made on first use: the first Intl formatter of a process loads ICU's locale and time-zone data (tens of ms),
// which a cold start that answers no date question (a lookup, a health probe) should not pay.
let amsterdamFormat: Intl.DateTimeFormat | undefined;
const amsterdamFormatter = (): Intl.DateTimeFormat =>
  (amsterdamFormat ??= new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }));

/**
 * The date in Amsterdam at `instant`: the single conversion from a timestamp to a procedure date. Uses the
 * IANA time zone database through `Intl`, so summer time and its switch nights are handled by the platform.
 */
export function toAmsterdamDate(instant: Date): LocalDate {
  if (Number.isNaN(instant.getTime()))
    throw new RangeError('Invalid Date cannot be converted to a local date');
  let year = '';
  let month = '';
  let day = '';
  for (const part of amsterdamFormatter().formatToParts(instant)) {
    if (part.type === 'year') year = part.value;
    else if (part.type === 'month') month = part.value;
    else if (part.type === 'day') day = part.value;
  }
  return localDate(`${year}-${month}-${day}`);
}

const MONTHS_NL = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
] as const;
const WEEKDAYS_NL = ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'] as const;

/** "donderdag 30 april 2026": how a date reads in a message for a handler or a letter. */
export function formatDutchDate(date: LocalDate): string {
  const { year, month, day } = partsOf(date);
  const weekday = WEEKDAYS_NL[isoWeekday(date) - 1] ?? '';
  return `${weekday} ${day} ${MONTHS_NL[month - 1] ?? ''} ${year}`;
}

function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + (s.charCodeAt(i) - 48);
  return n;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function pad4(n: number): string {
  return String(n).padStart(4, '0');
}
