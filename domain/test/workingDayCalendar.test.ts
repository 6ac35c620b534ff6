import Holidays from 'date-holidays';
import { createWorkingDayCalendar, easterSunday, kingsDay, localDate, type LocalDate } from '../src';
import { L, calendar } from './helpers';

/** Days off on a weekday with the default settings (Bevrijdingsdag lustrum, Goede Vrijdag a working day). */
const WEEKDAYS_OFF: Record<number, string[]> = {
  // Koningsdag 26 April (Saturday: 27 April is a Sunday); Bevrijdingsdag lustrum on a Monday.
  2025: ['2025-01-01', '2025-04-21', '2025-05-05', '2025-05-29', '2025-06-09', '2025-12-25', '2025-12-26'],
  // Koningsdag Monday 27 April; Tweede Kerstdag on a Saturday.
  2026: ['2026-01-01', '2026-04-06', '2026-04-27', '2026-05-14', '2026-05-25', '2026-12-25'],
  // Both Christmas days in the weekend.
  2027: ['2027-01-01', '2027-03-29', '2027-04-27', '2027-05-06', '2027-05-17'],
  // Nieuwjaarsdag on a Saturday.
  2028: ['2028-04-17', '2028-04-27', '2028-05-25', '2028-06-05', '2028-12-25', '2028-12-26'],
  2029: ['2029-01-01', '2029-04-02', '2029-04-27', '2029-05-10', '2029-05-21', '2029-12-25', '2029-12-26'],
  // Koningsdag on a Saturday (27 April is not a Sunday, so no shift); Bevrijdingsdag lustrum on a Sunday.
  2030: ['2030-01-01', '2030-04-22', '2030-05-30', '2030-06-10', '2030-12-25', '2030-12-26'],
};

function weekdaysOff(year: number, cal = calendar): string[] {
  const out: string[] = [];
  for (let d = L(`${year}-01-01`); d <= `${year}-12-31`; d = nextDay(d)) {
    const reason = cal.nonWorkingReason(d);
    if (reason && reason.kind !== 'weekend') out.push(d);
  }
  return out;
}

/** Independent of the code under test: the next day via UTC Date arithmetic. */
function nextDay(d: LocalDate): LocalDate {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + 1);
  return localDate(t.toISOString().slice(0, 10));
}

describe('working-day calendar, default settings', () => {
  it.each(Object.keys(WEEKDAYS_OFF).map(Number))(
    'weekdays off in %i are exactly the national days',
    (year) => {
      expect(weekdaysOff(year)).toEqual(WEEKDAYS_OFF[year]);
    },
  );

  it.each([
    ['2025-04-26', 'Koningsdag on Saturday 26 April 2025 (27 April is a Sunday)'],
    ['2025-04-27', 'Sunday 27 April 2025'],
  ])('%s is not a working day: %s', (d) => {
    expect(calendar.isWorkingDay(L(d))).toBe(false);
  });

  it('names the holiday', () => {
    expect(calendar.nonWorkingReason(L('2026-04-27'))).toEqual({ kind: 'holiday', name: 'Koningsdag' });
    expect(calendar.nonWorkingReason(L('2025-05-05'))).toEqual({ kind: 'holiday', name: 'Bevrijdingsdag' });
    expect(calendar.nonWorkingReason(L('2026-04-25'))).toEqual({ kind: 'weekend' });
    expect(calendar.nonWorkingReason(L('2026-04-28'))).toBeUndefined();
  });

  it.each([
    ['2025-12-05', 'Sinterklaasavond'],
    ['2025-12-31', 'Oudejaarsdag'],
    ['2026-09-15', 'Prinsjesdag'],
    ['2026-05-04', 'Dodenherdenking'],
    ['2026-05-05', 'Bevrijdingsdag outside a lustrum year'],
    ['2026-04-03', 'Goede Vrijdag (default: working day)'],
    ['2029-03-30', 'Goede Vrijdag 2029'],
  ])('%s is a working day (%s)', (d) => {
    expect(calendar.isWorkingDay(L(d))).toBe(true);
  });

  it('computes Koningsdag with the Sunday rule', () => {
    expect([2025, 2026, 2027, 2028, 2029, 2030, 2031].map(kingsDay)).toEqual([
      '2025-04-26',
      '2026-04-27',
      '2027-04-27',
      '2028-04-27',
      '2029-04-27',
      '2030-04-27',
      '2031-04-26',
    ]);
  });

  it('computes Easter exactly like date-holidays for 2000–2199', () => {
    const hd = new Holidays('NL', { types: ['public'] });
    for (let year = 2000; year <= 2199; year++) {
      const pasen = hd.getHolidays(year).find((h) => h.rule === 'easter');
      expect(easterSunday(year)).toBe(pasen?.date.slice(0, 10));
    }
  });

  it('agrees with date-holidays on Koningsdag for 2014–2199', () => {
    const hd = new Holidays('NL', { types: ['public'] });
    for (let year = 2014; year <= 2199; year++) {
      const lib = hd.getHolidays(year).find((h) => h.name === 'Koningsdag');
      expect(kingsDay(year)).toBe(lib?.date.slice(0, 10));
    }
  });
});

