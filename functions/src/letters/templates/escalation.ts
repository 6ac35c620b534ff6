import { formatDutchDate as date } from '../../../../domain/src/localDate';
import { about, replyHint, type LetterTemplate } from '../letterBlocks';

/** Voorgelegd aan de directeur: when the complaint is escalated, to the complainant. */
export const escalation: LetterTemplate<'escalation'> = (letter, complaint) => ({
  title: 'Uw klacht is voorgelegd aan de directeur',
  blocks: [
    {
      type: 'paragraph',
      text: `Wij hebben uw klacht${about(complaint)} (nummer ${letter.complaintNumber}) niet zelf kunnen oplossen. Daarom hebben wij uw klacht voorgelegd aan de directeur.`,
    },
    {
      type: 'paragraph',
      text: `U ontvangt uiterlijk ${date(letter.respondBy)} een reactie over de manier waarop uw klacht verder wordt afgehandeld.`,
    },
    replyHint(),
  ],
});
