/** Shapes of the report routes (`GET /api/reports/…`), shared by the Functions app and the task pane. */
/**
 * The weekly summary's figures as the API answers them: counts and rates only, dates as `YYYY-MM-DD`
 * (the server's figures, with branded local dates, satisfy this shape).
 */
export interface WeeklyFiguresView {
  /** ISO week reported on, e.g. `2026-W10`. */
  week: string;
  from: string;
  to: string;
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

/** `GET /api/reports/weekly`: the summary as the director's mail shows it, the figures and the mail's own lines. */
export interface WeeklySummaryView {
  week: string;
  from: string;
  to: string;
  figures: WeeklyFiguresView;
  lines: { label: string; value: string }[];
}

/** A count with its Dutch label (`key` is the API's, `label` what a person reads). */
export interface CountView {
  key: string;
  label: string;
  count: number;
}

/** How one procedural deadline was kept over the year. */
export interface TimelinessView {
  deadline: string;
  label: string;
  met: number;
  missed: number;
  pending: number;
  overdue: number;
  /** Met of those decided or overdue; null when there were none. */
  rate: number | null;
}

/** A measure of the year: `key` is `K-2026-0001#1`, the number and the measure's position. */
export interface MeasureLineView {
  key: string;
  number: string;
  dueOn: string;
  carriedOut: boolean;
}

/** A number of the year that was issued but has no complaint ("vervallen"), with why. */
export interface VoidedLineView {
  number: string;
  reason: string;
  /** ISO timestamp. */
  voidedAt: string;
}

/** The director's recommendations and the measures confirmed as carried out. */
export interface YearlyNotesView {
  recommendations: string;
  measuresCarriedOut: string[];
  savedAt: string;
  savedBy: string;
}

/**
 * `GET /api/reports/yearly?format=json`: the yearly analysis as the wire carries it (dates as `YYYY-MM-DD`;
 * the server's analysis satisfies this shape).
 */
export interface YearlyAnalysisView {
  year: number;
  asOf: string;
  total: number;
  open: number;
  perMonth: number[];
  byOutcome: CountView[];
  byAgreement: CountView[];
  byWellFounded: CountView[];
  agreementRate: number | null;
  byCategory: CountView[];
  timeliness: TimelinessView[];
  escalations: { complaints: number; total: number };
  thirdParty: { referred: number; rulings: number; pending: number };
  repeats: number;
  late: number;
  measures: { total: number; pastDue: number; carriedOut: number; lines: MeasureLineView[] };
  voided: { count: number; lines: VoidedLineView[] };
  numbersIssued: number;
  notes?: YearlyNotesView;
}
