/**
 * Shared zod building blocks for the API's request bodies. Dates are validated as *real* dates
 * (`2026-02-30` is refused) and come out branded as {@link LocalDate}, so a parsed request can be handed to
 * the domain without casts.
 */
import { z } from 'zod';
import { isLocalDate, type LocalDate } from './localDate';
import { isComplaintNumber, type ComplaintNumber } from './complaintNumber';

export const localDateSchema = z
  .string()
  .refine(isLocalDate, { message: 'Geen geldige datum (JJJJ-MM-DD).' })
  .transform((s): LocalDate => s);

export const complaintNumberSchema = z
  .string()
  .refine(isComplaintNumber, { message: 'Geen geldig klachtnummer (K-JJJJ-NNNN).' })
  .transform((s): ComplaintNumber => s);

/** Free text entered by a handler: trimmed, not empty, bounded. */
export function textSchema(max: number) {
  return z.string().trim().min(1, 'Dit veld is verplicht.').max(max, `Maximaal ${max} tekens.`);
}

/** A simple shape check; the mailbox, not a regex, decides whether an address exists. */
export const emailAddressSchema = z
  .string()
  .trim()
  .max(320)
  .regex(/^[^\s@]+@[^\s@]+$/, 'Geen geldig e-mailadres.');

export const partySchema = z.strictObject({
  name: textSchema(200),
  address: emailAddressSchema,
});
