import { ENTERPRISE_MANAGED_ROLES, type Role, type UserDto } from '@zhiben/contracts';
import { iso } from '../../platform/listing.js';
import { can, type Principal } from '../../platform/principal.js';
import type { UserRow } from './users.repository.js';

/**
 * Whether `principal` may manage `target` at all. Bureau admins manage everyone; an enterprise principal
 * manages only the safety managers and staff of his own enterprise (never himself or another principal).
 */
export function canManage(principal: Principal, target: { id: string; role: string; enterpriseId: string | null }): boolean {
  if (principal.scope.kind === 'all') return true;
  if (principal.scope.kind !== 'enterprise') return false;
  return (
    target.enterpriseId === principal.scope.enterpriseId &&
    target.id !== principal.userId &&
    ENTERPRISE_MANAGED_ROLES.includes(target.role as Role)
  );
}

export function toUserDto(row: UserRow, principal: Principal): UserDto {
  const manageable = canManage(principal, row);
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role as Role,
    enterpriseId: row.enterpriseId,
    enterpriseName: row.enterpriseName,
    regionId: row.regionId,
    regionName: row.regionName,
    phone: row.phone,
    status: row.status as UserDto['status'],
    mustChangePassword: row.mustChangePassword,
    lockedUntil: iso(row.lockedUntil),
    lastLoginAt: iso(row.lastLoginAt),
    createdAt: row.createdAt.toISOString(),
    abilities: {
      update: manageable && can(principal, 'users.update'),
      resetPassword: manageable && can(principal, 'users.reset_password'),
    },
  };
}

/** The audit view of a user: never the password hash. */
export function auditViewOfUser(row: {
  username: string;
  displayName: string;
  role: string;
  enterpriseId: string | null;
  regionId: string | null;
  phone: string | null;
  status: string;
}) {
  const { username, displayName, role, enterpriseId, regionId, phone, status } = row;
  return { username, displayName, role, enterpriseId, regionId, phone, status };
}
