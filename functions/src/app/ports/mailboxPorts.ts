/**
 * The ports of mailbox capture: the complaints mailbox on Microsoft Graph, where capture keeps its own state,
 * and where the originals are kept as evidence. Adapters implement them on Graph, Table and Blob Storage; the
 * Graph sandbox (dev/) enforces Graph's side of the contract in tests.
 */

export interface MailParty {
  name: string;
  address: string;
}

/** An e-mail in the complaints mailbox, as capture needs it. `id` is Graph's immutable id. */
export interface MailboxMessage {
  id: string;
  internetMessageId: string;
  conversationId: string;
  subject: string;
  from: MailParty;
  receivedAt: string;
  bodyText: string;
  inReplyTo: string | undefined;
  references: string[];
}

export interface SubscriptionInfo {
  id: string;
  expiresAt: string;
}

export type LifecycleEvent = 'missed' | 'reauthorizationRequired' | 'subscriptionRemoved';

export interface MailboxGraph {
  /** Subscribes to messages created in the Inbox; Graph validates `notificationUrl` before it answers. */
  createSubscription(input: {
    notificationUrl: string;
    clientState: string;
    expiresAt: Date;
  }): Promise<SubscriptionInfo>;
  /** `gone` when Graph no longer knows the subscription (it was removed or expired). */
  renewSubscription(id: string, expiresAt: Date): Promise<SubscriptionInfo | 'gone'>;
  reauthorizeSubscription(id: string): Promise<'ok' | 'gone'>;
  getMessage(id: string): Promise<MailboxMessage | undefined>;
  /** The immutable id of a message in the mailbox, found by its internetMessageId. */
  findMessageId(internetMessageId: string): Promise<string | undefined>;
  /** The letter id header (`x-klachtenregister-letter-id`) of a message we sent, by its internetMessageId. */
  letterIdOf(internetMessageId: string): Promise<string | undefined>;
  /** The message as MIME (RFC 5322), byte for byte as Exchange returns it. */
  getMime(id: string): Promise<Buffer | undefined>;
  /** One delta round over the Inbox from `deltaLink` (or from the start): ids of new messages and the next link. */
  deltaInbox(deltaLink: string | undefined): Promise<{ ids: string[]; deltaLink: string }>;
  /** Adds categories to a message, keeping those it already has. */
  addCategories(id: string, categories: readonly string[]): Promise<void>;
}

/** An e-mail in the complaints mailbox that matched no complaint and was not registered, linked or dismissed. */
export interface UnreviewedMail {
  /** SHA-256 of the internetMessageId: the id of the unreviewed entry in the API. */
  key: string;
  graphId: string;
  internetMessageId: string;
  conversationId: string;
  from: MailParty;
  subject: string;
  receivedAt: string;
  dismissed?: { at: string; by: string; reason: string };
}

/** Where an e-mail went: the complaint it belongs to and its place in the conversation. */
export interface MessageLink {
  complaintId: string;
  seq: number;
}

export interface MailboxStore {
  getSubscription(): Promise<SubscriptionInfo | undefined>;
  saveSubscription(info: SubscriptionInfo | undefined): Promise<void>;
  getDeltaLink(): Promise<string | undefined>;
  saveDeltaLink(link: string): Promise<void>;
  /** The complaint an e-mail was linked to or captured for, by its internetMessageId. */
  linkOf(internetMessageId: string): Promise<MessageLink | undefined>;
  putLink(internetMessageId: string, link: MessageLink): Promise<void>;
  /** The complaint whose conversation this is (the registered e-mail's conversationId). */
  conversationOwner(conversationId: string): Promise<string | undefined>;
  putConversation(conversationId: string, complaintId: string): Promise<void>;
  /** The complaint that got this number (`K-2026-0001`), if any. */
  complaintByNumber(year: number, sequence: number): Promise<string | undefined>;
  /** Adds an unreviewed e-mail; an entry that exists (also a dismissed one) is kept as it is. */
  addUnreviewed(mail: UnreviewedMail): Promise<void>;
  getUnreviewed(key: string): Promise<UnreviewedMail | undefined>;
  /** Entries not dismissed, oldest first. */
  listUnreviewed(): Promise<UnreviewedMail[]>;
  /** Replaces the entry (dismissal); false when it does not exist. */
  saveUnreviewed(mail: UnreviewedMail): Promise<boolean>;
  /** Registered or linked: the e-mail is no longer unreviewed. */
  removeUnreviewed(internetMessageId: string): Promise<void>;
  /** The conversation rows of one complaint (written with the complaint, see `SideRow` kind `message`). */
  listMessages(complaintId: string): Promise<Record<string, unknown>[]>;
}

/** The originals as evidence (Blob Storage): write-once per name, with their SHA-256 as metadata. */
export interface EvidenceStore {
  putOriginal(
    complaintId: string,
    name: string,
    mime: Buffer,
  ): Promise<{ blobName: string; sha256: string; size: number }>;
  getOriginal(blobName: string): Promise<{ bytes: Buffer; sha256: string | undefined } | undefined>;
}
