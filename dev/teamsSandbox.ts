import type { ServerResponse } from 'node:http';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { teamsMessageSchema } from './adaptiveCardSchema';
import type { DevRoute } from './localHost';

/** Teams refuses messages over 28 KB. */
const maxBytes = 28 * 1024;

export interface ReceivedCard {
  receivedAt: string;
  bytes: number;
  message: unknown;
}

export interface TeamsSandbox {
  routes: Map<string, DevRoute>;
  received(): readonly ReceivedCard[];
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

/**
 * Dev and tests only: stands in for a Teams Workflows webhook on the local host. `POST /dev/teams/webhook`
 * validates the message like Teams would (envelope, Adaptive Card schema subset, 28 KB) and answers 202;
 * `GET /dev/teams` lists what arrived. `now` is the dev clock, so a card's time matches the timer that sent it.
 */
export function createTeamsSandbox(now: () => Date): TeamsSandbox {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(teamsMessageSchema);
  const cards: ReceivedCard[] = [];
  const routes = new Map<string, DevRoute>([
    [
      'POST /dev/teams/webhook',
      (req, body, res) => {
        if (!/^application\/json\b/i.test(req.headers['content-type'] ?? ''))
          return send(res, 415, { error: 'Content-Type must be application/json' });
        if (body.length > maxBytes) return send(res, 413, { error: `message over ${maxBytes} bytes` });
        let message: unknown;
        try {
          message = JSON.parse(body.toString('utf8'));
        } catch {
          return send(res, 400, { error: 'not JSON' });
        }
        if (!validate(message))
          return send(res, 400, { error: 'invalid Adaptive Card message', details: validate.errors });
        cards.push({ receivedAt: now().toISOString(), bytes: body.length, message });
        res.writeHead(202).end();
      },
    ],
    ['GET /dev/teams', (_req, _body, res) => send(res, 200, cards)],
  ]);
  return { routes, received: () => cards };
}
