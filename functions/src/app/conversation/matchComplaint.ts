import { messageKeyOf } from '../sideRows';
import type { ComplaintDocument } from '../complaintDocument';
import type { ComplaintStore } from '../ports/complaintStore';
import type { MailboxGraph, MailboxStore } from '../ports/mailboxPorts';

export type MatchReason = 'conversation' | 'reply' | 'subjectTag';

export interface MatchInput {
  internetMessageId: string;
  conversationId: string;
  subject: string;
  inReplyTo?: string | undefined;
  references?: readonly string[];
}

/** `[K-2026-0001]` in a subject: the tag our letters carry. */
export function subjectTags(subject: string): { year: number; sequence: number }[] {
  return [...subject.matchAll(/\[K-(\d{4})-(\d{4,})\]/g)].map((m) => ({
    year: Number(m[1]),
    sequence: Number(m[2]),
  }));
}

/** The complaint a letter id (`<complaint id>:<seq>`) belongs to. */
const complaintOfLetter = (letterId: string | undefined): string | undefined =>
  letterId && /^[0-9a-f-]{36}:\d+$/i.test(letterId) ? letterId.split(':')[0] : undefined;

/**
 * The complaints an e-mail probably belongs to, best first, each once: the conversation of a registered
 * complaint; a reply (In-Reply-To/References) to one of our letters, to a registered e-mail or to one linked
 * before; the `[K-YYYY-NNNN]` tag of our letters' subjects. Helpdesks match the same way (conversation id plus
 * a subject tag); the tag alone can be typed by anyone, so it comes last.
 */
export async function matchComplaints(
  deps: {
    mailboxStore: MailboxStore;
    complaints: Pick<ComplaintStore<ComplaintDocument>, 'lookupMessage'>;
    graph: Pick<MailboxGraph, 'letterIdOf'>;
  },
  message: MatchInput,
): Promise<{ complaintId: string; reason: MatchReason }[]> {
  const out: { complaintId: string; reason: MatchReason }[] = [];
  const add = (complaintId: string | undefined, reason: MatchReason) => {
    if (complaintId && !out.some((o) => o.complaintId === complaintId)) out.push({ complaintId, reason });
  };
  if (message.conversationId)
    add(await deps.mailboxStore.conversationOwner(message.conversationId), 'conversation');
  const parents = [
    ...new Set([message.inReplyTo, ...(message.references ?? [])].filter((p): p is string => !!p)),
  ];
  for (const parent of parents.slice(-10)) {
    add(await deps.complaints.lookupMessage(messageKeyOf(parent)), 'reply');
    add((await deps.mailboxStore.linkOf(parent))?.complaintId, 'reply');
    // A reply to one of our letters: the Sent Items copy carries the letter's id in an x- header.
    add(complaintOfLetter(await deps.graph.letterIdOf(parent).catch(() => undefined)), 'reply');
  }
  for (const tag of subjectTags(message.subject))
    add(await deps.mailboxStore.complaintByNumber(tag.year, tag.sequence), 'subjectTag');
  return out;
}
