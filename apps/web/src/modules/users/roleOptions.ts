import { ENTERPRISE_MANAGED_ROLES, type MeResponse, ROLE_LABELS, ROLE_SIDE, ROLES, type Role } from '@zhiben/contracts';

export interface RoleOption {
  value: Role;
  label: string;
  /** Matched when typing in the select: the Chinese label or the role key. */
  search: string;
  'data-testid': string;
}

function optionsOf(roles: readonly Role[]): RoleOption[] {
  return roles.map((role) => ({
    value: role,
    label: ROLE_LABELS[role],
    search: `${ROLE_LABELS[role]} ${role}`,
    'data-testid': `role-option-${role}`,
  }));
}

/** Roles the signed-in user may give: an enterprise principal only his own staff roles, the bureau all. */
export function assignableRoleOptions(me: MeResponse): RoleOption[] {
  return optionsOf(me.scope.kind === 'enterprise' ? ENTERPRISE_MANAGED_ROLES : ROLES);
}

/** Roles worth filtering by in the list the user can see. */
export function filterRoleOptions(me: MeResponse): RoleOption[] {
  return optionsOf(me.scope.kind === 'enterprise' ? ROLES.filter((r) => ROLE_SIDE[r] === 'enterprise') : ROLES);
}
