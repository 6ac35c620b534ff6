import {
  addDays,
  isoWeekday,
  localDate,
  partsOf,
  toAmsterdamDate,
  toEpochDay,
  type LocalDate,
} from '../../../domain/src/localDate';

// Made on first use, like the date formatter in localDate: loading ICU's data is no work for a cold start.
let hourFormat: Intl.DateTimeFormat | undefined;
const hourFormatter = (): Intl.DateTimeFormat =>
  (hourFormat ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Amsterdam',
    hour: '2-digit',
    hourCycle: 'h23',
  }));

/**
 * The local moment a timer decides on. Timers are scheduled in UTC (Linux plans ignore WEBSITE_TIME_ZONE), so
 * "Monday 08:00" and "in January" are decided here, with the IANA zone, never with the host's own time zone.
 */
export interface LocalMoment {
  date: LocalDate;
  /** 0–23 in Europe/Amsterdam. */
  hour: number;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
}

export function amsterdamMoment(instant: Date): LocalMoment {
  const date = toAmsterdamDate(instant);
  const hour = Number(
    hourFormatter()
      .formatToParts(instant)
      .find((p) => p.type === 'hour')?.value ?? '0',
  );
  return { date, hour, weekday: isoWeekday(date) };
}

/** ISO 8601 week of a date, e.g. `2026-W10`: the key of "once per week". */
export function isoWeekOf(date: LocalDate): { key: string; monday: LocalDate; sunday: LocalDate } {
  const monday = addDays(date, 1 - isoWeekday(date));
  const thursday = addDays(monday, 3);
  const year = partsOf(thursday).year;
  const week = Math.floor((toEpochDay(thursday) - toEpochDay(localDate(`${year}-01-01`))) / 7) + 1;
  return { key: `${year}-W${String(week).padStart(2, '0')}`, monday, sunday: addDays(monday, 6) };
}
