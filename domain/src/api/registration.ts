import { z } from 'zod';
import { emailAddressSchema, localDateSchema, partySchema } from '../schemas';
import { admissibilitySchema } from '../registerComplaint';
import { multiLine, singleLine, timestampText } from './text';

/** Attachment names become blob names and download file names: no paths, no control characters. */
const attachmentName = singleLine(255)
  .min(1, { error: 'Naam van de bijlage ontbreekt.' })
  .refine((s) => !/[\\/]/.test(s) && s !== '.' && s !== '..', { error: 'Ongeldige naam van de bijlage.' });

export const attachmentInput = z.object({
  name: attachmentName,
  contentType: singleLine(200).regex(/^[\w.+-]+\/[\w.+-]+(;.*)?$/, { error: 'Ongeldig bestandstype.' }),
  contentBase64: z.base64({ error: 'De inhoud van de bijlage is geen geldige base64.' }),
});
export type AttachmentInput = z.infer<typeof attachmentInput>;

/** The e-mail as the task pane read it from Outlook (R1: a complaint always comes from an e-mail). */
export const messageInput = z.object({
  internetMessageId: singleLine(2000).min(3, { error: 'Het bericht-ID ontbreekt.' }),
  conversationId: singleLine(2000),
  restItemId: singleLine(2000).optional(),
  subject: singleLine(1000),
  from: z.object({ name: singleLine(200), address: emailAddressSchema }),
  receivedAt: timestampText,
  // Bounded so that a complaint's row stays well inside Table Storage's 1 MiB entity limit.
  bodyText: multiLine(100_000),
  attachments: z.array(attachmentInput).max(50, { error: 'Maximaal 50 bijlagen.' }).optional(),
  /**
   * The e-mail as MIME (base64), read by the pane with getAsFileAsync when the e-mail is not in the complaints
   * mailbox (the server fetches it from Graph otherwise): kept as evidence with its SHA-256.
   */
  mimeBase64: z.base64({ error: 'Het originele bericht is geen geldige base64.' }).optional(),
});
export type MessageInput = z.infer<typeof messageInput>;

/** `POST /api/complaints`. */
export const registrationRequest = z.object({
  message: messageInput,
  issueAroseOn: localDateSchema.optional(),
  handlingTerm: singleLine(10).optional(),
  category: singleLine(100).optional(),
  handler: partySchema.optional(),
  complainant: partySchema.optional(),
  /**
   * Registered and at once declared inadmissible (late, or a repeat of `relatedComplaint`): the
   * inadmissibility letter is the only letter that goes out.
   */
  admissibility: admissibilitySchema.optional(),
  /** "Gewenste oplossing": the remedy the complainant seeks, when known. */
  remedy: multiLine(2000).optional(),
});
/** What a client sends (dates as plain strings). */
export type RegistrationRequest = z.input<typeof registrationRequest>;
export type ParsedRegistrationRequest = z.output<typeof registrationRequest>;
