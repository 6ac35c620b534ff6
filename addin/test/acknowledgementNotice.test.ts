import type { LetterView } from '../../domain/src/api/letters';
import { acknowledgementNotice } from '../src/taskpane/model/acknowledgementNotice';

const waiting = (sendsAt: string): LetterView => ({
  seq: 1,
  kind: 'acknowledgement',
  status: 'queued',
  statusLabel: 'wacht op verzending',
  queuedOn: '2026-11-27',
  attempts: 0,
  sendsAt,
});

describe('when the waiting acknowledgement goes, in Amsterdam time', () => {
  test('today: the time only', () => {
    const notice = acknowledgementNotice(
      waiting('2026-11-27T09:30:00.000Z'),
      'Eva de Boer',
      new Date('2026-11-27T09:05:00.000Z'),
    );
    expect(notice.text).toBe('Ontvangstbevestiging aan Eva de Boer gaat om 10:30 de deur uit');
    expect(notice.action).toBe('aanpassen');
  });

  test('after midnight in Amsterdam (still the same day in UTC): the date too', () => {
    const notice = acknowledgementNotice(
      waiting('2026-11-27T23:15:00.000Z'),
      'Eva de Boer',
      new Date('2026-11-27T22:50:00.000Z'),
    );
    expect(notice.text).toBe(
      'Ontvangstbevestiging aan Eva de Boer gaat op 28 november 2026 om 00:15 de deur uit',
    );
  });
});
