import type { DeadlineName } from '../../../domain/src/complaintState';
import { addDays, isLocalDate, type LocalDate } from '../../../domain/src/localDate';
import type { PendingDeadline } from '../../../domain/src/pendingDeadlines';
import type { WorkingDayCalendar } from '../../../domain/src/workingDayCalendar';

export type ProceduralDeadline = Exclude<DeadlineName, 'retainUntil'>;

/** How a deadline reads in a mail to staff ("de … uiterlijk op …"). */
export const DEADLINE_LABELS: Readonly<Record<ProceduralDeadline, string>> = {
  acknowledgeBy: 'ontvangstbevestiging aan de klager',
  resolveBy: 'afhandeling: uitkomst aan de klager',
  extensionNoticeBy: 'bericht over de verlenging aan de klager',
  escalationResponseBy: 'reactie over de werkwijze na voorleggen aan de directeur',
};

const procedural = new Set<string>(Object.keys(DEADLINE_LABELS));

/** The index's `pending` text (`name:YYYY-MM-DD,…`) back into deadlines; unknown parts are skipped. */
export function parsePending(text: string): PendingDeadline[] {
  return text
    .split(',')
    .filter(Boolean)
    .flatMap((part) => {
      const [deadline = '', due = ''] = part.split(':');
      return procedural.has(deadline) && isLocalDate(due)
        ? [{ deadline: deadline as ProceduralDeadline, due }]
        : [];
    });
}

/** The working day `n` working days before `due`: the day whose n-th following working day is `due`. */
export function reminderDay(calendar: WorkingDayCalendar, due: LocalDate, n: number): LocalDate {
  let day = due;
  for (let left = n; left > 0;) {
    day = addDays(day, -1);
    if (calendar.isWorkingDay(day)) left--;
  }
  return day;
}

export type NoticeKind = 'reminder' | 'overdue';

/**
 * Days after a deadline during which the sweep still sends its overdue notice when it has not gone out (an
 * outage, a deadline that appeared late). Beyond that the weekly summary's overdue count speaks for it, and
 * long-overdue complaints cost the hourly sweep nothing.
 */
export const OVERDUE_NOTICE_WINDOW_DAYS = 7;

export interface DeadlineNotice {
  kind: NoticeKind;
  deadline: ProceduralDeadline;
  due: LocalDate;
}

/**
 * What one deadline asks for today. A reminder from its reminder day through the due date (so a sweep that
 * missed the exact day, or a deadline that appears late, still reminds once); an overdue notice from the day
 * after the due date, for {@link OVERDUE_NOTICE_WINDOW_DAYS} days. Whether it was already sent is the caller's business (the claims in storage).
 */
export function noticesFor(
  pending: readonly PendingDeadline[],
  today: LocalDate,
  calendar: WorkingDayCalendar,
  reminderWorkingDays: number,
): DeadlineNotice[] {
  return pending.flatMap((p): DeadlineNotice[] => {
    if (p.deadline === 'retainUntil') return [];
    if (today > p.due)
      return today <= addDays(p.due, OVERDUE_NOTICE_WINDOW_DAYS)
        ? [{ kind: 'overdue', deadline: p.deadline, due: p.due }]
        : [];
    if (today >= reminderDay(calendar, p.due, reminderWorkingDays))
      return [{ kind: 'reminder', deadline: p.deadline, due: p.due }];
    return [];
  });
}
