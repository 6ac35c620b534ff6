import type { HttpHandler, HttpRequest, InvocationContext, TimerHandler } from '@azure/functions';
import { z } from 'zod';
import { toAmsterdamDate } from '../../../domain/src/localDate';
import type { Services, ServicesFactory } from '../composition';
import type { FunctionDefinition } from '../definitions';
import { revisionTag, toSummary } from '../app/complaintViews';
import { linkMessage, linkRequest } from '../app/conversation/linkMessage';
import {
  dismissUnreviewed,
  getMessageText,
  getOriginalMessage,
  listConversation,
  listUnreviewed,
} from '../app/conversation/conversationQueries';
import { ensureSubscription, handleNotifications, syncInbox } from '../app/conversation/captureMessage';
import { endpoint, json, readJson, readJsonBody } from '../http/endpoint';

const param = (request: HttpRequest, name: string): string => request.params[name] ?? '';

export const mailboxSchedules = {
  /** Renews the subscription well before its 10,080-minute maximum; also recreates a lost one. */
  mailboxSubscription: '0 20 */6 * * *',
  /** The safety net: a delta round over the Inbox, so a lost notification never loses a reply. */
  mailboxDelta: '0 */15 * * * *',
} as const;

const dismissBody = z.object({ reason: z.string().trim().min(2).max(200) });

/** `POST /api/complaints/{id}/messages`: 201 linked, 200 linked before, 409 when the e-mail is a complaint itself. */
const postMessage = (services: ServicesFactory): HttpHandler =>
  endpoint(services, async ({ request, services: s, principal }) => {
    const body = await readJson(request, linkRequest);
    const { doc, created } = await linkMessage(s.conversation, principal, param(request, 'id'), body);
    return json(created ? 201 : 200, toSummary(doc, principal, toAmsterdamDate(s.clock.now())), {
      etag: revisionTag(doc),
    });
  });

const getMessages = (services: ServicesFactory): HttpHandler =>
  endpoint(services, async ({ request, services: s, principal }) =>
    json(200, { items: await listConversation(s.conversation, principal, param(request, 'id')) }),
  );

const getOriginal = (services: ServicesFactory): HttpHandler =>
  endpoint(services, async ({ request, services: s, principal }) => {
    const original = await getOriginalMessage(
      s.conversation,
      principal,
      param(request, 'id'),
      param(request, 'seq'),
    );
    return {
      status: 200,
      headers: {
        'content-type': 'message/rfc822',
        'content-length': String(original.bytes.length),
        'content-disposition': `attachment; filename="bericht-${param(request, 'seq').replace(/[^\w-]/g, '')}.eml"`,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-store',
        ...(original.sha256 ? { 'x-content-sha256': original.sha256 } : {}),
      },
      body: original.bytes,
    };
  });

const getMessage = (services: ServicesFactory): HttpHandler =>
  endpoint(services, async ({ request, services: s, principal }) =>
    json(200, await getMessageText(s.conversation, principal, param(request, 'id'), param(request, 'seq'))),
  );

const getUnreviewed = (services: ServicesFactory): HttpHandler =>
  endpoint(services, async ({ services: s, principal }) =>
    json(200, { items: await listUnreviewed(s.conversation, principal) }),
  );

const postDismiss = (services: ServicesFactory): HttpHandler =>
  endpoint(services, async ({ request, services: s, principal }) => {
    const { reason } = await readJson(request, dismissBody);
    await dismissUnreviewed(s.conversation, principal, param(request, 'id'), reason);
    return { status: 204 };
  });

/**
 * `POST /api/mailbox/notifications`: Graph's change and lifecycle notifications. Not an Entra-authenticated
 * route (Graph calls it): the validation handshake echoes the token as text/plain, and every notification must
 * carry our clientState. In Azure the URL carries the function key as well. Graph wants an answer within
 * seconds; a notification that could not be handled is caught up by the delta timer.
 */
const notifications =
  (services: ServicesFactory): HttpHandler =>
  async (request: HttpRequest, context: InvocationContext) => {
    const token = request.query.get('validationToken');
    if (token !== null) {
      return { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: token };
    }
    let items: unknown;
    try {
      const body = (await readJsonBody(request)) as { value?: unknown };
      items = body.value;
    } catch {
      items = undefined;
    }
    if (!Array.isArray(items))
      return {
        status: 400,
        headers: { 'content-type': 'application/problem+json' },
        body: JSON.stringify({
          type: 'urn:klachtenregister:problem:validation',
          title: 'Geen meldingen in het verzoek.',
          status: 400,
        }),
      };
    try {
      const s = await services();
      const { accepted, rejected } = await handleNotifications(s.conversation, items as never[]);
      if (rejected > 0) context.warn(`notifications rejected: ${rejected} (clientState)`);
      context.log(`notifications accepted: ${accepted}`);
    } catch (error) {
      // Acknowledged anyway: the delta timer picks the e-mail up; Graph retrying would not help.
      context.error(`notification handling failed: ${error instanceof Error ? error.name : typeof error}`);
    }
    return { status: 202 };
  };

const timer =
  (
    services: ServicesFactory,
    run: (s: Services, log: (line: string) => void) => Promise<unknown>,
  ): TimerHandler =>
  async (_timer, context) => {
    await run(await services(), (line) => context.log(line));
  };

/** Mailbox capture: the conversation routes, Graph's notification endpoint and the capture timers. */
export function mailboxFunctions(services: ServicesFactory): FunctionDefinition[] {
  return [
    {
      kind: 'http',
      name: 'linkMessage',
      route: 'complaints/{id}/messages',
      methods: ['POST'],
      handler: postMessage(services),
    },
    {
      kind: 'http',
      name: 'listMessages',
      route: 'complaints/{id}/messages',
      methods: ['GET'],
      handler: getMessages(services),
    },
    {
      kind: 'http',
      name: 'messageText',
      route: 'complaints/{id}/messages/{seq}',
      methods: ['GET'],
      handler: getMessage(services),
    },
    {
      kind: 'http',
      name: 'originalMessage',
      route: 'complaints/{id}/messages/{seq}/original',
      methods: ['GET'],
      handler: getOriginal(services),
    },
    {
      kind: 'http',
      name: 'unreviewedMail',
      route: 'mailbox/unreviewed',
      methods: ['GET'],
      handler: getUnreviewed(services),
    },
    {
      kind: 'http',
      name: 'dismissUnreviewed',
      route: 'mailbox/unreviewed/{id}/dismiss',
      methods: ['POST'],
      handler: postDismiss(services),
    },
    {
      kind: 'http',
      name: 'mailboxNotifications',
      route: 'mailbox/notifications',
      methods: ['POST'],
      authLevel: 'function',
      handler: notifications(services),
    },
    {
      kind: 'timer',
      name: 'mailboxSubscription',
      schedule: mailboxSchedules.mailboxSubscription,
      handler: timer(services, async (s, log) =>
        log(`subscription: ${await ensureSubscription(s.conversation)}`),
      ),
    },
    {
      kind: 'timer',
      name: 'mailboxDelta',
      schedule: mailboxSchedules.mailboxDelta,
      handler: timer(services, async (s, log) =>
        log(`delta: ${JSON.stringify(await syncInbox(s.conversation))}`),
      ),
    },
  ];
}
