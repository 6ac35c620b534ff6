/**
 * `npm run package`: builds what gets deployed.
 *
 *   dist/functions/      index.js (the Functions app bundled into one file), host.json, package.json
 *   dist/functions.zip   that folder zipped (az functionapp deployment source config-zip, or azd)
 *   dist/addin/          the task pane's production build (npm run build) plus staticwebapp.config.json
 *   dist/addin.zip       that folder zipped
 *
 * Options: --only functions|addin, --skip-build (use the existing dist/addin), --entry <file> (Functions entry,
 * default functions/src/index.ts), --out <dir> (default dist).
 *
 * The add-in is checked before it is zipped: JS and CSS must carry content hashes (they are cached for a year)
 * and production source maps must not contain the sources.
 */
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { build, type BuildOptions, type Plugin } from 'esbuild';
import { createZip, type ZipEntry } from './lib/zip';

export const repoRoot = join(__dirname, '..');

/** host.json for the Functions host: HTTP and timer triggers are built in, so no extension bundle. */
export const hostJson = {
  version: '2.0',
  logging: {
    // Requests are not sampled away; traces are, so a noisy day does not cost much. No bodies are logged.
    applicationInsights: { samplingSettings: { isEnabled: true, excludedTypes: 'Request;Exception' } },
    logLevel: { default: 'Information', Function: 'Information', 'Host.Results': 'Information' },
  },
  extensions: { http: { routePrefix: 'api' } },
  functionTimeout: '00:10:00',
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile());
}

export function zipDirectory(dir: string, zipFile: string): number {
  const entries: ZipEntry[] = filesUnder(dir).map((file) => ({
    name: relative(dir, file).split(sep).join('/'),
    data: readFileSync(file),
  }));
  const zip = createZip(entries);
  writeFileSync(zipFile, zip);
  return zip.length;
}

export interface FunctionsPackage {
  dir: string;
  zip: string;
  zipBytes: number;
  bundleBytes: number;
}

/**
 * The zod locales the app uses: Dutch (every schema message, see functions/src/app/fieldErrors.ts) and English
 * (zod's own default). zod re-exports all of its ~50 locales from one namespace, which keeps every one of them in
 * the bundle (a sixth of its size, all parsed at every cold start); the bundle gets only these.
 */
export const zodLocales = ['en', 'nl'] as const;

const onlyUsedZodLocales: Plugin = {
  name: 'only-used-zod-locales',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]node_modules[\\/]zod[\\/]/.test(args.importer)
        ? { path: join(args.resolveDir, '..', 'locales', 'used.js'), namespace: 'zod-locales' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: zodLocales.map((l) => `export { default as ${l} } from './${l}.js';`).join('\n'),
      resolveDir: join(args.path, '..'),
      loader: 'js',
    }));
  },
};

/**
 * The Azure HTTP pipeline imports the proxy agents (and with them `debug` and `supports-color`) at load, yet
 * constructs one only when a proxy is configured, which it is not in Azure. Each import is replaced by a stand-in
 * that requires the real agent on its first `new`: esbuild's CommonJS wrapper runs a module at its first require,
 * so a worker without a proxy never runs them.
 */
export const proxyAgents = ['https-proxy-agent', 'http-proxy-agent'] as const;

const proxyAgentsOnFirstUse: Plugin = {
  name: 'proxy-agents-on-first-use',
  setup(b) {
    b.onResolve({ filter: /^https?-proxy-agent$/ }, (args) =>
      args.kind === 'import-statement' && /[\\/]policies[\\/]proxyPolicy\.js$/.test(args.importer)
        ? { path: args.path, namespace: 'proxy-agent-on-first-use', pluginData: args.resolveDir }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'proxy-agent-on-first-use' }, (args) => {
      const name = args.path === 'https-proxy-agent' ? 'HttpsProxyAgent' : 'HttpProxyAgent';
      return {
        contents: `export function ${name}(...args) { return new (require(${JSON.stringify(args.path)}).${name})(...args); }`,
        resolveDir: args.pluginData as string,
        loader: 'js',
      };
    });
  },
};

/**
 * Packages the app loads at first use only (`import()`): the Blob SDK (attachments, originals, erasure),
 * `@azure/identity` with MSAL (the first token in Azure), the Graph client (the first letter) and fflate (the
 * dossier's ZIP). Each is bundled into its own file under
 * lazy/, next to index.js, so a fresh worker neither reads nor parses them: parsing the one big file was most of
 * the cold load. Their shared Azure core libraries are bundled into each again (a copy, loaded only then).
 */
