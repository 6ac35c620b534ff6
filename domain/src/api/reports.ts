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
