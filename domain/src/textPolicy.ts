/**
 * The one text policy for every free-text value that reaches storage, letters, exports or logs: message fields,
 * names, every step text, attachment names, settings. Every zod schema for free text is built from
 * {@link singleLineText} or {@link multiLineText}, so the rule lives here only (docs/api.md, "Text").
 *
 * 1. Line and paragraph separators (U+2028, U+2029), CRLF and lone CR become a newline: text pasted from Word
 *    or web mail carries them, and storage's batch format is line-based.
 * 2. Bidi controls and zero-width characters are *removed*, not refused: an e-mail pasted from a mail client
 *    carries them harmlessly (zero-width joiners in emoji, direction marks in Arabic or Hebrew text), so refusing
 *    would block real complaints, while keeping them lets a name like `factuur\u202Efdp.exe` show as something
 *    it is not. Removing them shows the text as it really is.
 * 3. Refused: C0 and C1 control characters (in multi-line text newline and tab are allowed) and lone UTF-16
 *    surrogates (they cannot be encoded as UTF-8: not stored, not downloaded, not sent).
 *
 * The rule is applied in that order, so a value that passes is exactly what is stored and shown.
 */
import { z } from 'zod';

export interface TextShape {
  /** Newline and tab allowed (message bodies, step texts); otherwise one line (names, subjects, file names). */
  multiLine: boolean;
}

/** Bidi embeddings, overrides, isolates and marks; zero-width spaces, joiners, word joiner, BOM, soft hyphen. */
const invisible = /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/g;
// eslint-disable-next-line no-control-regex
const controlsSingle = /[\u0000-\u001f\u007f-\u009f]/;
// eslint-disable-next-line no-control-regex
const controlsMulti = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const controls = (shape: TextShape): RegExp => (shape.multiLine ? controlsMulti : controlsSingle);
const controlsSingleAll = new RegExp(controlsSingle.source, 'g');
const controlsMultiAll = new RegExp(controlsMulti.source, 'g');
const lineBreaks = /\r\n|[\r\u2028\u2029]/g;
const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Step 1 and 2 of the policy: what the value becomes before it is checked. */
export function normaliseText(text: string): string {
  return text.replace(lineBreaks, '\n').replace(invisible, '');
}

/** Step 3: a Dutch explanation when the (normalised) value is refused, else undefined. */
export function textPolicyProblem(text: string, shape: TextShape): string | undefined {
  if (loneSurrogate.test(text)) return 'Bevat een ongeldig teken (losse surrogaat).';
  if (controls(shape).test(text))
    return shape.multiLine
      ? 'Bevat niet-toegestane stuurtekens.'
      : 'Bevat niet-toegestane (stuur)tekens of een regeleinde.';
  return undefined;
}

/**
 * The policy for output that must drop rather than refuse (a letter, a spreadsheet cell): steps 1 and 2, then
 * step 3's control characters removed. Text that passed the policy comes out unchanged.
 */
export function withoutControlCharacters(text: string, shape: TextShape): string {
  return normaliseText(text).replace(shape.multiLine ? controlsMultiAll : controlsSingleAll, '');
}

/** Whether a value is one the policy would store unchanged. */
export function conformsToTextPolicy(text: string, shape: TextShape): boolean {
  return normaliseText(text) === text && textPolicyProblem(text, shape) === undefined;
}

function policyText(max: number, shape: TextShape, required = false) {
  const base = z.string({ error: 'Dit veld moet tekst zijn.' }).overwrite(normaliseText);
  return (required ? base.trim().min(1, { error: 'Dit veld is verplicht.' }) : base)
    .max(max, { error: `Maximaal ${max} tekens.` })
    .superRefine((value, ctx) => {
      const problem = textPolicyProblem(value, shape);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });
}

/** One line of free text (names, subjects, attachment names, settings). */
export const singleLineText = (max: number) => policyText(max, { multiLine: false });

/** Free text over several lines (message bodies, step texts, notes). */
export const multiLineText = (max: number) => policyText(max, { multiLine: true });

/** Free text a handler must fill in: trimmed, not empty. */
export const requiredText = (max: number, shape: TextShape) => policyText(max, shape, true);
