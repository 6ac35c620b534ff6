/**
 * The state of one complaint: a plain, JSON-serialisable object that storage saves as it is and the lifecycle
 * functions replace (never mutate). Everything the register (R11), the deadline checks and the reports need is
 * here; how it got here is in `timeline`.
 */
import type { ComplaintNumber } from './complaintNumber';
import type { LocalDate } from './localDate';
import type { ThirdParty } from './settings';
import type { Step, StepType } from './steps';

export interface Party {
  name: string;
  /** E-mail address. */
  address: string;
}

/** An attachment of the original e-mail (R1); its content lives in blob storage. */
export interface AttachmentRef {
  name: string;
  contentType: string;
  size: number;
  /** Storage key of the content, when stored. */
  blobName?: string;
}

export type ComplaintStatus = 'open' | 'closed';

/** How a closed complaint ended. */
export type ClosedAs = 'handled' | 'inadmissible' | 'bindingRuling';

/**
 * R11 "wel/niet overeenstemming met klant": `agreed` (akkoord with the solution), `notAgreed` (niet akkoord,
 * after a clarification meeting or a third-party procedure), `none` (geen overeenstemming vastgesteld: the
 * complainant never answered, or the complaint was not handled).
 */
export type Agreement = 'agreed' | 'notAgreed' | 'none';

export const AGREEMENT_LABELS: Readonly<Record<Agreement, string>> = {
  agreed: 'wel overeenstemming',
  notAgreed: 'niet akkoord (geen overeenstemming)',
  none: 'geen overeenstemming',
};

/** Whether the complaint was well-founded, as decided (ISO 10002 §8, NRTO: auditors ask for it). */
export const WELL_FOUNDED = ['gegrond', 'deels gegrond', 'ongegrond'] as const;
export type WellFounded = (typeof WELL_FOUNDED)[number];

export type DeadlineName =
  'acknowledgeBy' | 'resolveBy' | 'extensionNoticeBy' | 'escalationResponseBy' | 'retainUntil';

/** The current deadlines. Absent means: not applicable (yet), or no longer pending. */
export interface Deadlines {
  acknowledgeBy: LocalDate;
  resolveBy: LocalDate;
  extensionNoticeBy?: LocalDate;
  escalationResponseBy?: LocalDate;
  retainUntil?: LocalDate;
}

export type LetterKind =
  | 'acknowledgement'
  | 'extension'
  | 'escalation'
  | 'inadmissibleLate'
  | 'inadmissibleRepeat'
  | 'thirdPartyReferral'
  | 'outcome'
  | 'closing'
  | 'bindingRuling'
  | 'escalationReply'
  | 'causesAndMeasures'
  | 'informationRequest'
  | 'meetingInvitation'
  | 'clarificationMeeting';

/** A letter as the complaint remembers it: queued by a step, sent by the outbox. */
export interface LetterRecord {
  /** 1, 2, … within the complaint: stable id for the outbox row. */
  seq: number;
  kind: LetterKind;
  queuedOn: LocalDate;
  sentOn?: LocalDate;
  cancelledOn?: LocalDate;
}

export interface Extension {
  on: LocalDate;
  reason: string;
  expectedBy: LocalDate;
  previousResolveBy: LocalDate;
  noticeBy: LocalDate;
  letterSeq: number;
}

export interface Escalation {
  on: LocalDate;
  reason: string;
  respondBy: LocalDate;
  respondedOn?: LocalDate;
}

export interface Proposal {
  on: LocalDate;
  solution: string;
  /**
   * The last working day the complainant has to react (the settings' reaction period); after it, the complaint
   * may be closed as "geen overeenstemming". Absent on proposals recorded before the period existed.
   */
  reactionBy?: LocalDate;
  /** The complainant's answer. */
  answer?: { on: LocalDate; agreed: boolean };
  /** After "niet akkoord": the clarification meeting (R7). */
  clarification?: { on: LocalDate; meetingOn: LocalDate };
}

export interface Cause {
  on: LocalDate;
  category: string;
  text: string;
}

export interface Measure {
  on: LocalDate;
  description: string;
  owner: string;
  dueOn: LocalDate;
}

export interface TimelineEntry {
  seq: number;
  on: LocalDate;
  /** `messageReceived`: an e-mail of the complainant's, captured from the mailbox or linked by a handler. */
  type: StepType | 'registered' | 'messageReceived';
  /** The step as recorded (with its free text); absent for registration. */
  step?: Step;
}

export interface ComplaintState {
  /** Version of this shape, for storage migrations. */
  version: 1;
  number: ComplaintNumber;
  status: ComplaintStatus;
  /** R1: the e-mail the complaint was registered from. */
  origin: { internetMessageId: string; conversationId?: string };
  receivedOn: LocalDate;
  registeredOn: LocalDate;
  /** R2: "ontstaan op", when known. */
  aroseOn?: LocalDate;
  /** R2: received more than 14 days after it arose. */
  late: boolean;
  complainant: Party;
  subject: string;
  /** R11 "omschrijving klacht". */
  description: string;
  body: string;
  /** "Gewenste oplossing": the remedy the complainant seeks, when recorded at registration. */
  remedy?: string;
  attachments: AttachmentRef[];
  /** R11/R15 "verantwoordelijke". */
  handler: Party;
  /** R5: ISO 8601 duration, e.g. `P6W`. */
  term: string;
  deadlines: Deadlines;
  acknowledgedOn?: LocalDate;
  /** The first day the complainant heard the outcome (solution proposal, inadmissibility or closing). */
  resolvedOn?: LocalDate;
  decision?: { on: LocalDate; summary: string; wellFounded?: WellFounded };
  /** Every solution proposed, latest last; the latest is the register's "oplossing" (R9). */
  proposals: Proposal[];
  extensions: Extension[];
  escalations: Escalation[];
  /** R13. */
  thirdParty?: { referredOn: LocalDate; party: ThirdParty; ruling?: { on: LocalDate; outcome: string } };
  /** R3/R13: blocks erasure while a third-party procedure is pending. */
  legalHold: boolean;
  inadmissible?: { on: LocalDate; ground: 'late' | 'repeat'; relatedComplaint?: ComplaintNumber };
  causes: Cause[];
  measures: Measure[];
  complainantInformedOn: LocalDate[];
  closedOn?: LocalDate;
  closedAs?: ClosedAs;
  /**
   * A complaint closed without agreement that the complainant then took to the independent third party is
   * reopened; this remembers each earlier closing for the audit and the yearly analysis.
   */
  reopened?: { closedOn: LocalDate; agreement: Agreement; reopenedOn: LocalDate }[];
  /** R11 "wel/niet overeenstemming", set when closing. */
  agreement?: Agreement;
  letters: LetterRecord[];
  timeline: TimelineEntry[];
}
