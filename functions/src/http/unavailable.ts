/**
 * Recognises a failure that means "a service we depend on is unreachable or too slow right now" (Table/Blob
 * Storage, Microsoft Graph): refused or reset connections, DNS failures, timeouts and aborted requests, and the
 * services' own "busy" answers (500 OperationTimedOut, 503 ServerBusy). Those answer 503 with Retry-After, so the
 * task pane can say "probeer het zo opnieuw" and keep what the handler typed; anything else stays a 500.
 */
const networkCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
  'REQUEST_SEND_ERROR',
]);

/** Seconds a client should wait before trying again. */
export const retryAfterSeconds = 5;

export function isDependencyUnavailable(error: unknown, depth = 0): boolean {
  if (depth > 5 || typeof error !== 'object' || error === null) return false;
  const e = error as {
    name?: unknown;
    code?: unknown;
    statusCode?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  if (e.name === 'AbortError' || e.name === 'TimeoutError') return true;
  if (typeof e.code === 'string' && networkCodes.has(e.code)) return true;
  // Storage's RestError: no status means no answer arrived; 500 and 503 are the service's own "try later".
  if (e.name === 'RestError' && (e.statusCode === undefined || e.statusCode === 500 || e.statusCode === 503))
    return true;
  if (Array.isArray(e.errors) && e.errors.some((inner) => isDependencyUnavailable(inner, depth + 1)))
    return true;
  return isDependencyUnavailable(e.cause, depth + 1);
}
