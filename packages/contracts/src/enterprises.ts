import { z } from 'zod';
import { listQuery, phoneSchema, uuidSchema } from './common.js';

/** 监管行业 per 应急厅〔2019〕17号 (regulations.md §6). */
export const SECTORS = [
  'metallurgy',
  'nonferrous',
  'building_materials',
  'machinery',
  'light_industry',
  'textile',
  'tobacco',
  'commerce',
] as const;
export type Sector = (typeof SECTORS)[number];
export const SECTOR_LABELS: Record<Sector, string> = {
  metallurgy: '冶金',
  nonferrous: '有色',
  building_materials: '建材',
  machinery: '机械',
  light_industry: '轻工',
  textile: '纺织',
  tobacco: '烟草',
  commerce: '商贸',
};

export const SCALES = ['above', 'below'] as const;
export const SCALE_LABELS: Record<(typeof SCALES)[number], string> = { above: '规模以上', below: '规模以下' };

export const ENTERPRISE_STATUSES = ['operating', 'suspended', 'closed', 'preparing'] as const;
export const ENTERPRISE_STATUS_LABELS: Record<(typeof ENTERPRISE_STATUSES)[number], string> = {
  operating: '在产',
  suspended: '停产',
  closed: '关闭',
  preparing: '筹建',
};

export const STANDARDIZATION_LEVELS = ['level1', 'level2', 'level3', 'none'] as const;
export type StandardizationLevel = (typeof STANDARDIZATION_LEVELS)[number];
export const STANDARDIZATION_LEVEL_LABELS: Record<StandardizationLevel, string> = {
  level1: '一级',
  level2: '二级',
  level3: '三级',
  none: '未定级',
};

/** A risk tag of the catalog (data, table `risk_tags`): new tags need no migration. */
export const riskTagDto = z.object({
  code: z.string(),
  name: z.string(),
  /** `risk` tags describe hazards (粉尘涉爆); `process` tags narrow which standard items apply (铝加工深井铸造). */
  category: z.enum(['risk', 'process']),
  /** A child tag refines its parent (木粉尘 under 粉尘涉爆) and needs it. */
  parentCode: z.string().nullable(),
  /** When true, an enterprise carrying this tag must carry exactly one of its children (粉尘涉爆 → dust type). */
  requiresOneChild: z.boolean(),
  description: z.string().nullable(),
  sort: z.number().int(),
});
export type RiskTagDto = z.infer<typeof riskTagDto>;

const isoDate = z.iso.date({ error: '日期格式应为 YYYY-MM-DD' });

/** The fields an enterprise record carries, as written by forms and the Excel import. */
export const enterpriseFields = z.strictObject({
  name: z.string().trim().min(2, { error: '企业名称至少 2 个字' }).max(100, { error: '企业名称不超过 100 个字' }),
  creditCode: z.string().trim().min(1, { error: '请输入统一社会信用代码' }).max(40),
  industryCode: z
    .string()
    .trim()
    .regex(/^[A-T]?\d{2,4}$/, { error: '国民经济行业代码应为 2–4 位数字（可带门类字母），如 2021 或 C2021' }),
  regionId: uuidSchema,
  address: z.string().trim().max(200).nullish(),
  scale: z.enum(['above', 'below'], { error: '请选择企业规模' }),
  employees: z.number().int({ error: '从业人数应为整数' }).min(0, { error: '从业人数不能为负' }).max(1_000_000),
  dustWorkers: z.number().int({ error: '涉粉作业人数应为整数' }).min(0, { error: '涉粉作业人数不能为负' }).max(1_000_000),
  principalName: z.string().trim().max(50).nullish(),
  principalPhone: phoneSchema.nullish(),
  safetyManagerName: z.string().trim().max(50).nullish(),
  safetyManagerPhone: phoneSchema.nullish(),
  status: z.enum(ENTERPRISE_STATUSES, { error: '请选择生产状态' }),
  standardizationLevel: z.enum(STANDARDIZATION_LEVELS, { error: '请选择标准化等级' }),
  standardizationExpiry: isoDate.nullish(),
  stateOwned: z.boolean(),
  labourIntensive: z.boolean(),
  factoryInFactory: z.boolean(),
  longitude: z.number().min(73).max(136).nullish(),
  latitude: z.number().min(3).max(54).nullish(),
  riskTags: z.array(z.string().max(40)).max(50),
});
export type EnterpriseFields = z.infer<typeof enterpriseFields>;

/** Bureau-only fields: the sector override and its reason (应急厅〔2019〕17号 mapping can be wrong for a firm). */
export const sectorOverrideFields = z.strictObject({
  sectorOverride: z.enum(SECTORS).nullable(),
  sectorOverrideReason: z.string().trim().max(200).nullable(),
});

export const createEnterpriseBody = enterpriseFields.extend(sectorOverrideFields.partial().shape);
export type CreateEnterpriseBody = z.infer<typeof createEnterpriseBody>;
export const updateEnterpriseBody = enterpriseFields.partial().extend(sectorOverrideFields.partial().shape);
export type UpdateEnterpriseBody = z.infer<typeof updateEnterpriseBody>;

/** Fields enterprise users may not change (bureau-only): the rest of their own record they may edit. */
export const BUREAU_ONLY_ENTERPRISE_FIELDS = [
  'name',
  'creditCode',
  'industryCode',
  'regionId',
  'standardizationLevel',
  'standardizationExpiry',
  'sectorOverride',
  'sectorOverrideReason',
] as const;

