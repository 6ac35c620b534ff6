import { createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { SignJWT, base64url } from 'jose';
import { startStack, type Stack } from '../../dev/stack';
import { localApiClientId } from '../../dev/tokenIssuer';
import { apiClient, people, registrationOf } from '../support/api';
import { sample, variant } from '../support/samples';

jest.setTimeout(120_000);

let stack: Stack;
let api: ReturnType<typeof apiClient>;
let complaintId: string;
const handler = people.Klachtbehandelaar;
const now = () => Math.floor(Date.now() / 1000);

beforeAll(async () => {
  stack = await startStack();
  api = apiClient(stack);
  const res = await api.call<{ id: string }>('POST', '/complaints', {
    body: registrationOf(variant(sample('01-ordinary'), 'auth')),
  });
  complaintId = res.body.id;
});
afterAll(async () => {
  await stack?.stop();
});

/** Every attack must get 401/403 and no complaint data. */
async function expectRefused(token: string | null, status: 401 | 403 = 401): Promise<void> {
  const res = await api.call<Record<string, unknown>>('GET', `/complaints/${complaintId}`, { token });
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(JSON.stringify(res.body)).not.toMatch(/Dijkstra|factuur|K-\d{4}/);
}

function forge(header: Record<string, unknown>, payload: Record<string, unknown>, signature = ''): string {
  const enc = (o: unknown) => base64url.encode(JSON.stringify(o));
  return `${enc(header)}.${enc(payload)}.${signature}`;
}

const validClaims = () => ({
  iss: stack.tokens.issuer,
  aud: localApiClientId,
  tid: stack.env['KR_AUTH_TENANT_ID'],
  oid: 'attacker',
  roles: ['Directeur'],
  iat: now(),
  nbf: now(),
  exp: now() + 3600,
});

describe('token validation (jose, the same code as for Entra ID)', () => {
  test('a valid token of a handler reads the complaint', async () => {
    const res = await api.call('GET', `/complaints/${complaintId}`, {
      token: await stack.tokens.issue(handler),
    });
    expect(res.status).toBe(200);
  });

  test('no token, or not a bearer token', async () => {
    await expectRefused(null);
    const res = await fetch(`${stack.urls.api}/complaints/${complaintId}`, {
      headers: { authorization: 'Basic YTpi' },
    });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
  });

  test('expired and not-yet-valid tokens', async () => {
    await expectRefused(
      await stack.tokens.issue(handler, { iat: now() - 7200, nbf: now() - 7200, exp: now() - 3600 }),
    );
    await expectRefused(await stack.tokens.issue(handler, { nbf: now() + 3600, exp: now() + 7200 }));
  });

  test('wrong audience, wrong issuer, wrong tenant', async () => {
    await expectRefused(await stack.tokens.issue(handler, { aud: 'api://another-app' }));
    await expectRefused(
      await stack.tokens.issue(handler, { iss: 'https://login.microsoftonline.com/evil/v2.0' }),
    );
    await expectRefused(await stack.tokens.issue(handler, { tid: '00000000-0000-0000-0000-000000000bad' }));
  });

  test('a signature by another key, a tampered payload, alg none, HS256 with the public key', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const otherKey = await new SignJWT(validClaims())
      .setProtectedHeader({ alg: 'RS256', kid: stack.tokens.publicJwk.kid ?? '' })
      .sign(createPrivateKey(privateKey.export({ format: 'pem', type: 'pkcs8' })));
    await expectRefused(otherKey);

    const genuine = await stack.tokens.issue(handler);
    const [h, , s] = genuine.split('.');
    const tampered = `${h}.${base64url.encode(JSON.stringify({ ...validClaims(), roles: ['Directeur'] }))}.${s}`;
    await expectRefused(tampered);

    await expectRefused(forge({ alg: 'none', typ: 'JWT' }, validClaims()));

    const publicPem = createPublicKey({ key: { ...stack.tokens.publicJwk }, format: 'jwk' }).export({
      format: 'pem',
      type: 'spki',
    });
    const hs256 = await new SignJWT(validClaims())
      .setProtectedHeader({ alg: 'HS256', kid: stack.tokens.publicJwk.kid ?? '' })
      .sign(new TextEncoder().encode(String(publicPem)));
    await expectRefused(hs256);
  });

  test('no role → 403; a Medewerker may not read a complaint', async () => {
    await expectRefused(await stack.tokens.issue({ ...handler, role: 'geen' }), 403);
    await expectRefused(await stack.tokens.issue(people.Medewerker), 403);
  });
});

describe('CORS', () => {
  test('only the add-in origin is let through', async () => {
    const allowed = stack.env['KR_ADDIN_ORIGIN'] ?? '';
    const preflight = await fetch(`${stack.urls.api}/complaints`, {
      method: 'OPTIONS',
      headers: {
        origin: allowed,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(allowed);

    const evil = await fetch(`${stack.urls.api}/complaints`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    const get = await fetch(`${stack.urls.api}/health`, { headers: { origin: 'https://evil.example' } });
    expect(get.headers.get('access-control-allow-origin')).toBeNull();
  });
});
