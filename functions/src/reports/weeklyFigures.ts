import type { ComplaintStatistics } from '../../../domain/src/anonymise';
import type { LocalDate } from '../../../domain/src/localDate';
import type { IndexEntry } from '../app/ports/complaintIndex';
import type { RegisterItem } from './registerSource';

/** The weekly summary's figures (R16): counts and rates only. */
export interface WeeklyFigures {
  /** ISO week reported on, e.g. `2026-W10`. */
  week: string;
  from: LocalDate;
  to: LocalDate;
  /** The year the rates are about. */
  year: number;
  newCount: number;
  closed: number;
  open: number;
  overdue: number;
  acknowledgedInTime: number | null;
  resolvedInTime: number | null;
  escalationsOpen: number;
  thirdPartyOpen: number;
  lettersFailing: number;
  anonymised: number;
  /** E-mails in the complaints mailbox nobody registered, linked or dismissed yet (as the summary is made). */
  unreviewed: number;
}

const inRange = (d: string | undefined, from: string, to: string): boolean =>
  d !== undefined && d !== '' && d >= from && d <= to;

function rate(stats: readonly ComplaintStatistics[], deadline: string): number | null {
  let met = 0;
  let counted = 0;
  for (const s of stats)
    for (const d of s.deadlineOutcomes)
      if (d.deadline === deadline && d.outcome !== 'pending') {
        counted++;
        if (d.outcome === 'met') met++;
      }
  return counted === 0 ? null : met / counted;
}

export function weeklyFigures(input: {
  week: string;
  from: LocalDate;
  to: LocalDate;
  today: LocalDate;
  entries: readonly IndexEntry[];
  yearStats: readonly ComplaintStatistics[];
  openItems: readonly RegisterItem[];
  lettersFailing: number;
  anonymised: number;
  unreviewed: number;
}): WeeklyFigures {
  const { entries, from, to, today } = input;
  const open = entries.filter((e) => e.status === 'open');
  const states = input.openItems.flatMap((i) => (i.kind === 'living' ? [i.doc.state] : []));
  return {
    week: input.week,
    from,
    to,
    year: Number(today.slice(0, 4)),
    newCount: entries.filter((e) => inRange(e.receivedOn, from, to)).length,
    closed: entries.filter((e) => inRange(e.closedOn, from, to)).length,
    open: open.length,
    overdue: open.filter((e) => e.nextDeadline !== '' && e.nextDeadline < today).length,
    acknowledgedInTime: rate(input.yearStats, 'acknowledgeBy'),
    resolvedInTime: rate(input.yearStats, 'resolveBy'),
    escalationsOpen: states.filter((s) => s.escalations.some((e) => e.respondedOn === undefined)).length,
    thirdPartyOpen: states.filter((s) => s.thirdParty !== undefined && s.thirdParty.ruling === undefined)
      .length,
    lettersFailing: input.lettersFailing,
    anonymised: input.anonymised,
    unreviewed: input.unreviewed,
  };
}
