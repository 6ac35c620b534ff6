import { TableClient } from '@azure/data-tables';
import { startStack, type Stack } from '../../dev/stack';
import { samples } from '../../addin/dev/samples/samples';
import { variant } from '../support/samples';
import { apiClient, registrationOf } from '../support/api';

jest.setTimeout(120_000);

let stack: Stack;
let api: ReturnType<typeof apiClient>;
const sample = (id: string) => {
  const found = samples.find((s) => s.id === id);
  if (!found) throw new Error(id);
  return found;
};

beforeAll(async () => {
  stack = await startStack();
  api = apiClient(stack);
});
afterAll(async () => {
  await stack?.stop();
});

async function countComplaints(): Promise<number> {
  const table = TableClient.fromConnectionString(stack.storageConnectionString, 'complaints', {
    allowInsecureConnection: true,
  });
  let n = 0;
  for await (const row of table.listEntities({ queryOptions: { filter: "RowKey eq 'complaint'" } }))
    if (row) n++;
  return n;
}

interface Summary {
  id: string;
  number: string;
  status: string;
  view?: {
    deadlines: Record<string, string>;
    complainant: { address: string };
    attachments: { name: string; size: number }[];
  };
}

describe('registering an e-mail as a complaint', () => {
  test('answers 201 with the next number of the year, the deadlines and the attachments', async () => {
    const year = new Date().getUTCFullYear();
    const res = await api.call<Summary>('POST', '/complaints', {
      body: registrationOf(sample('01-ordinary')),
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(`/api/complaints/${res.body.id}`);
    expect(res.body.number).toMatch(new RegExp(`^K-${year}-\\d{4}$`));
    // Received Monday 2 March 2026: 5 working days → Monday 9 March; 6 weeks → Monday 13 April.
    expect(res.body.view?.deadlines).toMatchObject({ acknowledgeBy: '2026-03-09', resolveBy: '2026-04-13' });
    expect(res.body.view?.attachments.map((a) => a.name)).toEqual([
      'factuur-2026-0311.pdf',
      'factuur-2026-0319.pdf',
    ]);
  });

  test('the same e-mail again answers 200 with the existing complaint, and nothing new is stored', async () => {
    const body = registrationOf(sample('02-koningsdag'));
    const first = await api.call<Summary>('POST', '/complaints', { body });
    const before = await countComplaints();
    const second = await api.call<Summary>('POST', '/complaints', { body });
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(second.body.id).toBe(first.body.id);
    expect(second.body.number).toBe(first.body.number);
    expect(await countComplaints()).toBe(before);
  });

  test('the task pane finds a registered e-mail by its internetMessageId, and an unknown one not', async () => {
    const s = sample('03-late');
    const created = await api.call<Summary>('POST', '/complaints', { body: registrationOf(s) });
    const found = await api.call<{ items: Summary[] }>(
      'GET',
      `/complaints?internetMessageId=${encodeURIComponent(s.internetMessageId)}`,
    );
    expect(found.status).toBe(200);
    expect(found.body.items.map((i) => i.number)).toEqual([created.body.number]);
    const none = await api.call<{ items: Summary[] }>(
      'GET',
      `/complaints?internetMessageId=${encodeURIComponent('<unknown@x>')}`,
    );
    expect(none.body.items).toEqual([]);
  });

  test('a Medewerker may register and sees the number, not the content', async () => {
    const res = await api.call<Summary>('POST', '/complaints', {
      role: 'Medewerker',
      body: registrationOf(sample('07-forwarded')),
    });
    expect(res.status).toBe(201);
    expect(res.body.number).toMatch(/^K-\d{4}-\d{4}$/);
    expect(res.body.view).toBeUndefined();
    expect(JSON.stringify(res.body)).not.toContain('noor.visser');
    const read = await api.call('GET', `/complaints/${res.body.id}`, { role: 'Medewerker' });
    expect(read.status).toBe(403);
    // R15: an employee passes the complaint on; the complaints team is responsible until a handler takes it.
    const asHandler = await api.call<{ handler: { name: string; address: string } }>(
      'GET',
      `/complaints/${res.body.id}`,
    );
    expect(asHandler.body.handler).toEqual({ name: 'Klachtenteam', address: stack.env['KR_MAILBOX'] });
  });

  test('without a token nothing is registered (401, problem+json in Dutch)', async () => {
    const before = await countComplaints();
    const res = await api.call<{ title: string }>('POST', '/complaints', {
      token: null,
      body: registrationOf(sample('08-saturday')),
    });
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.body.title).toMatch(/niet aangemeld/);
    expect(await countComplaints()).toBe(before);
  });

  test('invalid input answers 400 with field errors and stores nothing', async () => {
    const before = await countComplaints();
    const body = registrationOf(sample('08-saturday'));
    const res = await api.call<{ errors: { field: string }[] }>('POST', '/complaints', {
      body: { ...body, handlingTerm: 'P4M', message: { ...body.message, receivedAt: 'gisteren' } },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e) => e.field)).toContain('message.receivedAt');
    const term = await api.call<{ errors: { field: string }[] }>('POST', '/complaints', {
      body: { ...body, handlingTerm: 'P4M' },
    });
    expect(term.status).toBe(400);
    expect(term.body.errors.map((e) => e.field)).toEqual(['handlingTerm']);
    expect(await countComplaints()).toBe(before);
  });
});

describe('the category chosen at registration', () => {
  test('is kept and shown; one outside the settings is refused', async () => {
    const body = {
      ...registrationOf(variant(sample('08-saturday'), 'category')),
      category: 'examen-certificaat',
    };
    const res = await api.call<{ view: { category?: string } }>('POST', '/complaints', { body });
    expect(res.status).toBe(201);
    expect(res.body.view.category).toBe('examen-certificaat');
    const bad = await api.call<{ errors: { field: string }[] }>('POST', '/complaints', {
      body: { ...registrationOf(variant(sample('08-saturday'), 'category-bad')), category: 'onzin' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e) => e.field)).toEqual(['category']);
  });
});

describe('GET /api/health', () => {
  test('answers ok while storage is reachable, and 503 problem+json when it is not', async () => {
    const ok = await api.call('GET', '/health', { token: null });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ status: 'ok' });

    await stack.azurite.stop();
    const down = await api.call<{ status: number; title: string }>('GET', '/health', { token: null });
    expect(down.status).toBe(503);
    expect(down.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(down.body.title).toMatch(/niet bereikbaar/);
  });
});
