import type { HttpHandler } from '@azure/functions';
import type { ServicesFactory } from '../composition';
import { json, problem } from '../http/endpoint';

/** `GET /api/health` (no auth): ok only when storage answers, so a probe sees a broken deployment. */
export const health =
  (services: ServicesFactory): HttpHandler =>
  async (_request, context) => {
    try {
      await (await services()).probe.ping();
      return json(200, { status: 'ok' });
    } catch (error) {
      context.warn(`health: storage unreachable (${error instanceof Error ? error.name : 'unknown'})`);
      return problem(503, 'storage-unavailable', 'De opslag van het klachtenregister is niet bereikbaar.');
    }
  };
