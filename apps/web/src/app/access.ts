import { type MeResponse, type Permission, ROLE_LABELS, ROLE_SIDE, type Role, type RoleSide } from '@zhiben/contracts';

/** What a page or menu entry requires: a permission, and/or one of the role sides. Empty = any signed-in user. */
export interface Access {
  permission?: Permission;
  sides?: readonly RoleSide[];
}

export function primaryRole(me: MeResponse): Role {
  const role = me.roles[0];
  if (!role) throw new Error('signed-in user without a role');
  return role;
}

export function sideOf(me: MeResponse): RoleSide {
  return ROLE_SIDE[primaryRole(me)];
}

export function can(me: MeResponse, permission: Permission): boolean {
  return me.permissions.includes(permission);
}

export function canAccess(me: MeResponse, access: Access): boolean {
  if (access.permission && !can(me, access.permission)) return false;
  if (access.sides && !access.sides.includes(sideOf(me))) return false;
  return true;
}

export function roleLabelOf(me: MeResponse): string {
  return me.roles.map((r) => ROLE_LABELS[r]).join('、');
}

/** The data scope in words: 全区 / a region / an enterprise. */
export function scopeLabelOf(me: MeResponse): string {
  switch (me.scope.kind) {
    case 'all':
      return '全区';
    case 'region':
      return me.scope.regionName;
    case 'enterprise':
      return me.scope.enterpriseName;
  }
}
