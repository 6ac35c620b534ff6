import { registrationRequest } from '../../../domain/src/api/registration';
import { createWorkingDayCalendar } from '../../../domain/src/workingDayCalendar';
import type { ComplaintDocument } from '../../src/app/complaintDocument';
import { indexEntryOf } from '../../src/app/indexEntry';
import { registerComplaint } from '../../src/app/registerComplaint';
import type { ComplaintStore } from '../../src/app/ports/complaintStore';
import { applyComplaintStep } from '../../src/app/applyComplaintStep';
import { revisionTag } from '../../src/app/complaintViews';
import { deliverLetters, type LetterDeliveryDeps } from '../../src/letters/deliverLetters';
import { defaultDeliveryOptions } from '../../src/letters/deliveryPolicy';
import { retryLetter } from '../../src/letters/letterActions';
import { deadlineSweep, type SweepDeps } from '../../src/watch/deadlineSweep';
import { settings } from '../letters/fakes';
import { handler, memoryServices } from '../support/memoryServices';
import { MemoryMailer, MemoryWatchStore } from './fakes';

const request = (n: number) =>
  registrationRequest.parse({
    message: {
      internetMessageId: `<failed-${n}@voorbeeld.nl>`,
      conversationId: `conv-${n}`,
      subject: 'Certificaat niet ontvangen',
      from: { name: `Klager ${n}`, address: `klager${n}@example.com` },
      receivedAt: '2026-04-23T10:00:00+02:00',
      bodyText: 'Tekst',
    },
  });

/**
 * The sweep reads an outbox only for a complaint whose index row counts a failed letter: the count follows the
 * letter through "verzending mislukt", the handler's retry and a step that cancels it.
 */
async function setup() {
  const m = memoryServices(new Date('2026-04-24T08:00:00Z'));
  const failing = (await registerComplaint(m.services, handler, request(1))).doc;
  const waiting = (await registerComplaint(m.services, handler, request(2))).doc;
  const letterMailer = new MemoryMailer();
  const delivery: LetterDeliveryDeps = {
    complaints: m.store,
    index: m.index,
    mailer: letterMailer,
    clock: m.clock,
    settings,
    options: defaultDeliveryOptions,
    random: () => 0.5,
  };
  const outboxReads: string[] = [];
  const counted = new Proxy(m.store, {
    get(target, name, receiver) {
      if (name === 'listOutbox')
        return (query: Parameters<ComplaintStore<ComplaintDocument>['listOutbox']>[0]) => {
          if ('complaintId' in query) outboxReads.push(query.complaintId);
          return target.listOutbox(query);
        };
      return Reflect.get(target, name, receiver) as unknown;
    },
  });
  const staffMailer = new MemoryMailer();
  const sweepDeps: SweepDeps = {
    index: m.index,
    complaints: counted,
    watch: new MemoryWatchStore(),
    mailer: staffMailer,
    clock: m.clock,
    calendar: createWorkingDayCalendar(),
    reminderWorkingDays: 2,
    directorAddress: undefined,
    registerUrl: 'https://addin.example/taskpane.html',
    organisationName: 'Voorbeeld',
  };
  const sweep = async () => {
    outboxReads.length = 0;
    await deadlineSweep(sweepDeps);
    return [...outboxReads];
  };
  const entry = async (id: string) => (await m.index.entry(id, 'open'))!;
  return { ...m, failing, waiting, delivery, letterMailer, staffMailer, sweep, entry };
}

