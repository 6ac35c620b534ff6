import { TableClient } from '@azure/data-tables';
import { startStack, type Stack } from '../../dev/stack';
import { apiClient, registrationOf } from '../support/api';
import { sample, variant } from '../support/samples';

jest.setTimeout(120_000);

let stack: Stack;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  stack = await startStack();
  api = apiClient(stack);
});
afterAll(async () => {
  await stack?.stop();
});

/** Every row of every table: "storage unchanged" means exactly this snapshot is equal. */
async function snapshot(): Promise<string[]> {
  const rows: string[] = [];
  for (const name of ['complaints', 'complaintkeys', 'complaintindex']) {
    const table = TableClient.fromConnectionString(stack.storageConnectionString, name, {
      allowInsecureConnection: true,
    });
    for await (const e of table.listEntities()) rows.push(`${name}/${e.partitionKey}/${e.rowKey}/${e.etag}`);
  }
  return rows.sort();
}

interface Problem {
  type: string;
  title: string;
  status: number;
  errors?: { field: string; message: string }[];
}

const base = () => registrationOf(variant(sample('01-ordinary'), 'bad'));

const cases: [
  string,
  () => { rawBody?: string; body?: unknown; headers?: Record<string, string> },
  number,
  RegExp,
][] = [
  ['malformed JSON', () => ({ rawBody: '{"message": {' }), 400, /geen geldige JSON/],
  [
    'not JSON at all',
    () => ({ rawBody: 'message=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
    415,
    /JSON/,
  ],
  ['an empty object', () => ({ body: {} }), 400, /niet alle velden/i],
  [
    'wrong types',
    () => ({ body: { message: { ...base().message, subject: 42, attachments: 'geen' } } }),
    400,
    /niet alle velden/i,
  ],
  [
    'a date that does not exist',
    () => ({ body: { ...base(), issueAroseOn: '2026-02-30' } }),
    400,
    /niet alle velden/i,
  ],
  [
    'a receipt time without offset',
    () => ({ body: { message: { ...base().message, receivedAt: '2026-03-02 09:14' } } }),
    400,
    /niet alle velden/i,
  ],
  ['a term of 5 weeks', () => ({ body: { ...base(), handlingTerm: 'P5W' } }), 400, /6 weken|termijn/i],
  ['a term of 4 months', () => ({ body: { ...base(), handlingTerm: 'P4M' } }), 400, /3 maanden|termijn/i],
  [
    'a term that is no duration',
    () => ({ body: { ...base(), handlingTerm: 'zes weken' } }),
    400,
    /termijn|duur/i,
  ],
  [
    'control characters in the subject',
    () => ({ body: { message: { ...base().message, subject: 'Klacht\u0000\u001b[31m' } } }),
    400,
    /niet alle velden/i,
  ],
  [
    'a bad sender address',
    () => ({ body: { message: { ...base().message, from: { name: 'X', address: 'geen-adres' } } } }),
    400,
    /niet alle velden/i,
  ],
  [
    'an attachment name with a path',
    () => ({
      body: {
        message: {
          ...base().message,
          attachments: [{ name: '../../etc/passwd', contentType: 'text/plain', contentBase64: 'eA==' }],
        },
      },
    }),
    400,
    /niet alle velden/i,
  ],
  [
    'attachment content that is not base64',
    () => ({
      body: {
        message: {
          ...base().message,
          attachments: [{ name: 'a.txt', contentType: 'text/plain', contentBase64: '%%%' }],
        },
      },
    }),
    400,
    /niet alle velden/i,
  ],
  [
    'a complaint received in the future',
    () => ({ body: { message: { ...base().message, receivedAt: '2099-01-01T10:00:00+01:00' } } }),
    400,
    /toekomst/,
  ],
];

describe('bad input gets a clear 4xx and changes nothing', () => {
  test.each(cases)('%s', async (_name, make, status, title) => {
    const before = await snapshot();
    const res = await api.call<Problem>('POST', '/complaints', make());
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.body.title).toMatch(title);
    expect(res.body.type).toMatch(/^urn:klachtenregister:problem:/);
    expect(await snapshot()).toEqual(before);
  });

  test('field errors name the field and speak Dutch', async () => {
    const res = await api.call<Problem>('POST', '/complaints', {
      body: { message: { ...base().message, subject: 42 } },
    });
    expect(res.body.errors).toEqual([
      { field: 'message.subject', message: expect.stringMatching(/verwacht|tekst/i) as string },
    ]);
  });

  test('an attachment over 25 MB → 413 with a clear message, nothing stored', async () => {
    const before = await snapshot();
    const big = Buffer.alloc(26 * 1024 * 1024, 1).toString('base64');
    const res = await api.call<Problem>('POST', '/complaints', {
      body: {
        message: {
          ...base().message,
          attachments: [{ name: 'groot.pdf', contentType: 'application/pdf', contentBase64: big }],
        },
      },
    });
    expect(res.status).toBe(413);
    expect(res.body.title).toMatch(/25 MB/);
    expect(await snapshot()).toEqual(before);
  });

  test('a 60 MB body of junk → 4xx, nothing stored', async () => {
    const before = await snapshot();
    const res = await api.call<Problem>('POST', '/complaints', {
      rawBody: `{"message":"${'x'.repeat(60 * 1024 * 1024)}`,
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(await snapshot()).toEqual(before);
  });

  test('bad steps: unknown type, impossible date, unknown field → 400; nothing changes', async () => {
    const created = await api.call<{ id: string; view: { etag: string } }>('POST', '/complaints', {
      body: registrationOf(variant(sample('02-koningsdag'), 'bad-steps')),
    });
    await stack.settleLetters();
    const before = await snapshot();
    for (const body of [
      { type: 'verwijderd' },
      { type: 'extensionDetermined', on: '2026-02-30', reason: 'x', expectedBy: '2026-09-01' },
      { type: 'escalated', on: '2026-05-01', reason: 'x', extra: 1 },
      { type: 'decisionTaken', summary: '' },
      'not an object',
    ]) {
      const res = await api.call<Problem>('POST', `/complaints/${created.body.id}/steps`, {
        body,
        headers: { 'if-match': created.body.view.etag },
      });
      expect(res.status).toBe(400);
    }
    expect(await snapshot()).toEqual(before);
  });
});
