import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkAddinSite, hostJson, packageAddin, packageFunctions, zodLocales } from '../../scripts/package';
import { createZip, readZip } from '../../scripts/lib/zip';

const work = mkdtempSync(join(tmpdir(), 'kr-package-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('zip', () => {
  test('round-trips, is reproducible and sorted', () => {
    const entries = [
      { name: 'b/two.txt', data: Buffer.from('twee '.repeat(100)) },
      { name: 'a.bin', data: Buffer.from([0, 1, 2, 3]) },
    ];
    const zip = createZip(entries);
    expect(createZip([...entries].reverse()).equals(zip)).toBe(true);
    expect(readZip(zip).map((e) => [e.name, e.data.toString('hex')])).toEqual([
      ['a.bin', '00010203'],
      ['b/two.txt', Buffer.from('twee '.repeat(100)).toString('hex')],
    ]);
  });

  test('refuses unsafe names and duplicates, and detects corruption', () => {
    expect(() => createZip([{ name: '../x', data: Buffer.alloc(1) }])).toThrow(/unsafe/);
    expect(() => createZip([{ name: '/etc/x', data: Buffer.alloc(1) }])).toThrow(/unsafe/);
    expect(() =>
      createZip([
        { name: 'x', data: Buffer.alloc(1) },
        { name: 'x', data: Buffer.alloc(1) },
      ]),
    ).toThrow(/duplicate/);
    const zip = createZip([{ name: 'x.txt', data: Buffer.from('hello hello hello hello') }]);
    zip[35] = (zip[35] ?? 0) ^ 0xff; // inside the compressed body
    expect(() => readZip(zip)).toThrow();
  });
});

