/**
 * Roles and the permissions each role holds. Role → permission is data: an official extending a role edits
 * this table, not the services. Permission strings are `<module>.<action>`.
 */
export const ROLES = [
  'bureau_admin',
  'bureau_officer',
  'bureau_leader',
  'township_officer',
  'enterprise_principal',
  'enterprise_safety_manager',
  'enterprise_staff',
  'expert',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  bureau_admin: '区局系统管理员',
  bureau_officer: '区局业务人员',
  bureau_leader: '区局领导',
  township_officer: '乡镇（街道）监管人员',
  enterprise_principal: '企业主要负责人',
  enterprise_safety_manager: '企业安全管理人员',
  enterprise_staff: '企业员工',
  expert: '专家',
};

export const PERMISSIONS = [
  'users.read',
  'users.create',
  'users.update',
  'users.reset_password',
  'audit.read',
  'regions.read',
  'dashboard.read',
  'enterprises.read',
  'enterprises.create',
  'enterprises.update',
  'enterprises.update_bureau_fields',
  'enterprises.import',
  'enterprises.export',
  'standard.read',
  'standard.manage',
  'inspections.read',
  'inspections.create',
  'inspections.record',
  'inspections.stats',
  'hazards.read',
  // 隐患闭环: report a hazard; act on it as HAZARD_TRANSITIONS allows the role; publish major hazards (挂牌/摘牌).
  'hazards.report',
  'hazards.manage',
  'hazards.publish',
  'files.upload',
  // 员工报告隐患: read (identity hidden), verify + reward, see who reported, see / configure the QR code and reward scale.
  'reports.read',
  'reports.verify',
  'reports.read_identity',
  'reports.settings',
  'reports.configure',
  'notifications.manage_channels',
  // 粉尘涉爆监测预警: see devices (collectors, credentials) and their telemetry; register, edit, import, rotate secrets.
  'devices.read',
  'devices.manage',
  'monitoring.read',
  // 监测报警: acknowledge and file the 处置报告; tune a device's alarm rules; set the bureau's limits for that tuning.
  'alarms.handle',
  'monitoring.configure_thresholds',
  'monitoring.set_limits',
  // 分级分类监管 (issue #7): read classes and explanations; recompute, override, record accidents and 重大危险源; amend the rules.
  'classification.read',
  'classification.manage',
  'classification.rules',
  // 执法: tasks/orders/cases/documents (scoped); plans and the key list; edit and approve plans; inspect (tasks,
  // findings, orders, re-inspection, online patrol); cases and penalties; the enforcement views; officers' certificates;
  // the documents' wording (issuing authority, 复议/诉讼 authorities, number prefixes).
  'enforcement.read',
  'enforcement.plans',
  'enforcement.plan',
  'enforcement.approve',
  'enforcement.inspect',
  'enforcement.penalize',
  'enforcement.stats',
  'enforcement.officers',
  'enforcement.documents',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** Which side of the platform a role belongs to; decides the menu and the scope kind. */
export type RoleSide = 'bureau' | 'township' | 'enterprise' | 'expert';
export const ROLE_SIDE: Record<Role, RoleSide> = {
  bureau_admin: 'bureau',
  bureau_officer: 'bureau',
  bureau_leader: 'bureau',
  township_officer: 'township',
  enterprise_principal: 'enterprise',
  enterprise_safety_manager: 'enterprise',
  enterprise_staff: 'enterprise',
  expert: 'expert',
};

const BUREAU_READ: Permission[] = [
  'regions.read',
  'dashboard.read',
  'enterprises.read',
  'enterprises.export',
  'standard.read',
  'inspections.read',
  'inspections.stats',
  'hazards.read',
  'reports.read',
  'devices.read',
  'monitoring.read',
];
const ENTERPRISE_BASE: Permission[] = [
  'regions.read',
  'enterprises.read',
  'standard.read',
  'inspections.read',
  'inspections.record',
  'hazards.read',
  'hazards.report',
  'hazards.manage',
  'files.upload',
  'reports.read',
  'devices.read',
  'monitoring.read',
];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  bureau_admin: PERMISSIONS,
  bureau_officer: [
    ...BUREAU_READ,
    'enterprises.create',
    'enterprises.update',
    'enterprises.update_bureau_fields',
    'enterprises.import',
    'standard.manage',
    'hazards.report',
    'hazards.manage',
    'hazards.publish',
    // 复查验收 of a major hazard needs photos of the re-inspection.
    'files.upload',
    'reports.read_identity',
    'reports.settings',
    'devices.manage',
    'monitoring.set_limits',
    'classification.read',
    'classification.manage',
    'enforcement.read',
    'enforcement.plans',
    'enforcement.plan',
    'enforcement.inspect',
    'enforcement.penalize',
    'enforcement.stats',
  ],
  bureau_leader: [
    ...BUREAU_READ,
    'reports.read_identity',
    'reports.settings',
    // The leader approves and publishes the annual plan and amends the classification rules.
    'classification.read',
    'classification.rules',
    'enforcement.read',
    'enforcement.plans',
    'enforcement.approve',
    'enforcement.stats',
    'enforcement.documents',
  ],
  township_officer: [
    ...BUREAU_READ,
    'enterprises.update',
    'hazards.report',
    'files.upload',
    'classification.read',
    'enforcement.read',
    'enforcement.stats',
  ],
  enterprise_principal: [
    ...ENTERPRISE_BASE,
    'inspections.create',
    'enterprises.update',
    'users.read',
    'users.create',
    'users.update',
    'users.reset_password',
    'reports.verify',
    'reports.read_identity',
    'reports.settings',
    'reports.configure',
    'devices.manage',
    'alarms.handle',
    'monitoring.configure_thresholds',
    // Their own enterprise's class and explanation, inspections (an unannounced one only once started), orders, cases.
    'classification.read',
    'enforcement.read',
  ],
  enterprise_safety_manager: [
    ...ENTERPRISE_BASE,
    'inspections.create',
    'enterprises.update',
    'reports.verify',
    'reports.settings',
    'devices.manage',
    'alarms.handle',
    'monitoring.configure_thresholds',
    'classification.read',
    'enforcement.read',
  ],
  enterprise_staff: ENTERPRISE_BASE,
  expert: ['regions.read', 'enterprises.read', 'standard.read', 'inspections.read', 'hazards.read', 'devices.read', 'monitoring.read'],
};

/** Roles an enterprise principal may give to the accounts he manages (his own staff only). */
export const ENTERPRISE_MANAGED_ROLES: readonly Role[] = ['enterprise_safety_manager', 'enterprise_staff'];

export function permissionsOf(role: Role): ReadonlySet<Permission> {
  return new Set(ROLE_PERMISSIONS[role]);
}
