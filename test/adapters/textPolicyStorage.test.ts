import { TableClient, type TransactionAction } from '@azure/data-tables';
import fc from 'fast-check';
import { startAzurite, type Azurite } from '../../dev/azurite';
import { freePort } from '../../dev/ports';
import { multiLineText, singleLineText } from '../../domain/src/textPolicy';

jest.setTimeout(180_000);

let azurite: Azurite;
let table: TableClient;

beforeAll(async () => {
  azurite = await startAzurite({
    blobPort: await freePort(),
    queuePort: await freePort(),
    tablePort: await freePort(),
  });
  table = TableClient.fromConnectionString(azurite.connectionString, 'policy', {
    allowInsecureConnection: true,
  });
  await table.createTable();
});
afterAll(async () => {
  await azurite?.stop();
});

const hostileChar = fc.constantFrom(
  '\u0000',
  '\u0007',
  '\t',
  '\n',
  '\r',
  '\u0085',
  '\u2028',
  '\u2029',
  '\u202e',
  '\u200b',
  '\ufeff',
  '\ud800',
  '\udc00',
  '😀',
  'é',
  '"',
  "'",
  '\\',
  '--batch',
  'a',
  ' ',
);
const text = fc.oneof(
  fc.array(hostileChar, { maxLength: 40 }).map((cs) => cs.join('')),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

test('every value the policy accepts is stored by Azurite in a batch transaction and read back equal', async () => {
  let run = 0;
  let stored = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(text, { minLength: 1, maxLength: 5 }), async (values) => {
      const accepted = values.flatMap((v) => {
        const multi = multiLineText(1000).safeParse(v);
        const single = singleLineText(1000).safeParse(v);
        return [multi, single].flatMap((p) => (p.success ? [p.data] : []));
      });
      if (accepted.length === 0) return;
      const partitionKey = `run-${run++}`;
      // As the complaint store writes: the text as a property and inside a JSON document, in one batch.
      const actions = accepted.map((value, i): TransactionAction => [
        'create',
        { partitionKey, rowKey: String(i), value, d0: JSON.stringify({ value }) },
      ]);
      await table.submitTransaction(actions);
      for (const [i, value] of accepted.entries()) {
        const row = await table.getEntity<{ value: string; d0: string }>(partitionKey, String(i));
        expect(row.value).toBe(value);
        expect((JSON.parse(row.d0) as { value: string }).value).toBe(value);
        stored++;
      }
    }),
    { numRuns: 60 },
  );
  expect(stored).toBeGreaterThan(20);
});
