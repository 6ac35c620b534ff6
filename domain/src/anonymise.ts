/**
 * R3: a complaint is kept with its personal data for at least the retention period after closing; afterwards
 * the personal data is erased and only a statistical record stays, so the yearly analysis (R16) still counts
 * it. The statistical record is a separate type, not a state with blanked fields: what is not there cannot
 * leak, and no lifecycle function can be applied to an erased complaint by mistake.
 *
 * Erased: the complainant's name and address, the subject, description and body, the attachments, the
 * handler and measure owners (employees), and every free text (decision, solutions, reasons, rulings, causes'
 * texts, measures' descriptions, notes in the timeline). Kept: number, dates, term, deadlines and whether
 * they were met, how it ended, agreement, counts, cause categories, inadmissibility ground and the number of
 * the related complaint.
 */
import type { ComplaintNumber } from './complaintNumber';
import type { Agreement, ClosedAs, ComplaintState, Deadlines, WellFounded } from './complaintState';
import { formatDutchDate, type LocalDate } from './localDate';
import { deadlineReport, type DeadlineReport } from './pendingDeadlines';
import { refuse, type Refusal } from './refusal';

export interface ComplaintStatistics {
  number: ComplaintNumber;
  receivedOn: LocalDate;
  registeredOn: LocalDate;
  aroseOn?: LocalDate;
  late: boolean;
  term: string;
  status: 'open' | 'closed';
  closedOn?: LocalDate;
  closedAs?: ClosedAs;
  agreement?: Agreement;
  /** Gegrond / deels gegrond / ongegrond: an outcome, not personal data, so it survives erasure. */
  wellFounded?: WellFounded;
  deadlines: Deadlines;
  acknowledgedOn?: LocalDate;
  resolvedOn?: LocalDate;
  /** Outcome of every procedural deadline as of the day the record was made. */
  deadlineOutcomes: DeadlineReport[];
  decidedOn?: LocalDate;
  proposalCount: number;
  extensionCount: number;
  escalationCount: number;
  thirdPartyReferredOn?: LocalDate;
  bindingRulingOn?: LocalDate;
  inadmissibleGround?: 'late' | 'repeat';
  relatedComplaint?: ComplaintNumber;
  causeCategories: string[];
  measures: { on: LocalDate; dueOn: LocalDate }[];
  complainantInformedOn: LocalDate[];
  attachmentCount: number;
}

export interface AnonymisedComplaint extends ComplaintStatistics {
  anonymisedOn: LocalDate;
}

/** The statistical view of a complaint, living or not; reports use this for both. */
export function toStatistics(state: ComplaintState, today: LocalDate): ComplaintStatistics {
  return {
    number: state.number,
    receivedOn: state.receivedOn,
    registeredOn: state.registeredOn,
    ...(state.aroseOn !== undefined ? { aroseOn: state.aroseOn } : {}),
    late: state.late,
    term: state.term,
    status: state.status,
    ...(state.closedOn !== undefined ? { closedOn: state.closedOn } : {}),
    ...(state.closedAs !== undefined ? { closedAs: state.closedAs } : {}),
    ...(state.agreement !== undefined ? { agreement: state.agreement } : {}),
    ...(state.decision?.wellFounded !== undefined ? { wellFounded: state.decision.wellFounded } : {}),
    deadlines: { ...state.deadlines },
    ...(state.acknowledgedOn !== undefined ? { acknowledgedOn: state.acknowledgedOn } : {}),
    ...(state.resolvedOn !== undefined ? { resolvedOn: state.resolvedOn } : {}),
    deadlineOutcomes: deadlineReport(state, today),
    ...(state.decision !== undefined ? { decidedOn: state.decision.on } : {}),
    proposalCount: state.proposals.length,
    extensionCount: state.extensions.length,
    escalationCount: state.escalations.length,
    ...(state.thirdParty !== undefined ? { thirdPartyReferredOn: state.thirdParty.referredOn } : {}),
    ...(state.thirdParty?.ruling !== undefined ? { bindingRulingOn: state.thirdParty.ruling.on } : {}),
    ...(state.inadmissible !== undefined ? { inadmissibleGround: state.inadmissible.ground } : {}),
    ...(state.inadmissible?.relatedComplaint !== undefined
      ? { relatedComplaint: state.inadmissible.relatedComplaint }
      : {}),
    causeCategories: state.causes.map((c) => c.category),
    measures: state.measures.map((m) => ({ on: m.on, dueOn: m.dueOn })),
    complainantInformedOn: [...state.complainantInformedOn],
    attachmentCount: state.attachments.length,
  };
}

/** `undefined` when the personal data may be erased today; otherwise why not (still open, legal hold, retention). */
export function erasureRefusal(state: ComplaintState, today: LocalDate): Refusal | undefined {
  if (state.status !== 'closed' || state.deadlines.retainUntil === undefined) {
    return refuse('notClosed', `Klacht ${state.number} is nog niet afgesloten.`);
  }
  if (state.legalHold) {
    return refuse(
      'legalHold',
      `Klacht ${state.number} mag niet worden geanonimiseerd: er loopt een procedure (bewaarplicht).`,
    );
  }
  if (today <= state.deadlines.retainUntil) {
    return refuse(
      'retentionNotExpired',
      `Klacht ${state.number} moet worden bewaard tot en met ${formatDutchDate(state.deadlines.retainUntil)}.`,
    );
  }
  return undefined;
}

export function isErasable(state: ComplaintState, today: LocalDate): boolean {
  return erasureRefusal(state, today) === undefined;
}

/** R3: the statistical record that replaces the complaint once its retention has passed. */
export function anonymise(
  state: ComplaintState,
  today: LocalDate,
): { ok: true; record: AnonymisedComplaint } | Refusal {
  const refusal = erasureRefusal(state, today);
  if (refusal) return refusal;
  return { ok: true, record: { ...toStatistics(state, today), anonymisedOn: today } };
}
