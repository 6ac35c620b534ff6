/** Shapes of the guided procedure's routes, shared by the Functions app and the task pane. */

/** An earlier complaint of the same complainant (the dry run's `related`). */
export interface RelatedComplaint {
  id: string;
  number: string;
  subject: string;
  status: string;
  receivedOn: string;
  /** The date of the decision or inadmissibility; absent while undecided. */
  decidedOn?: string;
}

/** A repeat candidate: an earlier, decided complaint of the same complainant about a similar subject. */
export interface SimilarCandidate {
  id: string;
  number: string;
  subject: string;
  decidedOn: string;
  matchedOn: readonly ('address' | 'name')[];
  similarity: number;
}

/** `POST /api/complaints/check`: what the handler should know before the first letter goes out. */
export interface AdmissibilityCheck {
  /** Received more than two weeks after the problem arose (only known when `issueAroseOn` is given). */
  late: boolean;
  receivedOn: string;
  /** The last day the complaint would have been in time; with `issueAroseOn` only. */
  lateWindowEndedOn?: string;
  /** Repeat candidates, most similar first. */
  similar: SimilarCandidate[];
  /** Every earlier complaint of the sender, newest first. */
  related: RelatedComplaint[];
}

/** A complaint "aan u voorgelegd" (`GET /api/director/escalations`). */
export interface EscalationItem {
  id: string;
  number: string;
  handlerName: string;
  /** One month after the escalation: the complainant hears how the complaint will be dealt with. */
  respondBy: string;
  overdue: boolean;
}
