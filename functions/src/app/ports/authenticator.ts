import type { Principal } from '../../common/principal';

/** Who is calling: the bearer token checked against Entra ID's keys in production, a test issuer locally. */
export interface Authenticator {
  /** Validates a bearer token and returns the caller; throws `unauthenticated`/`forbidden` AppErrors. */
  authenticate(authorization: string | null): Promise<Principal>;
}
