import type { Deadlines } from '../../../domain/src/complaintState';
import { localDate } from '../../../domain/src/localDate';
import { letterSchema, queuedLetter } from '../../src/app/ports/outboxEntry';
import { inReviewWindow, sendsAt } from '../../src/letters/reviewWindow';

const minutes = (n: number) => n * 60_000;

const acknowledgement = letterSchema.parse({
  seq: 1,
  kind: 'acknowledgement',
  complaintNumber: 'K-2026-0001',
  to: { name: 'Eva de Boer', address: 'eva@klant.example' },
  inReplyTo: '<m1@klant.example>',
  receivedOn: '2026-11-27',
  term: 'P6W',
  resolveBy: '2027-01-08',
});

const complaint = (acknowledgeBy: string) => ({
  state: {
    deadlines: {
      acknowledgeBy: localDate(acknowledgeBy),
      resolveBy: localDate('2027-01-08'),
    } satisfies Deadlines,
  },
});

describe('when a waiting acknowledgement goes (Europe/Amsterdam)', () => {
  test('at the end of its review window while the deadline day is ahead', () => {
    const entry = queuedLetter('c1:1', acknowledgement, '2026-11-27T09:00:00.000Z');
    expect(sendsAt(entry, complaint('2026-11-30'), minutes(30))).toBe('2026-11-27T09:30:00.000Z');
  });

  test('a window that runs into the deadline day ends at its start: midnight in winter time (23:00 UTC)', () => {
    const entry = queuedLetter('c1:1', acknowledgement, '2026-11-29T22:50:00.000Z');
    const doc = complaint('2026-11-30');
    expect(sendsAt(entry, doc, minutes(30))).toBe('2026-11-29T23:00:00.000Z');
    // The sender agrees: held before midnight, not after.
    expect(inReviewWindow(entry, doc, new Date('2026-11-29T22:59:00.000Z'), minutes(30))).toBe(true);
    expect(inReviewWindow(entry, doc, new Date('2026-11-29T23:01:00.000Z'), minutes(30))).toBe(false);
  });

  test('… and in summer time (22:00 UTC)', () => {
    const entry = queuedLetter('c1:1', acknowledgement, '2026-06-14T21:45:00.000Z');
    expect(sendsAt(entry, complaint('2026-06-15'), minutes(30))).toBe('2026-06-14T22:00:00.000Z');
  });

  test('on the deadline day itself, or without a window, it goes with the next run', () => {
    const entry = queuedLetter('c1:1', acknowledgement, '2026-11-30T08:00:00.000Z');
    expect(sendsAt(entry, complaint('2026-11-30'), minutes(30))).toBe('2026-11-30T08:00:00.000Z');
    expect(sendsAt(entry, complaint('2026-12-02'), 0)).toBe('2026-11-30T08:00:00.000Z');
  });

  test('a later retry (a throttled Graph) is when it goes', () => {
    const queued = queuedLetter('c1:1', acknowledgement, '2026-11-27T09:00:00.000Z');
    const entry = { ...queued, attempts: 1, nextAttemptAt: '2026-11-27T10:15:00.000Z' };
    expect(sendsAt(entry, complaint('2026-11-30'), minutes(30))).toBe('2026-11-27T10:15:00.000Z');
  });
});
