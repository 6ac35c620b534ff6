import { about, type LetterTemplate } from '../letterBlocks';

/** Informatie opgevraagd, as a letter (`viaLetter`): to the complainant. */
export const informationRequest: LetterTemplate<'informationRequest'> = (letter, complaint) => ({
  title: 'Wij hebben meer informatie nodig over uw klacht',
  blocks: [
    {
      type: 'paragraph',
      text: `Om uw klacht${about(complaint)} (nummer ${letter.complaintNumber}) goed te kunnen behandelen, hebben wij meer informatie van u nodig.`,
    },
    { type: 'quote', text: letter.questions },
    {
      type: 'paragraph',
      text: 'Wilt u uw antwoord sturen door op deze e-mail te antwoorden? Vermeld daarbij altijd uw klachtnummer.',
    },
  ],
});
