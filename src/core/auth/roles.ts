/**
 * Who may do what. Everyone signed in is a candidate; an administrator may also be given the roles of
 * tutor and author, and an administrator passes every role check (they run the platform).
 */
export const ROLES = ['tutor', 'author', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who may call a route: anyone, anyone signed in, or a signed-in user holding one of the roles. */
export type Access = 'public' | 'user' | readonly Role[];

/** The roles kept in the users table's `roles` column: a comma-separated list, unknown names ignored. */
export function parseRoles(stored: string | null | undefined): Role[] {
  const names = new Set((stored ?? '').split(',').map((s) => s.trim()));
  return ROLES.filter((r) => names.has(r));
}

export function formatRoles(roles: readonly Role[]): string {
  return ROLES.filter((r) => roles.includes(r)).join(',');
}

/** Whether a user with these roles holds `role` (an administrator holds them all). */
export function hasRole(roles: readonly Role[], role: Role): boolean {
  return roles.includes(role) || roles.includes('admin');
}

/** Whether a caller may pass a route's access rule: `null` roles is someone not signed in. */
export function mayCall(access: Access, roles: readonly Role[] | null): boolean {
  if (access === 'public') return true;
  if (roles === null) return false;
  if (access === 'user') return true;
  return access.some((role) => hasRole(roles, role));
}
