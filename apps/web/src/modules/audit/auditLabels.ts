import {
  AUDIT_ACTION_LABELS,
  ENTERPRISE_FIELD_LABELS,
  ENTERPRISE_STATUS_LABELS,
  REGION_KIND_LABELS,
  ROLE_LABELS,
  SECTOR_LABELS,
  USER_STATUS_LABELS,
} from '@zhiben/contracts';

/** Entity types written to the audit trail, in Chinese; unknown ones show their key. */
export const ENTITY_TYPE_LABELS: Record<string, string> = {
  user: '用户',
  enterprise: '企业',
  enterprise_import: '企业台账导入',
  region: '区划',
  system: '系统',
};

/** System actions not (yet) in the contracts' AUDIT_ACTION_LABELS. */
const SYSTEM_ACTION_LABELS: Record<string, string> = {
  'system.seeded': '初始化数据',
  'system.started': '系统启动',
};

export const ALL_ACTION_LABELS: Record<string, string> = { ...SYSTEM_ACTION_LABELS, ...AUDIT_ACTION_LABELS };

export function actionLabel(action: string): string {
  return ALL_ACTION_LABELS[action] ?? action;
}

export function entityTypeLabel(entityType: string): string {
  return ENTITY_TYPE_LABELS[entityType] ?? entityType;
}

/** Field names seen in before/after snapshots, in Chinese; unknown ones show their key. */
export const AUDIT_FIELD_LABELS: Record<string, string> = {
  username: '用户名',
  displayName: '姓名',
  role: '角色',
  enterpriseId: '所属企业编号',
  regionId: '所属区划编号',
  phone: '电话',
  status: '状态',
  failedAttempts: '连续登录失败次数',
  lockedUntil: '锁定至',
  mustChangePassword: '须修改密码',
  name: '名称',
  creditCode: '统一社会信用代码',
  industryCode: '国民经济行业代码',
  sector: '监管行业',
  sectorOverride: '监管行业（人工认定）',
  sectorOverrideReason: '人工认定理由',
  address: '地址',
  scale: '规模',
  employees: '从业人数',
  dustWorkers: '涉粉作业人数',
  principalName: '主要负责人',
  principalPhone: '主要负责人电话',
  safetyManagerName: '安全管理人员',
  safetyManagerPhone: '安全管理人员电话',
  standardizationLevel: '标准化等级',
  standardizationExpiry: '标准化有效期至',
  stateOwned: '国有企业',
  labourIntensive: '劳动密集型',
  factoryInFactory: '厂中厂',
  longitude: '经度',
  latitude: '纬度',
  riskTags: '风险标签',
  kind: '类型',
  code: '代码',
};

export function fieldLabel(entityType: string, key: string): string {
  return (entityType === 'enterprise' ? ENTERPRISE_FIELD_LABELS[key] : undefined) ?? AUDIT_FIELD_LABELS[key] ?? key;
}

/** Enum values shown in Chinese where the field is known; `entityType` disambiguates `status`. */
export function enumLabel(entityType: string, key: string, value: string): string | undefined {
  const pick = (labels: Record<string, string>) => labels[value];
  switch (key) {
    case 'role':
      return pick(ROLE_LABELS);
    case 'status':
      return entityType === 'enterprise' ? pick(ENTERPRISE_STATUS_LABELS) : pick(USER_STATUS_LABELS);
    case 'sector':
    case 'sectorOverride':
      return pick(SECTOR_LABELS);
    case 'kind':
      return pick(REGION_KIND_LABELS);
    default:
      return undefined;
  }
}
