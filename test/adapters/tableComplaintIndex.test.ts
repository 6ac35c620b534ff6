import { TableClient } from '@azure/data-tables';
import { startAzurite, type Azurite } from '../../dev/azurite';
import { freePort } from '../../dev/ports';
import { createTableComplaintIndex } from '../../functions/src/adapters/tableComplaintIndex';
import type { IndexEntry } from '../../functions/src/app/ports/complaintIndex';

jest.setTimeout(60_000);

let azurite: Azurite;
let table: TableClient;
let derived: { open: TableClient; search: TableClient };

beforeAll(async () => {
  azurite = await startAzurite({
    blobPort: await freePort(),
    queuePort: await freePort(),
    tablePort: await freePort(),
  });
  table = TableClient.fromConnectionString(azurite.connectionString, 'complaintindex', {
    allowInsecureConnection: true,
  });
  await table.createTable();
  const client = (name: string) =>
    TableClient.fromConnectionString(azurite.connectionString, name, { allowInsecureConnection: true });
  derived = { open: client('complaintopen'), search: client('complaintsearch') };
  await Promise.all([derived.open.createTable(), derived.search.createTable()]);
});
afterAll(async () => {
  await azurite?.stop();
});

const entry = (status: 'open' | 'closed', version: number, subject = `v${version}`): IndexEntry => ({
  id: '6f1c7a52-0000-4000-8000-000000000001',
  number: 'K-2026-0001',
  year: 2026,
  status,
  handlerAddress: 'h@x.nl',
  receivedOn: '2026-03-02',
  nextDeadline: '',
  complainantAddress: 'k@x.nl',
  complainantName: 'k',
  subject,
  decidedOn: '',
  version,
});

async function rows(): Promise<string[]> {
  const out: string[] = [];
  for await (const e of table.listEntities<{ subject: string }>()) out.push(`${e.partitionKey}:${e.subject}`);
  return out.sort();
}

describe('the complaint index against Azurite', () => {
  test('a newer version replaces the entry and moves it between partitions; an older one arriving late does not', async () => {
    const index = createTableComplaintIndex(table, derived);
    await index.put(entry('open', 2));
    expect(await rows()).toEqual(['open:v2']);
    await index.put(entry('open', 3));
    expect(await rows()).toEqual(['open:v3']);
    await index.put(entry('closed', 5));
    expect(await rows()).toEqual(['closed:v5']);
    // The letter sender read version 4 before the complaint was closed and finishes only now.
    await index.put(entry('open', 4));
    expect(await rows()).toEqual(['closed:v5']);
    await index.put(entry('closed', 5, 'same version again'));
    expect(await rows()).toEqual(['closed:same version again']);
  });

  test('concurrent writers across both partitions: the newest version wins, and only it remains', async () => {
    const index = createTableComplaintIndex(table, derived);
    for (let round = 0; round < 8; round++) {
      const id = `6f1c7a52-0000-4000-8000-00000000010${round}`;
      const versions = [3, 9, 1, 7, 5, 8, 2, 6].sort(() => Math.random() - 0.5);
      await Promise.all(versions.map((v) => index.put({ ...entry(v % 2 === 0 ? 'open' : 'closed', v), id })));
      const left = [];
      for await (const e of table.listEntities<{ version: number }>({
        queryOptions: { filter: `RowKey eq '${id}'` },
      }))
        left.push(`${e.partitionKey}:${e.version}`);
      expect(left).toEqual(['closed:9']);
    }
  });
});
