import {
  acknowledgeBy,
  addCalendarMonths,
  addCalendarWeeks,
  addCalendarYears,
  checkHandlingTerm,
  createWorkingDayCalendar,
  escalationResponseBy,
  extensionNoticeBy,
  isDeadlineMet,
  parseHandlingTerm,
  resolveBy,
  retainUntil,
  type HandlingTerm,
} from '../src';
import { L, calendar } from './helpers';

function term(text: string): HandlingTerm {
  const r = parseHandlingTerm(text);
  if (!r.ok) throw new Error(r.message);
  return r.term;
}

describe('R4 acknowledgeBy: 5 working days after receipt', () => {
  it.each([
    ['2026-03-02', '2026-03-09', 'fixture 01: Monday → next Monday'],
    ['2026-04-23', '2026-05-01', 'fixture 02: Thursday before Koningsdag (Monday 27 April 2026)'],
    ['2026-05-20', '2026-05-28', 'fixture 03: crosses Tweede Pinksterdag 25 May 2026'],
    ['2026-12-24', '2027-01-04', 'fixture 06: Christmas Eve, crosses both Christmas days and New Year'],
    ['2026-01-31', '2026-02-06', 'fixture 08: Saturday → the Friday after (Monday is working day 1)'],
    ['2026-02-01', '2026-02-06', 'Sunday → the same Friday'],
    ['2025-04-30', '2025-05-08', 'Bevrijdingsdag 2025 (lustrum) on a Monday is skipped'],
    ['2026-04-30', '2026-05-07', 'Bevrijdingsdag 2026 (no lustrum) counts as a working day'],
    ['2025-04-25', '2025-05-02', 'Koningsdag 2025 falls on Saturday 26 April: no effect'],
    ['2027-04-23', '2027-05-03', 'Koningsdag on Tuesday 27 April 2027'],
    ['2028-04-26', '2028-05-04', 'Koningsdag on Thursday 27 April 2028'],
    ['2029-04-26', '2029-05-04', 'Koningsdag on Friday 27 April 2029'],
    ['2026-04-02', '2026-04-10', 'Goede Vrijdag is a working day by default; Tweede Paasdag is not'],
    ['2026-05-13', '2026-05-21', 'Hemelvaartsdag 14 May 2026'],
    ['2027-12-24', '2027-12-31', 'Christmas 2027 on a weekend: nothing skipped but the weekend'],
    ['2028-12-22', '2029-01-03', 'Christmas 2028 Monday+Tuesday and New Year 2029 Monday'],
    ['2030-05-03', '2030-05-10', 'Bevrijdingsdag 2030 (lustrum) is a Sunday'],
  ])('received %s → %s (%s)', (received, expected) => {
    expect(acknowledgeBy(calendar, L(received))).toBe(expected);
  });

  it('Goede Vrijdag as a holiday (setting) moves the deadline', () => {
    const cal = createWorkingDayCalendar({ goodFridayIsHoliday: true });
    expect(acknowledgeBy(cal, L('2026-04-02'))).toBe('2026-04-13');
  });

  it('Bevrijdingsdag setting "never" counts 5 May 2025', () => {
    expect(acknowledgeBy(createWorkingDayCalendar({ liberationDay: 'never' }), L('2025-04-30'))).toBe(
      '2025-05-07',
    );
  });

  it('Bevrijdingsdag setting "always" skips 5 May 2026', () => {
    expect(acknowledgeBy(createWorkingDayCalendar({ liberationDay: 'always' }), L('2026-04-30'))).toBe(
      '2026-05-08',
    );
  });
});

describe('calendar arithmetic with month-end clamps', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-01-31', 3, '2026-04-30'],
    ['2026-11-30', 3, '2027-02-28'],
    ['2027-11-30', 3, '2028-02-29'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-12-31', 2, '2027-02-28'],
    ['2026-08-31', -6, '2026-02-28'],
  ])('%s + %i month(s) = %s', (d, n, expected) => {
    expect(addCalendarMonths(L(d), n)).toBe(expected);
  });

  it('weeks and years', () => {
    expect(addCalendarWeeks(L('2026-12-24'), 6)).toBe('2027-02-04');
    expect(addCalendarYears(L('2028-02-29'), 2)).toBe('2030-02-28');
    expect(addCalendarYears(L('2028-02-29'), 4)).toBe('2032-02-29');
    expect(() => addCalendarMonths(L('2026-01-31'), 1.5)).toThrow(RangeError);
  });
});

describe('R5 resolveBy: receipt + term, rolled to a working day', () => {
  it.each([
    ['2026-03-02', 'P6W', '2026-04-13', 'fixture 01'],
    ['2026-04-23', 'P6W', '2026-06-04', 'fixture 02'],
    ['2026-12-24', 'P6W', '2027-02-04', 'fixture 06'],
    ['2026-01-31', 'P3M', '2026-04-30', 'fixture 08: 3 months from 31 January end on 30 April'],
    ['2026-11-30', 'P3M', '2027-03-01', '28 February 2027 is a Sunday → Monday 1 March'],
    ['2027-11-30', 'P3M', '2028-02-29', 'leap year: clamps to 29 February 2028 (Tuesday)'],
    ['2026-03-16', 'P6W', '2026-04-28', 'lands on Koningsdag 2026 → Tuesday'],
    ['2026-03-25', 'P2M', '2026-05-26', 'lands on Tweede Pinksterdag 2026 → Tuesday'],
    ['2025-03-10', 'P8W', '2025-05-06', 'lands on Bevrijdingsdag 2025 (lustrum) → Tuesday'],
    ['2026-03-10', 'P8W', '2026-05-05', 'Bevrijdingsdag 2026 is a working day'],
    ['2025-11-13', 'P6W', '2025-12-29', 'lands on Christmas 2025 (Thursday) … → Monday 29 December'],
  ])('%s + %s → %s (%s)', (received, t, expected) => {
    expect(resolveBy(calendar, L(received), term(t))).toBe(expected);
  });
});