export const lazyPackages = [
  '@azure/storage-blob',
  '@azure/identity',
  '@microsoft/microsoft-graph-client',
  'fflate',
] as const;

/** Where a lazy package's bundle lies, relative to index.js. */
export const lazyFileOf = (name: string): string => `lazy/${name.replace(/^@/, '').replace(/\//g, '-')}.js`;

const lazyPackagesApart: Plugin = {
  name: 'lazy-packages-apart',
  setup(b) {
    b.onResolve(
      { filter: /^(@azure\/(storage-blob|identity)|@microsoft\/microsoft-graph-client|fflate)$/ },
      (args) =>
        args.kind === 'dynamic-import' ? { path: `./${lazyFileOf(args.path)}`, external: true } : undefined,
    );
  },
};

/** Bundles the Functions entry with esbuild into <out>/functions/index.js and zips the folder. */
export async function packageFunctions(
  options: { entry?: string; out?: string; version?: string } = {},
): Promise<FunctionsPackage> {
  const entry = options.entry ?? join(repoRoot, 'functions', 'src', 'index.ts');
  const out = options.out ?? join(repoRoot, 'dist');
  if (!existsSync(entry)) throw new Error(`Functions entry not found: ${relative(process.cwd(), entry)}`);
  const dir = join(out, 'functions');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const common = {
    bundle: true as const,
    platform: 'node',
    // Valid on Node 20 (this machine) and Node 22 (Azure).
    target: 'node20',
    // Prefer the ESM builds: esbuild can tree-shake them (zod, the Azure SDKs), which the CJS builds defeat.
    mainFields: ['module', 'main'],
    format: 'cjs',
    // Provided by the Node worker at run time; outside the worker @azure/functions falls back to test mode.
    external: ['@azure/functions-core'],
    // Resolve packages from the repository even for an entry outside it (tests and benchmarks use stand-ins).
    nodePaths: [join(repoRoot, 'node_modules')],
    minify: true,
    keepNames: true,
    legalComments: 'external',
    sourcemap: false,
    metafile: true as const,
    logLevel: 'warning',
    // Some dependencies ship ESM that reads import.meta.url (createRequire); give the CJS bundle a real one.
    banner: { js: 'const __bundle_import_meta_url = require("node:url").pathToFileURL(__filename).href;' },
    define: { 'process.env.NODE_ENV': '"production"', 'import.meta.url': '__bundle_import_meta_url' },
  } satisfies BuildOptions;
  const result = await build({
    ...common,
    entryPoints: [entry],
    outfile: join(dir, 'index.js'),
    plugins: [onlyUsedZodLocales, lazyPackagesApart, proxyAgentsOnFirstUse],
  });
  for (const name of lazyPackages) {
    await build({
      ...common,
      stdin: { contents: `export * from '${name}';`, resolveDir: repoRoot, loader: 'js' },
      outfile: join(dir, lazyFileOf(name)),
      plugins: [proxyAgentsOnFirstUse],
    });
  }
  // A static import of a lazy package would put it back on the load path.
  const loaded = Object.keys(result.metafile.inputs).filter((input) =>
    lazyPackages.some((name) => input.includes(`node_modules/${name}/`)),
  );
  if (loaded.length > 0)
    throw new Error(`index.js bundles packages meant for first use: ${loaded.slice(0, 3).join(', ')}`);
  // Dev-only code (local host, Graph sandbox, token issuer) must never ship.
  const devInputs = Object.keys(result.metafile.inputs).filter((input) => /(^|\/)dev\//.test(input));
  if (devInputs.length > 0)
    throw new Error(`the Functions bundle includes dev-only code: ${devInputs.join(', ')}`);
  writeFileSync(join(dir, 'host.json'), `${JSON.stringify(hostJson, null, 2)}\n`);
  const rootPackage = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
    version?: string;
  };
  const packageJson = {
    name: 'klachtenregister-functions',
    version: options.version ?? rootPackage.version ?? '0.0.0',
    private: true,
    description: 'Klachtenregister Functions app (bundled; no dependencies to install)',
    main: 'index.js',
  };
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(packageJson, null, 2)}\n`);
  const zip = join(out, 'functions.zip');
  const zipBytes = zipDirectory(dir, zip);
  return { dir, zip, zipBytes, bundleBytes: statSync(join(dir, 'index.js')).size };
}

/** Files that keep their names on purpose: pages (Outlook loads them by URL), icons, SWA config, license notes. */
const unhashedAllowed = (file: string): boolean =>
  /\.html$/.test(file) ||
  /^assets\//.test(file) ||
  file === 'staticwebapp.config.json' ||
  /\.(txt|LICENSE)$/i.test(file) ||
  /\.LICENSE\.txt$/i.test(file);

/** A content hash in the name: main.3f9a1c2b.js, 412.a1b2c3d4e5.chunk.css, app-5f3e9a0c.js. */
const hashed = (file: string): boolean => /[.-][0-9a-f]{8,}[.-]/i.test(file.split('/').pop() ?? '');

/** Problems that make the add-in's static site unfit for production; empty when it is fine. */
export function checkAddinSite(dir: string): string[] {
  if (!existsSync(dir)) return [`${dir} does not exist (run npm run build first)`];
  const files = filesUnder(dir).map((f) => relative(dir, f).split(sep).join('/'));
  const problems: string[] = [];
  if (!files.includes('taskpane.html')) problems.push('taskpane.html is missing');
  for (const icon of ['icon-16.png', 'icon-32.png', 'icon-64.png', 'icon-80.png', 'icon-128.png']) {
    if (!files.includes(`assets/${icon}`))
      problems.push(`assets/${icon} is missing (the manifests point to it)`);
  }
  for (const file of files) {
    if (/\.(js|css|mjs)$/.test(file) && !unhashedAllowed(file) && !hashed(file)) {
      problems.push(`${file} has no content hash in its name`);
    }
    if (file.endsWith('.map')) {
      const map = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { sourcesContent?: (string | null)[] };
      if ((map.sourcesContent ?? []).some((s) => typeof s === 'string' && s.length > 0)) {
        problems.push(`${file} contains the sources (sourcesContent); production maps must not`);
      }
    }
    if (/(^|\/)(dev|simulator)[^/]*\.html$/i.test(file)) problems.push(`${file} is a dev-only page`);
  }
  return problems;
}

/** Builds (unless skipBuild), adds the SWA config, checks and zips the add-in's static site. */
export function packageAddin(options: { skipBuild?: boolean; out?: string; siteDir?: string } = {}): {
  dir: string;
  zip: string;
  zipBytes: number;
} {
  const out = options.out ?? join(repoRoot, 'dist');
  const dir = options.siteDir ?? join(out, 'addin');
  if (!options.skipBuild) {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const run = spawnSync(npm, ['run', 'build'], {
      cwd: repoRoot,
      stdio: 'inherit',
      shell: process.platform === 'win32',
    });
    if (run.status !== 0) throw new Error(`npm run build failed (exit ${run.status ?? 'signal'})`);
  }
  if (existsSync(dir) && !existsSync(join(dir, 'staticwebapp.config.json'))) {
    copyFileSync(
      join(repoRoot, 'infra', 'addin-hosting', 'staticwebapp.config.json'),
      join(dir, 'staticwebapp.config.json'),
    );
  }
  const problems = checkAddinSite(dir);
  if (problems.length > 0)
    throw new Error(`the add-in site is not fit for production:\n  - ${problems.join('\n  - ')}`);
  const zip = join(out, 'addin.zip');
  return { dir, zip, zipBytes: zipDirectory(dir, zip) };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      only: { type: 'string' },
      'skip-build': { type: 'boolean', default: false },
      entry: { type: 'string' },
      out: { type: 'string' },
    },
    strict: true,
  });
  const only = values.only;
  if (only !== undefined && only !== 'functions' && only !== 'addin')
    throw new Error('--only must be functions or addin');
  const kb = (n: number): string => `${(n / 1024).toFixed(0)} KB`;
  if (only !== 'addin') {
    const fn = await packageFunctions({ entry: values.entry, out: values.out });
    console.info(
      `functions: ${relative(repoRoot, fn.zip)} (${kb(fn.zipBytes)}; index.js ${kb(fn.bundleBytes)})`,
    );
  }
  if (only !== 'functions') {
    const addin = packageAddin({ skipBuild: values['skip-build'], out: values.out });
    console.info(`addin: ${relative(repoRoot, addin.zip)} (${kb(addin.zipBytes)})`);
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exitCode = 1;
  });
}
