/**
 * `npm run bench`: runs every `bench/*.bench.ts` (or those named on the command line) and prints each
 * figure next to its floor and the ratio. Exits non-zero only when a benchmark fails to run, never on
 * a slow figure: timing on a shared machine is information, not a verdict.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Bench, BenchFigure } from './bench';

function format(n: number): string {
  return Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 1 ? n.toFixed(2) : n.toPrecision(3);
}

function line(f: BenchFigure): string {
  const base = `  ${f.name}: ${format(f.value)} ${f.unit}`;
  if (!f.floor) return base;
  const ratio = f.value / f.floor.value;
  const goal =
    f.goal === undefined ? '' : ratio <= f.goal ? ` (goal ≤ ${f.goal}: met)` : ` (goal ≤ ${f.goal}: NOT met)`;
  return `${base} | floor (${f.floor.name}): ${format(f.floor.value)} ${f.unit} | ratio ${ratio.toFixed(2)}${goal}`;
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const files = readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
    .sort();
  let failed = 0;
  for (const file of files) {
    const mod = (await import(join(__dirname, file))) as { default: Bench };
    const bench = mod.default;
    console.log(`${bench.title} (${file})`);
    try {
      for (const figure of await bench.run()) console.log(line(figure));
    } catch (err) {
      failed++;
      console.log(`  failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  process.exitCode = failed > 0 ? 1 : 0;
}

void main();
