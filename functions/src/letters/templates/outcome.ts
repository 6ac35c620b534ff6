import { about, thirdPartyText, type LetterTemplate } from '../letterBlocks';

/** Besluit en oplossing: when a solution is proposed, to the complainant. */
export const outcome: LetterTemplate<'outcome'> = (letter, complaint, settings) => ({
  title: 'Ons besluit over uw klacht',
  blocks: [
    {
      type: 'paragraph',
      text: `Wij hebben uw klacht${about(complaint)} (nummer ${letter.complaintNumber}) onderzocht en na intern overleg een besluit genomen.`,
    },
    ...(letter.decision.trim()
      ? [{ type: 'heading', text: 'Ons besluit' } as const, { type: 'quote', text: letter.decision } as const]
      : []),
    { type: 'heading', text: 'Onze oplossing' },
    { type: 'quote', text: letter.solution },
    {
      type: 'paragraph',
      text: 'Wilt u ons laten weten of u akkoord gaat met deze oplossing? U kunt daarvoor op deze e-mail antwoorden. Gaat u niet akkoord, dan maken wij een afspraak met u om de kwestie te verduidelijken.',
    },
    {
      type: 'paragraph',
      text: `Komen wij er samen niet uit, dan kunt u uw klacht voorleggen aan een onafhankelijke derde: ${thirdPartyText(settings.thirdParty)}. De uitspraak van de onafhankelijke derde is bindend voor u en voor ons.`,
    },
  ],
});