describe('the sweep and failed letters', () => {
  test('only the outbox with a failed letter is read; the handler is told; after a retry it is read no more', async () => {
    const { store, failing, waiting, delivery, letterMailer, staffMailer, sweep, entry, services } =
      await setup();
    // The acknowledgement of the first complaint is refused for good; the second one's merely waits.
    letterMailer.script.push({ kind: 'notSent', retryable: false, code: 'http-400' });
    expect((await deliverLetters(delivery, { complaintId: failing.id })).failed).toBe(1);

    const recorded = (await store.get(failing.id))!.doc;
    expect(recorded.failedLetters).toEqual([1]);
    expect((await store.listAudit(failing.id)).map((a) => a.action)).toContain('letter-failed');
    expect(await entry(failing.id)).toMatchObject({ unsentLetters: 1, failedLetters: 1 });
    expect(await entry(waiting.id)).toMatchObject({ unsentLetters: 1, failedLetters: 0 });

    expect(await sweep()).toEqual([failing.id]);
    expect(staffMailer.sent.map((m) => m.subject)).toEqual(['Klachtenregister: brief niet verzonden']);

    await retryLetter(services, handler, failing.id, 1);
    expect((await store.get(failing.id))!.doc.failedLetters).toBeUndefined();
    expect(await entry(failing.id)).toMatchObject({ unsentLetters: 1, failedLetters: 0 });
    expect((await store.listAudit(failing.id)).map((a) => a.action)).toContain('letter-retry');
    expect(await sweep()).toEqual([]);
  });

  test('a row written before the count existed is still looked at', async () => {
    const { index, failing, entry, sweep } = await setup();
    const { failedLetters: _none, ...older } = await entry(failing.id);
    await index.put(older);
    expect(await sweep()).toEqual([failing.id]);
  });

  test('a failed letter sent after a retry, or cancelled by a step, leaves the count at 0', async () => {
    const { store, failing, waiting, delivery, letterMailer, services, entry } = await setup();
    for (const id of [failing.id, waiting.id]) {
      letterMailer.script.push({ kind: 'notSent', retryable: false, code: 'http-400' });
      await deliverLetters(delivery, { complaintId: id });
      expect(await entry(id)).toMatchObject({ failedLetters: 1 });
    }
    // The retry's own write of the complaint failed: the sent letter takes the seq off.
    store.failNext.add('update');
    await expect(retryLetter(services, handler, failing.id, 1)).rejects.toThrow('update failed');
    expect((await store.get(failing.id))!.doc.failedLetters).toEqual([1]);
    expect((await deliverLetters(delivery, { complaintId: failing.id })).sent).toBe(1);
    expect((await store.get(failing.id))!.doc.failedLetters).toBeUndefined();
    expect(await entry(failing.id)).toMatchObject({ unsentLetters: 0, failedLetters: 0 });

    // Acknowledged by hand: the step cancels the failed acknowledgement and takes it off the count.
    const stored = (await store.get(waiting.id))!;
    await applyComplaintStep(services, handler, waiting.id, revisionTag(stored.doc), {
      type: 'acknowledged',
      on: '2026-04-24',
    });
    expect((await store.get(waiting.id))!.doc.failedLetters).toBeUndefined();
    expect(await entry(waiting.id)).toMatchObject({ unsentLetters: 0, failedLetters: 0 });
    // The count looks only at letters still awaited, whatever the complaint lists.
    expect(indexEntryOf({ ...(await store.get(waiting.id))!.doc, failedLetters: [1] }).failedLetters).toBe(0);
  });

  test('a failure the index does not count is counted again by the per-minute run, and then reported', async () => {
    const { store, index, failing, delivery, letterMailer, staffMailer, sweep, entry } = await setup();
    letterMailer.script.push({ kind: 'notSent', retryable: false, code: 'http-400' });
    await deliverLetters(delivery, { complaintId: failing.id });
    // As after a failure from before failures were counted, or whose index write was lost: the complaint and its
    // index row both say nothing, only the outbox row says "verzending mislukt".
    const stored = (await store.get(failing.id))!;
    const { failedLetters: _seqs, ...uncounted } = stored.doc;
    await store.update(uncounted, stored.etag, []);
    await index.put(indexEntryOf(uncounted));
    expect(await entry(failing.id)).toMatchObject({ unsentLetters: 1, failedLetters: 0 });
    expect(await sweep()).toEqual([]);

    await deliverLetters(delivery);
    expect((await store.get(failing.id))!.doc.failedLetters).toEqual([1]);
    expect(await entry(failing.id)).toMatchObject({ failedLetters: 1 });
    expect(await sweep()).toEqual([failing.id]);
    expect(staffMailer.sent.map((m) => m.subject)).toEqual(['Klachtenregister: brief niet verzonden']);
  });

  test('an index write lost after the failure is written again by the per-minute run', async () => {
    const { store, index, failing, delivery, letterMailer, sweep, entry } = await setup();
    letterMailer.script.push({ kind: 'notSent', retryable: false, code: 'http-400' });
    await deliverLetters(delivery, { complaintId: failing.id });
    await index.put({ ...(await entry(failing.id)), failedLetters: 0 });
    const before = (await store.get(failing.id))!.etag;

    await deliverLetters(delivery);
    // The complaint counted it already: only its index entry is written again.
    expect((await store.get(failing.id))!.etag).toBe(before);
    expect(await entry(failing.id)).toMatchObject({ failedLetters: 1 });
    expect(await sweep()).toEqual([failing.id]);
  });
});
