/**
 * The domain is pure (docs/architecture.md): no I/O, no Azure or Office, no clock or randomness. This test reads every
 * source file and fails on anything else, so a convenient import cannot slip in unnoticed.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const SRC = join(__dirname, '..', 'src');
const ALLOWED_PACKAGES = new Set(['date-holidays', 'zod']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory()
      ? sourceFiles(path)
      : /\.(ts|tsx|js|mjs|cjs)$/.test(name)
        ? [path]
        : [];
  });
}

/** Every module specifier: static and dynamic imports, re-exports and require calls. */
function specifiers(code: string): string[] {
  const found: string[] = [];
  const patterns = [
    /\b(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const re of patterns) for (const m of code.matchAll(re)) if (m[1]) found.push(m[1]);
  return found;
}

const FORBIDDEN: [RegExp, string][] = [
  [/\bDate\.now\s*\(/, 'Date.now()'],
  [/\bnew\s+Date\s*\(\s*\)/, 'new Date() without argument'],
  [/\bnew\s+Date\b(?!\s*\()/, 'new Date without argument'],
  [/\bperformance\.now\b/, 'performance.now'],
  [/\bprocess\./, 'process.*'],
  [/\bMath\.random\b/, 'Math.random'],
  [/\b(?:fetch|XMLHttpRequest|setTimeout|setInterval)\s*\(/, 'I/O or timers'],
  [/\bOffice\./, 'office.js'],
];

const files = sourceFiles(SRC);

describe('domain dependency check', () => {
  it('finds the sources', () => {
    expect(files.length).toBeGreaterThan(10);
    expect(files.map((f) => relative(SRC, f))).toContain('index.ts');
  });

  it.each(files.map((f) => [relative(SRC, f), f]))(
    '%s imports only relative modules, date-holidays and zod',
    (_name, file) => {
      const bad = specifiers(readFileSync(file, 'utf8')).filter(
        (s) => !s.startsWith('./') && !s.startsWith('../') && !ALLOWED_PACKAGES.has(s),
      );
      expect(bad).toEqual([]);
    },
  );

  it.each(files.map((f) => [relative(SRC, f), f]))(
    '%s reads no clock, randomness, process or I/O',
    (_name, file) => {
      const code = readFileSync(file, 'utf8');
      const hits = FORBIDDEN.filter(([re]) => re.test(code)).map(([, what]) => what);
      expect(hits).toEqual([]);
    },
  );

  it('the checks themselves catch what they should', () => {
    expect(
      specifiers(
        "import { x } from 'node:fs';\nexport * from '@azure/data-tables';\nconst y = await import('office-js');\nrequire('http')",
      ),
    ).toEqual(['node:fs', '@azure/data-tables', 'office-js', 'http']);
    expect(specifiers("import type { A } from './a';\nimport {\n  b,\n  c,\n} from '../b';")).toEqual([
      './a',
      '../b',
    ]);
    const caught = (code: string) => FORBIDDEN.some(([re]) => re.test(code));
    expect(caught('const t = Date.now();')).toBe(true);
    expect(caught('const t = new Date();')).toBe(true);
    expect(caught('const t = new Date;')).toBe(true);
    expect(caught('const t = new Date(instant);')).toBe(false);
    expect(caught('if (process.env.X) {}')).toBe(true);
    expect(caught('Math.random()')).toBe(true);
  });
});
