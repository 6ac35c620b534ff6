import type { ComplaintView } from '../../domain/src/api/complaintView';
import { startStack, type Stack } from '../../dev/stack';
import { apiClient, registrationOf } from '../support/api';
import { sample, variant } from '../support/samples';

jest.setTimeout(120_000);

interface SettingsBody {
  version: number;
  etag: string;
  settings: Record<string, unknown> & { calendar: { closureDays: string[] } };
  deadlinesMoved?: number;
  title?: string;
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

async function register(n: string): Promise<ComplaintView> {
  const base = variant(sample('01-ordinary'), `settings-${n}`);
  const res = await api.call<{ view: ComplaintView }>('POST', '/complaints', {
    body: registrationOf({ ...base, receivedAt: '2026-07-01T09:00:00+02:00' }),
  });
  expect(res.status).toBe(201);
  return res.body.view;
}

beforeAll(async () => {
  stack = await startStack();
  api = apiClient(stack);
  // Wednesday 1 July 2026.
  await setClock('2026-07-01T12:00:00+02:00');
});

afterAll(async () => {
  await stack?.stop();
});

describe('the organisation settings', () => {
  test('before the first save the app settings are version 0; handlers read, a Medewerker does not', async () => {
    const res = await api.call<SettingsBody>('GET', '/settings', { role: 'Klachtbehandelaar' });
    expect(res.status).toBe(200);
    expect(res.body.version).toBe(0);
    expect(res.headers.get('etag')).toBe(res.body.etag);
    expect(res.body.settings).toMatchObject({ retentionYears: 2, reminderWorkingDays: 2 });
    expect((await api.call('GET', '/settings', { role: 'Medewerker' })).status).toBe(403);
  });

  test('a round trip; 428 without If-Match, 403 for a handler, 412 on a stale version, 400 on bad input', async () => {
    const first = await api.call<SettingsBody>('GET', '/settings', { role: 'Directeur' });
    const changed = { ...first.body.settings, retentionYears: 7, causeCategories: ['planning', 'overig'] };

    const noMatch = await api.call<SettingsBody>('PUT', '/settings', { role: 'Directeur', body: changed });
    expect(noMatch.status).toBe(428);

    const handler = await api.call('PUT', '/settings', {
      role: 'Klachtbehandelaar',
      body: changed,
      headers: { 'if-match': first.body.etag },
    });
    expect(handler.status).toBe(403);

    const bad = await api.call<{ fieldErrors?: { field: string }[] }>('PUT', '/settings', {
      role: 'Directeur',
      body: { ...changed, retentionYears: 1 },
      headers: { 'if-match': first.body.etag },
    });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toMatch(/problem\+json/);

    const saved = await api.call<SettingsBody>('PUT', '/settings', {
      role: 'Directeur',
      body: changed,
      headers: { 'if-match': first.body.etag },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(first.body.version + 1);

    const read = await api.call<SettingsBody>('GET', '/settings', { role: 'Klachtbehandelaar' });
    expect(read.body.settings).toMatchObject({ retentionYears: 7, causeCategories: ['planning', 'overig'] });
    expect(read.body.etag).toBe(saved.body.etag);

    const stale = await api.call<SettingsBody>('PUT', '/settings', {
      role: 'Directeur',
      body: { ...changed, retentionYears: 3 },
      headers: { 'if-match': first.body.etag },
    });
    expect(stale.status).toBe(412);
    expect(stale.body.title).toMatch(/iemand anders/i);
    // The stale write changed nothing.
    const after = await api.call<SettingsBody>('GET', '/settings', { role: 'Directeur' });
    expect(after.body.settings['retentionYears']).toBe(7);
  });

  test('a closure day moves a pending deadline that falls on or after it; a met one stays', async () => {
    // Received Wednesday 1 July: acknowledged at once (the letter goes out at registration), so
    // acknowledgeBy (8 July) is met; resolveBy (6 weeks: Wednesday 12 August) is pending.
    const complaint = await register('pending');
    expect(complaint.deadlines).toMatchObject({ acknowledgeBy: '2026-07-08', resolveBy: '2026-08-12' });
    // Wait for the letter sender to record the acknowledgement (a state to reach, not a time to assert).
    let ackOutcome: string | undefined;
    for (let i = 0; i < 100 && ackOutcome !== 'met'; i++) {
      const v = await api.call<ComplaintView>('GET', `/complaints/${complaint.id}`);
      ackOutcome = v.body.deadlineOutcomes.acknowledgeBy?.outcome;
      if (ackOutcome !== 'met') await new Promise((r) => setTimeout(r, 100));
    }
    expect(ackOutcome).toBe('met');

    const current = await api.call<SettingsBody>('GET', '/settings', { role: 'Directeur' });
    const settings = {
      ...current.body.settings,
      calendar: { ...current.body.settings.calendar, closureDays: ['2026-08-12', '2026-07-03'] },
    };
    const saved = await api.call<SettingsBody>('PUT', '/settings', {
      role: 'Directeur',
      body: settings,
      headers: { 'if-match': current.body.etag },
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ deadlinesFailed: 0 });
    expect(saved.body.deadlinesMoved).toBeGreaterThanOrEqual(1);
    expect(saved.body.settings.calendar.closureDays).toEqual(['2026-07-03', '2026-08-12']);

    const view = await api.call<ComplaintView>('GET', `/complaints/${complaint.id}`);
    expect(view.body.deadlines).toMatchObject({ acknowledgeBy: '2026-07-08', resolveBy: '2026-08-13' });
    // The handler's screen stays valid: a settings change is not someone else's edit.
    expect(view.body.etag).toBe(complaint.etag);

    // A complaint registered after the change uses the new calendar at once.
    const later = await register('later');
    expect(later.deadlines).toMatchObject({ acknowledgeBy: '2026-07-09', resolveBy: '2026-08-13' });
  });
});
