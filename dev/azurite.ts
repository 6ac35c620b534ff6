import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { waitForPort } from './ports';

export interface AzuriteOptions {
  blobPort: number;
  queuePort: number;
  tablePort: number;
  /** Folder for Azurite's data; omit to keep everything in memory (tests). */
  location?: string;
}

export interface Azurite {
  connectionString: string;
  stop(): Promise<void>;
}

/** Azurite's well-known development account (public, documented by Microsoft; not a secret). */
const account = 'devstoreaccount1';
const accountKey = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

/** Starts a real Azurite (tables, blobs, queues) as a child process and waits until all three listen. */
export async function startAzurite(options: AzuriteOptions): Promise<Azurite> {
  const script = require.resolve('azurite/dist/src/azurite.js');
  const args = [
    script,
    '--silent',
    '--disableTelemetry',
    '--skipApiVersionCheck',
    '--loose',
    '--blobHost',
    '127.0.0.1',
    '--blobPort',
    String(options.blobPort),
    '--queueHost',
    '127.0.0.1',
    '--queuePort',
    String(options.queuePort),
    '--tableHost',
    '127.0.0.1',
    '--tablePort',
    String(options.tablePort),
  ];
  if (options.location) {
    mkdirSync(options.location, { recursive: true });
    args.push('--location', options.location);
  } else {
    args.push('--inMemoryPersistence');
  }
  const child: ChildProcess = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  // If this process ends without stopping the stack (a crash, a kill), Azurite must not live on holding the ports.
  const killOnExit = (): void => void child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => process.removeListener('exit', killOnExit));
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) =>
      reject(new Error(`Azurite stopped (exit ${code}): ${stderr.slice(0, 500)}`)),
    ),
  );
  exited.catch(() => undefined);
  await Promise.race([
    Promise.all([
      waitForPort(options.blobPort),
      waitForPort(options.queuePort),
      waitForPort(options.tablePort),
    ]),
    exited,
  ]);
  const base = 'http://127.0.0.1';
  return {
    connectionString:
      `DefaultEndpointsProtocol=http;AccountName=${account};AccountKey=${accountKey};` +
      `BlobEndpoint=${base}:${options.blobPort}/${account};QueueEndpoint=${base}:${options.queuePort}/${account};` +
      `TableEndpoint=${base}:${options.tablePort}/${account};`,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 3_000).unref();
      }),
  };
}
