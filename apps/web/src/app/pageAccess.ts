import type { Access } from './access';

/**
 * What each page requires. The router guards routes with these and the menu shows entries with the same
 * objects, so a menu entry is never visible for a page that would answer 403.
 */
export const PAGE_ACCESS = {
  home: {},
  enterprises: { permission: 'enterprises.read' },
  adminUsers: { permission: 'users.read', sides: ['bureau'] },
  myUsers: { permission: 'users.read', sides: ['enterprise'] },
  regions: { permission: 'regions.read', sides: ['bureau'] },
  audit: { permission: 'audit.read' },
} as const satisfies Record<string, Access>;
