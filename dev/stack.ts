import { join } from 'node:path';
import { loadConfig } from '../functions/src/adapters/config';
import { ensureStorage } from '../functions/src/adapters/storageClients';
import { createServices, lazyServices, type Services } from '../functions/src/composition';
import { createFunctionDefinitions } from '../functions/src/functionDefinitions';
import { startAzurite, type Azurite } from './azurite';
import { createSettableClock, type SettableClock } from './devClock';
import { devRoutes } from './devRoutes';
import { mailboxDevRoutes } from './mailboxDevRoutes';
import { randomBytes } from 'node:crypto';
import { startGraphSandbox, type GraphSandbox } from './graphSandbox';
import { startLocalHost, type LocalHost } from './localHost';
import { freePort } from './ports';
import { createTokenIssuer, localApiClientId, localTenantId, type TokenIssuer } from './tokenIssuer';
import { startAddinDevServer, type AddinServer } from './addinDevServer';
import { createTeamsSandbox, type TeamsSandbox } from './teamsSandbox';
import { timerRoutes } from './timerRoutes';

export interface StackPorts {
  functions: number;
  graph: number;
  addin: number;
  blob: number;
  queue: number;
  table: number;
}

export interface StackOptions {
  /** Omitted ports are chosen free (tests); `npm start` passes the well-known ones. */
  ports?: Partial<StackPorts>;
  /** Where Azurite keeps its data; omitted: in memory. */
  dataDir?: string;
  /** Also serve the add-in and the simulator (webpack dev server). */
  addin?: boolean;
  runTimers?: boolean;
  /** App settings that differ from the local defaults (e.g. KR_LETTER_REVIEW_MINUTES). */
  env?: Record<string, string>;
  log?: (line: string) => void;
  /** Tests only: wraps the app's services, e.g. to make one storage write fail at a chosen moment. */
  wrapServices?: (services: Services) => Services;
}

