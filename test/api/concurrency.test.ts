import { TableClient } from '@azure/data-tables';
import { startStack, type Stack } from '../../dev/stack';
import { apiClient, registrationOf } from '../support/api';
import { sample, variant } from '../support/samples';

jest.setTimeout(180_000);

let stack: Stack;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  stack = await startStack();
  api = apiClient(stack);
});
afterAll(async () => {
  await stack?.stop();
});

async function storedComplaints(): Promise<{ id: string; number: string }[]> {
  const table = TableClient.fromConnectionString(stack.storageConnectionString, 'complaints', {
    allowInsecureConnection: true,
  });
  const out: { id: string; number: string }[] = [];
  for await (const row of table.listEntities<Record<string, unknown>>({
    queryOptions: { filter: "RowKey eq 'complaint'" },
  })) {
    let json = '';
    for (let i = 0; typeof row[`d${i}`] === 'string'; i++) json += row[`d${i}`] as string;
    const doc = JSON.parse(json) as { id: string; state: { number: string } };
    out.push({ id: doc.id, number: doc.state.number });
  }
  return out;
}

describe('registration under concurrency', () => {
  test('50 parallel registrations of one e-mail → one complaint, one number, one acknowledgement queued', async () => {
    const body = registrationOf(variant(sample('01-ordinary'), 'race'));
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        api.call<{ id: string; number: string }>('POST', '/complaints', { body }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(49);
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    expect(new Set(results.map((r) => r.body.number)).size).toBe(1);
    const all = await storedComplaints();
    expect(all.filter((c) => c.id === results[0]?.body.id)).toHaveLength(1);

    const table = TableClient.fromConnectionString(stack.storageConnectionString, 'complaints', {
      allowInsecureConnection: true,
    });
    const id = results[0]?.body.id ?? '';
    let outbox = 0;
    for await (const row of table.listEntities({
      queryOptions: { filter: `PartitionKey eq '${id}' and RowKey ge 'outbox-' and RowKey lt 'outbox.'` },
    })) {
      if (row) outbox++;
    }
    expect(outbox).toBe(1);
  });

  test('200 parallel distinct registrations → 200 complaints with unique, gapless numbers', async () => {
    const before = await storedComplaints();
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        api.call<{ number: string }>('POST', '/complaints', {
          body: registrationOf(variant(sample('02-koningsdag'), `many-${i}`)),
        }),
      ),
    );
    expect(results.map((r) => r.status).filter((s) => s !== 201)).toEqual([]);
    const all = await storedComplaints();
    expect(all.length - before.length).toBe(200);
    const sequences = all.map((c) => Number(c.number.slice(-4))).sort((a, b) => a - b);
    // Every number from 1 to the count, each exactly once: unique and without gaps.
    expect(sequences).toEqual(Array.from({ length: all.length }, (_, i) => i + 1));
  });
});
