import type { ComplaintView } from '../../domain/src/api/complaintView';
import { loadConfig } from '../../functions/src/adapters/config';
import { indexEntryOf } from '../../functions/src/app/indexEntry';
import { createServices, type Services } from '../../functions/src/composition';
import { startStack, type Stack } from '../../dev/stack';
import { apiClient, people, registrationOf } from '../support/api';
import { sample, variant } from '../support/samples';

jest.setTimeout(120_000);

let stack: Stack;
let api: ReturnType<typeof apiClient>;
let services: Services;

beforeAll(async () => {
  stack = await startStack();
  api = apiClient(stack);
  services = createServices(loadConfig(stack.env), stack.clock).services;
});
afterAll(async () => {
  stack?.clock.set(null);
  await stack?.stop();
});

const director = people.Directeur.address;

/** Runs the letter sender's timer as its schedule would at `iso` (not on the hour: the per-minute run). */
async function runOutboxTimer(iso: string): Promise<void> {
  const res = await fetch(
    `${stack.urls.functions}/dev/timers/deliverLetters?now=${encodeURIComponent(iso)}`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
    },
  );
  expect(res.status).toBe(200);
}

const mailsToDirector = (number: string) =>
  stack.graph.sent().filter((m) => m.to.includes(director) && m.subject.includes(number));

/** The director's notice row of a complaint, once an attempt has released it (or undefined). */
async function noticeRow(id: string) {
  const rows = await services.complaints.listOutbox({ complaintId: id });
  return rows.find((r) => r.key.startsWith('n'))?.data as
    { status: string; attempts: number; nextAttemptAt?: string; lastError?: string } | undefined;
}

describe('a throttled staff notice', () => {
  test('the next per-minute run retries it after Retry-After, not the hourly scan', async () => {
    stack.clock.set(new Date('2026-03-02T10:00:00+01:00'));
    const created = await api.call<{ view: ComplaintView }>('POST', '/complaints', {
      body: registrationOf(variant(sample('01-ordinary'), 'notice-throttled')),
    });
    expect(created.status).toBe(201);
    await stack.settleLetters();
    const view = created.body.view;

    // Graph throttles the director's mailbox once: the escalation letter to the complainant goes, the notice not.
    stack.graph.throttleRecipient(director, 1);
    stack.clock.set(new Date('2026-03-02T10:10:00+01:00'));
    const current = await api.call<ComplaintView>('GET', `/complaints/${view.id}`);
    const escalated = await api.call<ComplaintView>('POST', `/complaints/${view.id}/steps`, {
      body: { type: 'escalated', on: '2026-03-02', reason: 'Bedrag boven mandaat.' },
      headers: { 'if-match': current.body.etag },
    });
    expect(escalated.status).toBe(200);
    // What lies ahead now is the director's reply, one month after the escalation.
    expect(escalated.body.nextSteps).toEqual([
      { type: 'escalationResponded', due: { deadline: 'escalationResponseBy', on: '2026-04-02' } },
    ]);

    // The attempt right after the step may finish after the answer: wait until it released the notice.
    let row = await noticeRow(view.id);
    for (let i = 0; i < 100 && row?.attempts !== 1; i++) {
      await new Promise((r) => setTimeout(r, 100));
      row = await noticeRow(view.id);
    }
    expect(row).toMatchObject({ status: 'queued', attempts: 1, lastError: 'throttled' });
    expect(mailsToDirector(view.number)).toHaveLength(0);
    // Every letter of the complaint has gone: only the notice is left unsent.
    const letters = await api.call<{ items: { status: string }[] }>('GET', `/complaints/${view.id}/letters`);
    expect(letters.body.items.map((l) => l.status)).toEqual(['sent', 'sent']);

    const retryAt = Date.parse(row!.nextAttemptAt!);
    // Graph asked for at least a second.
    expect(retryAt).toBeGreaterThanOrEqual(Date.parse('2026-03-02T10:10:01+01:00'));

    // Before the retry is due, the per-minute run leaves it alone.
    await runOutboxTimer(new Date(retryAt - 500).toISOString());
    expect(mailsToDirector(view.number)).toHaveLength(0);

    // The first per-minute run after it is due tells the director (neither on the hour nor the step's attempt).
    const due = new Date(retryAt + 1_000);
    expect(due.getUTCMinutes()).not.toBe(0);
    await runOutboxTimer(due.toISOString());
    expect(mailsToDirector(view.number)).toHaveLength(1);
    expect(await noticeRow(view.id)).toMatchObject({ status: 'sent', attempts: 2 });

    // Settled: further runs send nothing more, and the complaint is no longer on the sender's work list.
    await runOutboxTimer(new Date(retryAt + 61_000).toISOString());
    expect(mailsToDirector(view.number)).toHaveLength(1);
    expect(await services.index.withUnsentLetters()).not.toContain(view.id);
  });
});

describe('a notice whose settling failed after it was sent', () => {
  test('the next per-minute run takes back its count, so the complaint leaves the sender’s work list', async () => {
    stack.clock.set(new Date('2026-03-03T10:00:00+01:00'));
    const created = await api.call<{ view: ComplaintView }>('POST', '/complaints', {
      body: registrationOf(variant(sample('01-ordinary'), 'notice-stale-count')),
    });
    expect(created.status).toBe(201);
    await stack.settleLetters();
    const view = created.body.view;
    const current = await api.call<ComplaintView>('GET', `/complaints/${view.id}`);
    const escalated = await api.call<ComplaintView>('POST', `/complaints/${view.id}/steps`, {
      body: { type: 'escalated', on: '2026-03-03', reason: 'Bedrag boven mandaat.' },
      headers: { 'if-match': current.body.etag },
    });
    expect(escalated.status).toBe(200);
    await stack.settleLetters();
    let row = await noticeRow(view.id);
    for (let i = 0; i < 100 && row?.status !== 'sent'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      row = await noticeRow(view.id);
    }
    expect(row).toMatchObject({ status: 'sent' });

    // The count as a sender that died between sending the notice and settling it leaves it.
    const key = (await services.complaints.listOutbox({ complaintId: view.id })).find((r) =>
      r.key.startsWith('n'),
    )!.key;
    const stored = (await services.complaints.get(view.id))!;
    const stale = { ...stored.doc, unsentNotices: [key] };
    await services.complaints.update(stale, stored.etag, []);
    await services.index.put(indexEntryOf(stale));
    expect(await services.index.withUnsentLetters()).toContain(view.id);

    await runOutboxTimer('2026-03-03T10:20:30+01:00');
    expect(await services.index.withUnsentLetters()).not.toContain(view.id);
    expect((await services.complaints.get(view.id))!.doc.unsentNotices).toBeUndefined();
    expect(mailsToDirector(view.number)).toHaveLength(1);
  });
});