export interface Stack {
  urls: {
    functions: string;
    api: string;
    graph: string;
    addin?: string;
    simulator?: string;
    storage: string;
  };
  ports: StackPorts;
  tokens: TokenIssuer;
  graph: GraphSandbox;
  /** The Teams webhook stand-in (`KR_TEAMS_WEBHOOK_URL` points at it). */
  teams: TeamsSandbox;
  clock: SettableClock;
  host: LocalHost;
  storageConnectionString: string;
  /** Azurite itself, so a test can take storage away and see the app notice. */
  azurite: Azurite;
  /** The app settings the local Functions app runs with (what would be app settings in Azure). */
  env: Record<string, string>;
  /**
   * Waits until no letter is queued or being sent (running the sender as its timer would), so a test can
   * look at the mailbox after letters that go out in the background. Gives up after `timeoutMs`.
   */
  settleLetters(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/** The local stack of docs/architecture.md: Azurite, the local Functions host with the token issuer, the Graph sandbox, the add-in. */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  // A port the OS called free can be taken before a child process binds it (parallel test workers open
  // outgoing connections from the same range), so a start on chosen ports tries fresh ones a few times.
  const chosen = options.ports ?? {};
  const allGiven = (['functions', 'graph', 'addin', 'blob', 'queue', 'table'] as const).every(
    (k) => chosen[k] !== undefined,
  );
  for (let attempt = 1; ; attempt++) {
    try {
      return await startStackOnce(options, await pickPorts(chosen));
    } catch (error) {
      if (allGiven || attempt >= 4 || !/EADDRINUSE/.test(String(error))) throw error;
    }
  }
}

async function pickPorts(chosen: Partial<StackPorts>): Promise<StackPorts> {
  const taken = new Set<number>();
  const pick = async (given: number | undefined): Promise<number> => {
    if (given !== undefined) return given;
    for (;;) {
      const port = await freePort();
      if (!taken.has(port)) {
        taken.add(port);
        return port;
      }
    }
  };
  return {
    functions: await pick(chosen.functions),
    graph: await pick(chosen.graph),
    addin: await pick(chosen.addin),
    blob: await pick(chosen.blob),
    queue: await pick(chosen.queue),
    table: await pick(chosen.table),
  };
}

async function startStackOnce(options: StackOptions, ports: StackPorts): Promise<Stack> {
  const log = options.log ?? (() => undefined);
  const stoppers: (() => Promise<void>)[] = [];
  const stop = async (): Promise<void> => {
    for (const s of stoppers.reverse()) await s().catch(() => undefined);
  };
  try {
    const azurite: Azurite = await startAzurite({
      blobPort: ports.blob,
      queuePort: ports.queue,
      tablePort: ports.table,
      ...(options.dataDir ? { location: join(options.dataDir, 'azurite') } : {}),
    });
    stoppers.push(() => azurite.stop());

    const mailbox = 'klachten@lagant-voorbeeld.nl';
    // Scoped to the complaints mailbox, as Exchange RBAC for Applications scopes the real app.
    const graph = await startGraphSandbox(ports.graph, { mailbox });
    stoppers.push(() => graph.close());

    const hostUrl = `http://127.0.0.1:${ports.functions}`;
    const addinOrigin = `http://localhost:${ports.addin}`;
    const tokens = await createTokenIssuer(hostUrl);
    const env: Record<string, string> = {
      KR_STORAGE_CONNECTION: azurite.connectionString,
      KR_AUTH_TENANT_ID: localTenantId,
      KR_AUTH_AUDIENCE: localApiClientId,
      KR_AUTH_ISSUER: tokens.issuer,
      KR_AUTH_JWKS_URL: `${hostUrl}${tokens.jwksPath}`,
      KR_GRAPH_BASE_URL: graph.baseUrl,
      KR_MAILBOX: mailbox,
      KR_ADDIN_ORIGIN: addinOrigin,
      KR_DIRECTOR_ADDRESS: 'w.degraaf@lagant-voorbeeld.nl',
      KR_TEAMS_WEBHOOK_URL: `${hostUrl}/dev/teams/webhook`,
      KR_ORGANISATION_NAME: 'Lagant Opleidingen (voorbeeld)',
      KR_THIRD_PARTY_ORGANISATION: 'Stichting Onafhankelijke Klachtbehandeling (voorbeeld)',
      KR_THIRD_PARTY_PERSON: 'mr. A. de Wit',
      KR_THIRD_PARTY_EMAIL: 'geschillen@onafhankelijk-voorbeeld.nl',
      // Graph posts notifications to the local host, as it would to the Function App's public URL.
      KR_NOTIFICATION_URL: `${hostUrl}/api/mailbox/notifications`,
      KR_GRAPH_CLIENT_STATE: randomBytes(24).toString('base64url'),
    };
    Object.assign(env, options.env);
    const clock = createSettableClock();
    const teams = createTeamsSandbox(() => clock.now());
    const { services: built, storage } = createServices(loadConfig(env), clock);
    const services = options.wrapServices ? options.wrapServices(built) : built;
    await ensureStorage(storage);
    const definitions = createFunctionDefinitions(lazyServices(() => Promise.resolve(services)));
    const routes = new Map([
      ...tokens.routes,
      ...devRoutes(clock, graph),
      ...mailboxDevRoutes(graph, addinOrigin),
      ...teams.routes,
    ]);
    const host = await startLocalHost({
      port: ports.functions,
      definitions,
      allowedOrigin: addinOrigin,
      devRoutes: routes,
      runTimers: options.runTimers ?? false,
      log,
    });
    stoppers.push(() => host.close());
    // As the subscription timer would on its first run: Graph validates the notification URL now.
    await host
      .runTimer('mailboxSubscription')
      .catch((e: unknown) => log(`subscription failed: ${String(e)}`));
    const timerNames = definitions.flatMap((d) => (d.kind === 'timer' ? [d.name] : []));
    for (const [key, route] of timerRoutes(clock, timerNames, (name) => host.runTimer(name)))
      routes.set(key, route);

    let addin: AddinServer | undefined;
    if (options.addin) {
      addin = await startAddinDevServer({ port: ports.addin, functionsUrl: hostUrl });
      stoppers.push(() => addin?.stop() ?? Promise.resolve());
    }
    return {
      urls: {
        functions: hostUrl,
        api: `${hostUrl}/api`,
        graph: graph.baseUrl,
        storage: `http://127.0.0.1:${ports.table} (tables), :${ports.blob} (blobs), :${ports.queue} (queues)`,
        ...(addin ? { addin: `${addin.url}/taskpane.html`, simulator: `${addin.url}/simulator.html` } : {}),
      },
      ports,
      tokens,
      graph,
      teams,
      clock,
      host,
      storageConnectionString: azurite.connectionString,
      azurite,
      env,
      settleLetters: async (timeoutMs = 15_000) => {
        const deadline = Date.now() + timeoutMs;
        while (Date.now() < deadline) {
          const pending = await services.complaints.listOutbox({ statuses: ['queued', 'sending'] });
          if (pending.length === 0) return;
          await host.runTimer('deliverLetters');
          await new Promise((r) => setTimeout(r, 50));
        }
        throw new Error('letters still pending after the wait');
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
