/** Console and API roles, least to most privileged: each has every permission of the ones before it. */
export const ROLES = ['viewer', 'analyst', 'responder', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  // viewer: read what Vigil found.
  'incidents:read',
  'alerts:read',
  'rules:read',
  'silences:read',
  'live:read',
  // analyst: + raw events, notes and assignment.
  'events:search',
  'incidents:note',
  'incidents:assign',
  // responder: + change incident state, silence alerts.
  'incidents:ack',
  'incidents:resolve',
  'silences:write',
  // admin: + people, machine tokens, rules reload.
  'users:manage',
  'tokens:manage',
  'rules:reload',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** What each role adds to the one below it. */
const GRANTS: Readonly<Record<Role, readonly Permission[]>> = {
  viewer: ['incidents:read', 'alerts:read', 'rules:read', 'silences:read', 'live:read'],
  analyst: ['events:search', 'incidents:note', 'incidents:assign'],
  responder: ['incidents:ack', 'incidents:resolve', 'silences:write'],
  admin: ['users:manage', 'tokens:manage', 'rules:reload'],
};

/** The full permission table: role → every permission it holds. */
export const ROLE_PERMISSIONS: Readonly<Record<Role, ReadonlySet<Permission>>> = {
  viewer: cumulative('viewer'),
  analyst: cumulative('analyst'),
  responder: cumulative('responder'),
  admin: cumulative('admin'),
};

function cumulative(role: Role): ReadonlySet<Permission> {
  return new Set(ROLES.slice(0, ROLES.indexOf(role) + 1).flatMap((r) => GRANTS[r]));
}

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].has(permission);
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Roles that must use a second factor (TOTP) to sign in to the console. */
export const MFA_ROLES: ReadonlySet<Role> = new Set<Role>(['admin']);
