/**
 * General laws of the deadline arithmetic, over 2025–2030 and any calendar settings (Bevrijdingsdag,
 * Goede Vrijdag, random closure days).
 */
import fc from 'fast-check';
import {
  STANDARD_TERMS,
  acknowledgeBy,
  addCalendarMonths,
  addCalendarYears,
  addHandlingTerm,
  checkHandlingTerm,
  createWorkingDayCalendar,
  escalationResponseBy,
  extensionNoticeBy,
  fromEpochDay,
  parseHandlingTerm,
  resolveBy,
  retainUntil,
  toEpochDay,
  type HandlingTerm,
  type LocalDate,
  type WorkingDayCalendar,
} from '../src';
import { L } from './helpers';

const FIRST = toEpochDay(L('2025-01-01'));
const LAST = toEpochDay(L('2030-12-31'));

const dateArb = fc.integer({ min: FIRST, max: LAST }).map(fromEpochDay);
const datePairArb = fc
  .tuple(fc.integer({ min: FIRST, max: LAST }), fc.integer({ min: 0, max: 60 }))
  .map(([a, gap]) => [fromEpochDay(a), fromEpochDay(a + gap)] as const);

const calendarArb = fc
  .record({
    liberationDay: fc.constantFrom('always' as const, 'lustrum' as const, 'never' as const),
    goodFridayIsHoliday: fc.boolean(),
    closureDays: fc.uniqueArray(dateArb, { maxLength: 15 }),
  })
  .map((s) => createWorkingDayCalendar(s));

const terms: HandlingTerm[] = STANDARD_TERMS.map((t) => {
  const r = parseHandlingTerm(t);
  if (!r.ok) throw new Error(t);
  return r.term;
});
const termArb = fc.constantFrom(...terms);

type DeadlineFn = (cal: WorkingDayCalendar, d: LocalDate, t: HandlingTerm) => LocalDate;
const DEADLINES: [string, DeadlineFn][] = [
  ['acknowledgeBy', (cal, d) => acknowledgeBy(cal, d)],
  ['resolveBy', (cal, d, t) => resolveBy(cal, d, t)],
  ['extensionNoticeBy', (cal, d) => extensionNoticeBy(cal, d)],
  ['escalationResponseBy', (cal, d) => escalationResponseBy(cal, d)],
  ['retainUntil', (cal, d) => retainUntil(cal, d, 2)],
];

/** Independent count: walk day by day and ask only `isWorkingDay`. */
function countWorkingDaysAfter(cal: WorkingDayCalendar, from: LocalDate, to: LocalDate): number {
  let n = 0;
  for (let d = toEpochDay(from) + 1; d <= toEpochDay(to); d++) if (cal.isWorkingDay(fromEpochDay(d))) n++;
  return n;
}

describe.each(DEADLINES)('%s', (_name, deadline) => {
  it('is always a working day', () => {
    fc.assert(
      fc.property(calendarArb, dateArb, termArb, (cal, d, t) => {
        expect(cal.isWorkingDay(deadline(cal, d, t))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('is never before its start date', () => {
    fc.assert(
      fc.property(calendarArb, dateArb, termArb, (cal, d, t) => {
        expect(deadline(cal, d, t) >= d).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('is monotone in its start date', () => {
    fc.assert(
      fc.property(calendarArb, datePairArb, termArb, (cal, [a, b], t) => {
        expect(deadline(cal, a, t) <= deadline(cal, b, t)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('working-day counts', () => {
  it('"5 working days" always spans exactly 5 working days, the 5th being the deadline', () => {
    fc.assert(
      fc.property(calendarArb, dateArb, (cal, d) => {
        const due = acknowledgeBy(cal, d);
        expect(due > d).toBe(true);
        expect(countWorkingDaysAfter(cal, d, due)).toBe(5);
        expect(cal.workingDaysBetween(d, due)).toBe(5);
        expect(countWorkingDaysAfter(cal, d, fromEpochDay(toEpochDay(due) - 1))).toBe(4);
      }),
      { numRuns: 500 },
    );
  });

  it('"2 working days" spans exactly 2', () => {
    fc.assert(
      fc.property(calendarArb, dateArb, (cal, d) => {
        const due = extensionNoticeBy(cal, d);
        expect(countWorkingDaysAfter(cal, d, due)).toBe(2);
        expect(cal.isWorkingDay(due)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('addWorkingDays(n) spans exactly n for any n', () => {
    fc.assert(
      fc.property(calendarArb, dateArb, fc.integer({ min: 0, max: 40 }), (cal, d, n) => {
        const due = cal.addWorkingDays(d, n);
        expect(countWorkingDaysAfter(cal, d, due)).toBe(n);
        if (n > 0) expect(cal.isWorkingDay(due)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('calendar-based deadlines roll to the *first* working day', () => {
  it('every day between the raw date and the deadline is a day off', () => {
    fc.assert(
      fc.property(calendarArb, dateArb, termArb, (cal, d, t) => {
        const raw = addHandlingTerm(d, t);
        const due = resolveBy(cal, d, t);
        expect(due >= raw).toBe(true);
        for (let x = toEpochDay(raw); x < toEpochDay(due); x++)
          expect(cal.isWorkingDay(fromEpochDay(x))).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('escalationResponseBy and retainUntil are at least a month / the retention after the start', () => {
    fc.assert(
      fc.property(calendarArb, dateArb, fc.integer({ min: 2, max: 10 }), (cal, d, years) => {
        expect(escalationResponseBy(cal, d) >= addCalendarMonths(d, 1)).toBe(true);
        expect(retainUntil(cal, d, years) >= addCalendarYears(d, years)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('handling term bounds', () => {
  it('every standard term is allowed for every receipt date', () => {
    fc.assert(
      fc.property(dateArb, termArb, (d, t) => {
        expect(checkHandlingTerm(d, t)).toBeUndefined();
      }),
      { numRuns: 1000 },
    );
  });

  it('P5W and P4M are refused for every receipt date', () => {
    const [p5w, p4m] = ['P5W', 'P4M'].map((x) => {
      const r = parseHandlingTerm(x);
      if (!r.ok) throw new Error(x);
      return r.term;
    });
    fc.assert(
      fc.property(dateArb, (d) => {
        expect(checkHandlingTerm(d, p5w!)?.reason).toBe('termTooShort');
        expect(checkHandlingTerm(d, p4m!)?.reason).toBe('termTooLong');
      }),
      { numRuns: 500 },
    );
  });
});
