import { odata, TableClient } from '@azure/data-tables';
import type { ComplaintView } from '../../domain/src/api/complaintView';
import { tableNames } from '../../functions/src/adapters/storageClients';
import { startStack, type Stack } from '../../dev/stack';
import { apiClient, registrationOf } from '../support/api';
import { sample, variant } from '../support/samples';

jest.setTimeout(120_000);

interface WeeklyBody {
  week: string;
  from: string;
  to: string;
  figures: { newCount: number; open: number };
  lines: { label: string; value: string }[];
}

let stack: Stack;
let api: ReturnType<typeof apiClient>;

async function setClock(iso: string | null): Promise<void> {
  await fetch(`${stack.urls.functions}/dev/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ now: iso }),
  });
}

beforeAll(async () => {
  stack = await startStack();
  api = apiClient(stack);
  // Wednesday 1 July 2026, in ISO week 27 (29 June – 5 July).
  await setClock('2026-07-01T12:00:00+02:00');
  for (const n of ['a', 'b']) {
    const res = await api.call<{ view: ComplaintView }>('POST', '/complaints', {
      body: registrationOf({
        ...variant(sample('01-ordinary'), `weekly-${n}`),
        receivedAt: '2026-07-01T09:00:00+02:00',
      }),
    });
    expect(res.status).toBe(201);
  }
});

afterAll(async () => {
  await stack?.stop();
});

describe('the weekly summary in the pane', () => {
  test('the week the last Monday mail reported on, with the mail’s Dutch lines', async () => {
    await setClock('2026-07-08T10:00:00+02:00');
    const res = await api.call<WeeklyBody>('GET', '/reports/weekly', { role: 'Directeur' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ week: '2026-W27', from: '2026-06-29', to: '2026-07-05' });
    expect(res.body.figures).toMatchObject({ newCount: 2, open: 2 });
    expect(res.body.lines).toContainEqual({ label: 'Nieuw deze week', value: '2' });
    expect(res.body.lines).toContainEqual({ label: 'Open', value: '2' });
    expect(res.body.lines.every((l) => !/[a-z][A-Z]/.test(l.label))).toBe(true);
  });

  test('before Monday 08:00 the mail of that week has not gone out: the week before still shows', async () => {
    await setClock('2026-07-13T07:30:00+02:00');
    const early = await api.call<WeeklyBody>('GET', '/reports/weekly', { role: 'Directeur' });
    expect(early.body.week).toBe('2026-W27');
    await setClock('2026-07-13T08:30:00+02:00');
    const later = await api.call<WeeklyBody>('GET', '/reports/weekly', { role: 'Directeur' });
    expect(later.body).toMatchObject({ week: '2026-W28', figures: { newCount: 0, open: 2 } });
  });

  test('only the director reads it', async () => {
    const res = await api.call<{ title: string }>('GET', '/reports/weekly', { role: 'Klachtbehandelaar' });
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toMatch(/problem\+json/);
    expect((await api.call('GET', '/reports/weekly', { role: 'Medewerker' })).status).toBe(403);
  });
});

describe('the register-wide audit', () => {
  test('reading the weekly summary and saving the recommendations are audited, without their text', async () => {
    const put = await api.call('PUT', '/reports/yearly/2026/recommendations', {
      role: 'Directeur',
      body: { recommendations: 'Vertrouwelijk: planning eerder delen', measuresCarriedOut: [] },
    });
    expect(put.status).toBe(200);
    const watch = TableClient.fromConnectionString(stack.storageConnectionString, tableNames.watch, {
      allowInsecureConnection: true,
    });
    const entries: { action: string; actorName: string; detail: string }[] = [];
    for await (const row of watch.listEntities<{ data: string }>({
      queryOptions: { filter: odata`PartitionKey eq ${'audit-register'}` },
    }))
      entries.push(JSON.parse(row.data) as { action: string; actorName: string; detail: string });
    expect(entries.filter((e) => e.action === 'weekly-summary').length).toBeGreaterThanOrEqual(3);
    const saved = entries.find((e) => e.action === 'yearly-recommendations');
    expect(saved).toMatchObject({ actorName: 'Willem de Graaf' });
    expect(saved?.detail).toContain('jaar 2026');
    expect(JSON.stringify(entries)).not.toContain('Vertrouwelijk');
  });
});
