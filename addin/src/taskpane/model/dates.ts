/**
 * Local dates in Europe/Amsterdam (docs/procedure.md), as `YYYY-MM-DD` strings, for what the pane shows and
 * warns about. The API computes the real deadlines; these helpers only count days for display.
 */
const isoDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The Amsterdam calendar date of an instant. */
export function amsterdamDate(instant: Date): string {
  return isoDay.format(instant);
}

const epochDay = (date: string): number => Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000);

/** Whole days from `from` to `to` (both `YYYY-MM-DD`); negative when `to` lies before `from`. */
export function daysBetween(from: string, to: string): number {
  return epochDay(to) - epochDay(from);
}

export function addDaysTo(date: string, days: number): string {
  return new Date((epochDay(date) + days) * 86_400_000).toISOString().slice(0, 10);
}

export const isIsoDate = (text: string): boolean =>
  /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`));

/**
 * R2: a complaint must be submitted within 2 weeks after it arose; it is late when the date it was received
 * lies after "ontstaan op" + 14 days. The API decides; the pane warns before registering.
 */
export function isLateSubmission(issueAroseOn: string, receivedAt: string): boolean {
  if (!isIsoDate(issueAroseOn)) return false;
  return amsterdamDate(new Date(receivedAt)) > addDaysTo(issueAroseOn, 14);
}

const longDate = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'UTC' });
const longDateTime = new Intl.DateTimeFormat('nl-NL', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'Europe/Amsterdam',
});

/** `2026-05-20` → "20 mei 2026". */
export function formatDate(date: string): string {
  return isIsoDate(date) ? longDate.format(new Date(`${date}T00:00:00Z`)) : date;
}

const clockTime = new Intl.DateTimeFormat('nl-NL', {
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: 'Europe/Amsterdam',
});

/** An instant as the clock in Amsterdam shows it: "14:05". */
export function formatTime(instant: string): string {
  const d = new Date(instant);
  return Number.isNaN(d.getTime()) ? instant : clockTime.format(d);
}

export function formatDateTime(instant: string): string {
  const d = new Date(instant);
  return Number.isNaN(d.getTime()) ? instant : longDateTime.format(d);
}

export type DeadlineTone = 'overdue' | 'near' | 'later';

/** Within this many days a deadline is shown in the warning colour. */
export const NEAR_DAYS = 3;

export function deadlineTone(daysLeft: number): DeadlineTone {
  if (daysLeft < 0) return 'overdue';
  return daysLeft <= NEAR_DAYS ? 'near' : 'later';
}

/** "nog 3 dagen", "vandaag", "2 dagen te laat". */
export function daysLeftText(daysLeft: number): string {
  if (daysLeft === 0) return 'vandaag';
  if (daysLeft === 1) return 'morgen';
  if (daysLeft > 0) return `nog ${daysLeft} dagen`;
  return daysLeft === -1 ? '1 dag te laat' : `${-daysLeft} dagen te laat`;
}
