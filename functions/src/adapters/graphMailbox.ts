import { z } from 'zod';
import { LETTER_ID_HEADER } from '../app/ports/mailer';
import type { MailboxGraph, MailboxMessage } from '../app/ports/mailboxPorts';
import type { GraphTokenSource } from './graphTokenSource';
import { createLimiter } from '../common/boundedConcurrency';
import { retry, tryAgain, type TryAgain } from '../common/retry';

export interface GraphMailboxOptions {
  /** `https://graph.microsoft.com/v1.0` (KR_GRAPH_BASE_URL). */
  baseUrl: string;
  /** The complaints mailbox: the only mailbox the app's permissions are scoped to. */
  mailbox: string;
  tokens: GraphTokenSource;
  timeoutMs: number;
  /** Waits between throttled attempts; tests and the sandbox use the real Retry-After. */
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Outlook on Graph allows 4 concurrent requests per app and mailbox; the letter sender already uses up to 4,
 * so capture keeps to 2 of its own and still honours a 429's Retry-After.
 */
const maxConcurrent = 2;
const maxAttempts = 4;

export class GraphRequestError extends Error {
  override readonly name = 'GraphRequestError';
  constructor(readonly status: number) {
    super(`Graph answered ${status}`);
  }
}

const graphMessage = z.object({
  id: z.string(),
  internetMessageId: z.string().nullish(),
  conversationId: z.string().nullish(),
  subject: z.string().nullish(),
  from: z
    .object({ emailAddress: z.object({ name: z.string().nullish(), address: z.string().nullish() }) })
    .nullish(),
  receivedDateTime: z.string().nullish(),
  body: z.object({ content: z.string().nullish() }).nullish(),
  internetMessageHeaders: z.array(z.object({ name: z.string(), value: z.string() })).nullish(),
  categories: z.array(z.string()).nullish(),
});
const subscription = z.object({ id: z.string(), expirationDateTime: z.string() });
const deltaPage = z.object({
  value: z.array(z.object({ id: z.string(), '@removed': z.unknown().optional() })),
  '@odata.nextLink': z.string().optional(),
  '@odata.deltaLink': z.string().optional(),
});

const header = (m: z.infer<typeof graphMessage>, name: string): string | undefined =>
  m.internetMessageHeaders?.find((h) => h.name.toLowerCase() === name.toLowerCase())?.value;

/** `<a@b> <c@d>` → both ids. */
const messageIds = (value: string | undefined): string[] => value?.match(/<[^<>\s]+>/g) ?? [];

/** Crude but safe: an HTML body becomes text for the timeline; the MIME original keeps the real thing. */
const textOf = (html: string): string =>
  html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>|<\/p>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/**
 * The complaints mailbox on Microsoft Graph (application permission `Mail.ReadWrite`, scoped to that mailbox
 * with Exchange RBAC for Applications). Every request asks for immutable ids, so an id stays valid when a
 * message is moved; a 429 is retried after its Retry-After, at most a few times.
 */
export function createGraphMailbox(options: GraphMailboxOptions): MailboxGraph {
  const base = options.baseUrl.replace(/\/+$/, '');
  const origin = new URL(base).origin;
  const user = `${base}/users/${encodeURIComponent(options.mailbox)}`;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const slot = createLimiter(maxConcurrent);

  async function request(method: string, url: string, body?: unknown): Promise<Response> {
    if (new URL(url).origin !== origin) throw new Error('Graph request to an unexpected host');
    const attempt = async (n: number): Promise<Response | TryAgain> => {
      const res = await slot(async () =>
        fetch(url, {
          method,
          headers: {
            authorization: `Bearer ${await options.tokens.getToken()}`,
            prefer: 'IdType="ImmutableId"',
            ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          },
          ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
          signal: AbortSignal.timeout(options.timeoutMs),
        }),
      );
      if (res.status !== 429 || n + 1 >= maxAttempts) return res;
      await res.arrayBuffer();
      const seconds = Number(res.headers.get('retry-after') ?? '1');
      await sleep(Math.min(30, Number.isFinite(seconds) && seconds > 0 ? seconds : 1) * 1000);
      return tryAgain;
    };
    // A 429 waits its Retry-After (the wait Graph asks for, so no jitter of ours) and goes again, a few times;
    // the last answer, throttled or not, is the caller's.
    return retry(attempt, {
      attempts: maxAttempts,
      baseDelayMs: 0,
      maxDelayMs: 0,
      exhausted: () => {
        throw new GraphRequestError(429);
      },
    });
  }

  async function json(method: string, url: string, body?: unknown): Promise<unknown> {
    const res = await request(method, url, body);
    if (!res.ok) {
      await res.arrayBuffer();
      throw new GraphRequestError(res.status);
    }
    const text = await res.text();
    return text ? (JSON.parse(text) as unknown) : undefined;
  }

  const literal = (value: string): string => `'${value.replace(/'/g, "''")}'`;

  return {
    async createSubscription(input) {
      const created = subscription.parse(
        await json('POST', `${base}/subscriptions`, {
          changeType: 'created',
          notificationUrl: input.notificationUrl,
          lifecycleNotificationUrl: input.notificationUrl,
          resource: `/users/${options.mailbox}/mailFolders('Inbox')/messages`,
          expirationDateTime: input.expiresAt.toISOString(),
          clientState: input.clientState,
        }),
      );
      return { id: created.id, expiresAt: created.expirationDateTime };
    },
    async renewSubscription(id, expiresAt) {
      try {
        const renewed = subscription.parse(
          await json('PATCH', `${base}/subscriptions/${encodeURIComponent(id)}`, {
            expirationDateTime: expiresAt.toISOString(),
          }),
        );
        return { id: renewed.id, expiresAt: renewed.expirationDateTime };
      } catch (error) {
        if (error instanceof GraphRequestError && error.status === 404) return 'gone';
        throw error;
      }
    },
    async reauthorizeSubscription(id) {
      try {
        await json('POST', `${base}/subscriptions/${encodeURIComponent(id)}/reauthorize`, {});
        return 'ok';
      } catch (error) {
        if (error instanceof GraphRequestError && error.status === 404) return 'gone';
        throw error;
      }
    },
    async getMessage(id): Promise<MailboxMessage | undefined> {
      const select =
        'id,internetMessageId,conversationId,subject,from,receivedDateTime,body,internetMessageHeaders';
      let raw: unknown;
      try {
        raw = await json('GET', `${user}/messages/${encodeURIComponent(id)}?$select=${select}`);
      } catch (error) {
        if (error instanceof GraphRequestError && error.status === 404) return undefined;
        throw error;
      }
      const m = graphMessage.parse(raw);
      if (!m.internetMessageId) return undefined;
      const inReplyTo = messageIds(header(m, 'In-Reply-To'))[0];
      return {
        id: m.id,
        internetMessageId: m.internetMessageId,
        conversationId: m.conversationId ?? '',
        subject: m.subject ?? '',
        from: { name: m.from?.emailAddress.name ?? '', address: m.from?.emailAddress.address ?? '' },
        receivedAt: m.receivedDateTime ?? new Date().toISOString(),
        bodyText: textOf(m.body?.content ?? ''),
        inReplyTo,
        references: messageIds(header(m, 'References')),
      };
    },
    async findMessageId(internetMessageId) {
      const filter = encodeURIComponent(`internetMessageId eq ${literal(internetMessageId)}`);
      const found = z
        .object({ value: z.array(z.object({ id: z.string() })) })
        .parse(await json('GET', `${user}/messages?$filter=${filter}&$select=id&$top=1`));
      return found.value[0]?.id;
    },
    async letterIdOf(internetMessageId) {
      const filter = encodeURIComponent(`internetMessageId eq ${literal(internetMessageId)}`);
      const found = z
        .object({ value: z.array(graphMessage.partial({ id: true })) })
        .parse(
          await json('GET', `${user}/messages?$filter=${filter}&$select=id,internetMessageHeaders&$top=5`),
        );
      for (const m of found.value) {
        const value = m.internetMessageHeaders?.find((h) => h.name.toLowerCase() === LETTER_ID_HEADER)?.value;
        if (value) return value;
      }
      return undefined;
    },
    async getMime(id) {
      const res = await request('GET', `${user}/messages/${encodeURIComponent(id)}/$value`);
      if (res.status === 404) return undefined;
      if (!res.ok) throw new GraphRequestError(res.status);
      return Buffer.from(await res.arrayBuffer());
    },
    async deltaInbox(deltaLink) {
      let next: string | undefined =
        deltaLink ?? `${user}/mailFolders/inbox/messages/delta?changeType=created&$select=id`;
      const ids: string[] = [];
      for (let page = 0; next && page < 1000; page++) {
        const body = deltaPage.parse(await json('GET', next));
        for (const m of body.value) if (m['@removed'] === undefined) ids.push(m.id);
        if (body['@odata.deltaLink']) return { ids, deltaLink: body['@odata.deltaLink'] };
        next = body['@odata.nextLink'];
      }
      throw new Error('Delta query ended without a deltaLink');
    },
    async addCategories(id, categories) {
      const url = `${user}/messages/${encodeURIComponent(id)}`;
      const current = graphMessage.parse(await json('GET', `${url}?$select=id,categories`));
      const merged = [...new Set([...(current.categories ?? []), ...categories])];
      if (merged.length === (current.categories ?? []).length) return;
      await json('PATCH', url, { categories: merged });
    },
  };
}
