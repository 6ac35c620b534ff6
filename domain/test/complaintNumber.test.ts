import { complaintNumber, formatComplaintNumber, isComplaintNumber, parseComplaintNumber } from '../src';

describe('complaint numbers K-<year>-<4 digits>', () => {
  it.each([
    [2026, 1, 'K-2026-0001'],
    [2026, 42, 'K-2026-0042'],
    [2030, 9999, 'K-2030-9999'],
  ])('formats %i/%i as %s and parses it back', (year, seq, text) => {
    expect(formatComplaintNumber(year, seq)).toBe(text);
    expect(parseComplaintNumber(text)).toEqual({ year, sequence: seq });
    expect(isComplaintNumber(text)).toBe(true);
  });

  it.each([
    [2026, 0],
    [2026, 10000],
    [2026, 1.5],
    [1899, 1],
    [2200, 1],
  ])('refuses year %i sequence %i', (year, seq) => {
    expect(() => formatComplaintNumber(year, seq)).toThrow(RangeError);
  });

  it.each(['K-2026-0000', 'K-2026-001', 'K-26-0001', 'X-2026-0001', 'K-2026-00001', '', 'K-1899-0001'])(
    'does not parse %j',
    (text) => {
      expect(parseComplaintNumber(text)).toBeUndefined();
      expect(isComplaintNumber(text)).toBe(false);
    },
  );

  it('accepts lower case and spaces when typed, and normalises', () => {
    expect(complaintNumber(' k-2026-0007 ')).toBe('K-2026-0007');
    expect(isComplaintNumber('k-2026-0007')).toBe(false);
    expect(() => complaintNumber('K-2026')).toThrow(RangeError);
  });
});
