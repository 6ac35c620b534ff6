import { randomUUID } from 'node:crypto';
import { registerComplaint } from '../../domain/src/registerComplaint';
import { applyStep } from '../../domain/src/lifecycle';
import { formatComplaintNumber } from '../../domain/src/complaintNumber';
import { localDate } from '../../domain/src/localDate';
import { createWorkingDayCalendar } from '../../domain/src/workingDayCalendar';
import { loadConfig } from '../../functions/src/adapters/config';
import { createServices, letterDeliveryFactory, type Services } from '../../functions/src/composition';
import type { ComplaintDocument } from '../../functions/src/app/complaintDocument';
import { indexEntryOf } from '../../functions/src/app/indexEntry';
import { deliverLetters } from '../../functions/src/letters/deliverLetters';
import { auditRow, outboxRows } from '../../functions/src/app/sideRows';
import { startStack, type Stack } from '../../dev/stack';
import { apiClient } from '../support/api';

// 200 letters through injected faults: on a busy machine each round takes longer. The assertions are about
// outcomes (exactly once, or failed), never about time, so the test gets room rather than a deadline.
jest.setTimeout(300_000);

let stack: Stack;
let services: Services;
let api: ReturnType<typeof apiClient>;

/** Repeatable randomness (mulberry32), so a failing run can be replayed. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

beforeAll(async () => {
  stack = await startStack();
  api = apiClient(stack);
  services = createServices(loadConfig(stack.env), stack.clock).services;
});
afterAll(async () => {
  await stack?.stop();
});

/** A letter's outbox row (`0001`…); the escalation's notice to the director shares the outbox (keys `n…`). */
const isLetterRow = (row: { key: string }): boolean => /^\d+$/.test(row.key);

/** A registered complaint with an escalation: two letters (acknowledgement, escalation notice). */
async function seedComplaint(n: number, inMailbox: boolean): Promise<ComplaintDocument> {
  const today = localDate('2026-03-02');
  const ctx = {
    today,
    calendar: createWorkingDayCalendar(services.procedure.settings.calendar),
    settings: services.procedure.settings,
  };
  const complainant = { name: `Klant ${n}`, address: `klant-${n}@klant.example` };
  const internetMessageId = `<fault-${n}-${randomUUID()}@klant.example>`;
  const registered = registerComplaint(
    {
      number: formatComplaintNumber(2026, 5000 + n),
      origin: { internetMessageId },
      receivedOn: today,
      complainant,
      subject: `Klacht ${n}`,
      description: `Klacht ${n}`,
      body: 'Tekst',
      attachments: [],
      handler: { name: 'Sanne Bakker', address: 'sanne.bakker@lagant-voorbeeld.nl' },
    },
    ctx,
  );
  if (!registered.ok) throw new Error(registered.message);
  const escalated = applyStep(
    registered.state,
    { type: 'escalated', on: today, reason: 'Directeur beslist.' },
    ctx,
  );
  if (!escalated.ok) throw new Error(escalated.message);
  const now = new Date('2026-03-02T09:00:00Z');
  const doc: ComplaintDocument = {
    id: randomUUID(),
    year: 2026,
    registeredAt: now.toISOString(),
    registeredBy: { id: 'test', name: 'test' },
    message: {
      internetMessageId,
      conversationId: 'c',
      subject: `Klacht ${n}`,
      from: complainant,
      receivedAt: now.toISOString(),
    },
    state: escalated.state,
    actors: {},
  };
  await services.complaints.create(doc, [
    auditRow(now, 'system', 'registered'),
    ...outboxRows(doc, [...registered.effects, ...escalated.effects], now),
  ]);
  await services.index.put(indexEntryOf(doc));
  if (inMailbox)
    stack.graph.deliverToMailbox({ internetMessageId, from: complainant, subject: `Klacht ${n}` });
  return doc;
}

