import { createLimiter, mapLimit } from '../../src/common/boundedConcurrency';

/** A task the test finishes by hand, so nothing depends on how fast the machine is. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('bounded concurrency', () => {
  test('never more than `limit` tasks run at once; the others start in arrival order as places free', async () => {
    const limited = createLimiter(2);
    const gates = Array.from({ length: 5 }, gate);
    const started: number[] = [];
    let running = 0;
    let most = 0;
    const all = gates.map((g, i) =>
      limited(async () => {
        started.push(i);
        most = Math.max(most, ++running);
        await g.opened;
        running--;
        return i;
      }),
    );
    await settle();
    expect(started).toEqual([0, 1]);
    gates[1]!.open();
    await settle();
    expect(started).toEqual([0, 1, 2]);
    // A newcomer while all places are taken waits behind the earlier ones.
    const late = limited(async () => {
      started.push(99);
      return 99;
    });
    gates[0]!.open();
    await settle();
    expect(started).toEqual([0, 1, 2, 3]);
    for (const g of gates) g.open();
    await expect(Promise.all([...all, late])).resolves.toEqual([0, 1, 2, 3, 4, 99]);
    expect(started).toEqual([0, 1, 2, 3, 4, 99]);
    expect(most).toBe(2);
  });

  test('a failing task gives its place back', async () => {
    const limited = createLimiter(1);
    await expect(limited(() => Promise.reject(new Error('x')))).rejects.toThrow('x');
    await expect(limited(async () => 'next')).resolves.toBe('next');
  });

  test('mapLimit keeps the order of its input and its bound', async () => {
    let running = 0;
    let most = 0;
    const out = await mapLimit([5, 4, 3, 2, 1, 0], 3, async (n, i) => {
      most = Math.max(most, ++running);
      for (let k = 0; k < n; k++) await settle();
      running--;
      return `${i}:${n}`;
    });
    expect(out).toEqual(['0:5', '1:4', '2:3', '3:2', '4:1', '5:0']);
    expect(most).toBe(3);
    await expect(mapLimit([], 4, async () => 1)).resolves.toEqual([]);
  });
});
