import { formatDutchDate as date } from '../../../../domain/src/localDate';
import { about, replyHint, type LetterTemplate } from '../letterBlocks';

/** Verlenging: within two working days after more time was found necessary, to the complainant. */
export const extension: LetterTemplate<'extension'> = (letter, complaint) => ({
  title: 'Wij hebben meer tijd nodig voor uw klacht',
  blocks: [
    {
      type: 'paragraph',
      text: `Wij hebben meer tijd nodig om uw klacht${about(complaint)} (nummer ${letter.complaintNumber}) zorgvuldig te onderzoeken. Wij kunnen u daarom niet binnen de eerder genoemde termijn uitsluitsel geven.`,
    },
    { type: 'heading', text: 'Waarom wij meer tijd nodig hebben' },
    { type: 'quote', text: letter.reason },
    {
      type: 'paragraph',
      text: `Wij verwachten u uiterlijk ${date(letter.expectedBy)} uitsluitsel te kunnen geven.`,
    },
    replyHint(),
  ],
});
