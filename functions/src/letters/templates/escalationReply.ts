import { about, replyHint, type LetterTemplate } from '../letterBlocks';

/** Reactie over de werkwijze: when the reply after escalation is recorded, to the complainant. */
export const escalationReply: LetterTemplate<'escalationReply'> = (letter, complaint) => ({
  title: 'Hoe wij uw klacht verder afhandelen',
  blocks: [
    {
      type: 'paragraph',
      text: `Wij hebben uw klacht${about(complaint)} (nummer ${letter.complaintNumber}) voorgelegd aan de directeur. Hieronder leest u hoe wij uw klacht verder afhandelen.`,
    },
    ...(letter.reply
      ? [{ type: 'quote', text: letter.reply } as const]
      : [
          {
            type: 'paragraph',
            text: 'De behandelaar neemt contact met u op over de verdere afhandeling.',
          } as const,
        ]),
    replyHint(),
  ],
});
