import type { HttpHandler, HttpMethod, TimerHandler } from '@azure/functions';

/**
 * The one table of the app's functions. `index.ts` registers it with the Functions runtime; the local host
 * (dev/) serves the same table over HTTP and runs the timers on their schedules, so what runs locally and in
 * tests is exactly what runs in Azure.
 */
export interface HttpFunctionDefinition {
  kind: 'http';
  name: string;
  /** Route under /api, in the Functions route-template syntax (`complaints/{id}`). */
  route: string;
  methods: HttpMethod[];
  /**
   * `function` for routes that callers outside Entra reach (Graph's notifications): the platform then wants the
   * function key in the URL. Omitted: anonymous, and the app validates the Entra token itself.
   */
  authLevel?: 'anonymous' | 'function';
  handler: HttpHandler;
}

export interface TimerFunctionDefinition {
  kind: 'timer';
  name: string;
  /** NCRONTAB with seconds, in UTC (Linux plans ignore WEBSITE_TIME_ZONE). */
  schedule: string;
  handler: TimerHandler;
}

export type FunctionDefinition = HttpFunctionDefinition | TimerFunctionDefinition;
