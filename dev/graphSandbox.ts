import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { createMailboxSandbox, type IncomingMail, type MailboxSandbox } from './graphMailboxSandbox';

/**
 * Dev and tests only: speaks the subset of Microsoft Graph the app uses, and checks requests the way Graph
 * does (bearer token, payload shape, `x-` header names), so a contract mistake fails here and not in a
 * customer's tenant. Accepted messages are kept in memory and listed newest first.
 *
 * The subset: `sendMail`; message lookup by internetMessageId; `createReply`, PATCH and `send` of the draft
 * (DELETE of a draft); Sent Items lookup by an internet header (the PS_INTERNET_HEADERS extended property).
 * Faults can be queued one per request, or drawn at random for every request; each kind behaves like Graph
 * under stress: 429 with Retry-After, 503, an answer that comes after the client gave up (the request *was*
 * processed), and an answer that is lost after the request was processed.
 */
export interface SentMessage {
  id: string;
  mailbox: string;
  to: string[];
  subject: string;
  html: string | undefined;
  text: string | undefined;
  headers: Record<string, string>;
  /** internetMessageId of the message this one answers (createReply), if any. */
  inReplyTo: string | undefined;
  /** Exchange gives every sent message its own internetMessageId; a reply keeps its thread's conversation. */
  internetMessageId: string;
  conversationId: string;
  sentAt: string;
}

/** A message that arrived in the mailbox (the complainant's e-mail), so that a reply can find it. */
export interface InboxMessage {
  internetMessageId: string;
  from: { name: string; address: string };
  subject: string;
  /** The e-mail's HTML body; createReply quotes it, as Outlook does. */
  html?: string;
}

export type Fault = 'throttle' | 'unavailable' | 'slow' | 'lostAnswer';
export const ALL_FAULTS: readonly Fault[] = ['throttle', 'unavailable', 'slow', 'lostAnswer'];

export interface SandboxStats {
  requests: number;
  faults: Record<Fault, number>;
}

export interface GraphSandbox {
  url: string;
  /** Base URL the app is configured with (`KR_GRAPH_BASE_URL`). */
  baseUrl: string;
  sent(): readonly SentMessage[];
  /** Queues faults for the next requests, one per request, in order (`none`: that request goes through). */
  injectFaults(faults: (Fault | 'none')[]): void;
  /** Every request (after the queued ones) fails with probability `rate`, with a kind drawn from `kinds`. */
  setFaultRate(rate: number, kinds?: readonly Fault[], random?: () => number): void;
  /** How long a `slow` answer takes; past the client's timeout, so the client gives up. */
  setSlowMs(ms: number): void;
  /** Refuses (503) every send to this address, as a mailbox that is down for good would. */
  refuseRecipient(address: string): void;
  /** The next `times` sends to this address answer 429 with Retry-After: 1, as a throttled mailbox would. */
  throttleRecipient(address: string, times: number): void;
  /** Puts a message in the mailbox, as if it had been received; returns its Graph id. */
  deliverToMailbox(message: InboxMessage): string;
  stats(): SandboxStats;
  /** The complaints mailbox's Inbox, subscriptions, notifications, delta, MIME and categories. */
  mailbox: MailboxSandbox;
  /** Puts an e-mail in the Inbox and notifies like Graph (`POST /dev/mailbox/incoming`). */
  receiveMail(mail: IncomingMail): Promise<{ id: string; internetMessageId: string; conversationId: string }>;
  /** Forgets messages, faults and refusals. */
  reset(): void;
  close(): Promise<void>;
}

export interface GraphSandboxOptions {
  /** Only this mailbox may be used (Exchange RBAC for Applications); omitted: any. */
  mailbox?: string;
  slowMs?: number;
  /** Only `Mail.Send` granted: reading the mailbox and drafting replies answer 403, as Exchange would. */
  sendOnly?: boolean;
  /** Concurrent requests per mailbox before Graph answers 429 (Outlook's documented limit is 4). */
  maxConcurrentPerMailbox?: number;
}

