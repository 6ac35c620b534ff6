import type { ComplaintStatistics } from '../../../domain/src/anonymise';
import { AGREEMENT_LABELS, WELL_FOUNDED } from '../../../domain/src/complaintState';
import { partsOf, type LocalDate } from '../../../domain/src/localDate';
import type { DeadlineOutcome } from '../../../domain/src/pendingDeadlines';
import { DEADLINE_LABELS, type ProceduralDeadline } from '../watch/deadlineNotices';
import type { YearlyNotes } from '../app/ports/watchStore';
import { formatComplaintNumber } from '../../../domain/src/complaintNumber';
import type { VoidedNumber } from '../app/ports/numberLedger';

export interface Count {
  key: string;
  label: string;
  count: number;
}

export interface Timeliness {
  deadline: ProceduralDeadline;
  label: string;
  met: number;
  missed: number;
  pending: number;
  overdue: number;
  /** Met of those decided or overdue; null when there were none. */
  rate: number | null;
}

/** A number of the year that was issued but has no complaint ("vervallen"), with why. */
export interface VoidedLine {
  number: string;
  reason: string;
  /** ISO timestamp. */
  voidedAt: string;
}

export interface MeasureLine {
  /** `K-2026-0001#1`: the number and the measure's position, how the director confirms it. */
  key: string;
  number: string;
  dueOn: LocalDate;
  carriedOut: boolean;
}

/**
 * R16's yearly analysis: aggregate figures over the complaints numbered in one year, living or erased. No
 * names or texts: the analysis is about the procedure; the director's recommendations are the only free text.
 */
export interface YearlyAnalysis {
  year: number;
  asOf: LocalDate;
  total: number;
  open: number;
  perMonth: number[];
  byOutcome: Count[];
  byAgreement: Count[];
  /** Decided complaints per gegrond / deels gegrond / ongegrond; `onbekend` when the decision did not say. */
  byWellFounded: Count[];
  /** Share of closed, handled complaints that ended in agreement. */
  agreementRate: number | null;
  byCategory: Count[];
  timeliness: Timeliness[];
  escalations: { complaints: number; total: number };
  thirdParty: { referred: number; rulings: number; pending: number };
  repeats: number;
  late: number;
  measures: { total: number; pastDue: number; carriedOut: number; lines: MeasureLine[] };
  /**
   * The year's void numbers: `total` complaints plus `voided.count` numbers make the whole sequence issued,
   * each void one explained.
   */
  voided: { count: number; lines: VoidedLine[] };
  /** Numbers issued in the year: complaints and void numbers together. */
  numbersIssued: number;
  notes?: YearlyNotes;
}

const OUTCOME_LABELS: Record<string, string> = {
  handled: 'afgehandeld',
  inadmissible: 'niet-ontvankelijk',
  bindingRuling: 'bindende uitspraak derde',
  open: 'nog open',
};

const countBy = (
  keys: readonly string[],
  labels: Record<string, string>,
  order: readonly string[],
): Count[] => {
  const counts = new Map<string, number>(order.map((k) => [k, 0]));
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  return [...counts].map(([key, count]) => ({ key, label: labels[key] ?? key, count }));
};

const share = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

export function yearlyAnalysis(
  year: number,
  stats: readonly ComplaintStatistics[],
  asOf: LocalDate,
  categories: readonly string[],
  notes?: YearlyNotes,
  voided: readonly VoidedNumber[] = [],
): YearlyAnalysis {
  const perMonth = Array.from({ length: 12 }, () => 0);
  for (const s of stats) {
    const { year: y, month } = partsOf(s.receivedOn);
    if (y === year) perMonth[month - 1] = (perMonth[month - 1] ?? 0) + 1;
  }
  const closed = stats.filter((s) => s.status === 'closed');
  const handled = closed.filter((s) => s.closedAs !== 'inadmissible' && s.agreement !== undefined);
  const timeliness = (Object.keys(DEADLINE_LABELS) as ProceduralDeadline[]).map((deadline): Timeliness => {
    const tally: Record<DeadlineOutcome, number> = { met: 0, missed: 0, pending: 0, overdue: 0 };
    for (const s of stats)
      for (const d of s.deadlineOutcomes) if (d.deadline === deadline) tally[d.outcome]++;
    return {
      deadline,
      label: DEADLINE_LABELS[deadline],
      ...tally,
      rate: share(tally.met, tally.met + tally.missed + tally.overdue),
    };
  });
  const carried = new Set(notes?.measuresCarriedOut ?? []);
  const lines: MeasureLine[] = stats.flatMap((s) =>
    s.measures.map((m, i) => {
      const key = `${s.number}#${i + 1}`;
      return { key, number: s.number, dueOn: m.dueOn, carriedOut: carried.has(key) };
    }),
  );
  const extraCategories = [...new Set(stats.flatMap((s) => s.causeCategories))].filter(
    (c) => !categories.includes(c),
  );
  return {
    year,
    asOf,
    total: stats.length,
    open: stats.length - closed.length,
    perMonth,
    byOutcome: countBy(
      stats.map((s) => (s.status === 'open' ? 'open' : (s.closedAs ?? 'handled'))),
      OUTCOME_LABELS,
      ['handled', 'inadmissible', 'bindingRuling', 'open'],
    ),
    byAgreement: countBy(
      closed.flatMap((s) => (s.agreement ? [s.agreement] : [])),
      { ...AGREEMENT_LABELS },
      ['agreed', 'notAgreed', 'none'],
    ),
    byWellFounded: countBy(
      stats.flatMap((s) => (s.decidedOn !== undefined ? [s.wellFounded ?? 'onbekend'] : [])),
      { onbekend: 'niet vastgelegd' },
      [...WELL_FOUNDED, 'onbekend'],
    ),
    agreementRate: share(handled.filter((s) => s.agreement === 'agreed').length, handled.length),
    byCategory: countBy(
      stats.flatMap((s) => s.causeCategories),
      {},
      [...categories, ...extraCategories],
    ),
    timeliness,
    escalations: {
      complaints: stats.filter((s) => s.escalationCount > 0).length,
      total: stats.reduce((n, s) => n + s.escalationCount, 0),
    },
    thirdParty: {
      referred: stats.filter((s) => s.thirdPartyReferredOn !== undefined).length,
      rulings: stats.filter((s) => s.bindingRulingOn !== undefined).length,
      pending: stats.filter((s) => s.thirdPartyReferredOn !== undefined && s.bindingRulingOn === undefined)
        .length,
    },
    repeats: stats.filter((s) => s.inadmissibleGround === 'repeat').length,
    late: stats.filter((s) => s.late).length,
    measures: {
      total: lines.length,
      pastDue: lines.filter((l) => l.dueOn < asOf && !l.carriedOut).length,
      carriedOut: lines.filter((l) => l.carriedOut).length,
      lines,
    },
    voided: {
      count: voided.length,
      lines: voided.map((v) => ({
        number: formatComplaintNumber(v.year, v.sequence),
        reason: v.reason,
        voidedAt: v.voidedAt,
      })),
    },
    numbersIssued: stats.length + voided.length,
    ...(notes ? { notes } : {}),
  };
}

export const percent = (rate: number | null): string => (rate === null ? '–' : `${Math.round(rate * 100)}%`);
