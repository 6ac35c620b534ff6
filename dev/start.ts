/**
 * `npm start`: the whole product on this machine, nothing from Azure or Microsoft 365. Prints one line per
 * service when it is ready; Ctrl-C stops everything it started. The register is kept in `.data/` so a
 * restart keeps it.
 */
import { join } from 'node:path';
import { portInUse } from './ports';
import { startStack, type StackPorts } from './stack';
import { samples } from '../addin/dev/samples/samples';

const ports: StackPorts = {
  functions: 7071,
  graph: 7072,
  addin: 3000,
  blob: 10000,
  queue: 10001,
  table: 10002,
};
const names: Record<keyof StackPorts, string> = {
  functions: 'the local Functions host',
  graph: 'the Graph sandbox',
  addin: 'the add-in dev server',
  blob: 'Azurite (blobs)',
  queue: 'Azurite (queues)',
  table: 'Azurite (tables)',
};

async function main(): Promise<void> {
  for (const [key, port] of Object.entries(ports) as [keyof StackPorts, number][]) {
    if ((await portInUse(port)) || (key === 'addin' && (await portInUse(port, '::1').catch(() => false)))) {
      console.error(
        `Port ${port} is already in use, so ${names[key]} cannot start. Is another "npm start" still running? Stop it (or the program on that port) and try again.`,
      );
      process.exit(1);
    }
  }
  console.log('Starting Klachtenregister locally…');
  const stack = await startStack({
    ports,
    dataDir: join(__dirname, '..', '.data'),
    addin: true,
    runTimers: true,
    log: (line) => console.log(`  ${line}`),
  });
  // The simulator's e-mails are "in" the complaints mailbox, so letters answer in the complainant's thread.
  for (const s of samples.filter((x) => x.itemType === 'message' && x.mode === 'read')) {
    stack.graph.deliverToMailbox({
      internetMessageId: s.internetMessageId,
      from: s.from,
      subject: s.subject,
    });
  }
  console.log(`Azurite storage        ${stack.urls.storage}`);
  console.log(`Graph sandbox          ${stack.urls.graph}`);
  console.log(`Token issuer (dev)     ${stack.urls.functions}/dev/token`);
  console.log(`Functions host (API)   ${stack.urls.api}   (health: ${stack.urls.api}/health)`);
  console.log(`Add-in task pane       ${stack.urls.addin ?? ''}`);
  console.log(`Outlook simulator      ${stack.urls.simulator ?? ''}`);
  console.log('Ready. Open the simulator in a browser; Ctrl-C stops everything.');

  let stopping = false;
  const shutdown = (): void => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping…');
    // Whatever happens while stopping, exit within a few seconds; Azurite is killed on exit in any case.
    setTimeout(() => process.exit(0), 5_000).unref();
    void stack.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error(`Could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
