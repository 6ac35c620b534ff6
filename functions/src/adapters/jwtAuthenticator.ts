import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import { AppError } from '../shared/errors';
import { roles, type Principal, type Role } from '../shared/principal';
import type { Authenticator } from '../app/ports/authenticator';

export interface AuthSettings {
  tenantId: string;
  audience: string;
  issuer: string;
  jwksUrl: string;
}

const unauthenticated = (): AppError =>
  new AppError(
    'unauthenticated',
    'unauthenticated',
    'U bent niet aangemeld of uw aanmelding is verlopen. Meld u opnieuw aan.',
  );

/**
 * Validates Entra ID v2 access tokens: signature against the tenant's JWKS (RS256 only, so `alg: none` and
 * HS256-with-the-public-key are refused by construction), issuer, audience, expiry, not-before and tenant.
 * The local token issuer is validated by this same code; only the settings differ.
 */
export function createJwtAuthenticator(settings: AuthSettings): Authenticator {
  const jwks = createRemoteJWKSet(new URL(settings.jwksUrl), {
    cooldownDuration: 30_000,
    timeoutDuration: 5_000,
  });
  return {
    async authenticate(authorization) {
      const match = /^Bearer ([A-Za-z0-9\-_]+\.[A-Za-z0-9\-_]+\.[A-Za-z0-9\-_]*)$/.exec(authorization ?? '');
      if (!match?.[1]) throw unauthenticated();
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(match[1], jwks, {
          issuer: settings.issuer,
          audience: settings.audience,
          algorithms: ['RS256'],
          clockTolerance: 60,
          requiredClaims: ['exp', 'iat', 'tid'],
        }));
      } catch (error) {
        if (error instanceof errors.JOSEError) throw unauthenticated();
        throw error;
      }
      if (payload['tid'] !== settings.tenantId) throw unauthenticated();
      const principal = toPrincipal(payload);
      if (principal.roles.length === 0) {
        throw new AppError(
          'forbidden',
          'no-role',
          'U heeft geen rol in het klachtenregister. Vraag uw beheerder om toegang.',
        );
      }
      return principal;
    },
  };
}

function toPrincipal(payload: JWTPayload): Principal {
  const claimRoles = Array.isArray(payload['roles']) ? payload['roles'] : [];
  const granted = roles.filter((role: Role) => claimRoles.includes(role));
  const str = (v: unknown): string => (typeof v === 'string' ? v : '');
  return {
    id: str(payload['oid']) || str(payload.sub),
    name: str(payload['name']),
    address: str(payload['preferred_username']) || str(payload['upn']),
    roles: granted,
  };
}
