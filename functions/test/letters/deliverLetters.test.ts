import { deliverLetters, type LetterDeliveryDeps } from '../../src/letters/deliverLetters';
import { defaultDeliveryOptions } from '../../src/letters/deliveryPolicy';
import { MemoryIndex, MemoryMailer, MemoryStore, seedComplaint, settings } from './fakes';

/** A clock the test moves by hand. */
function manualClock(start = '2026-03-02T10:00:00.000Z') {
  let now = new Date(start).getTime();
  return { now: () => new Date(now), advance: (ms: number) => (now += ms) };
}

function setup(options: Partial<LetterDeliveryDeps['options']> = {}) {
  const store = new MemoryStore();
  const index = new MemoryIndex(store);
  const mailer = new MemoryMailer();
  const clock = manualClock();
  const deps: LetterDeliveryDeps = {
    complaints: store,
    index,
    mailer,
    clock,
    settings,
    options: { ...defaultDeliveryOptions, ...options },
    random: () => 0.5,
  };
  return { store, index, mailer, clock, deps };
}

const minutes = (n: number) => n * 60_000;

describe('deliverLetters', () => {
  test('sends a queued acknowledgement once, records it on the complaint (acknowledged) with proof and audit', async () => {
    const { store, index, mailer, deps } = setup();
    const doc = await seedComplaint(store);
    const report = await deliverLetters(deps);
    expect(report.sent).toBe(1);
    expect(mailer.sent).toHaveLength(1);
    expect(mailer.sent[0]).toMatchObject({
      letterId: `${doc.id}:1`,
      to: { address: 'eva@klant.example' },
      subject: 'Re: Factuur dubbel betaald [K-2026-0001]',
      replyTo: doc.state.origin.internetMessageId,
    });
    const stored = (await store.get(doc.id))!.doc.state;
    expect(stored.letters[0]).toMatchObject({ seq: 1, sentOn: '2026-03-02' });
    expect(stored.acknowledgedOn).toBe('2026-03-02');
    expect(index.entries.get(doc.id)?.nextDeadline).toBe(stored.deadlines.resolveBy);
    expect(store.row(doc.id, 1)).toMatchObject({
      status: 'sent',
      attempts: 1,
      proof: { recipient: 'eva@klant.example', inThread: true, foundInSentItems: false },
    });
    expect((await store.listAudit(doc.id)).map((a) => a.action)).toContain('letter-sent');

    expect((await deliverLetters(deps)).sent).toBe(0);
    expect(mailer.sent).toHaveLength(1);
  });

  test('a refused attempt waits with backoff and at least Retry-After, then succeeds', async () => {
    const { store, mailer, clock, deps } = setup();
    const doc = await seedComplaint(store);
    mailer.script.push({ kind: 'notSent', retryable: true, retryAfterMs: minutes(10), code: 'throttled' });
    expect((await deliverLetters(deps)).retrying).toBe(1);
    const row = store.row(doc.id, 1);
    expect(row).toMatchObject({ status: 'queued', attempts: 1, lastError: 'throttled' });
    expect(Date.parse(String(row['nextAttemptAt'])) - clock.now().getTime()).toBe(minutes(10));

    clock.advance(minutes(9));
    expect((await deliverLetters(deps)).notDue).toBe(1);
    clock.advance(minutes(1));
    expect((await deliverLetters(deps)).sent).toBe(1);
    expect(mailer.countFor(`${doc.id}:1`)).toBe(1);
  });

  test('backoff doubles per attempt, with jitter', async () => {
    const { store, mailer, clock, deps } = setup({ baseDelayMs: 1000, maxDelayMs: 8000 });
    const doc = await seedComplaint(store);
    const delays: number[] = [];
    for (let i = 0; i < 5; i++) {
      mailer.script.push({ kind: 'notSent', retryable: true, code: 'unavailable' });
      await deliverLetters(deps);
      const next = Date.parse(String(store.row(doc.id, 1)['nextAttemptAt']));
      delays.push(next - clock.now().getTime());
      clock.advance(next - clock.now().getTime());
    }
    // random() = 0.5: three quarters of 1, 2, 4, 8, 8 seconds.
    expect(delays).toEqual([750, 1500, 3000, 6000, 6000]);
  });

  test('after a lost answer it looks in Sent Items and records the letter instead of sending it again', async () => {
    const { store, mailer, clock, deps } = setup();
    const doc = await seedComplaint(store);
    mailer.script.push('accept-and-lose');
    expect((await deliverLetters(deps)).retrying).toBe(1);
    expect(store.row(doc.id, 1)).toMatchObject({
      status: 'queued',
      mustVerify: true,
      lastError: 'no-answer',
    });
    clock.advance(defaultDeliveryOptions.verifyDelayMs);
    expect((await deliverLetters(deps)).sent).toBe(1);
    expect(mailer.countFor(`${doc.id}:1`)).toBe(1);
    expect(store.row(doc.id, 1)).toMatchObject({ status: 'sent', proof: { foundInSentItems: true } });
    expect((await store.get(doc.id))!.doc.state.letters[0]?.sentOn).toBe('2026-03-02');
  });

  test('after an unknown outcome that did not send, the look-up finds nothing and it sends', async () => {
    const { store, mailer, clock, deps } = setup();
    const doc = await seedComplaint(store);
    mailer.script.push({ kind: 'unknown', code: 'no-answer' });
    await deliverLetters(deps);
    clock.advance(minutes(5));
    expect((await deliverLetters(deps)).sent).toBe(1);
    expect(mailer.lookupCount).toBe(1);
    expect(mailer.countFor(`${doc.id}:1`)).toBe(1);
  });

  test('a failing look-up is retried without sending, counted, and bounded', async () => {
    const { store, mailer, clock, deps } = setup({ maxAttempts: 1 });
    const doc = await seedComplaint(store);
    mailer.script.push('accept-and-lose');
    await deliverLetters(deps);
    mailer.lookups.push({ kind: 'error', code: 'throttled' }, { kind: 'error', code: 'no-answer' });
    for (let i = 0; i < 3; i++) {
      clock.advance(minutes(60));
      await deliverLetters(deps);
    }
    expect(mailer.lookupCount).toBe(3);
    expect(mailer.countFor(`${doc.id}:1`)).toBe(1);
    expect(store.row(doc.id, 1)).toMatchObject({ status: 'sent', attempts: 3 });
  });

  test('a mailbox that can never be searched ends in "verzending mislukt", not in a letter that waits forever', async () => {
    const { store, mailer, clock, deps } = setup({ maxAttempts: 1 });
    const doc = await seedComplaint(store);
    mailer.script.push('accept-and-lose');
    await deliverLetters(deps);
    for (let i = 0; i < 10; i++) mailer.lookups.push({ kind: 'error', code: 'http-403' });
    for (let i = 0; i < 6; i++) {
      clock.advance(minutes(120));
      await deliverLetters(deps);
    }
    expect(mailer.countFor(`${doc.id}:1`)).toBe(1);
    expect(store.row(doc.id, 1)).toMatchObject({ status: 'failed', lastError: 'lookup-http-403' });
  });

  test('gives up after maxAttempts: "verzending mislukt" on the row and in the audit trail, nothing sent', async () => {
    const { store, mailer, clock, deps } = setup({ maxAttempts: 3 });
    const doc = await seedComplaint(store);
    for (let i = 0; i < 3; i++) mailer.script.push({ kind: 'notSent', retryable: true, code: 'unavailable' });
    const outcomes: string[] = [];
    for (let i = 0; i < 4; i++) {
      const r = await deliverLetters(deps);
      outcomes.push(r.failed ? 'failed' : r.retrying ? 'retrying' : 'none');
      clock.advance(minutes(120));
    }
    expect(outcomes).toEqual(['retrying', 'retrying', 'failed', 'none']);
    expect(mailer.sent).toHaveLength(0);
    expect(store.row(doc.id, 1)).toMatchObject({ status: 'failed', attempts: 3, lastError: 'unavailable' });
    const audit = await store.listAudit(doc.id);
    expect(audit.find((a) => a.action === 'letter-failed')?.detail).toMatch(/verzending mislukt na 3 poging/);
    expect((await store.get(doc.id))!.doc.state.acknowledgedOn).toBeUndefined();
  });

  test('at the bound, an unknown last attempt is verified first: found means sent, not failed', async () => {
    const { store, mailer, clock, deps } = setup({ maxAttempts: 1 });
    const doc = await seedComplaint(store);
    mailer.script.push('accept-and-lose');
    await deliverLetters(deps);
    clock.advance(minutes(5));
    expect((await deliverLetters(deps)).sent).toBe(1);
    expect(store.row(doc.id, 1)['status']).toBe('sent');
  });

  test('at the bound, an unknown last attempt not found in Sent Items fails but keeps the look-up for a retry', async () => {
    const { store, mailer, clock, deps } = setup({ maxAttempts: 1 });
    const doc = await seedComplaint(store);
    mailer.script.push({ kind: 'unknown', code: 'no-answer' });
    await deliverLetters(deps);
    clock.advance(defaultDeliveryOptions.verifyDelayMs);
    expect((await deliverLetters(deps)).failed).toBe(1);
    expect(mailer.lookupCount).toBe(1);
    expect(mailer.sent).toHaveLength(0);
    // It may still arrive late: queueing it again must look in Sent Items before sending.
    expect(store.row(doc.id, 1)).toMatchObject({
      status: 'failed',
      lastError: 'no-answer',
      mustVerify: true,
    });
  });

  test('a refusal that cannot get better (400) fails at once', async () => {
    const { store, mailer, deps } = setup();
    const doc = await seedComplaint(store);
    mailer.script.push({ kind: 'notSent', retryable: false, code: 'http-400' });
    expect((await deliverLetters(deps)).failed).toBe(1);
    expect(store.row(doc.id, 1)).toMatchObject({ status: 'failed', lastError: 'http-400' });
  });

  test('two senders at once (timer and the attempt after a step) send a letter once', async () => {
    const { store, mailer, deps } = setup();
    const docs = await Promise.all([1, 2, 3].map((n) => seedComplaint(store, { sequence: n })));
    const reports = await Promise.all([
      deliverLetters(deps),
      deliverLetters(deps),
      deliverLetters(deps, { complaintId: docs[0]!.id }),
    ]);
    expect(reports.reduce((n, r) => n + r.sent, 0)).toBe(3);
    for (const doc of docs) expect(mailer.countFor(`${doc.id}:1`)).toBe(1);
  });

  test('a sender that died holding a letter: after the lease, the next run verifies before sending', async () => {
    const { store, mailer, clock, deps } = setup();
    const doc = await seedComplaint(store);
    const record = (await store.listOutbox({ complaintId: doc.id }))[0]!;
    // As if a run claimed the letter, sent it, and the process stopped before recording anything.
    await store.saveOutbox(
      {
        ...record,
        data: {
          ...record.data,
          status: 'sending',
          leaseUntil: new Date(clock.now().getTime() + minutes(5)).toISOString(),
        },
      },
      record.etag,
    );
    await mailer.send({ letterId: `${doc.id}:1`, to: doc.state.complainant, subject: 's', html: 'h' });
    expect((await deliverLetters(deps)).notDue).toBe(1);
    clock.advance(minutes(5));
    expect((await deliverLetters(deps)).sent).toBe(1);
    expect(mailer.countFor(`${doc.id}:1`)).toBe(1);
  });

  test("every letter of a complaint goes, in order; a forwarded complaint never replies to the employee's thread", async () => {
    const { store, mailer, deps } = setup();
    const doc = await seedComplaint(store, {
      complainant: { name: 'Noor Visser', address: 'noor.visser@klant.example' },
      from: { name: 'Pieter Jansen', address: 'p.jansen@lagant.example' },
      steps: [{ type: 'escalated', on: '2026-03-02', reason: 'Niet zelf op te lossen.' }],
    });
    const report = await deliverLetters(deps);
    expect(report.sent).toBe(2);
    expect(mailer.sent.map((s) => [s.letterId, s.to.address, s.replyTo])).toEqual([
      [`${doc.id}:1`, 'noor.visser@klant.example', undefined],
      [`${doc.id}:2`, 'noor.visser@klant.example', undefined],
    ]);
    expect((await store.get(doc.id))!.doc.state.letters.every((l) => l.sentOn === '2026-03-02')).toBe(true);
  });

  test('a letter cancelled by a manual "acknowledged" step is not sent', async () => {
    const { store, mailer, deps } = setup();
    const doc = await seedComplaint(store, { steps: [{ type: 'acknowledged', on: '2026-03-02' }] });
    expect((await deliverLetters(deps)).finalized).toBe(1);
    expect(mailer.sent).toHaveLength(0);
    expect(store.row(doc.id, 1)['status']).toBe('cancelled');
  });

  test('with a review window the letter waits, but never past the acknowledgeBy day', async () => {
    const { store, mailer, clock, deps } = setup({ reviewWindowMs: 10 * 24 * minutes(60) });
    const doc = await seedComplaint(store);
    expect((await deliverLetters(deps)).notDue).toBe(1);
    clock.advance(2 * 24 * minutes(60));
    expect((await deliverLetters(deps)).notDue).toBe(1);
    // acknowledgeBy is 5 working days after Monday 2 March: Monday 9 March.
    expect(doc.state.deadlines.acknowledgeBy).toBe('2026-03-09');
    clock.advance(5 * 24 * minutes(60));
    expect((await deliverLetters(deps)).sent).toBe(1);
    expect(mailer.sent).toHaveLength(1);
  });
});
