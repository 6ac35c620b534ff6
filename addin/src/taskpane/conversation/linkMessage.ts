import type { ComplaintSummary } from '../../../../domain/src/api/complaintView';
import type { KlachtenApi } from '../../api/klachtenApi';
import type { LinkCandidate, LinkMessage, MessageKeys } from '../../api/conversationApi';
import type { OpenMessage } from '../../office/openMessage';
import type { MailboxAccess } from '../mailboxAccess';
import { messageInputOf } from '../model/messageInput';

/** What the first look-up sends about the open e-mail, so the register can name the complaints it may belong to. */
export function messageKeysOf(message: OpenMessage): MessageKeys {
  return {
    internetMessageId: message.internetMessageId,
    conversationId: message.conversationId,
    subject: message.subject,
    from: message.from.address,
    inReplyTo: message.inReplyTo,
  };
}

/**
 * The message as a link sends it: the registration's shape, with the attachments and, where Outlook gives it,
 * the MIME original. Neither may block the link: a failing read sends the e-mail without it.
 */
export async function linkMessageOf(message: OpenMessage, mailbox: MailboxAccess): Promise<LinkMessage> {
  const [attachments, mimeBase64] = await Promise.all([
    mailbox.readAttachmentContents(message).catch(() => []),
    mailbox.readOriginalMime ? mailbox.readOriginalMime().catch(() => undefined) : Promise.resolve(undefined),
  ]);
  return { ...messageInputOf(message, attachments), ...(mimeBase64 ? { mimeBase64 } : {}) };
}

/**
 * An e-mail linked before, or captured by the server from the complaints mailbox, is part of a complaint
 * already: the look-up names that complaint first (reason `conversation`). For those who may read the
 * conversation, the pane then shows the complaint instead of offering the link again. Anything that fails
 * here (a Medewerker's 403, a network error) leaves the offer in place.
 */
export async function alreadyPartOf(
  api: Pick<KlachtenApi, 'conversation' | 'getComplaint'>,
  message: OpenMessage,
  candidates: readonly LinkCandidate[],
): Promise<ComplaintSummary | null> {
  const first = candidates[0];
  if (!first || first.reason !== 'conversation') return null;
  try {
    const entries = await api.conversation(first.id);
    if (!entries.some((e) => e.internetMessageId === message.internetMessageId)) return null;
    const view = await api.getComplaint(first.id);
    return { id: view.id, number: view.number, status: view.status, view };
  } catch {
    return null;
  }
}
