import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';

/**
 * Dev and tests only: speaks the subset of Microsoft Graph the app uses, and checks requests the way Graph
 * does (bearer token, payload shape, `x-` header names), so a contract mistake fails here and not in a
 * customer's tenant. Accepted messages are kept in memory and listed newest first.
 */
export interface SentMessage {
  id: string;
  mailbox: string;
  to: string[];
  subject: string;
  html: string | undefined;
  text: string | undefined;
  headers: Record<string, string>;
  inReplyTo: string | undefined;
  sentAt: string;
}

export type Fault = 'throttle' | 'unavailable' | 'slow' | 'lostAnswer';

export interface GraphSandbox {
  url: string;
  /** Base URL the app is configured with (`KR_GRAPH_BASE_URL`). */
  baseUrl: string;
  sent(): readonly SentMessage[];
  /** Queues faults for the next requests, one per request, in order. */
  injectFaults(faults: Fault[]): void;
  close(): Promise<void>;
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
  for (const h of message.internetMessageHeaders ?? []) {
    if (typeof h.name !== 'string' || !/^x-/i.test(h.name) || typeof h.value !== 'string') {
      return 'internetMessageHeaders names must start with x- or X-';
    }
  }
  return undefined;
}

export async function startGraphSandbox(port: number): Promise<GraphSandbox> {
  const sent: SentMessage[] = [];
  const faults: Fault[] = [];

  async function readJson(req: IncomingMessage): Promise<unknown> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    return text ? (JSON.parse(text) as unknown) : undefined;
  }

  function accept(mailbox: string, message: GraphMessage, inReplyTo?: string): SentMessage {
    const headers: Record<string, string> = {};
    for (const h of message.internetMessageHeaders ?? [])
      headers[String(h.name).toLowerCase()] = String(h.value);
    const isHtml = String(message.body?.contentType).toLowerCase() === 'html';
    const content = String(message.body?.content);
    const record: SentMessage = {
      id: randomUUID(),
      mailbox,
      to: (message.toRecipients ?? []).map((r) => String(r.emailAddress?.address)),
      subject: String(message.subject),
      html: isHtml ? content : undefined,
      text: isHtml ? undefined : content,
      headers,
      inReplyTo,
      sentAt: new Date().toISOString(),
    };
    sent.push(record);
    return record;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!/^Bearer \S+$/.test(req.headers.authorization ?? '')) {
      return graphError(res, 401, 'InvalidAuthenticationToken', 'Access token is empty.');
    }
    const url = new URL(req.url ?? '/', 'http://sandbox');
    const fault = faults.shift();
    if (fault === 'throttle')
      return graphError(res, 429, 'TooManyRequests', 'Too many requests.', { 'retry-after': '1' });
    if (fault === 'unavailable')
      return graphError(res, 503, 'ServiceNotAvailable', 'Service unavailable.', { 'retry-after': '1' });
    if (fault === 'slow') await new Promise((r) => setTimeout(r, 15_000));

    const sendMail = /^\/v1\.0\/users\/([^/]+)\/sendMail$/.exec(url.pathname);
    if (req.method === 'POST' && sendMail?.[1]) {
      let body: { message?: GraphMessage; saveToSentItems?: unknown } | undefined;
      try {
        body = (await readJson(req)) as typeof body;
      } catch {
        return graphError(res, 400, 'BadRequest', 'Unable to read JSON request payload.');
      }
      const problem = checkMessage(body?.message);
      if (problem) return graphError(res, 400, 'ErrorInvalidRequest', problem);
      accept(decodeURIComponent(sendMail[1]), body?.message ?? {});
      if (fault === 'lostAnswer') return void res.destroy();
      return void res.writeHead(202).end();
    }

    const messages = /^\/v1\.0\/users\/([^/]+)\/(?:mailFolders\/sentitems\/)?messages$/i.exec(url.pathname);
    if (req.method === 'GET' && messages?.[1]) {
      return void res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ value: [] }));
    }
    return graphError(res, 400, 'BadRequest', `Resource not found for the segment '${url.pathname}'.`);
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => graphError(res, 500, 'InternalServerError', 'Sandbox failure.'));
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
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
