import type { ServerResponse } from 'node:http';
import type { SettableClock } from './devClock';
import type { DevRoute } from './localHost';

function send(res: ServerResponse, status: number, body: unknown): void {
  res
    .writeHead(status, { 'content-type': status < 400 ? 'application/json' : 'application/problem+json' })
    .end(JSON.stringify(body));
}

/**
 * Dev only: `POST /dev/timers/{name}?now=<ISO timestamp>` runs a timer function as if its schedule fired at that
 * instant: the dev clock is set, the timer runs, the clock goes back to what it was. Without `now`, it runs at the
 * clock's current time. Answers once the run is over, so a test can look at the mailbox right after.
 */
export function timerRoutes(
  clock: SettableClock,
  names: readonly string[],
  run: (name: string) => Promise<void>,
): Map<string, DevRoute> {
  return new Map(
    names.map((name): [string, DevRoute] => [
      `POST /dev/timers/${name}`,
      async (req, _body, res) => {
        const nowText = new URL(req.url ?? '/', 'http://local').searchParams.get('now');
        const at = nowText === null ? undefined : new Date(nowText);
        if (
          at !== undefined &&
          (Number.isNaN(at.getTime()) || !/T.*(Z|[+-]\d\d:\d\d)$/.test(nowText ?? ''))
        ) {
          return send(res, 400, {
            type: 'urn:klachtenregister:problem:validation',
            title: 'Geef now als ISO-tijdstip met tijdzone, bijvoorbeeld 2026-03-02T07:00:00Z.',
            status: 400,
          });
        }
        const previous = clock.isFixed() ? clock.now() : null;
        if (at) clock.set(at);
        const started = performance.now();
        try {
          await run(name);
          send(res, 200, {
            timer: name,
            ranAt: clock.now().toISOString(),
            ms: Math.round(performance.now() - started),
          });
        } catch (error) {
          send(res, 500, {
            type: 'urn:klachtenregister:problem:timer-failed',
            title: `De timer ${name} is mislukt: ${error instanceof Error ? error.message : String(error)}`,
            status: 500,
          });
        } finally {
          if (at) clock.set(previous);
        }
      },
    ]),
  );
}
