import fc from 'fast-check';
import {
  addDays,
  daysBetween,
  formatDutchDate,
  fromEpochDay,
  isLocalDate,
  isoWeekday,
  localDate,
  localDateOf,
  toAmsterdamDate,
  toEpochDay,
} from '../src';

describe('LocalDate', () => {
  it.each([
    ['2026-04-23', true],
    ['2028-02-29', true],
    ['2000-02-29', true],
    ['2026-02-30', false],
    ['2027-02-29', false],
    ['2100-02-29', false],
    ['2026-04-31', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-1-01', false],
    [' 2026-01-01', false],
    ['2026-01-01T00:00:00Z', false],
    ['1899-12-31', false],
    ['2200-01-01', false],
    ['1900-01-01', true],
    ['2199-12-31', true],
  ])('isLocalDate(%s) = %s', (text, valid) => {
    expect(isLocalDate(text)).toBe(valid);
    if (valid) expect(localDate(text)).toBe(text);
    else expect(() => localDate(text)).toThrow(RangeError);
  });

  it('refuses non-strings', () => {
    expect(isLocalDate(20260423)).toBe(false);
    expect(isLocalDate(undefined)).toBe(false);
  });

  it('builds from parts and refuses impossible parts', () => {
    expect(localDateOf(2026, 4, 7)).toBe('2026-04-07');
    expect(() => localDateOf(2026, 2, 29)).toThrow(RangeError);
  });

  it('epoch days agree with Date.UTC over the whole supported range', () => {
    const first = Date.UTC(1900, 0, 1) / 86_400_000;
    const last = Date.UTC(2199, 11, 31) / 86_400_000;
    fc.assert(
      fc.property(fc.integer({ min: first, max: last }), (n) => {
        const d = fromEpochDay(n);
        const utc = new Date(n * 86_400_000).toISOString().slice(0, 10);
        expect(d).toBe(utc);
        expect(toEpochDay(d)).toBe(n);
      }),
      { numRuns: 2000 },
    );
    expect(() => fromEpochDay(last + 1)).toThrow(RangeError);
  });

  it.each([
    ['2026-04-27', 1],
    ['2025-04-26', 6],
    ['2025-04-27', 7],
    ['2026-01-31', 6],
    ['1970-01-01', 4],
  ])('isoWeekday(%s) = %i', (d, w) => {
    expect(isoWeekday(localDate(d))).toBe(w);
  });

  it('adds and subtracts days across month and year ends', () => {
    expect(addDays(localDate('2026-12-31'), 1)).toBe('2027-01-01');
    expect(addDays(localDate('2028-03-01'), -1)).toBe('2028-02-29');
    expect(daysBetween(localDate('2026-04-10'), localDate('2026-04-24'))).toBe(14);
  });

  it('formats a date the Dutch way', () => {
    expect(formatDutchDate(localDate('2026-04-27'))).toBe('maandag 27 april 2026');
    expect(formatDutchDate(localDate('2027-01-04'))).toBe('maandag 4 januari 2027');
  });
});

describe('toAmsterdamDate: the single edge conversion', () => {
  it.each([
    // winter time (UTC+1)
    ['2026-01-31T22:45:00+01:00', '2026-01-31'],
    ['2026-01-31T23:30:00Z', '2026-02-01'],
    ['2026-01-31T22:59:59Z', '2026-01-31'],
    // summer time (UTC+2)
    ['2026-04-23T16:40:00+02:00', '2026-04-23'],
    ['2026-06-30T22:00:00Z', '2026-07-01'],
    ['2026-06-30T21:59:59Z', '2026-06-30'],
    // the switch nights
    ['2026-03-28T23:30:00Z', '2026-03-29'],
    ['2026-03-29T22:30:00Z', '2026-03-30'],
    ['2026-10-24T22:30:00Z', '2026-10-25'],
    ['2026-10-25T22:30:00Z', '2026-10-25'],
    ['2026-10-25T23:00:00Z', '2026-10-26'],
    // New Year's Eve in UTC is already New Year in Amsterdam
    ['2026-12-31T23:15:00Z', '2027-01-01'],
  ])('%s → %s', (instant, expected) => {
    expect(toAmsterdamDate(new Date(instant))).toBe(expected);
  });

  it('refuses an invalid Date', () => {
    expect(() => toAmsterdamDate(new Date('not a date'))).toThrow(RangeError);
  });
});
