import { createHash, randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * Dev and tests only: the mailbox half of the Graph sandbox — the complaints mailbox's Inbox, change
 * notifications with their subscriptions and lifecycle events, delta query, MIME (`$value`) and categories. It
 * enforces what Microsoft Graph enforces (docs/deploy.md, "Mailbox capture"), so a contract mistake fails here:
 * - creating or renewing a subscription validates the notification URL (and the lifecycle URL): Graph POSTs
 *   `?validationToken=…` and the endpoint must answer 200 `text/plain` with the token within 10 seconds;
 * - an Outlook message subscription lives at most 10,080 minutes; a later `expirationDateTime` is refused;
 * - every notification carries the subscription's `clientState`;
 * - ids are immutable only when the request asks for them (`Prefer: IdType="ImmutableId"`); without it the
 *   sandbox hands out ids that stop working, as a regular id does when a message moves;
 * - delta pages through `@odata.nextLink` and ends with an `@odata.deltaLink`.
 */
export const maxMessageSubscriptionMinutes = 10_080;
export const validationTimeoutMs = 10_000;
/** Delta pages are small, so the client must follow `@odata.nextLink`. */
const deltaPageSize = 2;

export interface IncomingMail {
  from: { name: string; address: string };
  subject: string;
  bodyText: string;
  inReplyTo?: string;
  references?: string[];
  conversationId?: string;
  attachments?: { name: string; contentType: string; contentBase64: string }[];
}

export interface MailboxItem {
  id: string;
  mailbox: string;
  internetMessageId: string;
  conversationId: string;
  subject: string;
  from: { name: string; address: string };
  receivedDateTime: string;
  bodyText: string;
  inReplyTo: string | undefined;
  references: string[];
  hasAttachments: boolean;
  categories: string[];
  mime: Buffer;
}

interface Subscription {
  id: string;
  resource: string;
  changeType: string;
  notificationUrl: string;
  lifecycleNotificationUrl: string | undefined;
  clientState: string | undefined;
  expirationDateTime: string;
}

export type LifecycleEvent = 'missed' | 'reauthorizationRequired' | 'subscriptionRemoved';

export interface Answer {
  status: number;
  body?: unknown;
  raw?: { contentType: string; bytes: Buffer };
  error?: { code: string; message: string };
}

/** A conversation id for messages that start one; replies inherit their original's. */
const newConversationId = (): string => `AAQk${randomUUID().replace(/-/g, '')}`;

/** A small RFC 5322 message (multipart when there are attachments), as Exchange would return it from `$value`. */
export function buildMime(
  item: Omit<MailboxItem, 'mime' | 'categories' | 'id' | 'mailbox' | 'hasAttachments'>,
  to: string,
  attachments: IncomingMail['attachments'] = [],
): Buffer {
  const headers = [
    `From: "${item.from.name.replace(/"/g, '')}" <${item.from.address}>`,
    `To: <${to}>`,
    `Subject: =?UTF-8?B?${Buffer.from(item.subject, 'utf8').toString('base64')}?=`,
    `Date: ${new Date(item.receivedDateTime).toUTCString()}`,
    `Message-ID: ${item.internetMessageId}`,
    ...(item.inReplyTo ? [`In-Reply-To: ${item.inReplyTo}`] : []),
    ...(item.references.length > 0 ? [`References: ${item.references.join(' ')}`] : []),
    'MIME-Version: 1.0',
  ];
  const text = Buffer.from(item.bodyText, 'utf8').toString('base64');
  if (attachments.length === 0) {
    return Buffer.from(
      [
        ...headers,
        'Content-Type: text/plain; charset=utf-8',
        'Content-Transfer-Encoding: base64',
        '',
        text,
        '',
      ].join('\r\n'),
      'utf8',
    );
  }
  const boundary = `b_${randomUUID()}`;
  const parts = [
    `--${boundary}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n${text}\r\n`,
    ...attachments.map(
      (a) =>
        `--${boundary}\r\nContent-Type: ${a.contentType}\r\nContent-Disposition: attachment; filename="${a.name.replace(/"/g, '')}"\r\nContent-Transfer-Encoding: base64\r\n\r\n${a.contentBase64}\r\n`,
    ),
  ];
  return Buffer.from(
    [
      ...headers,
      `Content-Type: multipart/mixed; boundary="${boundary}"`,
      '',
      ...parts,
      `--${boundary}--`,
      '',
    ].join('\r\n'),
    'utf8',
  );
}

export interface MailboxSandbox {
  /** Handles a mailbox or subscription request; `undefined` when the path is not the mailbox half's. */
  route(req: IncomingMessage, url: URL, body: unknown): Promise<Answer | undefined>;
  /** Puts a message in the complaints mailbox's Inbox and notifies the subscriptions (unless switched off). */
  receive(mail: IncomingMail): Promise<{ id: string; internetMessageId: string; conversationId: string }>;
  /** Graph's change notifications on or off; delta still sees every message. */
  setNotifications(on: boolean): void;
  fireLifecycle(event: LifecycleEvent): Promise<void>;
  subscriptions(): readonly Subscription[];
  messages(): readonly MailboxItem[];
  /** Registers a message Graph knows by internetMessageId (a sent letter), so replies and look-ups find it. */
  knowSent(message: {
    id: string;
    internetMessageId: string;
    conversationId: string;
    headers: Record<string, string>;
  }): void;
  reset(): void;
}

const legacyPrefix = 'AAMkLegacy-';

export function createMailboxSandbox(mailbox: string): MailboxSandbox {
  const items: MailboxItem[] = [];
  const sentKnown: {
    id: string;
    internetMessageId: string;
    conversationId: string;
    headers: Record<string, string>;
  }[] = [];
  const subscriptions = new Map<string, Subscription>();
  let notificationsOn = true;

  const immutable = (req: IncomingMessage): boolean =>
    /IdType="ImmutableId"/i.test(String(req.headers['prefer'] ?? ''));
  /** Without the immutable-id preference Graph answers ids that change when a message moves. */
  const idFor = (req: IncomingMessage, id: string): string => (immutable(req) ? id : `${legacyPrefix}${id}`);
  const findItem = (id: string): MailboxItem | undefined => items.find((i) => i.id === id);

  const bad = (message: string): Answer => ({ status: 400, error: { code: 'ErrorInvalidRequest', message } });
  const missing = (): Answer => ({
    status: 404,
    error: { code: 'ErrorItemNotFound', message: 'The specified object was not found in the store.' },
  });

  /** Graph's endpoint validation: POST `?validationToken=`, 200 text/plain echoing the token within 10 s. */
  async function validate(url: string): Promise<boolean> {
    const token = `Validation: Testing client application reachability for subscription Request-Id: ${randomUUID()}`;
    const target = new URL(url);
    target.searchParams.set('validationToken', token);
    try {
      const res = await fetch(target, {
        method: 'POST',
        headers: { 'content-type': 'text/plain; charset=utf-8' },
        signal: AbortSignal.timeout(validationTimeoutMs),
      });
      const text = await res.text();
      return (
        res.status === 200 && /^text\/plain\b/i.test(res.headers.get('content-type') ?? '') && text === token
      );
    } catch {
      return false;
    }
  }

  function messageJson(req: IncomingMessage, item: MailboxItem, select: string[]) {
    const headers = [
      { name: 'Message-ID', value: item.internetMessageId },
      ...(item.inReplyTo ? [{ name: 'In-Reply-To', value: item.inReplyTo }] : []),
      ...(item.references.length > 0 ? [{ name: 'References', value: item.references.join(' ') }] : []),
    ];
    return {
      id: idFor(req, item.id),
      internetMessageId: item.internetMessageId,
      conversationId: item.conversationId,
      subject: item.subject,
      from: { emailAddress: { name: item.from.name, address: item.from.address } },
      receivedDateTime: item.receivedDateTime,
      body: { contentType: 'text', content: item.bodyText },
      hasAttachments: item.hasAttachments,
      categories: [...item.categories],
      // Graph returns the internet headers only when they are selected.
      ...(select.includes('internetMessageHeaders') ? { internetMessageHeaders: headers } : {}),
    };
  }

  async function post(url: string, body: unknown): Promise<void> {
    await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    }).catch(() => undefined);
  }

  async function notifyCreated(item: MailboxItem): Promise<void> {
    if (!notificationsOn) return;
    for (const s of subscriptions.values()) {
      if (Date.parse(s.expirationDateTime) < Date.now()) continue;
      const resource = `Users/${mailbox}/Messages/${item.id}`;
      await post(s.notificationUrl, {
        value: [
          {
            subscriptionId: s.id,
            subscriptionExpirationDateTime: s.expirationDateTime,
            changeType: 'created',
            resource,
            resourceData: { '@odata.type': '#Microsoft.Graph.Message', '@odata.id': resource, id: item.id },
            clientState: s.clientState ?? null,
            tenantId: '00000000-0000-4000-8000-0000000000aa',
          },
        ],
      });
    }
  }

  async function route(req: IncomingMessage, url: URL, body: unknown): Promise<Answer | undefined> {
    const path = url.pathname;
    const method = req.method ?? 'GET';

    if (/^\/v1\.0\/subscriptions$/i.test(path) && method === 'POST') {
      const b = (body ?? {}) as Record<string, unknown>;
      if (typeof b['notificationUrl'] !== 'string' || !/^https?:\/\//.test(b['notificationUrl']))
        return bad('notificationUrl is required');
      if (typeof b['resource'] !== 'string') return bad('resource is required');
      if (typeof b['changeType'] !== 'string') return bad('changeType is required');
      const expiry = Date.parse(String(b['expirationDateTime']));
      if (Number.isNaN(expiry)) return bad('expirationDateTime is required');
      if (expiry > Date.now() + maxMessageSubscriptionMinutes * 60_000)
        return bad(
          `Subscription expiration can only be ${maxMessageSubscriptionMinutes} minutes in the future.`,
        );
      const clientState = b['clientState'];
      if (clientState !== undefined && (typeof clientState !== 'string' || clientState.length > 128))
        return bad('clientState must be a string of at most 128 characters');
      if (!(await validate(b['notificationUrl'])))
        return bad(
          'Subscription validation request failed. Notification endpoint must respond with 200 OK to validation request.',
        );
      const lifecycle =
        typeof b['lifecycleNotificationUrl'] === 'string' ? b['lifecycleNotificationUrl'] : undefined;
      if (lifecycle && lifecycle !== b['notificationUrl'] && !(await validate(lifecycle)))
        return bad(
          'Subscription validation request failed. Lifecycle notification endpoint must respond with 200 OK.',
        );
      const s: Subscription = {
        id: randomUUID(),
        resource: b['resource'],
        changeType: b['changeType'],
        notificationUrl: b['notificationUrl'],
        lifecycleNotificationUrl: lifecycle,
        clientState: typeof clientState === 'string' ? clientState : undefined,
        expirationDateTime: new Date(expiry).toISOString(),
      };
      subscriptions.set(s.id, s);
      return { status: 201, body: { ...s } };
    }

    const one = /^\/v1\.0\/subscriptions\/([^/]+)(\/reauthorize)?$/i.exec(path);
    if (one?.[1]) {
      const s = subscriptions.get(decodeURIComponent(one[1]));
      if (!s)
        return { status: 404, error: { code: 'ResourceNotFound', message: 'The object was not found.' } };
      if (one[2] && method === 'POST') return { status: 204 };
      if (method === 'DELETE') {
        subscriptions.delete(s.id);
        return { status: 204 };
      }
      if (method === 'PATCH') {
        const expiry = Date.parse(
          String((body as Record<string, unknown> | undefined)?.['expirationDateTime']),
        );
        if (Number.isNaN(expiry)) return bad('expirationDateTime is required');
        if (expiry > Date.now() + maxMessageSubscriptionMinutes * 60_000)
          return bad(
            `Subscription expiration can only be ${maxMessageSubscriptionMinutes} minutes in the future.`,
          );
        s.expirationDateTime = new Date(expiry).toISOString();
        return { status: 200, body: { ...s } };
      }
      if (method === 'GET') return { status: 200, body: { ...s } };
    }

    const user = /^\/v1\.0\/users\/([^/]+)(\/.*)$/.exec(path);
    if (!user?.[1] || !user[2]) return undefined;
    const rest = user[2];

    if (method === 'GET' && /^\/mailFolders(\/inbox|\('Inbox'\))\/messages\/delta$/i.test(rest)) {
      const token = url.searchParams.get('$deltatoken');
      const skip = Number(url.searchParams.get('$skiptoken') ?? 'NaN');
      // A delta token is the position in the Inbox's change log at the end of the last round.
      const from = token !== null ? Number(token) : Number.isNaN(skip) ? 0 : skip;
      if (Number.isNaN(from) || from < 0 || from > items.length) return bad('Invalid delta token.');
      const page = items.slice(from, from + deltaPageSize);
      const next = from + page.length;
      const base = `http://${req.headers.host ?? '127.0.0.1'}${url.pathname}`;
      const link =
        next < items.length
          ? { '@odata.nextLink': `${base}?$skiptoken=${next}` }
          : { '@odata.deltaLink': `${base}?$deltatoken=${next}` };
      const select = (url.searchParams.get('$select') ?? '').split(',');
      return { status: 200, body: { value: page.map((i) => messageJson(req, i, select)), ...link } };
    }

    const value = /^\/messages\/([^/]+)\/\$value$/.exec(rest);
    if (method === 'GET' && value?.[1]) {
      const item = findItem(decodeURIComponent(value[1]));
      if (!item) return missing();
      return { status: 200, raw: { contentType: 'text/plain', bytes: item.mime } };
    }

    const single = /^\/messages\/([^/]+)$/.exec(rest);
    if (single?.[1]) {
      const item = findItem(decodeURIComponent(single[1]));
      if (!item) return undefined; // perhaps a draft: the letters' half handles it
      if (method === 'GET') {
        const select = (url.searchParams.get('$select') ?? '').split(',');
        return { status: 200, body: messageJson(req, item, select) };
      }
      if (method === 'PATCH') {
        const categories = (body as Record<string, unknown> | undefined)?.['categories'];
        if (!Array.isArray(categories) || categories.some((c) => typeof c !== 'string'))
          return bad('categories must be an array of strings');
        item.categories = [...new Set(categories as string[])];
        return { status: 200, body: messageJson(req, item, []) };
      }
    }

    if (method === 'GET' && /^\/messages$/i.test(rest)) {
      const filter = /^internetMessageId eq '((?:[^']|'')*)'$/.exec(url.searchParams.get('$filter') ?? '');
      if (!filter) return undefined;
      const wanted = (filter[1] ?? '').replace(/''/g, "'");
      const select = (url.searchParams.get('$select') ?? '').split(',');
      const hits = items
        .filter((i) => i.internetMessageId === wanted)
        .map((i) => messageJson(req, i, select));
      const sentHits = sentKnown
        .filter((s) => s.internetMessageId === wanted)
        .map((s) => ({
          id: idFor(req, s.id),
          internetMessageId: s.internetMessageId,
          conversationId: s.conversationId,
          ...(select.includes('internetMessageHeaders')
            ? { internetMessageHeaders: Object.entries(s.headers).map(([name, v]) => ({ name, value: v })) }
            : {}),
        }));
      // Not ours: let the letters' half answer (its own inbox of delivered messages).
      if (hits.length === 0 && sentHits.length === 0) return undefined;
      return { status: 200, body: { value: [...hits, ...sentHits] } };
    }
    return undefined;
  }

  return {
    route,
    async receive(mail) {
      const original = mail.inReplyTo
        ? (items.find((i) => i.internetMessageId === mail.inReplyTo) ??
          sentKnown.find((s) => s.internetMessageId === mail.inReplyTo))
        : undefined;
      const id = `AAMkImm-${createHash('sha256').update(randomUUID()).digest('hex').slice(0, 32)}`;
      const base = {
        internetMessageId: `<${randomUUID()}@mail.klager-voorbeeld.nl>`,
        conversationId: mail.conversationId ?? original?.conversationId ?? newConversationId(),
        subject: mail.subject,
        from: mail.from,
        receivedDateTime: new Date().toISOString(),
        bodyText: mail.bodyText,
        inReplyTo: mail.inReplyTo,
        references: mail.references ?? (mail.inReplyTo ? [mail.inReplyTo] : []),
      };
      const item: MailboxItem = {
        ...base,
        id,
        mailbox,
        hasAttachments: (mail.attachments ?? []).length > 0,
        categories: [],
        mime: buildMime(base, mailbox, mail.attachments),
      };
      items.push(item);
      // Graph notifies after it answered the change, not inside the request that made it.
      setImmediate(() => void notifyCreated(item));
      return { id, internetMessageId: item.internetMessageId, conversationId: item.conversationId };
    },
    setNotifications(on) {
      notificationsOn = on;
    },
    async fireLifecycle(event) {
      for (const s of [...subscriptions.values()]) {
        if (event === 'subscriptionRemoved') subscriptions.delete(s.id);
        await post(s.lifecycleNotificationUrl ?? s.notificationUrl, {
          value: [
            {
              subscriptionId: s.id,
              subscriptionExpirationDateTime: s.expirationDateTime,
              lifecycleEvent: event,
              clientState: s.clientState ?? null,
              tenantId: '00000000-0000-4000-8000-0000000000aa',
            },
          ],
        });
      }
    },
    subscriptions: () => [...subscriptions.values()],
    messages: () => [...items],
    knowSent(message) {
      sentKnown.push(message);
    },
    reset() {
      items.length = 0;
      sentKnown.length = 0;
      subscriptions.clear();
      notificationsOn = true;
    },
  };
}
