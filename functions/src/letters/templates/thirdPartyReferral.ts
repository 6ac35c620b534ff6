import { about, replyHint, thirdPartyFacts, type LetterTemplate } from '../letterBlocks';

/** Voorgelegd aan de onafhankelijke derde: when the complainant engaged the third party, to the complainant. */
export const thirdPartyReferral: LetterTemplate<'thirdPartyReferral'> = (letter, complaint) => ({
  title: 'Uw klacht ligt bij de onafhankelijke derde',
  blocks: [
    {
      type: 'paragraph',
      text: `U en wij zijn over uw klacht${about(complaint)} (nummer ${letter.complaintNumber}) niet tot overeenstemming gekomen. Uw klacht is daarom voorgelegd aan de onafhankelijke derde:`,
    },
    thirdPartyFacts(letter.thirdParty),
    {
      type: 'paragraph',
      text: 'De uitspraak van de onafhankelijke derde is bindend voor u en voor ons. Zolang de procedure loopt, bewaren wij uw klachtdossier.',
    },
    replyHint(),
  ],
});
