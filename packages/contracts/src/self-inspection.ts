import { z } from 'zod';
import { listQuery, uuidSchema } from './common.js';
import { SECTORS } from './enterprises.js';

export const standardItemDto = z.object({
  id: z.string(),
  versionId: z.string(),
  version: z.number().int(),
  key: z.string(),
  article: z.number().int(),
  item: z.number().int(),
  articleLabel: z.string(),
  itemLabel: z.string(),
  text: z.string(),
  topic: z.string(),
  sector: z.enum(SECTORS).nullable(),
  applicability: z.unknown(),
  exclusions: z.array(z.string()),
  penaltyBasis: z.string().nullable(),
  source: z.string(),
  /** false = 待核实: the wording was not confirmed against the official text. */
  verified: z.boolean(),
  local: z.boolean(),
  keywords: z.array(z.string()),
});
export type StandardItemDto = z.infer<typeof standardItemDto>;

export const standardItemQuery = listQuery.extend({
  article: z.coerce.number().int().min(3).max(99).optional(),
  sector: z.enum(SECTORS).optional(),
  tag: z.string().max(40).optional(),
  version: z.coerce.number().int().min(1).optional(),
  verified: z.enum(['true', 'false']).optional(),
  pageSize: z.coerce.number().int().min(1).max(200).default(100),
});

export const standardVersionDto = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  version: z.number().int(),
  effectiveFrom: z.string(),
  note: z.string().nullable(),
  publishedAt: z.string(),
  itemCount: z.number().int(),
});

/** Editing an item (or adding a local one) publishes a new version; the note says why (修订说明). */
export const editStandardItemBody = z.strictObject({
  text: z.string().trim().min(4, { error: '条款内容至少 4 个字' }).max(2000).optional(),
  verified: z.boolean().optional(),
  penaltyBasis: z.string().trim().max(500).nullable().optional(),
  exclusions: z.array(z.string().trim().min(1).max(500)).max(20).optional(),
  keywords: z.array(z.string().trim().min(1).max(20)).max(20).optional(),
  note: z.string().trim().min(2, { error: '请填写修订说明' }).max(500),
});
export const addLocalItemBody = z.strictObject({
  text: z.string().trim().min(4, { error: '条款内容至少 4 个字' }).max(2000),
  sector: z.enum(SECTORS).nullable(),
  tagsAny: z.array(z.string().max(40)).max(20).default([]),
  source: z.string().trim().min(2, { error: '请填写依据（文件名称及条款）' }).max(500),
  penaltyBasis: z.string().trim().max(500).nullable().default(null),
  note: z.string().trim().min(2, { error: '请填写修订说明' }).max(500),
});

export const checklistItemDto = standardItemDto.extend({ reason: z.string() });
export const checklistDto = z.object({
  enterpriseId: z.string(),
  version: z.number().int(),
  versionId: z.string(),
  items: z.array(checklistItemDto),
});
export type ChecklistDto = z.infer<typeof checklistDto>;

export const INSPECTION_FREQUENCIES = ['daily', 'weekly', 'monthly', 'quarterly', 'adhoc'] as const;
export const INSPECTION_FREQUENCY_LABELS: Record<(typeof INSPECTION_FREQUENCIES)[number], string> = {
  daily: '日检',
  weekly: '周检',
  monthly: '月检',
  quarterly: '季度检查',
  adhoc: '专项/临时',
};
export const INSPECTION_STATUSES = ['planned', 'in_progress', 'completed'] as const;
export const INSPECTION_STATUS_LABELS: Record<(typeof INSPECTION_STATUSES)[number], string> = {
  planned: '计划中',
  in_progress: '检查中',
  completed: '已完成',
};
export const ITEM_RESULTS = ['pending', 'compliant', 'non_compliant', 'not_applicable'] as const;
export type ItemResult = (typeof ITEM_RESULTS)[number];
export const ITEM_RESULT_LABELS: Record<ItemResult, string> = {
  pending: '未检查',
  compliant: '符合',
  non_compliant: '不符合',
  not_applicable: '不适用',
};

export const createInspectionBody = z.strictObject({
  /** Bureau-side callers name the enterprise; enterprise users always inspect their own. */
  enterpriseId: uuidSchema.optional(),
  title: z.string().trim().min(2, { error: '请填写检查名称' }).max(100),
  frequency: z.enum(INSPECTION_FREQUENCIES, { error: '请选择检查类型' }),
  area: z.string().trim().max(100).nullish(),
  plannedDate: z.iso.date({ error: '日期格式应为 YYYY-MM-DD' }).nullish(),
  ledByPrincipal: z.boolean().default(false),
  leaderName: z.string().trim().max(50).nullish(),
  /** Checklist items to include; omitted = the whole checklist. */
  standardItemIds: z.array(uuidSchema).max(500).optional(),
  ownItems: z
    .array(z.string().trim().min(2, { error: '自定检查项至少 2 个字' }).max(500))
    .max(200)
    .default([]),
});
export type CreateInspectionBody = z.infer<typeof createInspectionBody>;