interface GraphRecipient {
  emailAddress?: { address?: unknown; name?: unknown };
}
interface GraphMessage {
  subject?: unknown;
  body?: { contentType?: unknown; content?: unknown };
  toRecipients?: GraphRecipient[];
  internetMessageHeaders?: { name?: unknown; value?: unknown }[];
}

interface Draft {
  id: string;
  mailbox: string;
  message: GraphMessage;
  inReplyTo: string;
}

interface StoredInbox extends InboxMessage {
  id: string;
  mailbox: string | undefined;
  conversationId?: string;
}

function graphError(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(
    JSON.stringify({
      error: { code, message, innerError: { 'request-id': randomUUID(), date: new Date().toISOString() } },
    }),
  );
}

/** Returns an error text for a message Graph would refuse, or undefined when it is acceptable. */
export function checkMessage(message: GraphMessage | undefined): string | undefined {
  if (!message || typeof message !== 'object') return 'message is required';
  if (typeof message.subject !== 'string') return 'message.subject must be a string';
  const ct = message.body?.contentType;
  if (ct !== 'HTML' && ct !== 'Text' && ct !== 'html' && ct !== 'text')
    return 'message.body.contentType must be Text or HTML';
  if (typeof message.body?.content !== 'string') return 'message.body.content must be a string';
  const to = message.toRecipients;
  if (!Array.isArray(to) || to.length === 0) return 'message.toRecipients must not be empty';
  for (const r of to) {
    const a = r.emailAddress?.address;
    if (typeof a !== 'string' || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(a))
      return 'toRecipients[].emailAddress.address is invalid';
  }
  return checkHeaders(message);
}

function checkHeaders(message: GraphMessage): string | undefined {
  const headers = message.internetMessageHeaders ?? [];
  if (!Array.isArray(headers)) return 'internetMessageHeaders must be an array';
  for (const h of headers) {
    if (typeof h.name !== 'string' || !/^x-/i.test(h.name) || typeof h.value !== 'string') {
      return 'internetMessageHeaders names must start with x- or X-';
    }
  }
  return undefined;
}

/** `'it''s'` → `it's`. */
const unquote = (literal: string): string => literal.replace(/''/g, "'");

