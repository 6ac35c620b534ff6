import { formatDutchDate as date } from '../../../../domain/src/localDate';
import { about, replyHint, type LetterTemplate } from '../letterBlocks';

/** Verduidelijkingsafspraak, as a letter (`viaLetter`), after "niet akkoord": to the complainant. */
export const clarificationMeeting: LetterTemplate<'clarificationMeeting'> = (letter, complaint) => ({
  title: 'Uitnodiging voor een verduidelijkingsgesprek',
  blocks: [
    {
      type: 'paragraph',
      text: `U bent niet akkoord gegaan met onze oplossing voor uw klacht${about(complaint)} (nummer ${letter.complaintNumber}). Wij willen graag met u bespreken hoe wij daar samen uit kunnen komen, en nodigen u uit voor een gesprek op ${date(letter.meetingOn)}.`,
    },
    ...(letter.note ? [{ type: 'quote', text: letter.note } as const] : []),
    {
      type: 'paragraph',
      text: 'Komt deze datum u niet uit? Antwoord dan op deze e-mail, dan zoeken wij samen een ander moment.',
    },
    replyHint(),
  ],
});