describe('working-day calendar settings', () => {
  it.each([
    ['always', '2026-05-05', false],
    ['always', '2025-05-05', false],
    ['lustrum', '2025-05-05', false],
    ['lustrum', '2026-05-05', true],
    ['lustrum', '2027-05-05', true],
    ['never', '2025-05-05', true],
    ['never', '2026-05-05', true],
  ] as const)('Bevrijdingsdag %s: %s working = %s', (setting, d, working) => {
    expect(createWorkingDayCalendar({ liberationDay: setting }).isWorkingDay(L(d))).toBe(working);
  });

  it.each(['2025-04-18', '2026-04-03', '2027-03-26', '2028-04-14', '2029-03-30', '2030-04-19'])(
    'Goede Vrijdag %s is a day off only with the setting',
    (d) => {
      expect(calendar.isWorkingDay(L(d))).toBe(true);
      const cal = createWorkingDayCalendar({ goodFridayIsHoliday: true });
      expect(cal.nonWorkingReason(L(d))).toEqual({ kind: 'holiday', name: 'Goede Vrijdag' });
    },
  );

  it('closure days are days off; a closure day on a holiday keeps the holiday name', () => {
    const cal = createWorkingDayCalendar({
      closureDays: [L('2026-12-28'), L('2026-12-29'), L('2026-12-25')],
    });
    expect(cal.nonWorkingReason(L('2026-12-28'))).toEqual({ kind: 'closure' });
    expect(cal.nonWorkingReason(L('2026-12-25'))).toEqual({ kind: 'holiday', name: 'Kerstmis' });
    expect(cal.isWorkingDay(L('2026-12-30'))).toBe(true);
    // Received Christmas Eve 2026: Mon 28 and Tue 29 closed → Wed 30 (1), Thu 31 (2), Mon 4 (3), Tue 5 (4), Wed 6 (5).
    expect(cal.addWorkingDays(L('2026-12-24'), 5)).toBe('2027-01-06');
  });

  it('refuses an invalid closure day or setting', () => {
    expect(() => createWorkingDayCalendar({ closureDays: ['2026-02-30' as LocalDate] })).toThrow(RangeError);
    expect(() => createWorkingDayCalendar({ liberationDay: 'sometimes' as 'always' })).toThrow(RangeError);
  });

  it('does not share cached years between calendars with different settings', () => {
    const always = createWorkingDayCalendar({ liberationDay: 'always' });
    expect(always.isWorkingDay(L('2026-05-05'))).toBe(false);
    expect(calendar.isWorkingDay(L('2026-05-05'))).toBe(true);
  });
});

describe('working-day counting', () => {
  it('0 working days after D is D; negative or fractional counts are refused', () => {
    expect(calendar.addWorkingDays(L('2026-04-25'), 0)).toBe('2026-04-25');
    expect(() => calendar.addWorkingDays(L('2026-04-25'), -1)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays(L('2026-04-25'), 1.5)).toThrow(RangeError);
  });

  it.each([
    ['2026-04-24', '2026-05-01', 4],
    ['2026-04-23', '2026-04-23', 0],
    ['2026-05-01', '2026-04-23', 0],
    // 25/26 Dec holidays, weekend, Mon 29–Wed 31, New Year, Fri 2 January.
    ['2025-12-24', '2026-01-02', 4],
  ])('working days in (%s, %s] = %i', (from, to, n) => {
    expect(calendar.workingDaysBetween(L(from), L(to))).toBe(n);
  });

  it('rolls forward to a working day', () => {
    expect(calendar.workingDayOnOrAfter(L('2026-04-25'))).toBe('2026-04-28');
    expect(calendar.workingDayOnOrAfter(L('2026-04-28'))).toBe('2026-04-28');
    expect(calendar.workingDayOnOrAfter(L('2027-12-25'))).toBe('2027-12-27');
  });
});
