import { AppError, isStaleWrite } from '../../src/common/errors';
import { jitteredDelayMs, retry, tryAgain, type RetryOptions } from '../../src/common/retry';

const stale = (): AppError => new AppError('preconditionFailed', 'stale', 'stale');

/** A task that always loses its race, counting its calls. */
function alwaysStale(): (() => Promise<never>) & { calls: number } {
  const task = Object.assign(
    async (): Promise<never> => {
      task.calls++;
      throw stale();
    },
    { calls: 0 },
  );
  return task;
}

/** Options whose waits are recorded instead of slept, with a fixed "random" draw. */
function recorded<T>(overrides: Partial<RetryOptions<T>> = {}) {
  const waits: number[] = [];
  const options: RetryOptions<T> = {
    attempts: 5,
    baseDelayMs: 10,
    maxDelayMs: 50,
    retryOn: isStaleWrite,
    exhausted: () => {
      throw new Error('exhausted');
    },
    random: () => 0.5,
    sleep: async (ms) => {
      waits.push(ms);
    },
    ...overrides,
  };
  return { options, waits };
}

describe('retry', () => {
  test('a task that succeeds at once runs once and never waits', async () => {
    const { options, waits } = recorded<string>();
    const tries: number[] = [];
    await expect(
      retry(async (attempt) => {
        tries.push(attempt);
        return 'ok';
      }, options),
    ).resolves.toBe('ok');
    expect(tries).toEqual([0]);
    expect(waits).toEqual([]);
  });

  test('a lost race is tried again after jittered waits whose cap doubles up to the maximum', async () => {
    const { options, waits } = recorded<number>();
    let calls = 0;
    const result = await retry(async (attempt) => {
      calls++;
      if (attempt < 4) throw stale();
      return attempt;
    }, options);
    expect(result).toBe(4);
    expect(calls).toBe(5);
    // Caps 10, 20, 40, 50 (capped), each drawn at half.
    expect(waits).toEqual([5, 10, 20, 25]);
  });

  test('never more than `attempts` tries: then the caller decides (its error, or a fallback)', async () => {
    const { options, waits } = recorded<string>({ attempts: 3 });
    const task = alwaysStale();
    await expect(retry(task, options)).rejects.toThrow('exhausted');
    expect(task.calls).toBe(3);
    expect(waits).toHaveLength(2);

    const fallback = recorded<string>({
      attempts: 2,
      exhausted: (last) => (isStaleWrite(last) ? 'gave up' : '?'),
    });
    await expect(retry(async () => Promise.reject(stale()), fallback.options)).resolves.toBe('gave up');
  });

  test('an error that is not a lost race is thrown at once', async () => {
    const { options, waits } = recorded<string>();
    let calls = 0;
    const boom = new Error('storage away');
    await expect(
      retry(async () => {
        calls++;
        throw boom;
      }, options),
    ).rejects.toBe(boom);
    expect(calls).toBe(1);
    expect(waits).toEqual([]);
  });

  test('`tryAgain` asks for another try without an error; exhausted then sees no error', async () => {
    const { options } = recorded<string>({ attempts: 3, exhausted: (last) => `none left (${String(last)})` });
    let calls = 0;
    const result = await retry(async () => (++calls < 3 ? tryAgain : 'third time'), options);
    expect(result).toBe('third time');
    await expect(retry(async () => tryAgain, options)).resolves.toBe('none left (undefined)');
  });

  test('without `retryOn` no thrown error is tried again: only `tryAgain` asks for another try', async () => {
    const { retryOn: _retryOn, ...options } = recorded<string>().options;
    const task = alwaysStale();
    await expect(retry(task, options)).rejects.toMatchObject({ kind: 'preconditionFailed' });
    expect(task.calls).toBe(1);
  });

  test('waits stay within [0, cap) for any draw, and the cap never passes the maximum', () => {
    const policy = { attempts: 30, baseDelayMs: 10, maxDelayMs: 250 };
    for (const draw of [0, 0.3, 0.999999]) {
      for (let attempt = 0; attempt < 30; attempt++) {
        const wait = jitteredDelayMs(policy, attempt, () => draw);
        expect(wait).toBeGreaterThanOrEqual(0);
        expect(wait).toBeLessThan(Math.min(250, 10 * 2 ** attempt));
      }
    }
  });
});
