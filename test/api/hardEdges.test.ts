import { TableClient } from '@azure/data-tables';
import type { ComplaintView } from '../../domain/src/api/complaintView';
import { startStack, type Stack } from '../../dev/stack';
import type { Services } from '../../functions/src/composition';
import { apiClient, people, registrationOf } from '../support/api';
import { sample, variant } from '../support/samples';

jest.setTimeout(180_000);

let stack: Stack;
let api: ReturnType<typeof apiClient>;
/** When set, the next complaint write fails after its number was taken (a storage failure, injected). */
let failNextCreate = false;

beforeAll(async () => {
  stack = await startStack({
    wrapServices: (s: Services): Services => ({
      ...s,
      complaints: {
        ...s.complaints,
        create: (doc, rows) => {
          if (failNextCreate) {
            failNextCreate = false;
            return Promise.reject(new Error('injected storage failure'));
          }
          return s.complaints.create(doc, rows);
        },
      },
    }),
  });
  api = apiClient(stack);
});
afterAll(async () => {
  await stack?.stop();
});

interface Problem {
  type: string;
  title: string;
  status: number;
  errors?: { field: string; message: string }[];
}

const message = (n: string) => registrationOf(variant(sample('01-ordinary'), `edges-${n}`)).message;

async function view(id: string): Promise<ComplaintView> {
  return (await api.call<ComplaintView>('GET', `/complaints/${id}`)).body;
}

describe('one text policy, through HTTP against Azurite', () => {
  test('U+2028/2029 in the body, the names and a step text are stored as newlines (no 500, no lost number)', async () => {
    const res = await api.call<{ id: string; view: ComplaintView }>('POST', '/complaints', {
      body: {
        message: { ...message('ls'), bodyText: 'Eerste regel\u2028tweede\u2029derde\r\nvierde' },
        complainant: { name: 'Eva de Vries', address: 'eva@klant.example' },
        handler: { name: people.Klachtbehandelaar.name, address: people.Klachtbehandelaar.address },
      },
    });
    expect(res.status).toBe(201);
    const c = await view(res.body.id);
    const step = await api.call<ComplaintView>('POST', `/complaints/${c.id}/steps`, {
      body: { type: 'decisionTaken', summary: 'Besluit\u2028met regels\u202e' },
      headers: { 'if-match': c.etag },
    });
    expect(step.status).toBe(200);
    expect(JSON.stringify(step.body)).toContain('Besluit\\nmet regels');
    expect(JSON.stringify(step.body)).not.toMatch(/\u2028|\u202e/);
  });

  test.each([
    ['a NUL in the complainant name', { complainant: { name: 'Eva\u0000', address: 'eva@klant.example' } }],
    ['an ESC in the handler name', { handler: { name: 'Sanne\u001b[31m', address: 'sanne@x.example' } }],
    ['a newline in the complainant name', { complainant: { name: 'Eva\nde Vries', address: 'e@x.example' } }],
    ['a lone surrogate in the subject', { message: { subject: 'Klacht \ud800' } }],
  ])('%s → 400 with a Dutch message', async (_name, extra) => {
    const base = message(`refused-${_name}`);
    const body = {
      ...extra,
      message: { ...base, ...(('message' in extra ? extra.message : {}) as object) },
    };
    const res = await api.call<Problem>('POST', '/complaints', { body });
    expect(res.status).toBe(400);
    expect(res.body.title).toMatch(/niet alle velden/i);
  });

  test('a step text with a control character is refused', async () => {
    const created = await api.call<{ id: string }>('POST', '/complaints', {
      body: { message: message('ctl') },
    });
    const c = await view(created.body.id);
    const res = await api.call<Problem>('POST', `/complaints/${c.id}/steps`, {
      body: { type: 'decisionTaken', summary: 'Besluit\u0007' },
      headers: { 'if-match': c.etag },
    });
    expect(res.status).toBe(400);
  });

  test('attachments: same names each downloadable, bidi controls removed, a lone surrogate refused', async () => {
    const file = (name: string, text: string) => ({
      name,
      contentType: 'text/plain',
      contentBase64: Buffer.from(text).toString('base64'),
    });
    const res = await api.call<{ id: string }>('POST', '/complaints', {
      body: {
        message: {
          ...message('attach'),
          attachments: [file('scan.txt', 'een'), file('scan.txt', 'twee'), file('factuur\u202efdp.exe', 'x')],
        },
      },
    });
    expect(res.status).toBe(201);
    const names = (await view(res.body.id)).attachments.map((a) => a.name);
    expect(names).toEqual(['scan.txt', 'scan (2).txt', 'factuurfdp.exe']);
    const bodies: string[] = [];
    for (const name of names.slice(0, 2)) {
      const download = await fetch(
        `${stack.urls.api}/complaints/${res.body.id}/attachments/${encodeURIComponent(name)}`,
        { headers: { authorization: `Bearer ${await stack.tokens.issue(people.Klachtbehandelaar)}` } },
      );
      expect(download.status).toBe(200);
      bodies.push(await download.text());
    }
    expect(bodies).toEqual(['een', 'twee']);

    const lone = await api.call<Problem>('POST', '/complaints', {
      body: { message: { ...message('attach-lone'), attachments: [file('a\udc00.txt', 'x')] } },
    });
    expect(lone.status).toBe(400);
  });
});

