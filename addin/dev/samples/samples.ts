/**
 * The sample e-mails the simulator shows. Each covers a situation the procedure must handle (its `note`
 * says which); browser tests and demos use the same files.
 */
import ordinary from './01-ordinary.json';
import koningsdag from './02-koningsdag.json';
import late from './03-late.json';
import repeat from './04-repeat.json';
import hostile from './05-hostile.json';
import unicode from './06-unicode.json';
import forwarded from './07-forwarded.json';
import saturday from './08-saturday.json';
import draft from './09-draft.json';
import meeting from './10-meeting.json';

export interface SampleEmail {
  id: string;
  note: string;
  itemType: 'message' | 'appointment';
  mode: 'read' | 'compose';
  itemId: string;
  internetMessageId: string;
  conversationId: string;
  subject: string;
  from: { name: string; address: string };
  to: { name: string; address: string }[];
  receivedAt: string;
  issueAroseOn?: string;
  bodyText: string;
  /** The message this one answers (its In-Reply-To header), for replies. */
  inReplyTo?: string;
  attachments: { name: string; contentType: string; contentBase64: string }[];
}

export const samples = [
  ordinary,
  koningsdag,
  late,
  repeat,
  hostile,
  unicode,
  forwarded,
  saturday,
  draft,
  meeting,
] as SampleEmail[];
