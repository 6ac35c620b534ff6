/**
 * Shared zod building blocks for the API's request bodies. Dates are validated as *real* dates
 * (`2026-02-30` is refused) and come out branded as {@link LocalDate}, so a parsed request can be handed to
 * the domain without casts.
 */
import { z } from 'zod';
import { isLocalDate, type LocalDate } from './localDate';
import { requiredText, singleLineText } from './textPolicy';
import { isComplaintNumber, type ComplaintNumber } from './complaintNumber';

export const localDateSchema = z
  .string()
  .refine(isLocalDate, { message: 'Geen geldige datum (JJJJ-MM-DD).' })
  .transform((s): LocalDate => s);

export const complaintNumberSchema = z
  .string()
  .refine(isComplaintNumber, { message: 'Geen geldig klachtnummer (K-JJJJ-NNNN).' })
  .transform((s): ComplaintNumber => s);

/** Free text entered by a handler: trimmed, not empty, bounded, under the text policy (multi-line). */
export function textSchema(max: number) {
  return requiredText(max, { multiLine: true });
}

/** A name: one line, trimmed, not empty, under the text policy. */
export const nameSchema = (max: number) => requiredText(max, { multiLine: false });

/** A simple shape check; the mailbox, not a regex, decides whether an address exists. */
export const emailAddressSchema = singleLineText(320)
  .trim()
  .regex(/^[^\s@]+@[^\s@]+$/, 'Geen geldig e-mailadres.');

export const partySchema = z.strictObject({
  name: nameSchema(200),
  address: emailAddressSchema,
});