describe('200 letters through a Graph that fails 30% of the time', () => {
  test('each letter is delivered exactly once, or marked "verzending mislukt" and visible on its complaint', async () => {
    const complaints = 100;
    const unreachable = new Set([3, 17, 42]); // their mailbox refuses every send: beyond the bound
    const docs: ComplaintDocument[] = [];
    for (let batch = 0; batch < complaints; batch += 20) {
      docs.push(
        ...(await Promise.all(
          Array.from({ length: 20 }, (_, i) => seedComplaint(batch + i + 1, (batch + i) % 2 === 0)),
        )),
      );
    }
    for (const n of unreachable) stack.graph.refuseRecipient(`klant-${n}@klant.example`);
    stack.graph.setFaultRate(0.3, ['throttle', 'unavailable', 'slow', 'lostAnswer'], seeded(20260302));
    stack.graph.setSlowMs(3_000);

    const deps = letterDeliveryFactory({
      options: {
        maxAttempts: 6,
        baseDelayMs: 20,
        maxDelayMs: 200,
        // As in production (2 minutes after a 30 s timeout): look in Sent Items well after the client gave up,
        // since the sandbox, like Exchange, may take a request in after the client stopped waiting for it.
        verifyDelayMs: 6_000,
        leaseMs: 30_000,
        concurrency: 16,
        // Above what a busy machine adds to an ordinary answer, below the sandbox's slow answer.
        requestTimeoutMs: 2_000,
      },
      random: seeded(7),
    })(services);

    const started = Date.now();
    let rounds = 0;
    for (; rounds < 200; rounds++) {
      await deliverLetters(deps);
      // The letters only: the escalation notices go to the director, whose retries noticeRetry.test.ts follows.
      const pending = (await services.complaints.listOutbox({ statuses: ['queued', 'sending'] })).filter(
        isLetterRow,
      );
      if (pending.length === 0) break;
      // Wait until the earliest retry is due (the sender honours the sandbox's Retry-After of 1 s).
      const dueAt = (p: (typeof pending)[number]): number => {
        const next = 'nextAttemptAt' in p.data ? p.data.nextAttemptAt : undefined;
        return typeof next === 'string' ? Date.parse(next) : Date.now();
      };
      const due = Math.min(...pending.map(dueAt));
      await new Promise((r) => setTimeout(r, Math.min(1_100, Math.max(20, due - Date.now() + 5))));
    }
    stack.graph.setFaultRate(0);
    const elapsed = Date.now() - started;

    const byLetter = new Map<string, number>();
    for (const m of stack.graph.sent()) {
      const id = m.headers['x-klachtenregister-letter-id'];
      if (id) byLetter.set(id, (byLetter.get(id) ?? 0) + 1);
    }
    const stats = stack.graph.stats();
    let sentCount = 0;
    let failedCount = 0;
    for (const [i, doc] of docs.entries()) {
      const rows = (await services.complaints.listOutbox({ complaintId: doc.id })).filter(isLetterRow);
      const state = (await services.complaints.get(doc.id))!.doc.state;
      expect(rows).toHaveLength(2);
      for (const row of rows) {
        const seq = Number(row.key);
        const letterId = `${doc.id}:${seq}`;
        const copies = byLetter.get(letterId) ?? 0;
        const status = row.data['status'];
        const recorded = state.letters.find((l) => l.seq === seq)?.sentOn;
        if (unreachable.has(i + 1)) expect(status).toBe('failed');
        if (status === 'sent') {
          sentCount++;
          expect(copies).toBe(1);
          expect(recorded).toBeDefined();
        } else {
          failedCount++;
          expect(status).toBe('failed');
          // A last attempt whose answer was lost, or whose check in Sent Items kept failing, may still have gone:
          // then the row keeps `mustVerify` (queueing it again looks in Sent Items first). Without it, nothing went.
          expect(copies).toBe(
            'mustVerify' in row.data && row.data.mustVerify === true ? Math.min(copies, 1) : 0,
          );
          expect(recorded).toBeUndefined();
        }
      }
    }
    expect(sentCount + failedCount).toBe(200);
    expect(failedCount).toBeGreaterThanOrEqual(unreachable.size * 2);
    expect([...byLetter.values()].every((n) => n === 1)).toBe(true);
    // Every kind of fault really happened.
    for (const kind of ['throttle', 'unavailable', 'slow', 'lostAnswer'] as const)
      expect(stats.faults[kind]).toBeGreaterThan(5);
    console.info(
      `200 letters: ${sentCount} sent once, ${failedCount} failed, ${rounds + 1} rounds, ${elapsed} ms, ` +
        `${stats.requests} Graph requests, faults ${JSON.stringify(stats.faults)}`,
    );

    // Visible on the complaint, and countable for the director.
    const failedDoc = docs[2]!;
    const letters = await api.call<{ items: { status: string; statusLabel: string }[] }>(
      'GET',
      `/complaints/${failedDoc.id}/letters`,
    );
    expect(letters.body.items.map((l) => l.statusLabel)).toEqual([
      'verzending mislukt',
      'verzending mislukt',
    ]);
    const failed = await api.call<{ items: { complaintId: string; complaintNumber: string }[] }>(
      'GET',
      '/letters/failed',
      {
        role: 'Directeur',
      },
    );
    expect(failed.body.items).toHaveLength(failedCount);
    expect(failed.body.items.map((f) => f.complaintNumber)).toContain(failedDoc.state.number);
    expect((await api.call('GET', '/letters/failed')).status).toBe(403);
    const audit = await api.call<{ items: { action: string; detail?: string }[] }>(
      'GET',
      `/complaints/${failedDoc.id}/audit`,
      {
        role: 'Directeur',
      },
    );
    expect(audit.body.items.filter((a) => a.action === 'letter-failed')).toHaveLength(2);
  });
});
