import type { Party } from '../../../../domain/src/complaintState';

/**
 * The port through which letters leave the building. The Graph adapter implements it; tests use a stateful fake.
 * Outcomes are three-valued on purpose: "not sent" may be retried freely, but after "unknown" (a timeout, an
 * answer that never came) the letter may already be with the complainant, so the sender must look in Sent
 * Items before it sends again.
 */

/** The internet header that carries each letter's id, so the letter can be found again in Sent Items. */
export const LETTER_ID_HEADER = 'x-klachtenregister-letter-id';

export interface OutgoingLetter {
  /** `<complaintId>:<seq>`: unique per letter, stable across attempts. */
  letterId: string;
  to: Party;
  subject: string;
  html: string;
  /**
   * The internetMessageId of the complainant's own e-mail: answer in that thread when the message is in the
   * complaints mailbox. Absent when the e-mail was not the complainant's (forwarded by an employee).
   */
  replyTo?: string;
}

export type SendOutcome =
  | { kind: 'accepted'; graphMessageId?: string; inThread: boolean }
  /** Graph refused or never got it: nothing was sent. */
  | { kind: 'notSent'; retryable: boolean; retryAfterMs?: number; code: string }
  /** The request may have been accepted: look before sending again. */
  | { kind: 'unknown'; code: string };

export type LookupOutcome =
  | { kind: 'found'; graphMessageId: string; sentAt?: string }
  | { kind: 'notFound' }
  | { kind: 'error'; retryAfterMs?: number; code: string };

export interface Mailer {
  send(letter: OutgoingLetter): Promise<SendOutcome>;
  /** Looks in the mailbox's Sent Items for a message carrying this letter id. */
  findSent(letterId: string): Promise<LookupOutcome>;
}
