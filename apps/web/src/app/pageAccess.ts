import type { Access } from './access';

/**
 * What each page requires. The router guards routes with these and the menu shows entries with the same
 * objects, so a menu entry is never visible for a page that would answer 403.
 */
export const PAGE_ACCESS = {
  home: {},
  enterprises: { permission: 'enterprises.read' },
  myEnterprise: { permission: 'enterprises.read', sides: ['enterprise'] },
  adminUsers: { permission: 'users.read', sides: ['bureau'] },
  myUsers: { permission: 'users.read', sides: ['enterprise'] },
  regions: { permission: 'regions.read', sides: ['bureau'] },
  audit: { permission: 'audit.read' },
  standard: { permission: 'standard.read' },
  checklist: { permission: 'standard.read', sides: ['enterprise'] },
  inspections: { permission: 'inspections.read' },
  inspectionStats: { permission: 'inspections.stats' },
  principalCompliance: { permission: 'inspections.stats' },
  hazards: { permission: 'hazards.read' },
  zeroing: { permission: 'hazards.read' },
  supervision: { permission: 'hazards.read' },
  notifications: {},
  todos: {},
  channels: { permission: 'notifications.manage_channels', sides: ['bureau'] },
  myReports: { permission: 'reports.read', sides: ['enterprise'] },
  reports: { permission: 'reports.read', sides: ['bureau', 'township'] },
  /** The link of a new-report notification: either side, redirected to its list. */
  reportLink: { permission: 'reports.read' },
} as const satisfies Record<string, Access>;
