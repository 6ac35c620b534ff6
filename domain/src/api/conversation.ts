/** Shapes of the conversation and mailbox routes, shared by the Functions app and the task pane. */

/** One entry of `GET /api/complaints/{id}/messages`. */
export interface ConversationEntry {
  /** `1` the registered e-mail, `2`… linked and captured e-mails, `L1`… our letters. */
  seq: string;
  internetMessageId: string | null;
  direction: 'in' | 'out';
  from: { name: string; address: string };
  subject: string;
  at: string;
  source: 'registered' | 'linked' | 'captured' | 'letter';
  sha256: string | null;
  size: number | null;
  /** Letters: the Sent Items copy's Graph id, the proof it was sent. */
  sentItemId?: string;
}

/** A complaint the open e-mail probably belongs to, as the pane's first look-up shows it. */
export interface LinkCandidate {
  id: string;
  number: string;
  status: 'open' | 'closed';
  reason: 'conversation' | 'reply' | 'subjectTag' | 'sameSender';
  /** Only for those who may read complaints (a Medewerker sees the number only). */
  subject?: string;
}

/** An e-mail in the complaints mailbox nobody has decided about yet (`GET /api/mailbox/unreviewed`). */
export interface UnreviewedMailView {
  id: string;
  internetMessageId: string;
  conversationId: string;
  from: { name: string; address: string };
  subject: string;
  receivedAt: string;
}
