import { formatDutchDate as date } from '../../../../domain/src/localDate';
import { about, replyHint, type LetterBlock, type LetterTemplate } from '../letterBlocks';

/** Oorzaken en maatregelen: when "klager geïnformeerd" is recorded, to the complainant. */
export const causesAndMeasures: LetterTemplate<'causesAndMeasures'> = (letter, complaint) => ({
  title: 'Wat wij leren van uw klacht',
  blocks: [
    {
      type: 'paragraph',
      text: `Naar aanleiding van uw klacht${about(complaint)} (nummer ${letter.complaintNumber}) hebben wij onderzocht hoe dit kon gebeuren en wat wij doen om herhaling te voorkomen.`,
    },
    ...(letter.causes.length > 0
      ? [
          { type: 'heading', text: 'Oorzaak' } as const,
          ...letter.causes.map((c): LetterBlock => ({ type: 'quote', text: c.text })),
        ]
      : []),
    ...(letter.measures.length > 0
      ? [
          { type: 'heading', text: 'Maatregelen' } as const,
          ...letter.measures.map((m): LetterBlock => ({
            type: 'quote',
            text: `${m.description}\n(uiterlijk ${date(m.dueOn)})`,
          })),
        ]
      : []),
    { type: 'paragraph', text: 'Dank u wel dat u ons hierop heeft gewezen.' },
    replyHint(),
  ],
});