describe('R5 handling term parsing and bounds [6 weeks, 3 months]', () => {
  it.each([
    ['P6W', 'P6W'],
    ['p8w', 'P8W'],
    [' P3M ', 'P3M'],
    ['P42D', 'P42D'],
    ['P10W', 'P10W'],
  ])('parses %j as %s', (text, iso) => {
    expect(term(text).iso).toBe(iso);
  });

  it.each(['', 'P', 'P0W', 'P1M2W', 'PT6H', '6W', 'P1Y', 'P6.5W', 'P-6W', 'P1000D', 'six weeks'])(
    'refuses %j as syntax',
    (text) => {
      const r = parseHandlingTerm(text);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason).toBe('termSyntax');
    },
  );

  it.each([
    ['2026-03-02', 'P6W', undefined],
    ['2026-03-02', 'P42D', undefined],
    ['2026-03-02', 'P41D', 'termTooShort'],
    ['2026-03-02', 'P5W', 'termTooShort'],
    ['2026-03-02', 'P1M', 'termTooShort'],
    ['2026-03-02', 'P2M', undefined],
    ['2026-03-02', 'P12W', undefined],
    ['2026-03-02', 'P3M', undefined],
    ['2026-03-02', 'P13W', undefined], // 1 June ≤ 2 June (3 months)
    ['2026-11-30', 'P13W', 'termTooLong'], // 1 March 2027 > 28 February 2027
    ['2026-01-31', 'P89D', undefined], // 30 April = 3 months (clamped)
    ['2026-01-31', 'P90D', 'termTooLong'],
    ['2026-03-02', 'P4M', 'termTooLong'],
    ['2026-03-02', 'P14W', 'termTooLong'],
  ])('received %s, term %s → %s', (received, t, reason) => {
    expect(checkHandlingTerm(L(received), term(t))?.reason).toBe(reason);
  });

  it('explains a refusal in Dutch with the dates', () => {
    expect(checkHandlingTerm(L('2026-11-30'), term('P13W'))?.message).toBe(
      'De behandeltermijn P13W is langer dan de maximale 3 maanden: hij zou eindigen op maandag 1 maart 2027, na zondag 28 februari 2027. Is meer tijd nodig, leg dan later een verlenging vast.',
    );
  });
});

describe('R8 extensionNoticeBy: 2 working days after determination', () => {
  it.each([
    ['2026-04-24', '2026-04-29', 'Friday before Koningsdag 2026'],
    ['2026-12-23', '2026-12-28', 'crosses Christmas 2026'],
    ['2026-05-16', '2026-05-19', 'determined on a Saturday'],
    ['2025-05-02', '2025-05-07', 'Friday before Bevrijdingsdag 2025'],
  ])('%s → %s (%s)', (on, expected) => {
    expect(extensionNoticeBy(calendar, L(on))).toBe(expected);
  });
});

describe('R10 escalationResponseBy: 1 month after escalation', () => {
  it.each([
    ['2026-01-31', '2026-03-02', '28 February 2026 is a Saturday → Monday 2 March'],
    ['2026-03-27', '2026-04-28', 'lands on Koningsdag 2026'],
    ['2026-11-25', '2026-12-28', 'lands on Christmas 2026 (Friday) → Monday'],
    ['2026-06-10', '2026-07-10', 'ordinary'],
    ['2025-04-05', '2025-05-06', '5 May 2025 is Bevrijdingsdag (lustrum)'],
  ])('%s → %s (%s)', (on, expected) => {
    expect(escalationResponseBy(calendar, L(on))).toBe(expected);
  });
});

describe('R3 retainUntil: closing + retention years', () => {
  it.each([
    ['2026-05-12', 2, '2028-05-12'],
    ['2028-02-29', 2, '2030-02-28'],
    ['2026-12-26', 2, '2028-12-27'],
    ['2027-04-27', 3, '2030-04-29'],
  ])('closed %s + %i years → %s', (closed, years, expected) => {
    expect(retainUntil(calendar, L(closed), years)).toBe(expected);
  });

  it.each([1, 0, 2.5, 101, Number.NaN])('refuses a retention of %d years', (years) => {
    expect(() => retainUntil(calendar, L('2026-05-12'), years)).toThrow(RangeError);
  });
});

describe('a deadline is met on or before its date', () => {
  it.each([
    ['2026-05-01', '2026-04-30', true],
    ['2026-05-01', '2026-05-01', true],
    ['2026-05-01', '2026-05-02', false],
  ])('due %s, done %s → %s', (due, done, met) => {
    expect(isDeadlineMet(L(due), L(done))).toBe(met);
  });
});
