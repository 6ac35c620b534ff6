import { BlobServiceClient } from '@azure/storage-blob';
import type { ComplaintView } from '../../domain/src/api/complaintView';
import { startStack, type Stack } from '../../dev/stack';
import type { SentMessage } from '../../dev/graphSandbox';
import { apiClient, people, registrationOf } from '../support/api';
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

const handler = people.Klachtbehandelaar.address;
const director = people.Directeur.address;

async function setClock(iso: string | null): Promise<void> {
  const res = await fetch(`${stack.urls.functions}/dev/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ now: iso }),
  });
  expect(res.status).toBe(200);
}

async function runTimer(name: string, nowIso: string): Promise<void> {
  const res = await fetch(`${stack.urls.functions}/dev/timers/${name}?now=${encodeURIComponent(nowIso)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
  });
  if (res.status !== 200) throw new Error(`${name} at ${nowIso}: ${res.status} ${await res.text()}`);
}

/** Registers a sample as received at `receivedAt`, with the clock on that moment; acknowledges it at once. */
async function register(n: string, receivedAt: string): Promise<ComplaintView> {
  await setClock(receivedAt);
  const res = await api.call<{ view: ComplaintView }>('POST', '/complaints', {
    body: registrationOf({ ...variant(sample('01-ordinary'), n), receivedAt }),
  });
  expect(res.status).toBe(201);
  return res.body.view;
}

/**
 * Records a step on the complaint's current version. The outbox may change the complaint right after a step
 * (a letter sent and recorded), so a 412 means: read it again and retry, as the task pane does.
 */
async function step(view: ComplaintView, body: Record<string, unknown>): Promise<ComplaintView> {
  let etag = view.etag;
  for (let attempt = 0; ; attempt++) {
    const res = await api.call<ComplaintView & { title?: string }>('POST', `/complaints/${view.id}/steps`, {
      body,
      headers: { 'if-match': etag },
    });
    if (res.status === 200) return res.body;
    if (res.status !== 412 || attempt > 3)
      throw new Error(`${String(body['type'])}: ${res.status} ${res.body.title ?? ''}`);
    etag = (await api.call<ComplaintView>('GET', `/complaints/${view.id}`)).body.etag;
  }
}

/** The acknowledgement may already be sent by the outbox; either way it is no longer pending. */
async function acknowledge(view: ComplaintView): Promise<ComplaintView> {
  const res = await api.call<ComplaintView>('POST', `/complaints/${view.id}/steps`, {
    body: { type: 'acknowledged' },
    headers: { 'if-match': view.etag },
  });
  if (res.status === 200) return res.body;
  return (await api.call<ComplaintView>('GET', `/complaints/${view.id}`)).body;
}

const staffMails = (): SentMessage[] =>
  stack.graph.sent().filter((m) => m.subject.startsWith('Klachtenregister:'));
const mentions = (m: SentMessage, number: string): boolean => (m.html ?? '').includes(`${number}:`);
const dayAfter = (iso: string): string =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

