/**
 * The task pane's production build: the gzip size of the JavaScript taskpane.html loads before anything is
 * lazy, and in headless Chromium the time from navigation to "Registreer klacht" enabled, next to a bare
 * page built in the same run with only Fluent's provider and one Button that it enables once the same server has
 * answered the same "is this e-mail registered?" request (goals: at most 1.2x the time, 1.3x the gzip).
 *
 * The built site is served by a tiny static server that also answers the API ("not registered yet"); the
 * CDN's office.js is replaced by addin/dev/bench/officeStub.js (a received e-mail, no NAA, a sign-in dialog
 * that answers at once), so the measured path is the production code from office.js to the enabled button.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import webpack from 'webpack';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import type { Bench, BenchFigure } from './bench';
import { launchChromium } from '../test/support/browser';

const root = join(__dirname, '..');
const runs = 9;
const officeCdn = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

function run(command: string, args: string[], env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: 'ignore' });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} exited with ${code}`)),
    );
  });
}

/** The bare page: same loader as the pane (ts-loader, production mode), nothing but a Fluent Button. */
function buildBare(outputPath: string): Promise<void> {
  const load = createRequire(__filename);
  const paneConfig = (load('../addin/webpack.config.js') as (e: object, a: object) => webpack.Configuration)(
    { outputPath },
    { mode: 'production' },
  );
  const compiler = webpack({
    ...paneConfig,
    entry: { bare: join(root, 'addin/dev/bench/barePage.tsx') },
    output: { ...paneConfig.output, path: outputPath },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'bare.html',
        templateContent: '<!doctype html><html lang="nl"><body><div id="root"></div></body></html>',
        inject: 'body',
      }),
    ],
  });
  return new Promise((resolve, reject) =>
    compiler.run((error, stats) => {
      compiler.close(() => undefined);
      if (error) return reject(error);
      if (stats?.hasErrors()) return reject(new Error(stats.toString('errors-only')));
      resolve();
    }),
  );
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.png': 'image/png',
};

/** Serves the two builds and answers `GET /api/complaints?…` with "not registered". */
function serve(dir: string): Promise<{ server: Server; base: string }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/api/complaints') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"items":[]}');
      return;
    }
    const file = normalize(join(dir, decodeURIComponent(url.pathname)));
    try {
      if (!file.startsWith(dir) || !statSync(file).isFile()) throw new Error('not found');
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
      res.end(readFileSync(file));
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }),
    ),
  );
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
}

/** Records (performance.now(), from navigation start) when an enabled "Registreer klacht" button appears. */
const watchForButton = `
  (() => {
    const check = () => {
      if (window.__readyAt !== undefined) return;
      for (const b of document.querySelectorAll('button')) {
        if (b.textContent === 'Registreer klacht' && !b.disabled) { window.__readyAt = performance.now(); return; }
      }
    };
    new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
  })();
`;

const bench: Bench = {
  title: 'Task pane (initial JavaScript and time to "Registreer klacht")',
  async run(): Promise<BenchFigure[]> {
    const work = mkdtempSync(join(tmpdir(), 'kr-addin-bench-'));
    const paneDir = join(work, 'pane');
    const bareDir = join(work, 'bare');
    try {
      // The production build exactly as the brief says, with the API on the serving origin.
      await run(
        'npx',
        [
          'webpack',
          '--mode',
          'production',
          '--config',
          'addin/webpack.config.js',
          '--env',
          `outputPath=${paneDir}`,
        ],
        { API_BASE_URL: '/api', KR_API_BASE: '/api' },
      );
      await buildBare(bareDir);

      const initialScripts = (html: string): string[] =>
        [...html.matchAll(/<script[^>]*\bsrc=(?:"([^"]+)"|([^\s>]+))/g)]
          .map((m) => m[1] ?? m[2] ?? '')
          .filter((src) => src !== officeCdn);
      const gzipOf = (dir: string, html: string): number =>
        initialScripts(readFileSync(join(dir, html), 'utf8')).reduce(
          (sum, src) => sum + gzipSync(readFileSync(join(dir, src.replace(/^\//, '')))).length,
          0,
        );
      const paneGzip = gzipOf(paneDir, 'taskpane.html');
      const bareGzip = gzipOf(bareDir, 'bare.html');

      // Both builds use publicPath "/": serve each at the root of its own server.
      const pane = await serve(paneDir);
      const bare = await serve(bareDir);
      const stub = readFileSync(join(root, 'addin/dev/bench/officeStub.js'), 'utf8');
      const browser = await launchChromium();
      const measure = async (url: string): Promise<number> => {
        const context = await browser.newContext({ viewport: { width: 320, height: 800 } });
        await context.route(officeCdn, (route) =>
          route.fulfill({ status: 200, contentType: 'text/javascript', body: stub }),
        );
        const page = await context.newPage();
        await page.addInitScript(watchForButton);
        await page.goto(url);
        await page.waitForFunction(
          () => (window as unknown as { __readyAt?: number }).__readyAt !== undefined,
          null,
          {
            timeout: 30_000,
          },
        );
        const at = await page.evaluate(() => (window as unknown as { __readyAt: number }).__readyAt);
        await context.close();
        return at;
      };
      const paneTimes: number[] = [];
      const bareTimes: number[] = [];
      try {
        // Warm once, then alternate so the machine's noise hits both alike.
        await measure(`${pane.base}/taskpane.html`);
        await measure(`${bare.base}/bare.html`);
        for (let i = 0; i < runs; i++) {
          paneTimes.push(await measure(`${pane.base}/taskpane.html`));
          bareTimes.push(await measure(`${bare.base}/bare.html`));
        }
      } finally {
        await browser.close();
        pane.server.close();
        bare.server.close();
      }
      return [
        {
          name: 'initial JS of taskpane.html, gzip',
          value: paneGzip / 1024,
          unit: 'KB',
          floor: { name: 'bare page: one Fluent Button and the lookup', value: bareGzip / 1024 },
          goal: 1.3,
        },
        {
          name: `navigation → "Registreer klacht" enabled (median of ${runs}, fresh context each)`,
          value: median(paneTimes),
          unit: 'ms',
          floor: { name: 'bare page: one Fluent Button enabled after the lookup', value: median(bareTimes) },
          goal: 1.2,
        },
      ];
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  },
};

export default bench;
