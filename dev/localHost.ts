import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { HttpRequest, HttpResponse, InvocationContext, type Timer } from '@azure/functions';
import type { FunctionDefinition, HttpFunctionDefinition } from '../functions/src/definitions';
import { parseNcrontab } from './ncrontab';
import { devRouteRefusal } from './devRouteGuard';

/** A dev route outside /api: the token issuer, the dev clock, the mailbox view. */
export type DevRoute = (req: IncomingMessage, body: Buffer, res: ServerResponse) => Promise<void> | void;

export interface LocalHostOptions {
  port: number;
  host?: string;
  definitions: readonly FunctionDefinition[];
  /** The add-in's origin: the only one CORS lets through, as the platform's CORS setting does in Azure. */
  allowedOrigin: string;
  /** `METHOD /dev/path` → route. */
  devRoutes?: ReadonlyMap<string, DevRoute>;
  /** Runs timers on their schedules (off in tests, which trigger them on demand). */
  runTimers?: boolean;
  log?: (line: string) => void;
}

export interface LocalHost {
  url: string;
  close(): Promise<void>;
  /** Runs a timer function now, as its schedule would. */
  runTimer(name: string): Promise<void>;
}

/** Azure's default limit for a request body (100 MB); larger bodies never reach a function. */
const maxBodyBytes = 100 * 1024 * 1024;

interface CompiledRoute {
  definition: HttpFunctionDefinition;
  pattern: RegExp;
  names: string[];
}

/** Turns `complaints/{id}/attachments/{name}` into a matcher; `{x?}` is optional, `{x:guid}` ignores the type. */
function compile(definition: HttpFunctionDefinition): CompiledRoute {
  const names: string[] = [];
  const source = definition.route
    .split('/')
    .map((segment) => {
      const m = /^\{([A-Za-z0-9_]+)(?::[a-z]+)?(\?)?\}$/.exec(segment);
      if (!m?.[1]) return '/' + segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(m[1]);
      return m[2] ? '(?:/([^/]+))?' : '/([^/]+)';
    })
    .join('');
  return { definition, pattern: new RegExp(`^/api${source}/?$`, 'i'), names };
}

function readBody(req: IncomingMessage): Promise<Buffer | 'tooLarge'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? 'tooLarge' : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function headersOf(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers))
    if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

/**
 * Serves the function definitions over HTTP the way the Functions host does: `/api/<route>`, route
 * parameters, query, headers and body handed over as an `HttpRequest`, the handler's answer written back.
 */
