import { createWorkingDayCalendar } from '../src/workingDayCalendar';
import { reapplyCalendar } from '../src/reapplyCalendar';
import { L, registered, walk } from './helpers';

// Received Monday 2 March 2026: acknowledge by Monday 9 March, resolve by Monday 13 April.
const withClosure = (...days: string[]) => createWorkingDayCalendar({ closureDays: days.map(L) });

describe('reapplyCalendar', () => {
  it('moves a pending deadline that falls on or after a new closure day', () => {
    const s = registered();
    expect(s.deadlines.acknowledgeBy).toBe('2026-03-09');
    const next = reapplyCalendar(s, {
      calendar: withClosure('2026-03-05', '2026-04-13'),
      retentionYears: 2,
      today: L('2026-03-04'),
    });
    expect(next.deadlines.acknowledgeBy).toBe('2026-03-10');
    expect(next.deadlines.resolveBy).toBe('2026-04-14');
  });

  it('leaves a met deadline as it was', () => {
    const s = walk(registered(), [[{ type: 'acknowledged' }, '2026-03-03']]);
    const next = reapplyCalendar(s, {
      calendar: withClosure('2026-03-05'),
      retentionYears: 2,
      today: L('2026-03-04'),
    });
    expect(next.deadlines.acknowledgeBy).toBe('2026-03-09');
  });

  it('leaves a deadline that has already passed (missed) as it was', () => {
    const s = registered();
    const next = reapplyCalendar(s, {
      calendar: withClosure('2026-03-05'),
      retentionYears: 2,
      today: L('2026-03-10'),
    });
    expect(next.deadlines.acknowledgeBy).toBe('2026-03-09');
  });

  it('returns the same state when nothing moves', () => {
    const s = registered();
    expect(reapplyCalendar(s, { calendar: withClosure(), retentionYears: 2, today: L('2026-03-04') })).toBe(
      s,
    );
  });

  it('never moves a deadline to a day already past when a closure day is removed', () => {
    const s = reapplyCalendar(registered(), {
      calendar: withClosure('2026-03-09'),
      retentionYears: 2,
      today: L('2026-03-02'),
    });
    expect(s.deadlines.acknowledgeBy).toBe('2026-03-10');
    const back = reapplyCalendar(s, { calendar: withClosure(), retentionYears: 2, today: L('2026-03-10') });
    expect(back.deadlines.acknowledgeBy).toBe('2026-03-10');
  });
});
