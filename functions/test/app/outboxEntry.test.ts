import type { Letter } from '../../../domain/src/effects';
import { localDate } from '../../../domain/src/localDate';
import {
  cancelled,
  claimed,
  failed,
  isDue,
  noticeCancelled,
  noticeClaimed,
  noticeFailed,
  noticeReleased,
  noticeSent,
  parseOutboxData,
  queuedNotice,
  queuedLetter,
  released,
  requeued,
  sent,
  verified,
  letterSchema,
  withPersonalNote,
  type DeliveryProof,
} from '../../src/app/ports/outboxEntry';

/** Parsed like a stored row, so the test needs no casts. */
const letter: Letter = letterSchema.parse({
  seq: 1,
  kind: 'escalation',
  complaintNumber: 'K-2026-0001',
  to: { name: 'Eva de Boer', address: 'eva@klant.example' },
  inReplyTo: '<m1@klant.example>',
  respondBy: '2026-03-16',
});

const queued = queuedLetter('c1:1', letter, '2026-03-02T10:00:00.000Z');
const lease = '2026-03-02T10:05:00.000Z';
const proof: DeliveryProof = {
  sentAt: '2026-03-02T10:01:00.000Z',
  recipient: 'eva@klant.example',
  graphMessageId: 'AAMk1',
  inThread: true,
  foundInSentItems: false,
};

describe("an outbox row's states", () => {
  test('a queued letter is due at once, or when its wait is over; a held one when its lease ran out', () => {
    const now = new Date('2026-03-02T10:00:00.000Z');
    expect(isDue(queued, now)).toBe(true);
    const waiting = released(claimed(queued, lease), { attempts: 1, lastError: 'throttled' }, lease);
    expect(isDue(waiting, now)).toBe(false);
    expect(isDue(waiting, new Date(lease))).toBe(true);
    const held = claimed(queued, lease);
    expect(isDue(held, now)).toBe(false);
    expect(isDue(held, new Date(lease))).toBe(true);
    expect(isDue(sent(held, proof), new Date('2030-01-01'))).toBe(false);
  });

  test('claiming a queued letter holds it; taking over a lease that ran out means looking in Sent Items first', () => {
    const held = claimed(queued, lease);
    expect(held).toEqual({ ...queued, status: 'sending', leaseUntil: lease, mustVerify: false });
    expect(claimed(held, '2026-03-02T10:10:00.000Z').mustVerify).toBe(true);
    expect(verified(claimed(held, lease)).mustVerify).toBe(false);
  });

  test('a released letter waits with its error and no lease; a doubtful one stays to be verified', () => {
    const back = released(claimed(queued, lease), { attempts: 1, lastError: 'timeout' }, lease);
    expect(back).toEqual({ ...queued, attempts: 1, lastError: 'timeout', nextAttemptAt: lease });
    expect(back).not.toHaveProperty('leaseUntil');
    const doubtful = released(
      claimed(queued, lease),
      { attempts: 1, lastError: 'timeout', mustVerify: true },
      lease,
    );
    expect(doubtful.mustVerify).toBe(true);
  });

  test('sent keeps the proof and forgets lease, wait and error', () => {
    const held = { ...claimed(queued, lease), lastError: 'throttled' };
    expect(sent(held, proof, 2)).toEqual({ ...queued, status: 'sent', attempts: 2, proof });
    expect(sent(held)).not.toHaveProperty('proof');
  });

  test('failed records code and time, keeps a pending verification, and queueing again starts a fresh round', () => {
    const doubtful = claimed(claimed(queued, lease), lease);
    const down = failed(doubtful, 'lookup-http-403', '2026-03-02T11:00:00.000Z', 6);
    expect(down).toMatchObject({
      status: 'failed',
      attempts: 6,
      lastError: 'lookup-http-403',
      mustVerify: true,
    });
    expect(down).not.toHaveProperty('leaseUntil');
    const again = requeued(down);
    expect(again).toEqual({ ...queued, mustVerify: true });
    expect(failed(verified(doubtful), 'http-400', '2026-03-02T11:00:00.000Z')).not.toHaveProperty(
      'mustVerify',
    );
  });

  test('cancelled keeps only the letter; a personal note is set and cleared on a waiting letter', () => {
    expect(cancelled(claimed(queued, lease))).toEqual({ ...queued, status: 'cancelled' });
    const noted = withPersonalNote(queued, 'Excuses.');
    expect(noted.personalNote).toBe('Excuses.');
    expect(withPersonalNote(noted, '')).toEqual(queued);
    expect(sent(claimed(noted, lease), proof).personalNote).toBe('Excuses.');
  });

  test('every state written parses back to itself; a row this version does not know does not parse', () => {
    const held = claimed(queued, lease);
    const states = [
      queued,
      held,
      released(held, { attempts: 1, lastError: 'x' }, lease),
      sent(held, proof),
      failed(held, 'http-400', lease),
      cancelled(held),
    ];
    for (const state of states) expect(parseOutboxData(JSON.parse(JSON.stringify(state)))).toEqual(state);
    expect(parseOutboxData({ ...queued, status: 'parked' })).toBeUndefined();
    expect(parseOutboxData({ ...queued, status: 'sending' })).toBeUndefined(); // a held letter has a lease
  });

  test("a staff notice's row: claimed, back in the queue, sent (by us or the sweep), failed or cancelled", () => {
    const notice = queuedNotice(
      'notice:c1:n0002-director',
      { kind: 'escalated', complaintNumber: letter.complaintNumber, respondBy: localDate('2026-03-16') },
      '2026-03-02T10:00:00.000Z',
    );
    const held = noticeClaimed(notice, lease);
    expect(held).toEqual({ ...notice, status: 'sending', leaseUntil: lease });
    const back = noticeReleased(held, 1, 'throttled', lease);
    expect(back).toEqual({ ...notice, attempts: 1, lastError: 'throttled', nextAttemptAt: lease });
    const again = noticeClaimed(back, lease);
    expect(again).not.toHaveProperty('nextAttemptAt');
    expect(noticeSent(again, { attempts: 2, sentAt: lease })).toEqual({
      ...notice,
      status: 'sent',
      attempts: 2,
      lastError: 'throttled',
      sentAt: lease,
    });
    expect(noticeSent(held, { sentBySweep: true })).toEqual({ ...notice, status: 'sent', sentBySweep: true });
    expect(noticeSent(held)).toEqual({ ...notice, status: 'sent' });
    expect(noticeFailed(held, 6, 'http-403')).toEqual({
      ...notice,
      status: 'failed',
      attempts: 6,
      lastError: 'http-403',
    });
    expect(noticeCancelled(held, 'no-director')).toEqual({
      ...notice,
      status: 'cancelled',
      lastError: 'no-director',
    });
    for (const state of [notice, held, back, noticeSent(held), noticeFailed(held, 1, 'x')])
      expect(parseOutboxData(JSON.parse(JSON.stringify(state)))).toEqual(state);
  });
});
