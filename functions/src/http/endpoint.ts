import type { HttpHandler, HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { AppError, validationError } from '../common/errors';
import { fieldErrorsOf, parseOptions } from '../app/fieldErrors';
import type { Principal } from '../common/principal';
import type { Services, ServicesFactory } from '../composition';
import { problem, problemFromError } from './problem';

export interface EndpointInput {
  request: HttpRequest;
  services: Services;
  principal: Principal;
}

/**
 * The one wrapper every authenticated handler goes through: build the services, validate the token, run
 * the controller, map any error to problem+json. Logs carry an error id and the error's kind, never content.
 */
export function endpoint(
  services: ServicesFactory,
  controller: (input: EndpointInput) => Promise<HttpResponseInit>,
): HttpHandler {
  return async (request: HttpRequest, context: InvocationContext) => {
    try {
      const s = await services();
      const principal = await s.authenticator.authenticate(request.headers.get('authorization'));
      return await controller({ request, services: s, principal });
    } catch (error) {
      if (!(error instanceof AppError)) {
        const id = randomUUID();
        context.error(`unhandled error ${id}: ${error instanceof Error ? error.name : typeof error}`);
        const response = problemFromError(error);
        return {
          ...response,
          headers: { ...(response.headers as Record<string, string>), 'x-error-id': id },
        };
      }
      return problemFromError(error);
    }
  };
}

/** Largest JSON body accepted: 50 MB of attachments in base64 plus the e-mail itself. */
export const maxJsonBytes = 70 * 1024 * 1024;

/** Reads a JSON body without validating it (the use case validates); malformed or oversized → 4xx. */
export async function readJsonBody(request: HttpRequest): Promise<unknown> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/(.+\+)?json\b/i.test(type)) {
    throw new AppError(
      'unsupportedMediaType',
      'unsupported-media-type',
      'Stuur de gegevens als JSON (Content-Type: application/json).',
    );
  }
  const length = Number(request.headers.get('content-length') ?? '0');
  if (length > maxJsonBytes) {
    throw new AppError(
      'payloadTooLarge',
      'payload-too-large',
      'Het verzoek is te groot. Bijlagen mogen samen hoogstens 50 MB zijn.',
    );
  }
  const text = await request.text();
  if (Buffer.byteLength(text) > maxJsonBytes) {
    throw new AppError(
      'payloadTooLarge',
      'payload-too-large',
      'Het verzoek is te groot. Bijlagen mogen samen hoogstens 50 MB zijn.',
    );
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError('validation', 'malformed-json', 'De gegevens zijn geen geldige JSON.');
  }
}

/** Reads and validates a JSON body; every way it can be wrong becomes a 4xx with a Dutch message. */
export async function readJson<S extends z.ZodType>(request: HttpRequest, schema: S): Promise<z.output<S>> {
  const body = await readJsonBody(request);
  const parsed = schema.safeParse(body, parseOptions);
  if (!parsed.success)
    throw validationError('Niet alle velden zijn goed ingevuld.', fieldErrorsOf(parsed.error));
  return parsed.data;
}

export const json = (
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): HttpResponseInit => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  body: JSON.stringify(body),
});

export { problem };
