import { formatDutchDate as date } from '../../../../domain/src/localDate';
import { about, replyHint, type LetterTemplate } from '../letterBlocks';

/** Niet-ontvankelijk, te laat: when declared inadmissible (also at registration), to the complainant. */
export const inadmissibleLate: LetterTemplate<'inadmissibleLate'> = (letter, complaint) => ({
  title: 'Uw klacht wordt niet in behandeling genomen',
  blocks: [
    {
      type: 'paragraph',
      text: `Volgens onze klachtenprocedure dient u een klacht in binnen twee weken nadat de klacht is ontstaan. Uw klacht${about(complaint)} (nummer ${letter.complaintNumber}) is ontstaan op ${date(letter.aroseOn)}; u kon de klacht indienen tot en met ${date(letter.lateWindowEndedOn)}. Wij hebben uw klacht ontvangen op ${date(letter.receivedOn)}, na afloop van die termijn.`,
    },
    { type: 'paragraph', text: 'Wij nemen uw klacht daarom niet in behandeling.' },
    replyHint(),
  ],
});