export const recordResultsBody = z.strictObject({
  results: z
    .array(
      z.strictObject({
        itemId: uuidSchema,
        result: z.enum(ITEM_RESULTS),
        note: z.string().trim().max(1000).nullish(),
        photos: z
          .array(z.string().regex(/^[0-9a-f]{64}$/, { error: '照片编号格式不正确' }))
          .max(9, { error: '每项最多 9 张照片' })
          .default([]),
      }),
    )
    .min(1)
    .max(500),
});
export type RecordResultsBody = z.infer<typeof recordResultsBody>;

export const inspectionItemDto = z.object({
  id: z.string(),
  standardItemId: z.string().nullable(),
  key: z.string().nullable(),
  articleLabel: z.string().nullable(),
  itemLabel: z.string().nullable(),
  text: z.string(),
  verified: z.boolean().nullable(),
  own: z.boolean(),
  result: z.enum(ITEM_RESULTS),
  note: z.string().nullable(),
  photos: z.array(z.string()),
  hazardId: z.string().nullable(),
  recordedAt: z.string().nullable(),
});

export const inspectionDto = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  title: z.string(),
  frequency: z.enum(INSPECTION_FREQUENCIES),
  area: z.string().nullable(),
  plannedDate: z.string().nullable(),
  ledByPrincipal: z.boolean(),
  leaderName: z.string().nullable(),
  status: z.enum(INSPECTION_STATUSES),
  standardVersion: z.number().int(),
  startedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  createdAt: z.string(),
  counts: z.object({
    total: z.number().int(),
    pending: z.number().int(),
    compliant: z.number().int(),
    nonCompliant: z.number().int(),
    notApplicable: z.number().int(),
  }),
  abilities: z.object({ record: z.boolean(), complete: z.boolean() }),
});
export type InspectionDto = z.infer<typeof inspectionDto>;
export const inspectionDetailDto = inspectionDto.extend({ items: z.array(inspectionItemDto) });
export type InspectionDetailDto = z.infer<typeof inspectionDetailDto>;

export const inspectionListQuery = listQuery.extend({
  enterpriseId: uuidSchema.optional(),
  status: z.enum(INSPECTION_STATUSES).optional(),
  ledByPrincipal: z.enum(['true', 'false']).optional(),
});

export const principalComplianceQuery = z.object({
  quarter: z
    .string()
    .regex(/^\d{4}Q[1-4]$/i, { error: '季度格式应为 2026Q4' })
    .optional(),
  onlyMissing: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export const principalComplianceDto = z.object({
  quarter: z.string(),
  start: z.string(),
  end: z.string(),
  total: z.number().int(),
  compliant: z.number().int(),
  items: z.array(
    z.object({
      enterpriseId: z.string(),
      enterpriseName: z.string(),
      regionName: z.string(),
      led: z.boolean(),
      ledCount: z.number().int(),
      lastLedAt: z.string().nullable(),
    }),
  ),
});

export const HAZARD_LEVELS = ['general', 'major'] as const;
export const HAZARD_LEVEL_LABELS: Record<(typeof HAZARD_LEVELS)[number], string> = { general: '一般隐患', major: '重大隐患' };
export const HAZARD_SOURCES = [
  'self_inspection',
  'employee_report',
  'bureau_inspection',
  'online_patrol',
  'monitoring_alarm',
  'other',
] as const;
export const HAZARD_SOURCE_LABELS: Record<(typeof HAZARD_SOURCES)[number], string> = {
  self_inspection: '企业自查',
  employee_report: '员工报告',
  bureau_inspection: '执法检查',
  online_patrol: '线上巡查',
  monitoring_alarm: '监测报警',
  other: '其他',
};
export const HAZARD_STATUSES = ['pending_judgement', 'rectifying', 'pending_acceptance', 'closed'] as const;
export const HAZARD_STATUS_LABELS: Record<(typeof HAZARD_STATUSES)[number], string> = {
  pending_judgement: '待判定',
  rectifying: '整改中',
  pending_acceptance: '待验收',
  closed: '已销号',
};

// The hazard DTO and list query live in hazards.ts (the hazard closed loop).

export const fileDto = z.object({ hash: z.string(), mime: z.string(), size: z.number().int(), url: z.string() });
