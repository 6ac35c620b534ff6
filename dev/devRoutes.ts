import type { ServerResponse } from 'node:http';
import { z } from 'zod';
import type { DevRoute } from './localHost';
import type { SettableClock } from './devClock';
import type { GraphSandbox } from './graphSandbox';

function send(res: ServerResponse, status: number, body: unknown): void {
  res
    .writeHead(status, { 'content-type': status < 400 ? 'application/json' : 'application/problem+json' })
    .end(JSON.stringify(body));
}

const clockBody = z.object({ now: z.iso.datetime({ offset: true }).nullable() });

/** Dev-only routes of the local host: the clock and the sandbox's mailbox. None of these exist in Azure. */
export function devRoutes(clock: SettableClock, graph: GraphSandbox): Map<string, DevRoute> {
  return new Map<string, DevRoute>([
    [
      'POST /dev/clock',
      (_req, body, res) => {
        let parsed;
        try {
          parsed = clockBody.safeParse(JSON.parse(body.toString('utf8')));
        } catch {
          parsed = undefined;
        }
        if (!parsed?.success) {
          return send(res, 400, {
            type: 'urn:klachtenregister:problem:validation',
            title: 'Geef {"now": "<ISO-tijdstip>"} of {"now": null}.',
            status: 400,
          });
        }
        clock.set(parsed.data.now === null ? null : new Date(parsed.data.now));
        send(res, 200, { now: clock.now().toISOString(), fixed: clock.isFixed() });
      },
    ],
    [
      'GET /dev/clock',
      (_req, _body, res) => send(res, 200, { now: clock.now().toISOString(), fixed: clock.isFixed() }),
    ],
    [
      'GET /dev/mailbox',
      (_req, _body, res) =>
        send(
          res,
          200,
          graph.sent().map((m) => ({
            to: m.to,
            subject: m.subject,
            text: m.text,
            html: m.html,
            headers: m.headers,
            sentAt: m.sentAt,
          })),
        ),
    ],
  ]);
}