const internetMessageIdFilter = /^internetMessageId eq '((?:[^']|'')*)'$/;
const headerFilter =
  /^singleValueExtendedProperties\/any\(ep:\s*ep\/id eq 'String \{00020386-0000-0000-C000-000000000046\} Name ([^']+)' and ep\/value eq '((?:[^']|'')*)'\)$/i;

export async function startGraphSandbox(
  port: number,
  options: GraphSandboxOptions = {},
): Promise<GraphSandbox> {
  const sent: SentMessage[] = [];
  const inbox: StoredInbox[] = [];
  const drafts = new Map<string, Draft>();
  const faults: (Fault | 'none')[] = [];
  const refused = new Set<string>();
  /** Sends still to be throttled, per recipient address. */
  const throttled = new Map<string, number>();
  const mailboxHalf = createMailboxSandbox(options.mailbox?.toLowerCase() ?? 'klachten@example.org');
  const inFlight = new Map<string, number>();
  const maxConcurrent = options.maxConcurrentPerMailbox ?? 4;
  let randomFaults: { rate: number; kinds: readonly Fault[]; random: () => number } | undefined;
  let slowMs = options.slowMs ?? 15_000;
  const stats: SandboxStats = {
    requests: 0,
    faults: { throttle: 0, unavailable: 0, slow: 0, lostAnswer: 0 },
  };

  async function readJson(req: IncomingMessage): Promise<unknown> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    return text ? (JSON.parse(text) as unknown) : undefined;
  }

  function nextFault(): Fault | undefined {
    const queued = faults.shift();
    if (queued) return queued === 'none' ? undefined : queued;
    if (randomFaults && randomFaults.random() < randomFaults.rate) {
      const kinds = randomFaults.kinds;
      return kinds[Math.floor(randomFaults.random() * kinds.length) % kinds.length];
    }
    return undefined;
  }

  function accept(mailbox: string, message: GraphMessage, id: string, inReplyTo?: string): SentMessage {
    const headers: Record<string, string> = {};
    for (const h of message.internetMessageHeaders ?? [])
      headers[String(h.name).toLowerCase()] = String(h.value);
    const isHtml = String(message.body?.contentType).toLowerCase() === 'html';
    const content = String(message.body?.content);
    const record: SentMessage = {
      id,
      mailbox,
      to: (message.toRecipients ?? []).map((r) => String(r.emailAddress?.address)),
      subject: String(message.subject),
      html: isHtml ? content : undefined,
      text: isHtml ? undefined : content,
      headers,
      inReplyTo,
      internetMessageId: `<${randomUUID()}@klachten.sandbox>`,
      conversationId:
        inbox.find((i) => i.internetMessageId === inReplyTo)?.conversationId ?? `AAQkSent${randomUUID()}`,
      sentAt: new Date().toISOString(),
    };
    sent.push(record);
    mailboxHalf.knowSent({
      id: record.id,
      internetMessageId: record.internetMessageId,
      conversationId: record.conversationId,
      headers,
    });
    return record;
  }

  /** A send to a refused recipient fails like an unavailable service, every time. */
  const isRefused = (message: GraphMessage): boolean =>
    (message.toRecipients ?? []).some((r) => {
      const address = r.emailAddress?.address;
      return typeof address === 'string' && refused.has(address.toLowerCase());
    });

  /** A send to a throttled recipient answers 429 while its count lasts (each send uses one). */
  const isThrottled = (message: GraphMessage): boolean =>
    (message.toRecipients ?? []).some((r) => {
      const address = String(r.emailAddress?.address).toLowerCase();
      const left = throttled.get(address) ?? 0;
      if (left <= 0) return false;
      throttled.set(address, left - 1);
      return true;
    });

  type Answer = {
    status: number;
    body?: unknown;
    raw?: { contentType: string; bytes: Buffer };
    error?: { code: string; message: string };
    headers?: Record<string, string>;
  };

  /** Handles a request that got past faults and auth; returns the answer to write (or not, when lost). */
  async function route(req: IncomingMessage, url: URL, body: unknown): Promise<Answer> {
    const path = url.pathname;
    const user = /^\/v1\.0\/users\/([^/]+)(\/.*)$/.exec(path);
    if (!user?.[1] || !user[2]) return notFound(path);
    const mailbox = decodeURIComponent(user[1]).toLowerCase();
    const rest = user[2];
    if (options.mailbox && mailbox !== options.mailbox.toLowerCase()) {
      return {
        status: 403,
        error: { code: 'ErrorAccessDenied', message: 'Access is denied. Check credentials and try again.' },
      };
    }
    if (options.sendOnly && rest !== '/sendMail') {
      return {
        status: 403,
        error: { code: 'ErrorAccessDenied', message: 'Access is denied. Check credentials and try again.' },
      };
    }
    if (body === 'invalid') return bad('Unable to read JSON request payload.');
    const mailboxAnswer = await mailboxHalf.route(req, url, body);
    if (mailboxAnswer) return mailboxAnswer;

    if (req.method === 'POST' && rest === '/sendMail') {
      const payload = body as { message?: GraphMessage } | undefined;
      const problem = checkMessage(payload?.message);
      if (problem) return bad(problem);
      if (isRefused(payload?.message ?? {})) return unavailable();
      if (isThrottled(payload?.message ?? {})) return throttledAnswer();
      accept(mailbox, payload?.message ?? {}, randomUUID());
      return { status: 202 };
    }

    if (req.method === 'GET' && /^\/messages$/i.test(rest)) {
      const filter = url.searchParams.get('$filter') ?? '';
      const m = internetMessageIdFilter.exec(filter);
      if (!m) return bad(`Unsupported $filter in the sandbox: ${filter.slice(0, 80)}`);
      const wanted = unquote(m[1] ?? '');
      const hits = inbox.filter(
        (i) => i.internetMessageId === wanted && (i.mailbox === undefined || i.mailbox === mailbox),
      );
      return { status: 200, body: { value: hits.map((h) => ({ id: h.id, subject: h.subject })) } };
    }

    if (req.method === 'GET' && /^\/mailFolders\/sentitems\/messages$/i.test(rest)) {
      const filter = url.searchParams.get('$filter') ?? '';
      const m = headerFilter.exec(filter);
      if (!m) return bad(`Unsupported $filter in the sandbox: ${filter.slice(0, 80)}`);
      const name = (m[1] ?? '').toLowerCase();
      const value = unquote(m[2] ?? '').toLowerCase();
      const hits = sent.filter((s) => s.mailbox === mailbox && s.headers[name]?.toLowerCase() === value);
      return {
        status: 200,
        body: { value: hits.map((h) => ({ id: h.id, sentDateTime: h.sentAt, subject: h.subject })) },
      };
    }

    const createReply = /^\/messages\/([^/]+)\/createReply$/.exec(rest);
    if (req.method === 'POST' && createReply?.[1]) {
      const original = inbox.find((i) => i.id === decodeURIComponent(createReply[1] ?? ''));
      if (!original) return missing();
      const message: GraphMessage = (body as { message?: GraphMessage } | undefined)?.message ?? {};
      const problem = checkHeaders(message);
      if (problem) return bad(problem);
      const draft: Draft = {
        id: randomUUID(),
        mailbox,
        inReplyTo: original.internetMessageId,
        message: {
          subject: `RE: ${original.subject}`,
          // Like Outlook: the reply quotes the original, and goes to its sender.
          body: { contentType: 'HTML', content: `<div>${original.html ?? ''}</div>` },
          toRecipients: [{ emailAddress: { address: original.from.address, name: original.from.name } }],
          ...(message.internetMessageHeaders
            ? { internetMessageHeaders: message.internetMessageHeaders }
            : {}),
        },
      };
      drafts.set(draft.id, draft);
      return { status: 201, body: { id: draft.id, ...draft.message } };
    }

    const send = /^\/messages\/([^/]+)\/send$/.exec(rest);
    if (req.method === 'POST' && send?.[1]) {
      // Graph's contract for message: send: "Do not supply a request body for this method" (not even `{}`).
      if (body !== undefined) return bad('The send action takes no request body.');
      const draft = drafts.get(decodeURIComponent(send[1] ?? ''));
      if (!draft || draft.mailbox !== mailbox) return missing();
      const problem = checkMessage(draft.message);
      if (problem) return bad(problem);
      if (isRefused(draft.message)) return unavailable();
      if (isThrottled(draft.message)) return throttledAnswer();
      drafts.delete(draft.id);
      // Immutable ids: the sent item keeps the draft's id.
      accept(mailbox, draft.message, draft.id, draft.inReplyTo);
      return { status: 202 };
    }

    const message = /^\/messages\/([^/]+)$/.exec(rest);
    if (message?.[1] && (req.method === 'PATCH' || req.method === 'DELETE')) {
      const draft = drafts.get(decodeURIComponent(message[1] ?? ''));
      if (!draft || draft.mailbox !== mailbox) return missing();
      if (req.method === 'DELETE') {
        drafts.delete(draft.id);
        return { status: 204 };
      }
      const patch = (body ?? {}) as GraphMessage;
      if (patch.internetMessageHeaders !== undefined) {
        return bad('internetMessageHeaders can only be set when the message is created.');
      }
      draft.message = { ...draft.message, ...patch };
      const partial = checkMessage({ ...draft.message });
      if (partial) return bad(partial);
      return { status: 200, body: { id: draft.id, ...draft.message } };
    }
    return notFound(path);
  }

  async function readJsonSafe(req: IncomingMessage): Promise<unknown> {
    try {
      return await readJson(req);
    } catch {
      return 'invalid';
    }
  }
  const bad = (message: string): Answer => ({ status: 400, error: { code: 'ErrorInvalidRequest', message } });
  const missing = (): Answer => ({
    status: 404,
    error: { code: 'ErrorItemNotFound', message: 'The specified object was not found in the store.' },
  });
  const unavailable = (): Answer => ({
    status: 503,
    error: { code: 'ServiceNotAvailable', message: 'Service unavailable.' },
  });
  const throttledAnswer = (): Answer => ({
    status: 429,
    error: { code: 'ApplicationThrottled', message: 'Too many requests.' },
    headers: { 'retry-after': '1' },
  });
  const notFound = (path: string): Answer => ({
    status: 400,
    error: { code: 'BadRequest', message: `Resource not found for the segment '${path}'.` },
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    stats.requests++;
    if (!/^Bearer \S+$/.test(req.headers.authorization ?? '')) {
      return graphError(res, 401, 'InvalidAuthenticationToken', 'Access token is empty.');
    }
    const url = new URL(req.url ?? '/', 'http://sandbox');
    const fault = nextFault();
    if (fault) stats.faults[fault]++;
    if (fault === 'throttle')
      return graphError(res, 429, 'TooManyRequests', 'Too many requests.', { 'retry-after': '1' });
    if (fault === 'unavailable')
      return graphError(res, 503, 'ServiceNotAvailable', 'Service unavailable.', { 'retry-after': '1' });

    // Outlook allows a few concurrent requests per app and mailbox; beyond them Graph answers 429.
    const scope = /^\/v1\.0\/users\/([^/]+)/.exec(url.pathname)?.[1]?.toLowerCase() ?? 'tenant';
    if ((inFlight.get(scope) ?? 0) >= maxConcurrent) {
      stats.faults.throttle++;
      return graphError(
        res,
        429,
        'ApplicationThrottled',
        'Application is over its MailboxConcurrency limit.',
        {
          'retry-after': '1',
        },
      );
    }
    inFlight.set(scope, (inFlight.get(scope) ?? 0) + 1);
    let answer: Answer;
    try {
      const body = req.method === 'POST' || req.method === 'PATCH' ? await readJsonSafe(req) : undefined;
      answer =
        (/^\/v1\.0\/subscriptions(\/|$)/i.test(url.pathname) && body !== 'invalid'
          ? await mailboxHalf.route(req, url, body)
          : undefined) ?? (await route(req, url, body));
    } finally {
      inFlight.set(scope, (inFlight.get(scope) ?? 1) - 1);
    }
    // The request was processed; now the answer is late, or never comes.
    if (fault === 'lostAnswer') return void res.destroy();
    if (fault === 'slow') {
      // Late, or never if the client gives up first (then nothing is left waiting when a test ends).
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, slowMs);
        res.once('close', () => {
          clearTimeout(timer);
          resolve();
        });
      });
      if (res.destroyed || req.socket.destroyed) return;
    }
    if (answer.error)
      return graphError(res, answer.status, answer.error.code, answer.error.message, answer.headers);
    if (answer.raw)
      return void res
        .writeHead(answer.status, { 'content-type': answer.raw.contentType })
        .end(answer.raw.bytes);
    if (answer.body === undefined) return void res.writeHead(answer.status).end();
    res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) graphError(res, 500, 'InternalServerError', 'Sandbox failure.');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    baseUrl: `${url}/v1.0`,
    sent: () => [...sent].reverse(),
    injectFaults: (f) => faults.push(...f),
    setFaultRate: (rate, kinds = ALL_FAULTS, random = Math.random) => {
      randomFaults = rate > 0 ? { rate, kinds, random } : undefined;
    },
    setSlowMs: (ms) => {
      slowMs = ms;
    },
    refuseRecipient: (address) => refused.add(address.toLowerCase()),
    throttleRecipient: (address, times) => throttled.set(address.toLowerCase(), times),
    deliverToMailbox: (message) => {
      const id = randomUUID();
      inbox.push({ ...message, id, mailbox: options.mailbox?.toLowerCase() });
      return id;
    },
    mailbox: mailboxHalf,
    receiveMail: async (mail) => {
      const received = await mailboxHalf.receive(mail);
      // The letters' half replies in this thread (createReply) like it does to any delivered message.
      inbox.push({
        id: received.id,
        mailbox: options.mailbox?.toLowerCase(),
        internetMessageId: received.internetMessageId,
        conversationId: received.conversationId,
        from: mail.from,
        subject: mail.subject,
        html: mail.bodyText,
      });
      return received;
    },
    stats: () => ({ requests: stats.requests, faults: { ...stats.faults } }),
    reset: () => {
      sent.length = 0;
      inbox.length = 0;
      drafts.clear();
      faults.length = 0;
      refused.clear();
      throttled.clear();
      mailboxHalf.reset();
      randomFaults = undefined;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
