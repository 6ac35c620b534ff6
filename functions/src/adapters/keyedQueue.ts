/**
 * Runs tasks with the same key one after another, in arrival order, within this process. Number allocation goes
 * through it per year: requests of one instance then never race each other for the counter's ETag (which made
 * 200 parallel registrations retry each other into the ground); only other instances can still conflict, and for
 * those the caller retries a bounded number of times with jitter.
 */
export function createKeyedQueue() {
  const tails = new Map<string, Promise<unknown>>();
  return function run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.catch(() => undefined);
    tails.set(key, tail);
    // Forget the key once the queue is empty, so the map does not grow with every year ever seen.
    void tail.then(() => {
      if (tails.get(key) === tail) tails.delete(key);
    });
    return result;
  };
}
