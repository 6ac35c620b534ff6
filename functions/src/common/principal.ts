/**
 * Who is calling, after the token was validated. Roles are the app roles of docs/api.md; a caller
 * without any of them has no access at all.
 */
export const roles = ['Medewerker', 'Klachtbehandelaar', 'Directeur'] as const;
export type Role = (typeof roles)[number];

export interface Principal {
  /** Entra object id: stable, used in the audit trail. */
  id: string;
  name: string;
  /** preferred_username / upn: the user's mail address. */
  address: string;
  roles: readonly Role[];
}

/** What each role may do; checked by the use cases, never by the handlers. */
export type Permission = 'register' | 'read' | 'handle' | 'audit' | 'export';

const permissions: Record<Role, readonly Permission[]> = {
  Medewerker: ['register'],
  Klachtbehandelaar: ['register', 'read', 'handle'],
  Directeur: ['register', 'read', 'handle', 'audit', 'export'],
};

export function can(principal: Principal, permission: Permission): boolean {
  return principal.roles.some((role) => permissions[role].includes(permission));
}
