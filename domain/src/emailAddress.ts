/**
 * An e-mail address as the register compares it: trimmed, lower-cased, and of the shape the API accepts (one
 * `@` with text on both sides, no spaces, under the text policy, at most 320 characters). Stored parties keep the
 * address as it was written (a letter goes to "Eva@Klant.example" as typed); every comparison and every look-up
 * by address goes through this type, so "Eva@Klant.example " and "eva@klant.example" are one complainant.
 */
import { textPolicyProblem } from './textPolicy';

declare const emailAddressBrand: unique symbol;
export type EmailAddress = string & { readonly [emailAddressBrand]: true };

const shape = /^[^\s@]+@[^\s@]+$/;

/** The address normalised, or undefined when the text is no e-mail address. */
export function parseEmailAddress(text: string): EmailAddress | undefined {
  const address = text.trim().toLowerCase();
  return address.length <= 320 && shape.test(address) && !textPolicyProblem(address, { multiLine: false })
    ? (address as EmailAddress)
    : undefined;
}

/** Whether two texts are the same mailbox; never true for text that is no address. */
export function sameEmailAddress(a: string, b: string): boolean {
  const address = parseEmailAddress(a);
  return address !== undefined && address === parseEmailAddress(b);
}
