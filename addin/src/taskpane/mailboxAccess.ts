import type { AttachmentContent, OpenItem, OpenMessage } from '../office/openMessage';

/** What the pane may ask of Outlook; passed in as props so components never touch office.js. */
export interface MailboxAccess {
  readOpenItem(): Promise<OpenItem>;
  readAttachmentContents(message: OpenMessage): Promise<AttachmentContent[]>;
  onOpenItemChanged(listener: () => void): void;
}
