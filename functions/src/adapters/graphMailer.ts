import type { Client, Context, GraphError, Middleware } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import { parseRetryAfter } from '../common/retryAfter';
import {
  LETTER_ID_HEADER,
  type LookupOutcome,
  type Mailer,
  type OutgoingLetter,
  type SendOutcome,
} from '../app/ports/mailer';
import type { GraphTokenSource } from './graphTokenSource';

export interface GraphMailerOptions {
  /** `https://graph.microsoft.com/v1.0` (KR_GRAPH_BASE_URL). */
  baseUrl: string;
  /** The complaints mailbox: the only mailbox the app's `Mail.Send` is scoped to. */
  mailbox: string;
  tokens: GraphTokenSource;
  /** Per request; past it the answer counts as lost. */
  timeoutMs: number;
}

/**
 * Internet headers are stored as named properties in the PS_INTERNET_HEADERS property set; Graph can filter
 * on such an extended property, not on `internetMessageHeaders` itself.
 */
export const letterIdPropertyId = `String {00020386-0000-0000-C000-000000000046} Name ${LETTER_ID_HEADER}`;

/**
 * Our own last link before fetch: adds the bearer token to every request. The SDK's AuthenticationHandler only
 * does so for https Graph hosts and `customHosts`; this client talks to exactly one origin (the configured one,
 * which is the plain-http sandbox locally), so it refuses any other and always authenticates. It also sets the
 * per-request timeout and asks for immutable ids, so a draft's id stays valid once it is moved to Sent Items.
 * There is deliberately no RetryHandler: retries are the outbox's job, where they are durable and bounded.
 */
class BearerMiddleware implements Middleware {
  private next: Middleware | undefined;
  constructor(
    private readonly tokens: GraphTokenSource,
    private readonly origin: string,
    private readonly timeoutMs: number,
  ) {}

