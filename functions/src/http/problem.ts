import type { HttpResponseInit } from '@azure/functions';
import { AppError, type AppErrorKind } from '../common/errors';
import { isDependencyUnavailable, retryAfterSeconds } from './unavailable';

/** Storage (or Graph, where a request waits on it) could not be reached: the handler tries again shortly. */
export const storageUnavailableError = (): AppError =>
  new AppError(
    'unavailable',
    'unavailable',
    'Het klachtenregister kan de opslag op dit moment niet bereiken. Probeer het zo opnieuw; uw invoer blijft bewaard.',
  );

/** One status per kind of error: the only place that knows the mapping. */
const statusOf: Record<AppErrorKind, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  notFound: 404,
  conflict: 409,
  preconditionFailed: 412,
  payloadTooLarge: 413,
  unsupportedMediaType: 415,
  preconditionRequired: 428,
  unavailable: 503,
};

/** Problem types are stable URNs so that clients can branch on them (RFC 9457). */
export const problemType = (code: string): string => `urn:klachtenregister:problem:${code}`;

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  errors?: { field: string; message: string }[];
}

export function problem(
  status: number,
  code: string,
  title: string,
  extra: Partial<ProblemBody> = {},
): HttpResponseInit {
  const body: ProblemBody = { type: problemType(code), title, status, ...extra };
  return {
    status,
    headers: { 'content-type': 'application/problem+json; charset=utf-8' },
    body: JSON.stringify(body),
  };
}

/**
 * Maps any thrown value to a problem response: an unreachable dependency becomes a 503 with Retry-After, other
 * unknown errors a 500 that reveals nothing.
 */
export function problemFromError(error: unknown): HttpResponseInit {
  if (error instanceof AppError) {
    const extra = error.fieldErrors.length > 0 ? { errors: [...error.fieldErrors] } : {};
    const response = problem(statusOf[error.kind], error.code, error.message, extra);
    if (error.kind === 'unavailable') {
      response.headers = {
        ...(response.headers as Record<string, string>),
        'retry-after': String(retryAfterSeconds),
      };
    }
    if (error.kind === 'unauthenticated') {
      response.headers = { ...(response.headers as Record<string, string>), 'www-authenticate': 'Bearer' };
    }
    return response;
  }
  if (isDependencyUnavailable(error)) return problemFromError(storageUnavailableError());
  return problem(
    500,
    'internal',
    'Er ging iets mis aan onze kant. Probeer het over enkele ogenblikken opnieuw.',
  );
}
