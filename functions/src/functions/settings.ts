import type { HttpHandler } from '@azure/functions';
import type { Services, ServicesFactory } from '../composition';
import type { FunctionDefinition } from '../definitions';
import { endpoint, json, readJsonBody } from '../http/endpoint';
import { readSettings, writeSettings, type SettingsDeps } from '../settings/organisationSettingsApi';

const depsOf = (s: Services): SettingsDeps => ({
  source: s.settings,
  store: s.settingsStore,
  audit: (entry) => s.watch.audit(entry),
  reapply: { index: s.index, complaints: s.complaints },
  now: () => s.clock.now(),
});

/** `GET /api/settings`. */
const getSettings = (services: ServicesFactory): HttpHandler =>
  endpoint(services, async ({ services: s, principal }) => {
    const v = await readSettings(depsOf(s), principal);
    return json(200, v, { etag: v.etag });
  });

/** `PUT /api/settings` with `If-Match`. */
const putSettings = (services: ServicesFactory): HttpHandler =>
  endpoint(services, async ({ request, services: s, principal }) => {
    const body = await readJsonBody(request);
    const v = await writeSettings(depsOf(s), principal, request.headers.get('if-match'), body);
    return json(200, v, { etag: v.etag });
  });

/** The organisation's settings, changed by the Directeur in the task pane. */
export function settingsFunctions(services: ServicesFactory): FunctionDefinition[] {
  return [
    {
      kind: 'http',
      name: 'getSettings',
      route: 'settings',
      methods: ['GET'],
      handler: getSettings(services),
    },
    {
      kind: 'http',
      name: 'putSettings',
      route: 'settings',
      methods: ['PUT'],
      handler: putSettings(services),
    },
  ];
}
