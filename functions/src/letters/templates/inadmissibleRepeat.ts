import { about, replyHint, type LetterTemplate } from '../letterBlocks';

/** Niet-ontvankelijk, herhaalde klacht: when declared inadmissible (also at registration), to the complainant. */
export const inadmissibleRepeat: LetterTemplate<'inadmissibleRepeat'> = (letter, complaint) => ({
  title: 'Uw klacht wordt niet opnieuw in behandeling genomen',
  blocks: [
    {
      type: 'paragraph',
      text: `U heeft eerder een klacht over hetzelfde onderwerp ingediend, onder nummer ${letter.relatedComplaint}. Over die klacht hebben wij al een beslissing genomen. Volgens onze klachtenprocedure nemen wij een klacht over een onderwerp waarover al is beslist niet opnieuw in behandeling.`,
    },
    {
      type: 'paragraph',
      text: `Uw nieuwe klacht${about(complaint)} (nummer ${letter.complaintNumber}) nemen wij daarom niet in behandeling. Voor onze beslissing verwijzen wij u naar onze reactie op klacht ${letter.relatedComplaint}.`,
    },
    replyHint(),
  ],
});
