/**
 * What the task pane needs of the e-mail that is open in Outlook. Produced only by `readOpenMessage`,
 * the one place that talks to office.js.
 */
export interface OpenMessageAttachment {
  id: string;
  name: string;
  contentType: string;
  size: number;
}

export interface OpenMessage {
  internetMessageId: string;
  conversationId: string;
  /** The REST id of the item (for Graph), when the mailbox can convert it. */
  restItemId: string | undefined;
  subject: string;
  from: { name: string; address: string };
  /** ISO timestamp with offset. */
  receivedAt: string;
  bodyText: string;
  attachments: OpenMessageAttachment[];
  /** False on clients without Mailbox 1.8: registration still works, without attachments. */
  canReadAttachments: boolean;
  /** The message this one answers (In-Reply-To), where Outlook gives the headers (Mailbox 1.8). */
  inReplyTo?: string | undefined;
}

/** Why there is nothing to register: each gets its own explanation in the pane. */
export type NoMessageReason = 'nothing-selected' | 'compose' | 'not-a-message';

export type OpenItem = { kind: 'message'; message: OpenMessage } | { kind: 'none'; reason: NoMessageReason };

export interface AttachmentContent {
  name: string;
  contentType: string;
  contentBase64: string;
}
