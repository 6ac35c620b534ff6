/**
 * The one retry loop of the Functions app, for optimistic concurrency: a write guarded by an ETag (412), an
 * insert that lost a race (409), a claim still held by a request in progress. Every use is bounded (`attempts`)
 * and waits a jittered, growing time between tries ("full jitter": a random wait below a cap that doubles), so
 * writers that collided do not collide again in step.
 *
 * A small module rather than a library: `p-retry` is in node_modules only as a dependency of a dependency, its
 * current versions are ES modules only (the tests run CommonJS through ts-jest), and what is needed here, a
 * bounded loop with an injectable clock and randomness and a caller-chosen answer when the tries run out, is a
 * few lines.
 */

/** Returned by a task that found nothing wrong but must look again after a wait (a race it lost quietly). */
export const tryAgain: unique symbol = Symbol('tryAgain');
export type TryAgain = typeof tryAgain;

export interface RetryPolicy {
  /** Tries in all, the first included. */
  attempts: number;
  /** The cap of the first wait; it doubles after every try, up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export interface RetryOptions<T> extends RetryPolicy {
  /** Which thrown errors are worth another try; any other is thrown at once. None when not given: the task
   * then returns {@link tryAgain} for the races it lost. */
  retryOn?: (error: unknown) => boolean;
  /** The answer when every try was used: throw the caller's error, or give a fallback. */
  exhausted: (lastError: unknown) => T;
  /** In [0, 1); injectable so tests are repeatable. */
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** Writers that lost to another writer of the same row: a few quick tries, well under a second in all. */
export const conflictRetry: RetryPolicy = { attempts: 5, baseDelayMs: 10, maxDelayMs: 250 };

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The wait after try `attempt` (0-based): uniformly random below the doubled, capped cap. */
export const jitteredDelayMs = (policy: RetryPolicy, attempt: number, random: () => number): number =>
  random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);

/** Runs `task` (given the 0-based try number) until it returns a value, at most `attempts` times. */
export async function retry<T>(
  task: (attempt: number) => Promise<T | TryAgain>,
  options: RetryOptions<T>,
): Promise<T> {
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? pause;
  let lastError: unknown;
  for (let attempt = 0; attempt < options.attempts; attempt++) {
    if (attempt > 0) await sleep(jitteredDelayMs(options, attempt - 1, random));
    try {
      const result = await task(attempt);
      if (result !== tryAgain) return result;
      lastError = undefined;
    } catch (error) {
      if (!options.retryOn?.(error)) throw error;
      lastError = error;
    }
  }
  return options.exhausted(lastError);
}
