/**
 * Registration latency on the local stack (HTTP → token validation → use case → Azurite), next to its floor: the
 * six storage operations a registration cannot do without, issued directly with @azure/data-tables /
 * @azure/storage-blob in the same run. Letters are held back during that figure (a review window longer than the
 * run), so it is registration alone and not the acknowledgement being sent alongside. Then, on a stack that sends
 * right away, the time from the click (the POST) to the acknowledgement accepted by the Graph sandbox, without a goal.
 */
import { randomUUID } from 'node:crypto';
import { TableClient } from '@azure/data-tables';
import { BlobServiceClient } from '@azure/storage-blob';
import { startStack } from '../dev/stack';
import { samples } from '../addin/dev/samples/samples';
import { percentiles, type Bench } from './bench';

const count = 500;
const ackCount = 50;
/** Longer than the run: the acknowledgement waits in the outbox, no letter is sent while registration is timed. */
const holdLetters = { KR_LETTER_REVIEW_MINUTES: '1440' };

type Sample = (typeof samples)[number];

function registrationBody(sample: Sample, i: number): string {
  return JSON.stringify({
    message: {
      internetMessageId: `<bench-${i}-${randomUUID()}@bench>`,
      conversationId: sample.conversationId,
      subject: sample.subject,
      from: sample.from,
      receivedAt: sample.receivedAt,
      bodyText: sample.bodyText,
    },
  });
}

/** Click → acknowledgement accepted by Graph, on a stack that sends letters right after the step. */
async function clickToAcknowledgement(sample: Sample): Promise<number[]> {
  const stack = await startStack();
  try {
    const token = await stack.tokens.issue({
      role: 'Klachtbehandelaar',
      name: 'Bench',
      address: 'bench@lagant-voorbeeld.nl',
    });
    const once = async (i: number): Promise<number> => {
      const before = stack.graph.sent().length;
      const started = performance.now();
      const res = await fetch(`${stack.urls.api}/complaints`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: registrationBody(sample, i),
      });
      if (res.status !== 201) throw new Error(`registration answered ${res.status}`);
      await res.arrayBuffer();
      const giveUp = started + 10_000;
      while (stack.graph.sent().length === before) {
        if (performance.now() > giveUp) throw new Error('no acknowledgement reached Graph within 10 s');
        await new Promise((r) => setTimeout(r, 1));
      }
      return performance.now() - started;
    };
    for (let i = 0; i < 5; i++) await once(-i - 1);
    const times: number[] = [];
    for (let i = 0; i < ackCount; i++) times.push(await once(i));
    return times;
  } finally {
    await stack.stop();
  }
}

const bench: Bench = {
  title: `Registration over HTTP, ${count} sequential registrations`,
  async run() {
    const sample = samples.find((s) => s.id === '02-koningsdag');
    if (!sample) throw new Error('sample missing');
    const stack = await startStack({ env: holdLetters });
    let measured: { api: number[]; floor: number[] };
    try {
      const token = await stack.tokens.issue({
        role: 'Klachtbehandelaar',
        name: 'Bench',
        address: 'bench@lagant-voorbeeld.nl',
      });
      const register = async (i: number): Promise<number> => {
        const started = performance.now();
        const res = await fetch(`${stack.urls.api}/complaints`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: registrationBody(sample, i),
        });
        if (res.status !== 201) throw new Error(`registration answered ${res.status}`);
        await res.arrayBuffer();
        return performance.now() - started;
      };
      // On the e-mail's day of receipt: the acknowledgement is not yet due, so it waits for the review window
      // (a date after its deadline would send it at once, whatever the window).
      stack.clock.set(new Date(sample.receivedAt));
      for (let i = 0; i < 20; i++) await register(-i - 1); // warm-up: JIT, JWKS, connections
      const samplesMs: number[] = [];
      for (let i = 0; i < count; i++) samplesMs.push(await register(i));

      // The floor: the six storage operations a registration cannot do without, issued directly.
      const cs = stack.storageConnectionString;
      const opt = { allowInsecureConnection: true };
      const keys = TableClient.fromConnectionString(cs, 'complaintkeys', opt);
      const complaints = TableClient.fromConnectionString(cs, 'complaints', opt);
      const index = TableClient.fromConnectionString(cs, 'complaintindex', opt);
      const container = BlobServiceClient.fromConnectionString(cs).getContainerClient('complaint-files');
      const doc = JSON.stringify({ sample, padding: 'x'.repeat(2000) });
      const floorOnce = async (i: number): Promise<number> => {
        const started = performance.now();
        const id = randomUUID();
        // 1. the claim insert
        await keys.createEntity({ partitionKey: 'message', rowKey: `floor-${id}`, complaintId: id });
        // 2. the counter read
        let etag: string | undefined;
        let last = 0;
        try {
          const counter = await keys.getEntity<{ last: number }>('floor', 'counter');
          etag = counter.etag;
          last = counter.last;
        } catch {
          etag = undefined;
        }
        // 3. the counter + number transaction
        await keys.submitTransaction([
          etag
            ? ['update', { partitionKey: 'floor', rowKey: 'counter', last: last + 1 }, 'Replace', { etag }]
            : ['create', { partitionKey: 'floor', rowKey: 'counter', last: last + 1 }],
          ['create', { partitionKey: 'floor', rowKey: String(last + 1).padStart(6, '0'), complaintId: id }],
        ]);
        // 4. the original-message blob
        await container.getBlockBlobClient(`${id}/message.json`).uploadData(Buffer.from(doc));
        // 5. the complaint transaction: complaint, audit and outbox rows
        await complaints.submitTransaction([
          ['create', { partitionKey: id, rowKey: 'complaint', d0: doc }],
          ['create', { partitionKey: id, rowKey: 'audit-1', data: '{}' }],
          ['create', { partitionKey: id, rowKey: 'outbox-0001', data: '{}' }],
        ]);
        // 6. the index upsert
        await index.upsertEntity({ partitionKey: 'open', rowKey: id, number: String(i) }, 'Replace');
        return performance.now() - started;
      };
      for (let i = 0; i < 20; i++) await floorOnce(i);
      const floorMs: number[] = [];
      for (let i = 0; i < count; i++) floorMs.push(await floorOnce(i));

      measured = { api: samplesMs, floor: floorMs };
    } finally {
      await stack.stop();
    }
    const ack = percentiles(await clickToAcknowledgement(sample));
    const api = percentiles(measured.api);
    const floor = percentiles(measured.floor);
    return [
      {
        name: 'registration p50',
        value: api.p50,
        unit: 'ms',
        floor: { name: 'the six necessary storage operations, direct', value: floor.p50 },
        goal: 1.5,
      },
      {
        name: 'registration p95',
        value: api.p95,
        unit: 'ms',
        floor: { name: 'the six necessary storage operations, direct', value: floor.p95 },
      },
      {
        name: `click → acknowledgement accepted by Graph p50 (${ackCount} registrations)`,
        value: ack.p50,
        unit: 'ms',
      },
      {
        name: `click → acknowledgement accepted by Graph p95 (${ackCount} registrations)`,
        value: ack.p95,
        unit: 'ms',
      },
      {
        name: 'RSS of the process running the local host (after the run)',
        value: process.memoryUsage().rss / 1024 / 1024,
        unit: 'MiB',
      },
    ];
  },
};

export default bench;
