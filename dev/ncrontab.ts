/**
 * A small NCRONTAB reader (`second minute hour day month day-of-week`, UTC) so the local host runs timers
 * on the same schedule strings that Azure reads. Supports `*`, numbers, lists, ranges and steps.
 */
export interface Schedule {
  matches(instant: Date): boolean;
}

const limits: readonly [number, number][] = [
  [0, 59],
  [0, 59],
  [0, 23],
  [1, 31],
  [1, 12],
  [0, 6],
];

function field(text: string, [min, max]: [number, number]): Set<number> {
  const values = new Set<number>();
  for (const part of text.split(',')) {
    const [range = '*', stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    let [from, to] = [min, max];
    if (range !== '*') {
      const [a, b] = range.split('-').map(Number);
      from = a ?? NaN;
      to = b ?? (stepText === undefined ? from : max);
    }
    if (![from, to, step].every(Number.isInteger) || from < min || to > max || step < 1 || from > to) {
      throw new Error(`Invalid NCRONTAB field "${text}"`);
    }
    for (let v = from; v <= to; v += step) values.add(v);
  }
  return values;
}

export function parseNcrontab(expression: string): Schedule {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 6) throw new Error(`NCRONTAB needs 6 fields: "${expression}"`);
  const sets = parts.map((p, i) => field(p, limits[i] ?? [0, 0]));
  return {
    matches(d) {
      const values = [
        d.getUTCSeconds(),
        d.getUTCMinutes(),
        d.getUTCHours(),
        d.getUTCDate(),
        d.getUTCMonth() + 1,
        d.getUTCDay(),
      ];
      return values.every((v, i) => sets[i]?.has(v) ?? false);
    },
  };
}
