import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT, type JWK, type JWTPayload } from 'jose';
import { z } from 'zod';
import type { DevRoute } from './localHost';

/**
 * Dev only: a stand-in for Entra ID that signs v2-shaped access tokens with a local RSA key and serves the
 * public key as a JWKS. The API validates these with exactly the code it uses for Entra's tokens.
 */
export const localTenantId = '8f0c5f52-2b2e-4a3e-9d6e-6b1c0a2f7c11';
export const localApiClientId = 'c7d1e0a4-5b8f-4c2d-9e3a-1f6b2d4c8a90';

export interface TokenIssuer {
  issuer: string;
  jwksPath: string;
  /** Signs a token for a person with one role; `overrides` lets tests forge bad tokens. */
  issue(
    person: { role: string; name: string; address: string },
    overrides?: JWTPayload & { lifetimeSeconds?: number },
  ): Promise<string>;
  routes: ReadonlyMap<string, DevRoute>;
  publicJwk: JWK;
}

const personSchema = z.object({
  role: z.enum(['Medewerker', 'Klachtbehandelaar', 'Directeur', 'geen']),
  name: z.string().min(1).max(200),
  address: z.email(),
});

export async function createTokenIssuer(hostUrl: string): Promise<TokenIssuer> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = randomUUID();
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  const issuer = `${hostUrl}/dev/${localTenantId}/v2.0`;
  const jwksPath = `/dev/${localTenantId}/discovery/v2.0/keys`;

  async function issue(
    person: { role: string; name: string; address: string },
    overrides: JWTPayload & { lifetimeSeconds?: number } = {},
  ): Promise<string> {
    const { lifetimeSeconds = 3600, ...claims } = overrides;
    const now = Math.floor(Date.now() / 1000);
    const oid = oidFor(person.address);
    return new SignJWT({
      ver: '2.0',
      tid: localTenantId,
      oid,
      name: person.name,
      preferred_username: person.address,
      roles: person.role === 'geen' ? [] : [person.role],
      scp: 'access_as_user',
      ...claims,
    })
      .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
      .setIssuer(typeof claims.iss === 'string' ? claims.iss : issuer)
      .setAudience(claims.aud ?? localApiClientId)
      .setSubject(oid)
      .setIssuedAt(claims.iat ?? now)
      .setNotBefore(claims.nbf ?? now)
      .setExpirationTime(claims.exp ?? now + lifetimeSeconds)
      .sign(privateKey);
  }

  const json = (res: Parameters<DevRoute>[2], status: number, body: unknown): void => {
    res
      .writeHead(status, { 'content-type': status < 400 ? 'application/json' : 'application/problem+json' })
      .end(JSON.stringify(body));
  };

  const routes = new Map<string, DevRoute>([
    [`GET ${jwksPath}`, (_req, _body, res) => json(res, 200, { keys: [publicJwk] })],
    [
      'POST /dev/token',
      async (_req, body, res) => {
        let input: unknown;
        try {
          input = JSON.parse(body.toString('utf8'));
        } catch {
          return json(res, 400, {
            type: 'urn:klachtenregister:problem:validation',
            title: 'Ongeldige JSON.',
            status: 400,
          });
        }
        const parsed = personSchema.safeParse(input);
        if (!parsed.success) {
          return json(res, 400, {
            type: 'urn:klachtenregister:problem:validation',
            title: 'Geef role, name en address op.',
            status: 400,
          });
        }
        json(res, 200, { accessToken: await issue(parsed.data), tokenType: 'Bearer', expiresIn: 3600 });
      },
    ],
  ]);

  return { issuer, jwksPath, issue, routes, publicJwk };
}

/** A stable object id per address, so the audit trail shows the same person across tokens. */
function oidFor(address: string): string {
  let h = 0x811c9dc5;
  for (const ch of address.toLowerCase()) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  const hex = h.toString(16).padStart(8, '0');
  return `${hex}-0000-4000-8000-${hex}${hex.slice(0, 4)}`;
}
