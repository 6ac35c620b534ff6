import type { ComplaintView } from '../../domain/src/api/complaintView';
import { loadConfig } from '../../functions/src/adapters/config';
import { createServices, letterDeliveryFactory, type Services } from '../../functions/src/composition';
import type { ComplaintDocument } from '../../functions/src/app/complaintDocument';
import { indexEntryOf } from '../../functions/src/app/indexEntry';
import type { ComplaintStore } from '../../functions/src/app/ports/complaintStore';
import { deliverLetters } from '../../functions/src/letters/deliverLetters';
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

/**
 * Registers a complaint on `day` and escalates it while Graph throttles the director's mailbox once: the
 * escalation letter to the complainant goes, the notice not. Returns the notice's row once that attempt released it.
 */
async function escalatedWithThrottledNotice(name: string, day: string) {
  stack.clock.set(new Date(`${day}T10:00:00+01:00`));
  const created = await api.call<{ view: ComplaintView }>('POST', '/complaints', {
    body: registrationOf(variant(sample('01-ordinary'), name)),
  });
  expect(created.status).toBe(201);
  await stack.settleLetters();
  const view = created.body.view;
  stack.graph.throttleRecipient(director, 1);
  stack.clock.set(new Date(`${day}T10:10:00+01:00`));
  const current = await api.call<ComplaintView>('GET', `/complaints/${view.id}`);
  const escalated = await api.call<ComplaintView>('POST', `/complaints/${view.id}/steps`, {
    body: { type: 'escalated', on: day, reason: 'Bedrag boven mandaat.' },
    headers: { 'if-match': current.body.etag },
  });
  expect(escalated.status).toBe(200);
  // The attempt right after the step may finish after the answer: wait until it released the notice.
  let row = await noticeRow(view.id);
  for (let i = 0; i < 100 && row?.attempts !== 1; i++) {
    await new Promise((r) => setTimeout(r, 100));
    row = await noticeRow(view.id);
  }
  expect(row).toMatchObject({ status: 'queued', attempts: 1, lastError: 'throttled' });
  return { view, row: row!, escalated: escalated.body };
}

/** The complaint on the per-minute sender's work list, with the notices its index row counts; or undefined. */
const onWorkList = async (id: string) => (await services.index.withUnsentLetters()).find((w) => w.id === id);

describe('a throttled staff notice', () => {
  test('the next per-minute run retries it after Retry-After, not the hourly scan', async () => {
    const { view, row, escalated } = await escalatedWithThrottledNotice('notice-throttled', '2026-03-02');
    // What lies ahead now is the director's reply, one month after the escalation.
    expect(escalated.nextSteps).toEqual([
      { type: 'escalationResponded', due: { deadline: 'escalationResponseBy', on: '2026-04-02' } },
    ]);
    expect(mailsToDirector(view.number)).toHaveLength(0);
    // Every letter of the complaint has gone: only the notice is left unsent.
    const letters = await api.call<{ items: { status: string }[] }>('GET', `/complaints/${view.id}/letters`);
    expect(letters.body.items.map((l) => l.status)).toEqual(['sent', 'sent']);

    const retryAt = Date.parse(row.nextAttemptAt!);
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
    expect(await onWorkList(view.id)).toBeUndefined();
  });

  test('a notice whose removal from the complaint failed is removed by the next per-minute run, which then no longer reads that outbox', async () => {
    const { view, row } = await escalatedWithThrottledNotice('notice-settle-lost', '2026-03-03');
    const due = new Date(Date.parse(row.nextAttemptAt!) + 1_000);
    expect(due.getUTCMinutes()).not.toBe(0);

    // The retry sends the notice, but storage refuses every write of the complaint: the removal of the notice's
    // key is lost (the outbox row's own write is not a write of the complaint and goes through).
    const store = services.complaints;
    const refusing: ComplaintStore<ComplaintDocument> = {
      ...store,
      update: () => Promise.reject(new Error('storage unavailable')),
    };
    stack.clock.set(due);
    const report = await deliverLetters({ ...letterDeliveryFactory()(services), complaints: refusing });
    expect(report.sent).toBe(1);
    expect(mailsToDirector(view.number)).toHaveLength(1);
    expect(await noticeRow(view.id)).toMatchObject({ status: 'sent' });
    const key = (await services.complaints.listOutbox({ complaintId: view.id })).find((r) =>
      r.key.startsWith('n'),
    )!.key;
    expect((await services.complaints.get(view.id))?.doc.unsentNotices).toEqual([key]);
    expect((await services.index.entry(view.id, 'open'))?.unsentNotices).toBe(1);
    expect(await onWorkList(view.id)).toEqual({ id: view.id, unsentNotices: 1, failedLetters: 0 });

    // The next per-minute run (storage answering again) finds no pending notice for the key: it takes the key
    // off the complaint and rewrites the index row, and sends nothing again.
    const next = new Date(due.getTime() + 60_000);
    expect(next.getUTCMinutes()).not.toBe(0);
    await runOutboxTimer(next.toISOString());
    expect((await services.complaints.get(view.id))?.doc.unsentNotices).toBeUndefined();
    expect((await services.index.entry(view.id, 'open'))?.unsentNotices).toBe(0);
    expect(await onWorkList(view.id)).toBeUndefined();
    expect(mailsToDirector(view.number)).toHaveLength(1);

    // Only the index row left behind (its write failed after the complaint's): the row is rewritten from the
    // complaint, which needs no change.
    const settled = (await services.complaints.get(view.id))!.doc;
    await services.index.put({ ...indexEntryOf(settled), unsentNotices: 1 });
    expect(await onWorkList(view.id)).toEqual({ id: view.id, unsentNotices: 1, failedLetters: 0 });
    await runOutboxTimer(new Date(next.getTime() + 60_000).toISOString());
    expect(await onWorkList(view.id)).toBeUndefined();
    expect((await services.complaints.get(view.id))?.doc.version).toBe(settled.version);
    expect(mailsToDirector(view.number)).toHaveLength(1);
  });
});
