/**
 * The Functions deployment package: its zip size, and the time a fresh Node process needs to load the bundled
 * index.js (the cold-start proxy: the Functions worker does the same require), next to loading
 * `@azure/functions` alone in a fresh process, measured in the same run. Goal: at most 2x that floor. The
 * packages loaded at first use (lazy/) and ICU's time-zone data (loaded by the first local date) are not on that
 * path; so that their cost is seen, not just moved, a third figure loads index.js, then every lazy file and a first
 * Amsterdam date, as the first registration in Azure does (no goal).
 * Rebuilds dist/functions when it is missing or older than any source it bundles.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Bench, BenchFigure } from './bench';
import { lazyFileOf, lazyPackages, packageFunctions, repoRoot } from '../scripts/package';

const runs = 9;

function newestMtime(dir: string): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => statSync(join(dir, f)))
    .filter((s) => s.isFile())
    .reduce((max, s) => Math.max(max, s.mtimeMs), 0);
}

/** Wall time of `node -e <code>` from spawn to exit, in ms. */
function timeNode(code: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, ['-e', code], { cwd: repoRoot, stdio: 'ignore' });
    child.on('error', reject);
    child.on('exit', (status) => {
      if (status !== 0) reject(new Error(`node -e ${code} exited with ${status}`));
      else resolve(Number(process.hrtime.bigint() - started) / 1e6);
    });
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
}

const bench: Bench = {
  title: 'Functions package (size and cold load)',
  async run(): Promise<BenchFigure[]> {
    const dist = join(repoRoot, 'dist');
    const index = join(dist, 'functions', 'index.js');
    const zip = join(dist, 'functions.zip');
    const sources = Math.max(
      newestMtime(join(repoRoot, 'functions', 'src')),
      newestMtime(join(repoRoot, 'domain')),
      // The bundling itself (which packages go to lazy/).
      statSync(join(repoRoot, 'scripts', 'package.ts')).mtimeMs,
    );
    const fresh = existsSync(index) && existsSync(zip) && statSync(index).mtimeMs >= sources;
    if (!fresh) await packageFunctions({ out: dist });
    const zipBytes = statSync(zip).size;

    const load = `require(${JSON.stringify(index)})`;
    const floor = `require('@azure/functions')`;
    const lazyFiles = lazyPackages.map((name) => join(dist, 'functions', lazyFileOf(name)));
    const firstDate = `new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date())`;
    const loadAll = `${load}; ${firstDate}; Promise.all(${JSON.stringify(lazyFiles)}.map((f) => import(f)))`;
    // Warm the file cache once, then alternate the two so machine noise hits both alike.
    await timeNode(load);
    await timeNode(floor);
    const loads: number[] = [];
    const floors: number[] = [];
    const firstUses: number[] = [];
    for (let i = 0; i < runs; i++) {
      loads.push(await timeNode(load));
      floors.push(await timeNode(floor));
      firstUses.push(await timeNode(loadAll));
    }
    return [
      { name: 'functions.zip size', value: zipBytes / 1024, unit: 'KB' },
      {
        name: `load bundled index.js in a fresh node (median of ${runs})`,
        value: median(loads),
        unit: 'ms',
        floor: { name: "require('@azure/functions') alone", value: median(floors) },
        goal: 2,
      },
      {
        name: `load index.js, then lazy/ (${lazyPackages.join(', ')}) and a first local date as a first request in Azure, fresh node (median of ${runs})`,
        value: median(firstUses),
        unit: 'ms',
        floor: { name: "require('@azure/functions') alone", value: median(floors) },
      },
    ];
  },
};

export default bench;