describe('receipt dates and tokens', () => {
  test('a receipt date before the organisation started → 400 with a clear Dutch message', async () => {
    const res = await api.call<Problem>('POST', '/complaints', {
      body: { message: { ...message('1900'), receivedAt: '1900-01-02T10:00:00+01:00' } },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]).toMatchObject({ field: 'message.receivedAt' });
    expect(res.body.title).toMatch(/startdatum van de organisatie/);
  });

  const now = () => Math.floor(Date.now() / 1000);
  test.each([
    ['an iat in the future', { iat: now() + 3600, nbf: now(), exp: now() + 7200 }],
    ['a ten-year lifetime', { lifetimeSeconds: 10 * 365 * 24 * 3600 }],
    ['an app-only token (idtyp app)', { idtyp: 'app' }],
    ['a token without a user', { name: '', preferred_username: '' }],
  ])('%s → 401', async (_name, overrides) => {
    const token = await stack.tokens.issue(people.Klachtbehandelaar, overrides);
    const res = await api.call('GET', '/complaints?status=open', { token });
    expect(res.status).toBe(401);
  });
});

describe('dev routes', () => {
  test.each([
    ['a foreign Origin', { origin: 'https://evil.example', 'content-type': 'application/json' }, 403],
    ['a simple text/plain POST', { 'content-type': 'text/plain' }, 415],
    ['no content type', {}, 415],
  ])('%s is refused', async (_name, headers, status) => {
    for (const path of ['/dev/clock', '/dev/timers/deliverLetters']) {
      const res = await fetch(`${stack.urls.functions}${path}`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ now: '2030-01-01T00:00:00Z' }),
      });
      expect(res.status).toBe(status);
    }
    expect(stack.clock.isFixed()).toBe(false);
  });
});

describe('numbers that survive failure', () => {
  test('a write failing after numbering voids the number; the e-mail registers again under the next one', async () => {
    const body = { message: message('void') };
    failNextCreate = true;
    const failed = await api.call<Problem>('POST', '/complaints', { body });
    expect(failed.status).toBe(500);

    const again = await api.call<{ id: string; number: string }>('POST', '/complaints', { body });
    expect(again.status).toBe(201);
    const year = Number(again.body.number.slice(2, 6));
    const sequence = Number(again.body.number.slice(7));

    const keys = TableClient.fromConnectionString(stack.storageConnectionString, 'complaintkeys', {
      allowInsecureConnection: true,
    });
    const voided = await keys.getEntity<{ voidedAt?: string; voidReason?: string }>(
      `year-${year}`,
      String(sequence - 1).padStart(6, '0'),
    );
    expect(voided.voidReason).toMatch(/vervallen/);
    expect(typeof voided.voidedAt).toBe('string');
    // No blobs or claim rows left for the failed attempt: only the new complaint holds the e-mail.
    const claims: string[] = [];
    for await (const row of keys.listEntities<{ complaintId: string }>({
      queryOptions: { filter: `PartitionKey eq 'message'` },
    }))
      if (row.complaintId !== undefined) claims.push(row.complaintId);
    expect(claims.filter((id) => id === again.body.id)).toHaveLength(1);

    const csv = await api.call<string>('GET', `/register/export?year=${year}&format=csv`, {
      role: 'Directeur',
    });
    expect(csv.status).toBe(200);
    expect(csv.body).toContain(`K-${year}-${String(sequence - 1).padStart(4, '0')}`);
    expect(csv.body).toMatch(/vervallen/);

    // The register's listing of the year shows the void number beside the complaints, with its reason.
    const voidNumber = `K-${year}-${String(sequence - 1).padStart(4, '0')}`;
    type Listing = {
      items: { number: string }[];
      voided?: { number: string; status: string; reason: string; voidedAt: string }[];
    };
    const listing = await api.call<Listing>('GET', `/complaints?year=${year}&pageSize=200`);
    expect(listing.status).toBe(200);
    const entry = listing.body.voided?.find((v) => v.number === voidNumber);
    expect(entry).toEqual({
      number: voidNumber,
      status: 'vervallen',
      reason: voided.voidReason,
      voidedAt: voided.voidedAt,
    });
    expect(listing.body.items.some((i) => i.number === voidNumber)).toBe(false);
    // Filtered listings are about complaints only.
    const open = await api.call<Listing>('GET', `/complaints?year=${year}&status=open`);
    expect(open.body.voided).toBeUndefined();

    const yearly = await api.call<{ voided: { count: number; lines: { number: string; reason: string }[] } }>(
      'GET',
      `/reports/yearly?year=${year}&format=json`,
      { role: 'Directeur' },
    );
    expect(yearly.status).toBe(200);
    expect(yearly.body.voided.lines).toContainEqual(
      expect.objectContaining({ number: voidNumber, reason: voided.voidReason }),
    );
    const html = await api.call<string>('GET', `/reports/yearly?year=${year}&format=html`, {
      role: 'Directeur',
    });
    expect(html.body).toContain(`<td>${voidNumber}</td>`);
  });
});