describe('Functions package', () => {
  // A stand-in entry registered the way functions/src/index.ts registers its functions.
  const entryDir = join(work, 'entry');
  mkdirSync(join(entryDir, 'dev'), { recursive: true });
  writeFileSync(
    join(entryDir, 'index.ts'),
    [
      "import { app } from '@azure/functions';",
      "app.http('health', { route: 'health', methods: ['GET'], authLevel: 'anonymous', handler: async () => ({ jsonBody: { status: 'ok' } }) });",
      "app.timer('deadlines', { schedule: '0 0 5 * * *', handler: async () => undefined });",
    ].join('\n'),
  );
  writeFileSync(join(entryDir, 'dev', 'sandbox.ts'), 'export const sandbox = 1;\n');
  writeFileSync(
    join(entryDir, 'leaky.ts'),
    "import { sandbox } from './dev/sandbox';\nconsole.log(sandbox);\n",
  );

  test('bundles index.js, the packages loaded at first use under lazy/, host.json and package.json, zipped at the root', async () => {
    const out = join(work, 'out');
    const result = await packageFunctions({ entry: join(entryDir, 'index.ts'), out });
    const names = readZip(readFileSync(result.zip))
      .map((e) => e.name)
      .sort();
    expect(names.filter((n) => !n.endsWith('LEGAL.txt'))).toEqual([
      'host.json',
      'index.js',
      'lazy/azure-identity.js',
      'lazy/azure-storage-blob.js',
      'lazy/fflate.js',
      'lazy/microsoft-microsoft-graph-client.js',
      'package.json',
    ]);
    const pkg = JSON.parse(readFileSync(join(result.dir, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(pkg.main).toBe('index.js');
    expect(pkg.dependencies).toBeUndefined();
    const host = JSON.parse(readFileSync(join(result.dir, 'host.json'), 'utf8')) as Record<string, unknown>;
    expect(host).toEqual(hostJson);
    expect(host.version).toBe('2.0');
    expect(host.extensionBundle).toBeUndefined();
    expect(result.zipBytes).toBeGreaterThan(1000);
  });

  test('the bundle loads in a fresh Node without node_modules and registers its functions', () => {
    const index = join(work, 'out', 'functions', 'index.js');
    // Run from an empty directory: everything the app needs must be inside index.js.
    const run = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(index)})`], {
      cwd: work,
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/register function "health"/);
    expect(run.stderr).toMatch(/register function "deadlines"/);
  });

  test('keeps only the zod locales the app uses, and Dutch schema messages still work', async () => {
    writeFileSync(
      join(entryDir, 'zodLocales.ts'),
      [
        "import { z } from 'zod';",
        'z.config(z.locales.nl());',
        'console.log(JSON.stringify({ message: z.string().safeParse(1).error?.issues[0]?.message, locales: Object.keys(z.locales) }));',
      ].join('\n'),
    );
    const result = await packageFunctions({ entry: join(entryDir, 'zodLocales.ts'), out: join(work, 'zod') });
    const run = spawnSync(process.execPath, [join(result.dir, 'index.js')], { cwd: work, encoding: 'utf8' });
    expect(run.status).toBe(0);
    const printed = JSON.parse(run.stdout) as { message: string; locales: string[] };
    expect(printed.message).toBe('Ongeldige invoer: verwacht string, ontving getal');
    expect(printed.locales.sort()).toEqual([...zodLocales].sort());
  });

  test('the proxy agents run at their first use only, and a configured proxy still gets a real agent', async () => {
    writeFileSync(
      join(entryDir, 'proxy.ts'),
      [
        "import { createPipelineRequest, proxyPolicy } from '@azure/core-rest-pipeline';",
        'const g = globalThis as { ttyAt?: string };',
        "const atLoad = g.ttyAt ?? 'never';",
        "const policy = proxyPolicy({ host: 'http://127.0.0.1', port: 3128 });",
        "const request = createPipelineRequest({ url: 'https://example.invalid/x' });",
        'void policy',
        '  .sendRequest(request, async (r) => ({ request: r, status: 200, headers: r.headers }))',
        '  .then(() => console.log(JSON.stringify({ atLoad, agent: (request.agent as object | undefined)?.constructor.name })));',
      ].join('\n'),
    );
    // `debug`, which the agents load, requires `tty` when it runs: the preload notes whether that happened.
    const preload = join(entryDir, 'noteTty.js');
    writeFileSync(
      preload,
      "const M = require('module'); const r = M.prototype.require; M.prototype.require = function (id) { if (id === 'tty') globalThis.ttyAt ??= 'load'; return r.apply(this, arguments); };\n",
    );
    const result = await packageFunctions({ entry: join(entryDir, 'proxy.ts'), out: join(work, 'proxy') });
    const run = spawnSync(process.execPath, ['-r', preload, join(result.dir, 'index.js')], {
      cwd: work,
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ atLoad: 'never', agent: 'HttpsProxyAgent' });
  });

  test('refuses to ship dev-only code, and a missing entry', async () => {
    await expect(
      packageFunctions({ entry: join(entryDir, 'leaky.ts'), out: join(work, 'leaky') }),
    ).rejects.toThrow(/dev-only/);
    await expect(
      packageFunctions({ entry: join(entryDir, 'nope.ts'), out: join(work, 'nope') }),
    ).rejects.toThrow(/not found/);
  });
});

describe('add-in site', () => {
  function site(files: Record<string, string>): string {
    const dir = mkdtempSync(join(work, 'site-'));
    const all: Record<string, string> = {
      'taskpane.html': '<!doctype html><script src="main.3f9a1c2b7d.js"></script>',
      'main.3f9a1c2b7d.js': 'console.log(1)',
      'main.3f9a1c2b7d.js.map': JSON.stringify({
        version: 3,
        sources: ['webpack://x/src/a.ts'],
        mappings: 'AAAA',
      }),
      'styles.a1b2c3d4.css': 'body{}',
      ...Object.fromEntries(['16', '32', '64', '80', '128'].map((s) => [`assets/icon-${s}.png`, 'png'])),
      ...files,
    };
    for (const [name, content] of Object.entries(all)) {
      mkdirSync(join(dir, name, '..'), { recursive: true });
      writeFileSync(join(dir, name), content);
    }
    return dir;
  }

  test('a production build with hashed names and content-free maps passes, and is zipped with the SWA config', () => {
    const dir = site({});
    expect(checkAddinSite(dir)).toEqual([]);
    const out = join(work, 'addin-out');
    mkdirSync(out, { recursive: true });
    const result = packageAddin({ skipBuild: true, siteDir: dir, out });
    const names = readZip(readFileSync(result.zip)).map((e) => e.name);
    expect(names).toEqual(
      expect.arrayContaining(['taskpane.html', 'staticwebapp.config.json', 'assets/icon-80.png']),
    );
    expect(existsSync(join(dir, 'staticwebapp.config.json'))).toBe(true);
  });

  test.each([
    ['an unhashed bundle', { 'main.js': 'x' }, /main\.js has no content hash/],
    [
      'a source map with the sources',
      {
        'main.3f9a1c2b7d.js.map': JSON.stringify({
          version: 3,
          sources: ['a.ts'],
          sourcesContent: ['const secret = 1;'],
        }),
      },
      /sourcesContent/,
    ],
    ['a dev-only page', { 'simulator.html': '<html></html>' }, /dev-only page/],
  ])('rejects %s', (_label, files, problem) => {
    expect(checkAddinSite(site(files)).join('\n')).toMatch(problem);
  });

  test('rejects a site without the task pane or the icons, and refuses to zip it', () => {
    const dir = site({});
    rmSync(join(dir, 'taskpane.html'));
    rmSync(join(dir, 'assets', 'icon-80.png'));
    expect(checkAddinSite(dir)).toEqual(
      expect.arrayContaining(['taskpane.html is missing', expect.stringMatching(/icon-80/)]),
    );
    expect(() => packageAddin({ skipBuild: true, siteDir: dir, out: join(work, 'bad-out') })).toThrow(
      /not fit for production/,
    );
  });
});
