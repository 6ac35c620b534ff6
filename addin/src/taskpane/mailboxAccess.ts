import type { AttachmentContent, OpenItem, OpenMessage } from '../office/openMessage';
import type { OutlookForms } from './model/outlookForms';

/** What the pane may ask of Outlook; passed in as props so components never touch office.js. */
export interface MailboxAccess {
  readOpenItem(): Promise<OpenItem>;
  readAttachmentContents(message: OpenMessage): Promise<AttachmentContent[]>;
  onOpenItemChanged(listener: () => void): void;
  /** The open e-mail as base64 MIME where Outlook can give it (never rejects; undefined: not available). */
  readOriginalMime?(): Promise<string | undefined>;
  /** Outlook's reply and appointment forms for the steps that act. */
  forms?: OutlookForms;
}

/**
 * Outlook keeps one ItemChanged handler per add-in; this registers it once and fans the event out to every
 * part of the pane that listens.
 */
export function withSharedItemChanged(access: MailboxAccess): MailboxAccess {
  const listeners = new Set<() => void>();
  let registered = false;
  return {
    ...access,
    onOpenItemChanged(listener) {
      listeners.add(listener);
      if (registered) return;
      registered = true;
      access.onOpenItemChanged(() => listeners.forEach((l) => l()));
    },
  };
}