  async execute(context: Context): Promise<void> {
    const url = typeof context.request === 'string' ? context.request : context.request.url;
    if (new URL(url).origin !== this.origin) throw new Error('Graph request to an unexpected host');
    const headers = new Headers(context.options?.headers);
    headers.set('Authorization', `Bearer ${await this.tokens.getToken()}`);
    headers.set('Prefer', 'IdType="ImmutableId"');
    context.options = { ...context.options, headers, signal: AbortSignal.timeout(this.timeoutMs) };
    if (!this.next) throw new Error('BearerMiddleware needs a next middleware');
    await this.next.execute(context);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

const idList = z.object({ value: z.array(z.object({ id: z.string(), sentDateTime: z.string().nullish() })) });
const withId = z.object({ id: z.string() });

/** OData string literal: single quotes doubled. The whole `$filter` is URL-encoded by the caller. */
const literal = (value: string): string => `'${value.replace(/'/g, "''")}'`;

/** Where in a send a failure happened: only a failure of the final request can have sent the letter. */
type Stage = 'before' | 'final';

type GraphSdk = typeof import('@microsoft/microsoft-graph-client');

/** The Graph SDK once loaded: every GraphError comes from a request made after that. */
let loadedSdk: GraphSdk | undefined;

const isGraphError = (error: unknown): error is GraphError =>
  loadedSdk !== undefined && error instanceof loadedSdk.GraphError;

function classify(error: unknown, stage: Stage, now: Date): SendOutcome {
  const status = isGraphError(error) ? error.statusCode : -1;
  const retryAfterMs = isGraphError(error)
    ? parseRetryAfter(error.headers?.get('retry-after'), now)
    : undefined;
  const after = retryAfterMs !== undefined ? { retryAfterMs } : {};
  if (status === 429) return { kind: 'notSent', retryable: true, code: 'throttled', ...after };
  // A 503 on the final request may come after Exchange accepted the message: look before sending again.
  if (status === 503 && stage === 'final') return { kind: 'unknown', code: 'unavailable' };
  if (status === 503) return { kind: 'notSent', retryable: true, code: 'unavailable', ...after };
  if (status <= 0 || status >= 500) {
    const code = status <= 0 ? 'no-answer' : `http-${status}`;
    return stage === 'final'
      ? { kind: 'unknown', code }
      : { kind: 'notSent', retryable: true, code, ...after };
  }
  // 401/403: a token or permission problem an administrator can fix; 404: the original vanished meanwhile.
  const retryable = status === 401 || status === 403 || status === 404 || status === 408;
  return { kind: 'notSent', retryable, code: `http-${status}` };
}

/**
 * The {@link Mailer} on Microsoft Graph, as the complaints mailbox (Exchange RBAC: `Mail.Send`, and `Mail.ReadWrite`
 * for replies in the thread and the Sent Items check; with `Mail.Send` alone letters go as new messages).
 * A letter goes as a reply in the complainant's thread when their e-mail is in the mailbox (createReply,
 * then PATCH the body and recipient, then send), otherwise as a new message (sendMail). Either way it carries
 * its letter id in an `x-` header, and a copy is saved in Sent Items, where {@link Mailer.findSent} finds it.
 */
export function createGraphMailer(options: GraphMailerOptions): Mailer {
  const base = new URL(options.baseUrl);
  const version = base.pathname.replace(/^\/+|\/+$/g, '') || 'v1.0';
  // The SDK is loaded with the first letter, not at every cold start: most requests send none. A failed load is
  // not kept, so the next letter tries again; until then the letter counts as not sent (no answer).
  let pending: Promise<Client> | undefined;
  const graph = (): Promise<Client> =>
    (pending ??= import('@microsoft/microsoft-graph-client').then(
      (sdk) => {
        loadedSdk = sdk;
        return sdk.Client.initWithMiddleware({
          baseUrl: base.origin,
          defaultVersion: version,
          middleware: [
            new BearerMiddleware(options.tokens, base.origin, options.timeoutMs),
            new sdk.HTTPMessageHandler(),
          ],
        });
      },
      (error: unknown) => {
        pending = undefined;
        throw error;
      },
    ));
  const user = `/users/${encodeURIComponent(options.mailbox)}`;

  const headersOf = (letter: OutgoingLetter) => [{ name: LETTER_ID_HEADER, value: letter.letterId }];
  const bodyOf = (letter: OutgoingLetter) => ({
    subject: letter.subject,
    body: { contentType: 'HTML', content: letter.html },
    toRecipients: [{ emailAddress: { address: letter.to.address, name: letter.to.name } }],
  });

  async function findOriginal(internetMessageId: string): Promise<string | undefined> {
    const filter = encodeURIComponent(`internetMessageId eq ${literal(internetMessageId)}`);
    const client = await graph();
    const found = idList.parse(
      await client.api(`${user}/messages?$filter=${filter}&$select=id&$top=1`).get(),
    );
    return found.value[0]?.id;
  }

  async function sendNew(letter: OutgoingLetter): Promise<SendOutcome> {
    try {
      const client = await graph();
      await client.api(`${user}/sendMail`).post({
        message: { ...bodyOf(letter), internetMessageHeaders: headersOf(letter) },
        saveToSentItems: true,
      });
      return { kind: 'accepted', inThread: false };
    } catch (error) {
      return classify(error, 'final', new Date());
    }
  }

  async function sendReply(originalId: string, letter: OutgoingLetter): Promise<SendOutcome> {
    let draftId: string;
    const client = await graph();
    try {
      const draft: unknown = await client
        .api(`${user}/messages/${encodeURIComponent(originalId)}/createReply`)
        .post({ message: { internetMessageHeaders: headersOf(letter) } });
      draftId = withId.parse(draft).id;
    } catch (error) {
      return classify(error, 'before', new Date());
    }
    const draftPath = `${user}/messages/${encodeURIComponent(draftId)}`;
    try {
      // Replaces the draft's quoted original (the complainant's raw e-mail) and its recipient (the sender of
      // the original) with exactly our letter and the complainant the handler confirmed.
      await client.api(draftPath).patch(bodyOf(letter));
    } catch (error) {
      await client
        .api(draftPath)
        .delete()
        .catch(() => undefined);
      return classify(error, 'before', new Date());
    }
    try {
      // Graph's contract: send takes no request body at all (not `{}`).
      await client.api(`${draftPath}/send`).post(undefined);
      return { kind: 'accepted', inThread: true, graphMessageId: draftId };
    } catch (error) {
      return classify(error, 'final', new Date());
    }
  }

  return {
    async send(letter) {
      try {
        await options.tokens.getToken();
      } catch {
        return { kind: 'notSent', retryable: true, code: 'no-token' };
      }
      if (letter.replyTo) {
        let originalId: string | undefined;
        try {
          originalId = await findOriginal(letter.replyTo);
        } catch (error) {
          // Without read access to the mailbox (only Mail.Send granted) the letter still goes, as a new message.
          if (!(isGraphError(error) && (error.statusCode === 403 || error.statusCode === 404))) {
            return classify(error, 'before', new Date());
          }
        }
        if (originalId) {
          const reply = await sendReply(originalId, letter);
          // Replying needs Mail.ReadWrite on the mailbox; refused, the letter goes as a new message instead.
          if (reply.kind === 'notSent' && reply.code === 'http-403') return sendNew(letter);
          return reply;
        }
      }
      return sendNew(letter);
    },

    async findSent(letterId): Promise<LookupOutcome> {
      const filter = encodeURIComponent(
        `singleValueExtendedProperties/any(ep: ep/id eq ${literal(letterIdPropertyId)} and ep/value eq ${literal(letterId)})`,
      );
      try {
        const client = await graph();
        const found = idList.parse(
          await client
            .api(`${user}/mailFolders/sentitems/messages?$filter=${filter}&$select=id,sentDateTime&$top=1`)
            .get(),
        );
        const hit = found.value[0];
        if (!hit) return { kind: 'notFound' };
        return {
          kind: 'found',
          graphMessageId: hit.id,
          ...(hit.sentDateTime ? { sentAt: hit.sentDateTime } : {}),
        };
      } catch (error) {
        const outcome = classify(error, 'before', new Date());
        return {
          kind: 'error',
          code: outcome.kind === 'notSent' || outcome.kind === 'unknown' ? outcome.code : 'lookup',
          ...(outcome.kind === 'notSent' && outcome.retryAfterMs !== undefined
            ? { retryAfterMs: outcome.retryAfterMs }
            : {}),
        };
      }
    },
  };
}
