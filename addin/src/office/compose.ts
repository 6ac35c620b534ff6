/**
 * Outlook forms the pane opens for a step: a reply to the complainant, a meeting invitation. The handler
 * reviews and sends them in Outlook; where the host lacks the call, the step asks the server for a letter.
 */

export interface ReplyDraft {
  /** HTML of the prepared reply (Outlook puts the quoted e-mail under it). */
  html: string;
}

export interface AppointmentDraft {
  subject: string;
  start: Date;
  end: Date;
  body: string;
  attendees: string[];
}

function mailbox(): Office.Mailbox | undefined {
  return typeof Office === 'undefined' ? undefined : Office.context?.mailbox;
}

function supports(set: string, version: string): boolean {
  return (
    typeof Office !== 'undefined' && (Office.context?.requirements?.isSetSupported(set, version) ?? false)
  );
}

/** A reply form on the open e-mail is possible (Mailbox 1.1 with the function present). */
export function canOpenReply(): boolean {
  const item = mailbox()?.item as Partial<Office.MessageRead> | null | undefined;
  return supports('Mailbox', '1.1') && typeof item?.displayReplyForm === 'function';
}

/** A new-appointment form is possible (Mailbox 1.1 with the function present). */
export function canOpenAppointment(): boolean {
  return supports('Mailbox', '1.1') && typeof mailbox()?.displayNewAppointmentForm === 'function';
}

/** Opens Outlook's reply form on the open e-mail with the prepared text. */
export function openReply(draft: ReplyDraft): void {
  const item = mailbox()?.item as Office.MessageRead | undefined;
  if (!item || typeof item.displayReplyForm !== 'function') throw new Error('reply form unavailable');
  item.displayReplyForm({ htmlBody: draft.html });
}

/** Opens Outlook's new-appointment form with the prepared invitation. */
export function openAppointment(draft: AppointmentDraft): void {
  const box = mailbox();
  if (!box || typeof box.displayNewAppointmentForm !== 'function')
    throw new Error('appointment form unavailable');
  box.displayNewAppointmentForm({
    requiredAttendees: draft.attendees,
    start: draft.start,
    end: draft.end,
    subject: draft.subject,
    body: draft.body,
  });
}
