/**
 * Bursts: 200 distinct registrations sent at once, next to the same 200 sent one after another in the same run
 * (on the same stack, in the same year's counter). Number allocation is serialised per year within the instance,
 * so contention must not make the burst slower than the queue it amounts to: goal ratio ≤ 1.0.
 */
import { randomUUID } from 'node:crypto';
import { startStack } from '../dev/stack';
import { samples } from '../addin/dev/samples/samples';
import { percentiles, type Bench } from './bench';

const count = 200;

const bench: Bench = {
  title: `Burst registration, ${count} concurrent vs ${count} sequential`,
  async run() {
    const stack = await startStack();
    try {
      const sample = samples.find((s) => s.id === '02-koningsdag');
      if (!sample) throw new Error('sample missing');
      const token = await stack.tokens.issue({
        role: 'Klachtbehandelaar',
        name: 'Bench',
        address: 'bench@lagant-voorbeeld.nl',
      });
      const register = async (tag: string): Promise<number> => {
        const started = performance.now();
        const res = await fetch(`${stack.urls.api}/complaints`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({
            message: {
              internetMessageId: `<burst-${tag}-${randomUUID()}@bench>`,
              conversationId: sample.conversationId,
              subject: sample.subject,
              from: sample.from,
              receivedAt: sample.receivedAt,
              bodyText: sample.bodyText,
            },
          }),
        });
        if (res.status !== 201) throw new Error(`registration answered ${res.status}`);
        await res.arrayBuffer();
        return performance.now() - started;
      };
      for (let i = 0; i < 20; i++) await register(`warm-${i}`);

      const seqStarted = performance.now();
      for (let i = 0; i < count; i++) await register(`seq-${i}`);
      const sequentialMs = performance.now() - seqStarted;

      const burstStarted = performance.now();
      const latencies = await Promise.all(Array.from({ length: count }, (_, i) => register(`burst-${i}`)));
      const burstMs = performance.now() - burstStarted;
      const { p50, p95 } = percentiles(latencies);
      return [
        {
          name: `${count} concurrent registrations, wall time`,
          value: burstMs,
          unit: 'ms',
          floor: { name: `${count} sequential registrations, same run`, value: sequentialMs },
          goal: 1.0,
        },
        { name: 'burst registration p50', value: p50, unit: 'ms' },
        { name: 'burst registration p95', value: p95, unit: 'ms' },
      ];
    } finally {
      await stack.stop();
    }
  },
};

export default bench;
