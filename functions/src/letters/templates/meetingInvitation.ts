import { formatDutchDate as date } from '../../../../domain/src/localDate';
import { about, replyHint, type LetterTemplate } from '../letterBlocks';

/** Uitnodiging voor een afspraak, as a letter (`viaLetter`): to the complainant. */
export const meetingInvitation: LetterTemplate<'meetingInvitation'> = (letter, complaint) => ({
  title: 'Uitnodiging voor een gesprek over uw klacht',
  blocks: [
    {
      type: 'paragraph',
      text: `Wij willen uw klacht${about(complaint)} (nummer ${letter.complaintNumber}) graag met u bespreken. Wij nodigen u uit voor een gesprek op ${date(letter.meetingOn)}.`,
    },
    ...(letter.note ? [{ type: 'quote', text: letter.note } as const] : []),
    {
      type: 'paragraph',
      text: 'Komt deze datum u niet uit? Antwoord dan op deze e-mail, dan zoeken wij samen een ander moment.',
    },
    replyHint(),
  ],
});
