import { withoutControlCharacters } from '../../../domain/src/textPolicy';

/**
 * Everything in a letter that did not come from us (names, the e-mail's subject, a handler's free text) passes
 * through here. The complainant's e-mail may contain markup or script (fixture `05-html-injectie`); a letter
 * must carry it as inert text in both renditions.
 */

const htmlEntities: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Control characters other than tab and newline: never meaningful in a letter, sometimes used to smuggle. */
const clean = (text: string): string => withoutControlCharacters(text, { multiLine: true });

/** Text for an HTML element's content or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return clean(text).replace(/[&<>"']/g, (c) => htmlEntities[c] ?? c);
}

/**
 * Text for the plain-text rendition. Angle brackets become look-alike guillemets so that no markup from the
 * e-mail survives even in a client that (wrongly) renders text as HTML; the reader still sees what was written.
 */
export function plainText(text: string): string {
  return clean(text).replace(/</g, '‹').replace(/>/g, '›');
}

/** A header value (the subject): one line, no control characters, bounded like Exchange bounds subjects. */
export function headerText(text: string, max = 250): string {
  const line = clean(text)
    .replace(/[\n\t]+/g, ' ')
    .replace(/\s{2,}/g, ' ')
    .trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