describe('deadline sweep: a spring in the life of the register (fixed clock through /dev/timers)', () => {
  test('reminders two working days ahead (hidden holidays skipped), nothing twice, overdue notices reach the director', async () => {
    // C: received Mon 16 March, escalated Fri 27 March → reply due 27 April = Koningsdag → Tue 28 April; its
    // resolveBy (6 weeks) is Koningsdag as well → Tue 28 April. Reminder: Thu 23 April (Mon 27 is no working day).
    let c = await register('watch-c', '2026-03-16T10:00:00+01:00');
    c = await acknowledge(c);
    await setClock('2026-03-27T11:00:00+01:00');
    c = await step(c, { type: 'escalated', on: '2026-03-27', reason: 'Afdeling komt er niet uit' });
    expect(c.deadlines).toMatchObject({ escalationResponseBy: '2026-04-28', resolveBy: '2026-04-28' });
    // The escalation reaches the director at once, with the step; the sweep below must not repeat it.
    const escalatedMails = (): SentMessage[] =>
      staffMails().filter(
        (m) => m.to.includes(director) && m.subject.includes(`klacht ${c.number} is aan u voorgelegd`),
      );
    expect(escalatedMails()).toHaveLength(1);
    // A: received Mon 13 April → 6 weeks = Mon 25 May = Tweede Pinksterdag → Tue 26 May. Reminder: Thu 21 May.
    let a = await register('watch-a', '2026-04-13T09:30:00+02:00');
    a = await acknowledge(a);
    expect(a.deadlines.resolveBy).toBe('2026-05-26');
    await setClock(null);

    const firstMail = new Map<string, string>(); // "<number>|<kind>|<to>" → day
    const counts = new Map<string, number>();
    const seen = new Set(staffMails().map((m) => m.id));
    const collect = (day: string): void => {
      for (const m of staffMails()) {
        if (seen.has(m.id)) continue;
        seen.add(m.id);
        for (const number of [a.number, c.number]) {
          if (!mentions(m, number)) continue;
          const kind = /verstreken/.test(m.subject)
            ? 'overdue'
            : /voorgelegd/.test(m.subject)
              ? 'escalated'
              : 'reminder';
          const key = `${number}|${kind}|${m.to.join(',')}`;
          counts.set(key, (counts.get(key) ?? 0) + 1);
          if (!firstMail.has(key)) firstMail.set(key, day);
        }
      }
    };

    // Once a day at 07:05 UTC from 17 March to 31 May; on 23 April every 10 minutes all day long.
    for (let day = '2026-03-17'; day <= '2026-05-31'; day = dayAfter(day)) {
      if (day === '2026-04-23') {
        for (let minute = 0; minute < 24 * 60; minute += 10) {
          const at = new Date(Date.parse(`${day}T00:00:00+02:00`) + minute * 60_000).toISOString();
          await runTimer('deadlineSweep', at);
        }
      } else {
        await runTimer('deadlineSweep', `${day}T07:05:00Z`);
      }
      collect(day);
    }

    expect(Object.fromEntries(firstMail)).toEqual({
      [`${c.number}|reminder|${handler}`]: '2026-04-23',
      [`${c.number}|overdue|${handler}`]: '2026-04-29',
      [`${c.number}|overdue|${director}`]: '2026-04-29',
      [`${a.number}|reminder|${handler}`]: '2026-05-21',
      [`${a.number}|overdue|${handler}`]: '2026-05-27',
      [`${a.number}|overdue|${director}`]: '2026-05-27',
    });
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect(escalatedMails()).toHaveLength(1);
    // The reminder names both deadlines of C in one mail, by number only (no complainant, no subject).
    const reminder = staffMails().find((m) => mentions(m, c.number) && !/verstreken/.test(m.subject));
    expect(reminder?.html).toMatch(/reactie over de werkwijze/);
    expect(reminder?.html).toMatch(/afhandeling/);
    expect(reminder?.html).toContain('dinsdag 28 april 2026');
    expect(reminder?.html).not.toContain('Femke');
    expect(reminder?.html).not.toContain('factuur');
  });
});

describe('weekly summary', () => {
  const cards = async (): Promise<
    { receivedAt: string; message: { attachments: { content: unknown }[] } }[]
  > => (await (await fetch(`${stack.urls.functions}/dev/teams`)).json()) as never;

  async function hourlyRuns(fromIso: string, toIso: string): Promise<void> {
    for (let t = Date.parse(fromIso); t <= Date.parse(toIso); t += 3_600_000)
      await runTimer('weeklySummary', new Date(t).toISOString());
  }

  const localHour = (iso: string): string =>
    new Intl.DateTimeFormat('nl-NL', {
      timeZone: 'Europe/Amsterdam',
      weekday: 'long',
      hour: '2-digit',
      minute: '2-digit',
    }).format(new Date(iso));

  test.each([
    [
      'March (summer time starts Sunday 29 March)',
      '2026-03-23T00:00:00Z',
      '2026-04-06T12:00:00Z',
      ['2026-W12', '2026-W13', '2026-W14'],
    ],
    [
      'October (summer time ends Sunday 25 October)',
      '2026-10-19T00:00:00Z',
      '2026-11-02T12:00:00Z',
      ['2026-W42', '2026-W43', '2026-W44'],
    ],
  ])('exactly one per week across %s, each on Monday 08:00 local time', async (_name, from, to, weeks) => {
    const before = (await cards()).length;
    const mailsBefore = new Set(staffMails().map((m) => m.id));
    await hourlyRuns(from, to);
    const received = (await cards()).slice(before);
    expect(received.map((c) => localHour(c.receivedAt))).toEqual([
      'maandag 08:00',
      'maandag 08:00',
      'maandag 08:00',
    ]);
    const titles = received.map((c) => JSON.stringify(c.message));
    weeks.forEach((week, i) => expect(titles[i]).toContain(`weekoverzicht ${week}`));
    const mails = staffMails().filter((m) => /weekoverzicht/.test(m.subject) && !mailsBefore.has(m.id));
    expect(mails.map((m) => m.subject).sort()).toEqual(
      weeks.map((w) => `Klachtenregister: weekoverzicht ${w}`),
    );
    expect(mails.every((m) => m.to.join() === director)).toBe(true);
  });
});