export async function startLocalHost(options: LocalHostOptions): Promise<LocalHost> {
  const log = options.log ?? (() => undefined);
  const routes = options.definitions.flatMap((d) => (d.kind === 'http' ? [compile(d)] : []));
  const timers = options.definitions.flatMap((d) => (d.kind === 'timer' ? [d] : []));
  const running = new Set<string>();

  const context = (functionName: string): InvocationContext =>
    new InvocationContext({
      invocationId: randomUUID(),
      functionName,
      logHandler: (level, ...args) => log(`[${functionName}] ${level}: ${args.map(String).join(' ')}`),
    });

  async function runTimer(name: string): Promise<void> {
    const timer = timers.find((t) => t.name === name);
    if (!timer) throw new Error(`No timer named ${name}`);
    if (running.has(name)) return; // like the host's singleton lock: one run of a timer at a time
    running.add(name);
    try {
      const now = new Date().toISOString();
      const info: Timer = {
        isPastDue: false,
        schedule: { adjustForDST: false },
        scheduleStatus: { last: now, next: now, lastUpdated: now },
      };
      await timer.handler(info, context(name));
    } finally {
      running.delete(name);
    }
  }

  function cors(req: IncomingMessage, res: ServerResponse): boolean {
    const origin = req.headers.origin;
    if (origin !== options.allowedOrigin) return false;
    res.setHeader('access-control-allow-origin', origin);
    res.setHeader('vary', 'Origin');
    res.setHeader('access-control-expose-headers', 'ETag, Location, Content-Disposition');
    return true;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
    const body = await readBody(req);

    if (url.pathname.startsWith('/dev/')) {
      const route = options.devRoutes?.get(`${req.method ?? 'GET'} ${url.pathname}`);
      cors(req, res);
      if (req.method === 'OPTIONS') return preflight(res);
      if (!route) return notFound(res);
      if (body === 'tooLarge') return tooLarge(res);
      const refusal = devRouteRefusal(req, options.allowedOrigin);
      if (refusal) return refuse(res, refusal.status, refusal.title);
      return route(req, body, res);
    }

    const allowed = cors(req, res);
    if (req.method === 'OPTIONS' && req.headers['access-control-request-method']) {
      return allowed ? preflight(res) : void res.writeHead(403).end();
    }
    const match = routes
      .map((r) => ({ r, m: r.pattern.exec(url.pathname) }))
      .find(({ r, m }) => m !== null && r.definition.methods.includes((req.method ?? 'GET') as never));
    if (!match?.m) return notFound(res);
    if (body === 'tooLarge') return tooLarge(res);

    const params: Record<string, string> = {};
    match.r.names.forEach((name, i) => {
      const value = match.m?.[i + 1];
      if (value !== undefined) params[name] = decodeURIComponent(value);
    });
    const request = new HttpRequest({
      method: req.method ?? 'GET',
      url: url.toString(),
      headers: headersOf(req),
      query: Object.fromEntries(url.searchParams),
      params,
      body: body.length > 0 ? { bytes: body } : undefined,
    });
    let response: HttpResponse;
    try {
      const result = await match.r.definition.handler(request, context(match.r.definition.name));
      response = result instanceof HttpResponse ? result : new HttpResponse(result);
    } catch {
      response = new HttpResponse({ status: 500 });
    }
    const payload = Buffer.from(await response.arrayBuffer());
    response.headers.forEach((value, key) => res.setHeader(key, value));
    res.writeHead(response.status ?? 200).end(payload);
    // Route template only: the path and query may carry identifiers of a complaint.
    log(
      `${req.method} /api/${match.r.definition.route} ${response.status} ${(performance.now() - started).toFixed(0)} ms`,
    );
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  // Longer than any client keeps an idle connection (undici: the server's hint minus 1 s), so the server never
  // closes a socket just as a client sends a request on it: on a busy machine that race turned a 413 for a
  // large upload into ECONNRESET. Azure's front end keeps idle connections for minutes as well.
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  const schedules = timers.map((t) => ({ name: t.name, schedule: parseNcrontab(t.schedule) }));
  let lastTick = Math.floor(Date.now() / 1000);
  const ticker = options.runTimers
    ? setInterval(() => {
        const nowSecond = Math.floor(Date.now() / 1000);
        // Every second since the last tick, so a busy event loop does not skip a schedule.
        for (let s = lastTick + 1; s <= nowSecond; s++) {
          const at = new Date(s * 1000);
          for (const t of schedules)
            if (t.schedule.matches(at))
              void runTimer(t.name).catch((e: unknown) => log(`[${t.name}] failed: ${String(e)}`));
        }
        lastTick = nowSecond;
      }, 250)
    : undefined;

  return {
    url: `http://127.0.0.1:${port}`,
    runTimer,
    close: () =>
      new Promise<void>((resolve) => {
        if (ticker) clearInterval(ticker);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function preflight(res: ServerResponse): void {
  res.setHeader('access-control-allow-methods', 'GET, POST, PUT, PATCH, DELETE, OPTIONS');
  res.setHeader('access-control-allow-headers', 'authorization, content-type, if-match');
  res.setHeader('access-control-max-age', '600');
  res.writeHead(204).end();
}

function notFound(res: ServerResponse): void {
  res.writeHead(404, { 'content-type': 'application/problem+json; charset=utf-8' }).end(
    JSON.stringify({
      type: 'urn:klachtenregister:problem:not-found',
      title: 'Dit adres bestaat niet.',
      status: 404,
    }),
  );
}

function refuse(res: ServerResponse, status: number, title: string): void {
  res
    .writeHead(status, { 'content-type': 'application/problem+json; charset=utf-8' })
    .end(JSON.stringify({ type: 'urn:klachtenregister:problem:dev-route-refused', title, status }));
}

function tooLarge(res: ServerResponse): void {
  res.writeHead(413, { 'content-type': 'application/problem+json; charset=utf-8' }).end(
    JSON.stringify({
      type: 'urn:klachtenregister:problem:payload-too-large',
      title: 'Het verzoek is te groot.',
      status: 413,
    }),
  );
}