export const enterpriseDto = z.object({
  id: z.string(),
  name: z.string(),
  creditCode: z.string(),
  industryCode: z.string(),
  /** Effective sector: the override when set, otherwise derived from the industry code. */
  sector: z.enum(SECTORS).nullable(),
  derivedSector: z.enum(SECTORS).nullable(),
  sectorOverride: z.enum(SECTORS).nullable(),
  sectorOverrideReason: z.string().nullable(),
  regionId: z.string(),
  regionName: z.string(),
  address: z.string().nullable(),
  scale: z.enum(SCALES),
  employees: z.number().int(),
  dustWorkers: z.number().int(),
  principalName: z.string().nullable(),
  principalPhone: z.string().nullable(),
  safetyManagerName: z.string().nullable(),
  safetyManagerPhone: z.string().nullable(),
  status: z.enum(ENTERPRISE_STATUSES),
  standardizationLevel: z.enum(STANDARDIZATION_LEVELS),
  standardizationExpiry: z.string().nullable(),
  stateOwned: z.boolean(),
  labourIntensive: z.boolean(),
  factoryInFactory: z.boolean(),
  longitude: z.number().nullable(),
  latitude: z.number().nullable(),
  riskTags: z.array(z.string()),
  /** 分级分类 class in force (A 重大 … D 低; issue #7). Literal list: enforcement/classification.ts imports this file. */
  riskClass: z.enum(['A', 'B', 'C', 'D']),
  createdAt: z.string(),
  updatedAt: z.string(),
  abilities: z.object({ update: z.boolean(), updateBureauFields: z.boolean() }),
});
export type EnterpriseDto = z.infer<typeof enterpriseDto>;

const csv = z
  .string()
  .optional()
  .transform((s) => (s ? s.split(',').filter(Boolean) : undefined));

export const enterpriseListQuery = listQuery.extend({
  sector: csv.pipe(z.array(z.enum(SECTORS)).optional()),
  regionId: uuidSchema.optional(),
  tag: csv,
  scale: z.enum(SCALES).optional(),
  status: csv.pipe(z.array(z.enum(ENTERPRISE_STATUSES)).optional()),
  standardizationLevel: csv.pipe(z.array(z.enum(STANDARDIZATION_LEVELS)).optional()),
  /** Dust-worker band of the monitoring roll-out targets (seed §三(六)11): ≥30, 10–29, <10. */
  dustBand: z.enum(['30plus', '10to29', 'under10']).optional(),
  /** 分级分类 classes, comma separated (A,B). */
  riskClass: csv.pipe(z.array(z.enum(['A', 'B', 'C', 'D'], { error: '风险等级应为 A、B、C 或 D' })).optional()),
});
export type EnterpriseListQuery = z.infer<typeof enterpriseListQuery>;

/** Chinese field labels: forms, import/export headers, audit diffs and error messages use the same words. */
export const ENTERPRISE_FIELD_LABELS: Record<string, string> = {
  name: '企业名称',
  creditCode: '统一社会信用代码',
  industryCode: '国民经济行业代码',
  sector: '监管行业',
  derivedSector: '监管行业（按行业代码）',
  sectorOverride: '指定监管行业',
  sectorOverrideReason: '指定理由',
  regionId: '所属乡镇（街道、园区）',
  address: '详细地址',
  scale: '企业规模',
  employees: '从业人数',
  dustWorkers: '涉粉作业人数',
  principalName: '主要负责人',
  principalPhone: '主要负责人电话',
  safetyManagerName: '安全管理人员',
  safetyManagerPhone: '安全管理人员电话',
  status: '生产状态',
  standardizationLevel: '标准化等级',
  standardizationExpiry: '标准化有效期至',
  stateOwned: '国有企业',
  labourIntensive: '劳动密集型企业',
  factoryInFactory: '厂中厂',
  longitude: '经度',
  latitude: '纬度',
  riskTags: '风险标签',
};

export const enterpriseHistoryItem = z.object({
  id: z.string(),
  occurredAt: z.string(),
  actorUsername: z.string().nullable(),
  action: z.string(),
  /** Field-level changes, labelled for display. */
  changes: z.array(z.object({ field: z.string(), label: z.string(), before: z.unknown(), after: z.unknown() })),
});
export type EnterpriseHistoryItem = z.infer<typeof enterpriseHistoryItem>;

export const IMPORT_ACTIONS = ['create', 'update', 'unchanged', 'error'] as const;
export const IMPORT_ACTION_LABELS: Record<(typeof IMPORT_ACTIONS)[number], string> = {
  create: '新增',
  update: '更新',
  unchanged: '无变化',
  error: '有错误',
};

export const importRowResult = z.object({
  /** Excel row number as the official sees it. */
  row: z.number().int(),
  action: z.enum(IMPORT_ACTIONS),
  name: z.string().nullable(),
  creditCode: z.string().nullable(),
  /** Labels of the fields an update changes. */
  changes: z.array(z.string()),
  errors: z.array(z.object({ column: z.string(), reason: z.string() })),
});
export type ImportRowResult = z.infer<typeof importRowResult>;

export const importReport = z.object({
  committed: z.boolean(),
  total: z.number().int(),
  summary: z.object({ create: z.number().int(), update: z.number().int(), unchanged: z.number().int(), error: z.number().int() }),
  rows: z.array(importRowResult),
  /** Columns of the file this importer did not recognise (ignored). */
  ignoredColumns: z.array(z.string()),
});
export type ImportReport = z.infer<typeof importReport>;
