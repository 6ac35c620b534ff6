import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import { AppError } from '../common/errors';
import { roles, type Principal, type Role } from '../common/principal';
import type { Authenticator } from '../app/ports/authenticator';

export interface AuthSettings {
  tenantId: string;
  audience: string;
  issuer: string;
  jwksUrl: string;
}

/** Clocks of Entra and this app may differ a little; more than this is a forged or broken token. */
export const clockToleranceSeconds = 60;
/** The longest token lifetime accepted (docs/api.md, "Sign-in"). */
export const maxTokenLifetimeSeconds = 24 * 60 * 60;

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
          clockTolerance: clockToleranceSeconds,
          // With a maximum age jose also refuses an `iat` in the future (beyond the clock tolerance).
          maxTokenAge: maxTokenLifetimeSeconds + clockToleranceSeconds,
          requiredClaims: ['exp', 'iat', 'tid'],
        }));
      } catch (error) {
        if (error instanceof errors.JOSEError) throw unauthenticated();
        throw error;
      }
      if (payload['tid'] !== settings.tenantId) throw unauthenticated();
      if (tokenProblem(payload)) throw unauthenticated();
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

/**
 * Limits beyond signature and expiry. A token that lives longer than {@link maxTokenLifetimeSeconds} was not issued
 * by Entra for a user (Entra issues access tokens for 60–90 minutes); such a token, if leaked, would stay good for
 * years. Every route here acts for a person (the audit trail names who did what), so app-only tokens
 * (`idtyp: app`, or no user id, name or address) are refused even when they carry a role.
 */
function tokenProblem(payload: JWTPayload): string | undefined {
  const { iat, exp } = payload;
  if (typeof iat !== 'number' || typeof exp !== 'number') return 'times';
  if (exp - iat > maxTokenLifetimeSeconds) return 'lifetime';
  if (payload['idtyp'] === 'app') return 'app-only';
  const text = (v: unknown): boolean => typeof v === 'string' && v.trim().length > 0;
  if (!text(payload['oid']) || !text(payload['name'])) return 'no-user';
  if (!text(payload['preferred_username']) && !text(payload['upn'])) return 'no-user';
  return undefined;
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
