/** Shapes of the letter routes (`GET /api/complaints/{id}/letters…`), shared by the Functions app and the task pane. */
import type { LetterKind } from '../complaintState';

/** Where a letter is in its sending: queued → sending → sent, or failed / cancelled. */
export type LetterDeliveryStatus = 'queued' | 'sending' | 'sent' | 'failed' | 'cancelled';

/** The proof that a letter went out (from Graph's answer, or found in Sent Items after a lost answer). */
export interface LetterDeliveryProof {
  sentAt: string;
  recipient: string;
  graphMessageId?: string;
  inThread: boolean;
  foundInSentItems: boolean;
}

/** A letter as the pane shows it on the complaint: what, when, and whether it went ("verzending mislukt"). */
export interface LetterView {
  seq: number;
  kind: LetterKind;
  status: LetterDeliveryStatus;
  statusLabel: string;
  queuedOn: string;
  sentOn?: string;
  cancelledOn?: string;
  attempts: number;
  nextAttemptAt?: string;
  /**
   * While the letter waits (`queued`): when it goes, as an ISO instant. The end of its review window (the
   * handler can still add a paragraph until then), or its next attempt when that is later. A moment in the past
   * means: with the sender's next run, within the minute.
   */
  sendsAt?: string;
  failedAt?: string;
  lastError?: string;
  proof?: LetterDeliveryProof;
}

/** A letter with its rendered text, as `GET /api/complaints/{id}/letters/{seq}/preview` answers it. */
export interface LetterPreview extends LetterView {
  to: { name: string; address: string };
  subject: string;
  html: string;
  text: string;
}
