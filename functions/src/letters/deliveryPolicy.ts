/**
 * How hard the sender tries. Retries are durable (the next attempt's time is stored on the outbox row, and the
 * timer picks the letter up again), so a throttled Graph or a restarted host never loses a letter, and no
 * invocation sleeps for minutes. Production defaults below; tests pass shorter ones.
 */
export interface DeliveryOptions {
  /** Send attempts before a letter is marked "verzending mislukt". */
  maxAttempts: number;
  /** First retry delay; doubles per attempt, with jitter. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** How long an attempt holds a letter; longer than the slowest attempt (four Graph calls with timeouts). */
  leaseMs: number;
  /**
   * After an unknown outcome, wait at least this long before looking in Sent Items: Exchange files a sent
   * message there shortly after accepting it, not at once.
   */
  verifyDelayMs: number;
  /** Time a handler has to read a letter in the pane before it goes (0: at once); never past `acknowledgeBy`. */
  reviewWindowMs: number;
  /** Complaints handled in parallel by one run (letters of one complaint go one by one). */
  concurrency: number;
  /** Per Graph request. */
  requestTimeoutMs: number;
}

export const defaultDeliveryOptions: DeliveryOptions = {
  maxAttempts: 6,
  baseDelayMs: 60_000,
  maxDelayMs: 60 * 60_000,
  leaseMs: 5 * 60_000,
  verifyDelayMs: 2 * 60_000,
  reviewWindowMs: 0,
  concurrency: 4,
  requestTimeoutMs: 30_000,
};

/** Never wait longer than a day, whatever a Retry-After says. */
const maxRetryAfterMs = 24 * 60 * 60_000;

/**
 * Delay before attempt `attempt + 1`: exponential (`base · 2^(attempt-1)`, capped), with "equal jitter" (half
 * fixed, half random) so that letters throttled together do not come back together; never shorter than what
 * Graph asked for in Retry-After.
 */
export function retryDelayMs(
  attempt: number,
  options: Pick<DeliveryOptions, 'baseDelayMs' | 'maxDelayMs'>,
  random: () => number,
  retryAfterMs?: number,
): number {
  const exponential = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  const jittered = exponential / 2 + random() * (exponential / 2);
  return Math.round(Math.max(jittered, Math.min(retryAfterMs ?? 0, maxRetryAfterMs)));
}
