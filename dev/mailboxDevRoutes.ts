import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { DevRoute } from './localHost';
import type { GraphSandbox } from './graphSandbox';

const party = z.object({ name: z.string().max(200), address: z.email() });
const incomingBody = z.object({
  from: party,
  subject: z.string().max(1000),
  bodyText: z.string().max(100_000),
  inReplyTo: z.string().max(2000).optional(),
  conversationId: z.string().max(2000).optional(),
  attachments: z
    .array(
      z.object({
        name: z.string().min(1).max(255),
        contentType: z.string().max(200),
        contentBase64: z.base64(),
      }),
    )
    .max(10)
    .optional(),
});
const switchBody = z.object({ on: z.boolean() });
const lifecycleBody = z.object({
  event: z.enum(['missed', 'reauthorizationRequired', 'subscriptionRemoved']),
});

function send(res: ServerResponse, status: number, body: unknown): void {
  res
    .writeHead(status, { 'content-type': status < 400 ? 'application/json' : 'application/problem+json' })
    .end(JSON.stringify(body));
}

const problem = (res: ServerResponse, status: number, code: string, title: string) =>
  send(res, status, { type: `urn:klachtenregister:problem:${code}`, title, status });

/**
 * These routes change the sandbox's mailbox, so a page on another origin must not be able to call them (a
 * simple cross-site form post cannot send application/json, and a foreign Origin is refused).
 */
function guarded<T>(
  allowedOrigin: string,
  schema: z.ZodType<T>,
  run: (body: T, res: ServerResponse) => Promise<void>,
): DevRoute {
  return async (req: IncomingMessage, raw: Buffer, res: ServerResponse) => {
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== allowedOrigin)
      return problem(res, 403, 'forbidden-origin', 'Deze ontwikkelroute is alleen voor de lokale add-in.');
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? ''))
      return problem(
        res,
        415,
        'unsupported-media-type',
        'Stuur de gegevens als JSON (Content-Type: application/json).',
      );
    let parsed;
    try {
      parsed = schema.safeParse(JSON.parse(raw.toString('utf8')));
    } catch {
      parsed = undefined;
    }
    if (!parsed?.success) return problem(res, 400, 'validation', 'Niet alle velden zijn goed ingevuld.');
    await run(parsed.data, res);
  };
}

/** Dev-only: the complaint's side of the mailbox — the complainant writes, notifications on/off, lifecycle events. */
export function mailboxDevRoutes(graph: GraphSandbox, allowedOrigin: string): Map<string, DevRoute> {
  return new Map<string, DevRoute>([
    [
      'POST /dev/mailbox/incoming',
      guarded(allowedOrigin, incomingBody, async (body, res) => {
        const received = await graph.receiveMail({
          from: body.from,
          subject: body.subject,
          bodyText: body.bodyText,
          ...(body.inReplyTo ? { inReplyTo: body.inReplyTo } : {}),
          ...(body.conversationId ? { conversationId: body.conversationId } : {}),
          ...(body.attachments ? { attachments: body.attachments } : {}),
        });
        send(res, 201, received);
      }),
    ],
    [
      'POST /dev/mailbox/notifications',
      guarded(allowedOrigin, switchBody, async (body, res) => {
        graph.mailbox.setNotifications(body.on);
        send(res, 200, { on: body.on });
      }),
    ],
    [
      'POST /dev/mailbox/lifecycle',
      guarded(allowedOrigin, lifecycleBody, async (body, res) => {
        await graph.mailbox.fireLifecycle(body.event);
        send(res, 200, { fired: body.event });
      }),
    ],
  ]);
}
