import type { HttpHandler, TimerHandler } from '@azure/functions';
import {
  defaultLetterDelivery,
  letterDeliveryFactory,
  type LetterRuntimeOverrides,
  type ServicesFactory,
} from '../composition';
import type { FunctionDefinition } from '../definitions';
import { deliverLetters } from '../letters/deliverLetters';
import { validationError } from '../common/errors';
import { deliverSoon } from '../letters/deliverSoon';
import { listFailedLetters, listLetters, previewLetter } from '../letters/letterQueries';
import { endpoint, json, readJsonBody } from '../http/endpoint';
import { retryLetter, setPersonalNote } from '../letters/letterActions';

/** Every minute: letters are due at once after registration, and retries are minutes apart. */
export const deliverLettersSchedule = '0 */1 * * * *';

/** The timer-triggered outbox sender. Logs counts only. */
export const deliverLettersTimer =
  (services: ServicesFactory, deps: ReturnType<typeof letterDeliveryFactory>): TimerHandler =>
  async (_timer, context) => {
    const s = await services();
    const fullScan = s.clock.now().getUTCMinutes() === 0;
    const r = await deliverLetters({ ...deps(s), log: (line) => context.warn(line) }, { fullScan });
    if (r.sent + r.retrying + r.failed + r.error > 0) {
      context.log(`letters: ${r.sent} sent, ${r.retrying} to retry, ${r.failed} failed, ${r.error} errors`);
    }
  };

function seqParam(value: string | undefined): number {
  const seq = Number(value);
  if (!Number.isInteger(seq) || seq < 1 || seq > 9999) {
    throw validationError('Ongeldig briefnummer.', [
      { field: 'seq', message: 'Geef een briefnummer (1, 2, …).' },
    ]);
  }
  return seq;
}

const getLetters = (services: ServicesFactory): HttpHandler =>
  endpoint(services, async ({ request, services: s, principal }) =>
    json(200, { items: await listLetters(s, principal, request.params['id'] ?? '') }),
  );

const getPreview = (services: ServicesFactory): HttpHandler =>
  endpoint(services, async ({ request, services: s, principal }) => {
    const seq = seqParam(request.params['seq']);
    return json(200, await previewLetter(s, principal, request.params['id'] ?? '', seq));
  });

const putNote = (services: ServicesFactory): HttpHandler =>
  endpoint(services, async ({ request, services: s, principal }) => {
    const id = request.params['id'] ?? '';
    const seq = seqParam(request.params['seq']);
    await setPersonalNote(s, principal, id, seq, await readJsonBody(request));
    return json(200, await previewLetter(s, principal, id, seq));
  });

const postRetry = (services: ServicesFactory): HttpHandler =>
  endpoint(services, async ({ request, services: s, principal }) => {
    const id = request.params['id'] ?? '';
    const seq = seqParam(request.params['seq']);
    await retryLetter(s, principal, id, seq);
    // Tried now within the delivery budget, so no work continues after the answer; the timer is the safety net.
    await deliverSoon(defaultLetterDelivery(s), id);
    return json(202, { status: 'queued' });
  });

const getFailed = (services: ServicesFactory): HttpHandler =>
  endpoint(services, async ({ services: s, principal }) =>
    json(200, { items: await listFailedLetters(s, principal) }),
  );

/** The letters' functions; `overrides` lets the local stack or a test swap the token source or the timings. */
export function letterFunctions(
  services: ServicesFactory,
  overrides: LetterRuntimeOverrides = {},
): FunctionDefinition[] {
  // Without overrides, share the production dependencies with the HTTP handlers (one Graph client per process).
  const deps = Object.keys(overrides).length > 0 ? letterDeliveryFactory(overrides) : defaultLetterDelivery;
  return [
    {
      kind: 'timer',
      name: 'deliverLetters',
      schedule: deliverLettersSchedule,
      handler: deliverLettersTimer(services, deps),
    },
    {
      kind: 'http',
      name: 'listLetters',
      route: 'complaints/{id}/letters',
      methods: ['GET'],
      handler: getLetters(services),
    },
    {
      kind: 'http',
      name: 'previewLetter',
      route: 'complaints/{id}/letters/{seq}/preview',
      methods: ['GET'],
      handler: getPreview(services),
    },
    {
      kind: 'http',
      name: 'letterNote',
      route: 'complaints/{id}/letters/{seq}/note',
      methods: ['PUT'],
      handler: putNote(services),
    },
    {
      kind: 'http',
      name: 'retryLetter',
      route: 'complaints/{id}/letters/{seq}/retry',
      methods: ['POST'],
      handler: postRetry(services),
    },
    {
      kind: 'http',
      name: 'listFailedLetters',
      route: 'letters/failed',
      methods: ['GET'],
      handler: getFailed(services),
    },
  ];
}
