/**
 * Registration latency on the local stack (HTTP → token validation → use case → Azurite), next to its floor:
 * the same storage operations issued directly with @azure/data-tables / @azure/storage-blob in the same run.
 */
import { randomUUID } from 'node:crypto';
import { TableClient } from '@azure/data-tables';
import { BlobServiceClient } from '@azure/storage-blob';
import { startStack } from '../dev/stack';
import { samples } from '../addin/dev/samples/samples';
import { percentiles, type Bench } from './bench';

const count = 500;

const bench: Bench = {
  title: `Registration over HTTP, ${count} sequential registrations`,
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
      const register = async (i: number): Promise<number> => {
        const started = performance.now();
        const res = await fetch(`${stack.urls.api}/complaints`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({
            message: {
              internetMessageId: `<bench-${i}-${randomUUID()}@bench>`,
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
      for (let i = 0; i < 20; i++) await register(-i - 1); // warm-up: JIT, JWKS, connections
      const samplesMs: number[] = [];
      for (let i = 0; i < count; i++) samplesMs.push(await register(i));

      // The floor: what one registration asks of storage, issued directly.
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
        await keys.createEntity({ partitionKey: 'message', rowKey: `floor-${id}`, complaintId: id });
        for await (const row of keys.listEntities({
          queryOptions: { filter: `PartitionKey eq 'floor' and complaintId eq '${id}'` },
        }))
          void row;
        let etag: string | undefined;
        let last = 0;
        try {
          const counter = await keys.getEntity<{ last: number }>('floor', 'counter');
          etag = counter.etag;
          last = counter.last;
        } catch {
          etag = undefined;
        }
        await keys.submitTransaction([
          etag
            ? ['update', { partitionKey: 'floor', rowKey: 'counter', last: last + 1 }, 'Replace', { etag }]
            : ['create', { partitionKey: 'floor', rowKey: 'counter', last: last + 1 }],
          ['create', { partitionKey: 'floor', rowKey: String(last + 1).padStart(6, '0'), complaintId: id }],
        ]);
        await container.getBlockBlobClient(`${id}/message.json`).uploadData(Buffer.from(doc));
        await complaints.submitTransaction([
          ['create', { partitionKey: id, rowKey: 'complaint', d0: doc }],
          ['create', { partitionKey: id, rowKey: 'audit-1', data: '{}' }],
          ['create', { partitionKey: id, rowKey: 'outbox-0001', data: '{}' }],
        ]);
        await complaints.getEntity(id, 'complaint');
        await index.createEntity({ partitionKey: 'open', rowKey: id, number: String(i) });
        return performance.now() - started;
      };
      for (let i = 0; i < 20; i++) await floorOnce(i);
      const floorMs: number[] = [];
      for (let i = 0; i < count; i++) floorMs.push(await floorOnce(i));

      const api = percentiles(samplesMs);
      const floor = percentiles(floorMs);
      return [
        {
          name: 'registration p50',
          value: api.p50,
          unit: 'ms',
          floor: { name: 'same storage operations, direct', value: floor.p50 },
          goal: 1.5,
        },
        {
          name: 'registration p95',
          value: api.p95,
          unit: 'ms',
          floor: { name: 'same storage operations, direct', value: floor.p95 },
        },
        {
          name: 'RSS of the process running the local host (after the run)',
          value: process.memoryUsage().rss / 1024 / 1024,
          unit: 'MiB',
        },
      ];
    } finally {
      await stack.stop();
    }
  },
};

export default bench;
