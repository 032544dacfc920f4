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
  // 粉尘涉爆监测预警: overview (enterprise: 监测报警), alarms, devices; the roll-out and the limits are the bureau's.
  monitoring: { permission: 'monitoring.read' },
  monitoringAlarms: { permission: 'monitoring.read' },
  monitoringDevices: { permission: 'devices.read' },
  monitoringRollout: { permission: 'monitoring.read', sides: ['bureau', 'township'] },
  monitoringLimits: { permission: 'monitoring.read', sides: ['bureau'] },
  // 执法检查 and 分级分类 (issue #7).
  // Enterprise accounts read their own inspections (an unannounced one only once started) on the same pages, read-only.
  enforcementTasks: { permission: 'enforcement.read', sides: ['bureau', 'township', 'enterprise'] },
  classification: { permission: 'classification.read', sides: ['bureau', 'township'] },
  classificationEnterprise: { permission: 'classification.read' },
  enforcementCases: { permission: 'enforcement.read', sides: ['bureau', 'township'] },
  enforcementPlans: { permission: 'enforcement.plans', sides: ['bureau', 'township'] },
  enforcementPatrol: { permission: 'enforcement.inspect', sides: ['bureau', 'township'] },
  enforcementStats: { permission: 'enforcement.stats', sides: ['bureau', 'township'] },
  /** 执法文书设置: read by bureau and township officials; edited with `enforcement.documents` (checked on the page). */
  enforcementDocumentSettings: { permission: 'enforcement.read', sides: ['bureau', 'township'] },
  classificationRules: { permission: 'classification.read', sides: ['bureau', 'township'] },
  classificationAccidents: { permission: 'classification.read', sides: ['bureau', 'township'] },
  /** One case: also the link of the enterprise's penalty notification (read-only there; the server scopes it). */
  enforcementCase: { permission: 'enforcement.read' },
  /** 通报 / 约谈 / 曝光: also the link of the enterprise's notification (read-only there; the server scopes it). */
  enforcementMeasures: { permission: 'enforcement.read' },
  /** 我的处罚: the cases against the own enterprise, read-only. */
  myEnforcementCases: { permission: 'enforcement.read', sides: ['enterprise'] },
} as const satisfies Record<string, Access>;