describe('retention (R3)', () => {
  test('closed 2 years and 1 day ago: anonymised with its files; a pending third-party ruling: kept', async () => {
    let old = await register('retention-closed', '2024-03-04T10:00:00+01:00');
    old = await step(old, { type: 'decisionTaken', summary: 'Factuur wordt gecrediteerd' });
    old = await step(old, { type: 'solutionProposed', solution: 'Creditnota' });
    old = await step(old, { type: 'agreementRecorded', agreed: true });
    await setClock('2024-03-06T10:00:00+01:00');
    old = await step(old, { type: 'closed' });
    expect(old.deadlines.retainUntil).toBe('2026-03-06');

    await setClock('2024-03-04T11:00:00+01:00');
    let held = await register('retention-held', '2024-03-04T11:00:00+01:00');
    held = await step(held, { type: 'decisionTaken', summary: 'Geen creditnota' });
    held = await step(held, { type: 'solutionProposed', solution: 'Uitleg van de voorwaarden' });
    held = await step(held, { type: 'agreementRecorded', agreed: false });
    held = await step(held, { type: 'clarificationMeetingScheduled', meetingOn: '2024-03-05' });
    await setClock('2024-03-06T11:00:00+01:00');
    held = await step(held, { type: 'referredToThirdParty' });
    await setClock(null);

    // The last day of the retention keeps it; the day after erases it.
    await runTimer('retention', '2026-03-06T02:15:00Z');
    expect((await api.call('GET', `/complaints/${old.id}`)).status).toBe(200);
    await runTimer('retention', '2026-03-07T02:15:00Z');
    expect((await api.call('GET', `/complaints/${old.id}`)).status).toBe(404);
    expect((await api.call('GET', `/complaints/${held.id}`)).status).toBe(200);

    const container = BlobServiceClient.fromConnectionString(
      stack.storageConnectionString,
    ).getContainerClient('complaint-files');
    const blobs = async (id: string): Promise<number> => {
      let n = 0;
      for await (const _b of container.listBlobsFlat({ prefix: `${id}/` })) n++;
      return n;
    };
    expect(await blobs(old.id)).toBe(0);
    expect(await blobs(held.id)).toBeGreaterThan(0);

    const audit = await api.call<{ items: { action: string; actorId: string }[] }>(
      'GET',
      `/complaints/${old.id}/audit`,
      {
        role: 'Directeur',
      },
    );
    // The complaint is gone, so its trail is not served any more; the statistical record still counts.
    expect([404, 200]).toContain(audit.status);
    const yearly = await api.call<{ total: number; byOutcome: { key: string; count: number }[] }>(
      'GET',
      '/reports/yearly?year=2024&format=json',
      { role: 'Directeur' },
    );
    expect(yearly.status).toBe(200);
    expect(yearly.body.total).toBe(2);
    expect(yearly.body.byOutcome.find((o) => o.key === 'handled')?.count).toBe(1);

    // The weekly summary of that week counts it.
    const before = (await cards()).length;
    await runTimer('weeklySummary', '2026-03-09T07:00:00Z');
    const card = JSON.stringify((await cards()).slice(before)[0]?.message);
    expect(card).toContain('"title":"Geanonimiseerd deze week (R3)","value":"1"');
  });

  const cards = async (): Promise<{ message: unknown }[]> =>
    (await (await fetch(`${stack.urls.functions}/dev/teams`)).json()) as never;
});
