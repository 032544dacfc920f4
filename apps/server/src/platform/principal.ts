import type { Permission, Role, Scope } from '@zhiben/contracts';
import { AppError } from './errors.js';

/** Who is calling, resolved once per request from the session cookie (never from a client header). */
export interface Principal {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  permissions: ReadonlySet<Permission>;
  scope: Scope;
  sessionId: string;
  csrfToken: string;
  mustChangePassword: boolean;
}

export function can(principal: Principal, permission: Permission): boolean {
  return principal.permissions.has(permission);
}

export function requirePermission(principal: Principal, permission: Permission): void {
  if (!can(principal, permission)) throw new AppError('FORBIDDEN');
}
