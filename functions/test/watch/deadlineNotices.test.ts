import { createWorkingDayCalendar } from '../../../domain/src/workingDayCalendar';
import { localDate } from '../../../domain/src/localDate';
import { noticesFor, parsePending, reminderDay } from '../../src/watch/deadlineNotices';
import { amsterdamMoment, isoWeekOf } from '../../src/common/localTime';

const calendar = createWorkingDayCalendar();
const d = localDate;

describe('reminder day: N working days before a deadline', () => {
  test.each([
    ['an ordinary Friday', '2026-03-13', 2, '2026-03-11'],
    ['a Tuesday after Koningsdag (Mon 27 April 2026)', '2026-04-28', 2, '2026-04-23'],
    ['a Tuesday after Tweede Pinksterdag (Mon 25 May 2026)', '2026-05-26', 2, '2026-05-21'],
    ['a Monday after Hemelvaart (Thu 14 May 2026)', '2026-05-18', 2, '2026-05-13'],
    ['after Christmas and a weekend', '2026-12-29', 2, '2026-12-24'],
    ['on the day itself with N = 0', '2026-03-13', 0, '2026-03-13'],
  ])('%s', (_name, due, n, expected) => {
    expect(reminderDay(calendar, d(due), n)).toBe(expected);
  });
});

describe('notices for one complaint', () => {
  const pending = parsePending(
    'acknowledgeBy:2026-04-28,resolveBy:2026-05-26,bogus:2026-01-01,resolveBy:nope',
  );
  test('the index text parses, unknown parts are skipped', () => {
    expect(pending).toEqual([
      { deadline: 'acknowledgeBy', due: '2026-04-28' },
      { deadline: 'resolveBy', due: '2026-05-26' },
    ]);
  });
  test.each([
    ['2026-04-22', []],
    ['2026-04-23', ['reminder acknowledgeBy']],
    ['2026-04-28', ['reminder acknowledgeBy']],
    ['2026-04-29', ['overdue acknowledgeBy']],
    ['2026-05-21', ['reminder resolveBy']],
    ['2026-05-05', ['overdue acknowledgeBy']],
    ['2026-05-06', []],
    ['2026-05-27', ['overdue resolveBy']],
  ])('on %s', (today, expected) => {
    expect(noticesFor(pending, d(today), calendar, 2).map((n) => `${n.kind} ${n.deadline}`)).toEqual(
      expected,
    );
  });
});

describe('local time of the timers (Europe/Amsterdam, whatever the host zone)', () => {
  test.each([
    ['2026-03-23T07:00:00Z', '2026-03-23', 8, 1],
    ['2026-03-30T06:00:00Z', '2026-03-30', 8, 1],
    ['2026-10-26T07:00:00Z', '2026-10-26', 8, 1],
    ['2026-12-31T23:30:00Z', '2027-01-01', 0, 5],
  ])('%s', (iso, date, hour, weekday) => {
    expect(amsterdamMoment(new Date(iso))).toEqual({ date, hour, weekday });
  });
  test.each([
    ['2026-01-01', '2026-W01'],
    ['2027-01-01', '2026-W53'],
    ['2026-12-28', '2026-W53'],
    ['2025-12-29', '2026-W01'],
    ['2026-03-29', '2026-W13'],
  ])('ISO week of %s is %s', (date, key) => {
    expect(isoWeekOf(d(date)).key).toBe(key);
  });
});
