import type { Letter } from '../../../domain/src/effects';
import type { LetterSettings } from './letterSettings';
import type { LetterComplaint, LetterContent, LetterTemplate } from './letterBlocks';
import { LETTER_TEMPLATES } from './templates';

export { dutchTerm, type LetterBlock, type LetterComplaint, type LetterContent } from './letterBlocks';

/** The blocks of one letter, from its template in `templates/`. */
export function letterContent(
  letter: Letter,
  complaint: LetterComplaint,
  settings: LetterSettings,
): LetterContent {
  // The mapped table pairs each kind with its template; TypeScript cannot follow that through the union.
  const template = LETTER_TEMPLATES[letter.kind] as LetterTemplate<Letter['kind']>;
  return template(letter, complaint, settings);
}
