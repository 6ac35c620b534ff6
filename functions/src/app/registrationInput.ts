import { stripReplyPrefixes } from '../../../domain/src/admissibility';
import type { ParsedRegistrationRequest } from '../../../domain/src/api/registration';
import { toAmsterdamDate } from '../../../domain/src/localDate';
import type { RegisterComplaintInput } from '../../../domain/src/registerComplaint';

/**
 * The domain's registration input from the API request, without number and attachments: the same for the
 * registration itself and for its dry run, so that both judge the same complaint.
 */
export function registrationInputOf(
  request: ParsedRegistrationRequest,
  defaultHandler: { name: string; address: string },
): Omit<RegisterComplaintInput, 'number' | 'attachments'> {
  const message = request.message;
  return {
    origin: { internetMessageId: message.internetMessageId, conversationId: message.conversationId },
    receivedOn: toAmsterdamDate(new Date(message.receivedAt)),
    ...(request.issueAroseOn ? { aroseOn: request.issueAroseOn } : {}),
    complainant: request.complainant ?? {
      name: message.from.name || message.from.address,
      address: message.from.address,
    },
    subject: message.subject,
    // "Omschrijving klacht" starts as the subject without RE:/FW:/Antw:/Doorst:; the handler may edit it.
    description: stripReplyPrefixes(message.subject) || '(geen onderwerp)',
    body: message.bodyText,
    ...(request.remedy?.trim() ? { remedy: request.remedy } : {}),
    handler: request.handler ?? defaultHandler,
    ...(request.handlingTerm ? { term: request.handlingTerm } : {}),
    ...(request.admissibility ? { admissibility: request.admissibility } : {}),
  };
}
