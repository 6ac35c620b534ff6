import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createFunctionDefinitions } from '../../functions/src/functionDefinitions';
import { startStack, type Stack } from '../../dev/stack';

jest.setTimeout(60_000);

/** The routes table of docs/api.md: `| METHOD | `/api/route` | …`. */
function documentedRoutes(): string[] {
  const doc = readFileSync(join(__dirname, '..', '..', 'docs', 'api.md'), 'utf8');
  return [...doc.matchAll(/^\|\s*(GET|POST|PUT|PATCH|DELETE)\s*\|\s*`\/api\/([^`]+)`\s*\|/gm)]
    .map((m) => `${m[1]} ${m[2]}`)
    .sort();
}

function servedRoutes(): string[] {
  return createFunctionDefinitions(() => Promise.reject(new Error('not needed')))
    .flatMap((d) => (d.kind === 'http' ? d.methods.map((m) => `${m} ${d.route}`) : []))
    .sort();
}

describe('docs/api.md is the contract', () => {
  test('every route served is documented, and every documented route is served', () => {
    expect(documentedRoutes().length).toBeGreaterThan(5);
    expect(documentedRoutes()).toEqual(servedRoutes());
  });

  test('no dev route is part of the app that ships', () => {
    expect(servedRoutes().filter((r) => /\bdev\b/.test(r))).toEqual([]);
  });

  describe('over HTTP', () => {
    let stack: Stack;
    beforeAll(async () => {
      stack = await startStack();
    });
    afterAll(async () => {
      await stack?.stop();
    });

    test('each documented route answers something other than the host’s 404 for unknown paths', async () => {
      for (const route of documentedRoutes()) {
        const [method = 'GET', template = ''] = route.split(' ');
        const path = template
          .replace('{id}', '00000000-0000-4000-8000-000000000000')
          .replace('{name}', 'x.pdf');
        const res = await fetch(`${stack.urls.api}/${path}`, {
          method,
          headers: { 'content-type': 'application/json' },
          body: method === 'GET' ? undefined : '{}',
        });
        const body = (await res.json()) as { type?: string };
        expect({ route, type: body.type }).not.toEqual({
          route,
          type: 'urn:klachtenregister:problem:not-found',
        });
      }
      const unknown = await fetch(`${stack.urls.api}/bestaat-niet`);
      expect(unknown.status).toBe(404);
    });
  });
});
