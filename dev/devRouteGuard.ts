import type { IncomingMessage } from 'node:http';

/**
 * Dev routes change the local stack's state (the clock, timers, tokens, the Teams stand-in). A web page the
 * developer happens to visit can send a "simple" cross-site POST (form or text/plain, no preflight) to
 * localhost; requiring `application/json` forces a preflight, which CORS refuses for any origin but the
 * add-in's, and a foreign `Origin` is refused outright. Tools (curl, tests, the app itself) send no Origin.
 */
export function devRouteRefusal(
  req: IncomingMessage,
  allowedOrigin: string,
): { status: 403 | 415; title: string } | undefined {
  if (req.method !== 'POST' && req.method !== 'PUT' && req.method !== 'PATCH' && req.method !== 'DELETE')
    return undefined;
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== allowedOrigin)
    return { status: 403, title: 'Dev-routes zijn niet bereikbaar vanaf een andere website.' };
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? ''))
    return { status: 415, title: 'Stuur dev-verzoeken als JSON (Content-Type: application/json).' };
  return undefined;
}
