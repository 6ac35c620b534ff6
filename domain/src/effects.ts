/**
 * What follows from a step, for the dumb parts around the domain: the outbox sends the letters, the deadline
 * index is updated, the director is notified. Storage writes the new state and these effects in one
 * transaction, so a letter is queued exactly when its step is recorded.
 */
import type { ComplaintNumber } from './complaintNumber';
import type { Agreement, DeadlineName, Party } from './complaintState';
import type { LocalDate } from './localDate';
import type { ThirdParty } from './settings';

interface LetterBase {
  /** The letter's number within the complaint ({@link LetterRecord.seq}). */
  seq: number;
  complaintNumber: ComplaintNumber;
  to: Party;
  /** Send as a reply in the complainant's thread to this message when it is in the complaints mailbox (R4). */
  inReplyTo: string;
}

/** The data a letter template needs; the Dutch text itself is rendered outside the domain. */
export type Letter = LetterBase &
  (
    | { kind: 'acknowledgement'; receivedOn: LocalDate; term: string; resolveBy: LocalDate }
    | { kind: 'extension'; reason: string; expectedBy: LocalDate }
    | { kind: 'escalation'; respondBy: LocalDate }
    | { kind: 'inadmissibleLate'; aroseOn: LocalDate; receivedOn: LocalDate; lateWindowEndedOn: LocalDate }
    | { kind: 'inadmissibleRepeat'; relatedComplaint: ComplaintNumber }
    | { kind: 'thirdPartyReferral'; thirdParty: ThirdParty }
    | { kind: 'outcome'; decision: string; solution: string }
    /** Closing (R11): what was decided; without agreement also the independent third party (R13). */
    | { kind: 'closing'; agreement: Agreement; solution: string; thirdParty?: ThirdParty }
    /** The third party's binding ruling, which closes the complaint. */
    | { kind: 'bindingRuling'; outcome: string }
    /** The reply about how an escalated complaint will be dealt with. */
    | { kind: 'escalationReply'; reply?: string }
    /** The complainant is informed about causes and measures. */
    | {
        kind: 'causesAndMeasures';
        causes: { category: string; text: string }[];
        measures: { description: string; dueOn: LocalDate }[];
      }
    /** Letter fallbacks of steps that otherwise open an Outlook form in the pane. */
    | { kind: 'informationRequest'; questions: string }
    | { kind: 'meetingInvitation'; meetingOn: LocalDate; note?: string }
    | { kind: 'clarificationMeeting'; meetingOn: LocalDate; note?: string }
  );

export type Effect =
  | { type: 'sendLetter'; letter: Letter }
  /** A queued letter must not be sent any more (it was sent by hand). */
  | { type: 'cancelLetter'; seq: number }
  /** `to: null` means the deadline is no longer pending. */
  | { type: 'deadlineChanged'; deadline: DeadlineName; from: LocalDate | null; to: LocalDate | null }
  | { type: 'legalHoldChanged'; legalHold: boolean }
  /** R10: escalations land with the director. */
  | { type: 'notifyDirector'; complaintNumber: ComplaintNumber; escalatedOn: LocalDate; respondBy: LocalDate }
  /** R15: the new handler learns that the complaint is theirs. */
  | { type: 'notifyHandler'; complaintNumber: ComplaintNumber; handler: Party };
