import { about, replyHint, thirdPartyFacts, type LetterTemplate } from '../letterBlocks';

/**
 * Afsluiting: when the handler closes the complaint, to the complainant. Without agreement it names the
 * independent third party, whom the complainant may still engage.
 */
export const closing: LetterTemplate<'closing'> = (letter, complaint) => ({
  title: 'Wij sluiten uw klacht af',
  blocks: [
    {
      type: 'paragraph',
      text:
        letter.agreement === 'agreed'
          ? `U bent akkoord gegaan met onze oplossing voor uw klacht${about(complaint)} (nummer ${letter.complaintNumber}). Wij sluiten uw klacht daarom af.`
          : letter.agreement === 'notAgreed'
            ? `Wij hebben uw klacht${about(complaint)} (nummer ${letter.complaintNumber}) met u besproken, maar wij zijn niet tot overeenstemming gekomen. Wij sluiten uw klacht daarom af.`
            : `Wij hebben van u geen reactie ontvangen op onze oplossing voor uw klacht${about(complaint)} (nummer ${letter.complaintNumber}). Wij sluiten uw klacht daarom af zonder dat wij overeenstemming hebben vastgesteld.`,
    },
    ...(letter.solution.trim()
      ? [
          { type: 'heading', text: 'Wat wij hebben besloten' } as const,
          { type: 'quote', text: letter.solution } as const,
        ]
      : []),
    ...(letter.thirdParty
      ? [
          { type: 'heading', text: 'Bent u het hier niet mee eens?' } as const,
          {
            type: 'paragraph',
            text: 'Dan kunt u uw klacht voorleggen aan de onafhankelijke derde. De uitspraak van de onafhankelijke derde is bindend voor u en voor ons. Laat het ons weten als u dat doet.',
          } as const,
          thirdPartyFacts(letter.thirdParty),
        ]
      : []),
    replyHint(),
  ],
});
