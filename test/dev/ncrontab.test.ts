import { parseNcrontab } from '../../dev/ncrontab';

describe('the local host reads NCRONTAB schedules as Azure does (UTC, with seconds)', () => {
  test.each([
    ['0 0 * * * *', '2026-03-29T01:00:00Z', true],
    ['0 0 * * * *', '2026-03-29T01:00:01Z', false],
    ['0 */10 * * * *', '2026-03-29T01:20:00Z', true],
    ['0 */10 * * * *', '2026-03-29T01:25:00Z', false],
    ['0 0 7 * * 1', '2026-11-30T07:00:00Z', true], // a Monday
    ['0 0 7 * * 1', '2026-12-01T07:00:00Z', false],
    ['0 30 2 1 1 *', '2027-01-01T02:30:00Z', true],
    ['0 0 6-8 * * 1-5', '2026-11-27T08:00:00Z', true],
    ['0 0 6,18 * * *', '2026-11-27T18:00:00Z', true],
  ])('%s at %s → %s', (expression, at, expected) => {
    expect(parseNcrontab(expression).matches(new Date(at))).toBe(expected);
  });

  test.each(['* * * * *', '0 61 * * * *', '0 0 25 * * *', 'x * * * * *', '0 0 * * * 7'])(
    'refuses "%s"',
    (expression) => {
      expect(() => parseNcrontab(expression)).toThrow();
    },
  );
});
