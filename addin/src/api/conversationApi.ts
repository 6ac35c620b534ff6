import type { ComplaintSummary } from '../../../domain/src/api/complaintView';
import type { MessageInput } from '../../../domain/src/api/registration';
import type {
  ConversationEntry,
  LinkCandidate,
  UnreviewedMailView,
} from '../../../domain/src/api/conversation';
import { problemOf } from './problem';

export type { ConversationEntry, LinkCandidate };

/** What the first look-up sends about the open e-mail. */
export interface MessageKeys {
  internetMessageId: string;
  conversationId?: string;
  subject?: string;
  from?: string;
  inReplyTo?: string | undefined;
}

export interface MessageLookup {
  /** The complaint registered from this e-mail, or null. */
  complaint: ComplaintSummary | null;
  /** When not registered: the complaints it may belong to, best first. */
  candidates: LinkCandidate[];
}

/** An e-mail in the complaints mailbox nobody has decided about yet. */
export type UnreviewedMail = UnreviewedMailView;

export type DismissReason = 'geen klacht' | 'spam' | 'dubbel' | 'anders';

/** The message as the pane links it: the registration's message, with the MIME when Outlook gave it. */
export type LinkMessage = MessageInput;

export interface ConversationApi {
  lookupMessage(keys: MessageKeys): Promise<MessageLookup>;
  /** Links the e-mail to the complaint; `created` is false when it was linked before. */
  linkMessage(
    complaintId: string,
    message: LinkMessage,
  ): Promise<{ complaint: ComplaintSummary; created: boolean }>;
  conversation(complaintId: string): Promise<ConversationEntry[]>;
  /** The stored original, to save as a `.eml` file. */
  originalMessage(complaintId: string, seq: string): Promise<Blob>;
  /** The kept text of an incoming e-mail of the conversation (`1`, `2`…). */
  messageText(complaintId: string, seq: string): Promise<string>;
  unreviewed(): Promise<UnreviewedMail[]>;
  dismissUnreviewed(id: string, reason: DismissReason): Promise<void>;
}

type Call = (path: string, init?: RequestInit, accept?: string) => Promise<Response>;

/** The conversation's calls, on the client's authenticated `call`. */
export function conversationCalls(call: Call): ConversationApi {
  const id = (value: string): string => encodeURIComponent(value);
  async function getJson<T>(path: string): Promise<T> {
    const response = await call(path);
    if (!response.ok) throw await problemOf(response);
    return (await response.json()) as T;
  }
  return {
    async lookupMessage(keys) {
      const params = new URLSearchParams({ internetMessageId: keys.internetMessageId });
      for (const key of ['conversationId', 'subject', 'from', 'inReplyTo'] as const) {
        const value = keys[key];
        if (value) params.set(key, value);
      }
      const page = await getJson<{ items: ComplaintSummary[]; candidates?: LinkCandidate[] }>(
        `/complaints?${params.toString()}`,
      );
      const complaint = page.items[0] ?? null;
      return { complaint, candidates: complaint ? [] : (page.candidates ?? []) };
    },
    async linkMessage(complaintId, message) {
      const response = await call(`/complaints/${id(complaintId)}/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ message }),
      });
      if (response.status !== 200 && response.status !== 201) throw await problemOf(response);
      return { complaint: (await response.json()) as ComplaintSummary, created: response.status === 201 };
    },
    async conversation(complaintId) {
      return (await getJson<{ items: ConversationEntry[] }>(`/complaints/${id(complaintId)}/messages`)).items;
    },
    async originalMessage(complaintId, seq) {
      const response = await call(
        `/complaints/${id(complaintId)}/messages/${id(seq)}/original`,
        {},
        'message/rfc822',
      );
      if (!response.ok) throw await problemOf(response);
      return response.blob();
    },
    async messageText(complaintId, seq) {
      return (await getJson<{ bodyText: string }>(`/complaints/${id(complaintId)}/messages/${id(seq)}`))
        .bodyText;
    },
    async unreviewed() {
      return (await getJson<{ items: UnreviewedMail[] }>('/mailbox/unreviewed')).items;
    },
    async dismissUnreviewed(mailId, reason) {
      const response = await call(`/mailbox/unreviewed/${id(mailId)}/dismiss`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ reason }),
      });
      if (!response.ok) throw await problemOf(response);
    },
  };
}
