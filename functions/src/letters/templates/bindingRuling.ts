import { about, replyHint, type LetterTemplate } from '../letterBlocks';

/** Bindende uitspraak: when the third party's ruling is recorded (it closes the complaint), to the complainant. */
export const bindingRuling: LetterTemplate<'bindingRuling'> = (letter, complaint) => ({
  title: 'De bindende uitspraak over uw klacht',
  blocks: [
    {
      type: 'paragraph',
      text: `De onafhankelijke derde heeft uitspraak gedaan over uw klacht${about(complaint)} (nummer ${letter.complaintNumber}). Deze uitspraak is bindend voor u en voor ons.`,
    },
    { type: 'heading', text: 'De uitspraak' },
    { type: 'quote', text: letter.outcome },
    {
      type: 'paragraph',
      text: 'Wij voeren de uitspraak uit en sluiten uw klacht hiermee af.',
    },
    replyHint(),
  ],
});
