import type { RegistrationRequest } from '../../../../domain/src/api/registration';
import type { AttachmentContent, OpenMessage } from '../../office/openMessage';

/** The open e-mail as the API takes it, for a registration and for a link alike. */
export function messageInputOf(
  message: OpenMessage,
  attachments: AttachmentContent[],
): RegistrationRequest['message'] {
  return {
    internetMessageId: message.internetMessageId,
    conversationId: message.conversationId,
    ...(message.restItemId ? { restItemId: message.restItemId } : {}),
    subject: message.subject,
    from: message.from,
    receivedAt: message.receivedAt,
    bodyText: message.bodyText,
    attachments,
  };
}
