/**
 * Bounded concurrency, the one way the Functions app runs storage or Graph calls side by side: a limiter that
 * lets at most `limit` tasks run at once (the rest wait in arrival order), and `mapLimit` over a list with it.
 *
 * A small module rather than a library: `p-limit` is in node_modules only as a dependency of a dependency, its
 * current versions are ES modules only (the tests run CommonJS through ts-jest), and this is a few lines.
 */

/** Runs tasks with at most `limit` of them running at any time; the others start in arrival order. */
export function createLimiter(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  const max = Math.max(1, Math.floor(limit));
  let running = 0;
  const waiting: (() => void)[] = [];
  return async function limited<T>(task: () => Promise<T>): Promise<T> {
    // A finished task hands its place straight to the next in line, so a newcomer can never slip past the bound.
    if (running >= max) await new Promise<void>((resolve) => waiting.push(resolve));
    else running++;
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}

/** Runs `fn` over `items` with at most `limit` at a time, keeping order: storage calls in parallel, bounded. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const limited = createLimiter(limit);
  return Promise.all(items.map((item, index) => limited(() => fn(item, index))));
}
