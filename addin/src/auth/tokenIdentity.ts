/** The app roles of docs/api.md, from least to most. */
export type Role = 'Medewerker' | 'Klachtbehandelaar' | 'Directeur';

/** Who is signed in, as far as the pane needs to know: which tabs to show, and "behandelaar: ik". */
export interface Identity {
  role: Role | null;
  name: string;
  address: string;
}

const ranked: readonly Role[] = ['Medewerker', 'Klachtbehandelaar', 'Directeur'];

function base64UrlDecode(part: string): string {
  const base64 = part
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(part.length / 4) * 4, '=');
  // UTF-8 through percent-encoding: works wherever atob does (TextDecoder is missing in some test DOMs).
  const percent = Array.from(atob(base64), (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  return decodeURIComponent(percent.join(''));
}

/**
 * Reads the signed-in person from the API access token's claims (`roles`, `name`, `preferred_username`)
 * without verifying the signature. Chosen over an extra "who am I" GET so the first screen needs no second
 * round trip. It only decides what the pane offers; the API checks the role on every request, so a forged
 * claim shows an empty tab, never data.
 */
export function identityOfToken(token: string): Identity {
  const none: Identity = { role: null, name: '', address: '' };
  const payload = token.split('.')[1];
  if (!payload) return none;
  let claims: Record<string, unknown>;
  try {
    claims = JSON.parse(base64UrlDecode(payload)) as Record<string, unknown>;
  } catch {
    return none;
  }
  const roles = Array.isArray(claims['roles']) ? (claims['roles'] as unknown[]) : [];
  let role: Role | null = null;
  for (const r of ranked) if (roles.includes(r)) role = r;
  const text = (key: string): string => (typeof claims[key] === 'string' ? claims[key] : '');
  return {
    role,
    name: text('name'),
    address: text('preferred_username') || text('upn') || text('email'),
  };
}

/** Whether a role may read complaints' content (handlers and the director). */
export const canHandle = (role: Role | null): boolean => role === 'Klachtbehandelaar' || role === 'Directeur';
