import { z } from 'zod';
import { listQuery, uuidSchema } from './common.js';
import { SECTORS } from './enterprises.js';
import { ROLES } from './roles.js';
import { HAZARD_LEVELS, HAZARD_SOURCES, HAZARD_STATUSES } from './self-inspection.js';

/**
 * The hazard closed loop (隐患排查治理闭环): report, judge with 五落实, rectify, accept, close; 挂牌督办 and
 * publication as overlays; the 动态清零 board. The state machine itself is in hazard-machine.ts.
 */

const photoHash = z.string().regex(/^[0-9a-f]{64}$/, { error: '照片编号格式不正确' });
const photoList = z.array(photoHash).max(9, { error: '最多 9 张照片' });
const note = z.string().trim().max(1000, { error: '说明最多 1000 字' });
const requiredNote = (what: string) =>
  z
    .string({ error: `请填写${what}` })
    .trim()
    .min(2, { error: `请填写${what}` })
    .max(1000, { error: '说明最多 1000 字' });
const plainText = (what: string, max = 2000) =>
  z
    .string({ error: `请填写${what}` })
    .trim()
    .min(2, { error: `请填写${what}` })
    .max(max, { error: `${what}最多 ${max} 字` });

/** A deadline: a date ('2026-12-31' = by the end of that day, Asia/Shanghai) or an ISO instant with its offset. */
export const deadlineSchema = z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
  error: '期限格式应为 YYYY-MM-DD 或带时区的时间',
});

/** Sources a report may name: enterprise users report what they found themselves; the bureau what it inspected. */
export const ENTERPRISE_REPORT_SOURCES = ['self_inspection', 'other'] as const;
export const BUREAU_REPORT_SOURCES = ['bureau_inspection', 'online_patrol', 'other'] as const;

export const createHazardBody = z
  .strictObject({
    /** Bureau-side callers name the enterprise; enterprise users always report on their own. */
    enterpriseId: uuidSchema.optional(),
    /** Default: self_inspection for enterprise users, bureau_inspection for the bureau. */
    source: z.enum(HAZARD_SOURCES).optional(),
    description: plainText('隐患描述'),
    location: z.string().trim().max(200).nullish(),
    photos: photoList.default([]),
    /** The reporter's suggestion; the judgement decides. */
    level: z.enum(HAZARD_LEVELS).default('general'),
    /** The standard item (令10) the hazard matches: an item of the enterprise's current checklist; required for major. */
    standardItemId: uuidSchema.nullish(),
    /** When it was found (default: now); never in the future. */
    foundAt: z.iso.datetime({ offset: true, error: '时间格式不正确' }).optional(),
  })
  .superRefine((body, ctx) => {
    if (body.level === 'major' && !body.standardItemId) {
      ctx.addIssue({ code: 'custom', path: ['standardItemId'], message: '重大隐患须选择对应的判定标准条款' });
    }
  });
export type CreateHazardBody = z.infer<typeof createHazardBody>;

/** The six-part rectification plan of a major hazard (重大事故隐患治理方案). */
export const majorPlanSchema = z.strictObject({
  goals: plainText('目标和任务'),
  methods: plainText('方法和措施'),
  fundsMaterials: plainText('经费和物资'),
  organization: plainText('机构和人员'),
  timeline: plainText('时限和要求'),
  safetyMeasures: plainText('安全措施和应急预案'),
});
export type MajorPlan = z.infer<typeof majorPlanSchema>;
export const MAJOR_PLAN_LABELS: Record<keyof MajorPlan, string> = {
  goals: '目标和任务',
  methods: '方法和措施',
  fundsMaterials: '经费和物资',
  organization: '机构和人员',
  timeline: '时限和要求',
  safetyMeasures: '安全措施和应急预案',
};

/** 五落实: responsible person, measures, funds (integer fen), deadline, contingency plan (+ the major-hazard plan). */
const rectificationFields = {
  /** A user of the hazard's enterprise; or, for someone without an account, `responsibleName`. */
  responsibleUserId: uuidSchema.nullish(),
  responsibleName: z.string().trim().min(2, { error: '责任人姓名至少 2 个字' }).max(50).nullish(),
  measures: plainText('整改措施'),
  /** 整改资金, integer fen (分). */
  fundsFen: z
    .number({ error: '请填写整改资金（分）' })
    .int({ error: '整改资金以分为单位，须为整数' })
    .min(0, { error: '整改资金不能为负数' })
    .max(100_000_000_000),
  deadline: deadlineSchema,
  contingencyPlan: z.string().trim().max(2000).nullish(),
  majorPlan: majorPlanSchema.nullish(),
  /** Major hazards: production stopped in the affected area (停产停业或停止使用). */
  productionStopped: z.boolean().optional(),
};

type RectificationDraft = {
  responsibleUserId?: string | null | undefined;
  responsibleName?: string | null | undefined;
};

function requireResponsible(body: RectificationDraft, ctx: z.RefinementCtx) {
  if (!body.responsibleUserId && !body.responsibleName) {
    ctx.addIssue({ code: 'custom', path: ['responsibleUserId'], message: '请指定整改责任人（选择本企业用户或填写姓名）' });
  }
}

export const judgeHazardBody = z
  .strictObject({
    level: z.enum(HAZARD_LEVELS, { error: '请选择隐患等级' }),
    /** Omitted: the standard item the hazard already names. Required (here or on the hazard) for major. */
    standardItemId: uuidSchema.nullish(),
    note: note.nullish(),
    ...rectificationFields,
  })
  .superRefine((body, ctx) => {
    requireResponsible(body, ctx);
    if (body.level === 'major') {
      if (!body.majorPlan) ctx.addIssue({ code: 'custom', path: ['majorPlan'], message: '重大隐患须制定治理方案（六项内容）' });
      if (!body.contingencyPlan) ctx.addIssue({ code: 'custom', path: ['contingencyPlan'], message: '重大隐患须填写应急预案' });
      if (body.productionStopped === undefined) {
        ctx.addIssue({ code: 'custom', path: ['productionStopped'], message: '请说明是否停产停业（或停止使用相关设施设备）' });
      }
    }
  });
export type JudgeHazardBody = z.infer<typeof judgeHazardBody>;

/** 调整五落实 while rectifying: only the fields sent change. */
export const assignHazardBody = z
  .strictObject({
    responsibleUserId: rectificationFields.responsibleUserId,
    responsibleName: rectificationFields.responsibleName,
    measures: rectificationFields.measures.optional(),
    fundsFen: rectificationFields.fundsFen.optional(),
    deadline: deadlineSchema.optional(),
    contingencyPlan: rectificationFields.contingencyPlan,
    majorPlan: majorPlanSchema.optional(),
    productionStopped: z.boolean().optional(),
    note: note.nullish(),
  })
  .superRefine((body, ctx) => {
    const { note: _note, ...changes } = body;
    if (Object.values(changes).every((v) => v === undefined)) {
      ctx.addIssue({ code: 'custom', path: [], message: '没有要调整的内容' });
    }
  });
export type AssignHazardBody = z.infer<typeof assignHazardBody>;

export const submitHazardBody = z.strictObject({
  note: requiredNote('整改情况说明'),
  photos: z.array(photoHash).min(1, { error: '请上传整改后的照片' }).max(9, { error: '最多 9 张照片' }),
});
export const acceptHazardBody = z.strictObject({
  note: note.nullish(),
  /** 复查验收 photos; required when the bureau accepts a major hazard. */
  photos: photoList.default([]),
});
export const rejectHazardBody = z.strictObject({ note: requiredNote('退回原因'), photos: photoList.default([]) });
export const dismissHazardBody = z.strictObject({ note: requiredNote('不构成隐患的理由') });
export const superviseHazardBody = z.strictObject({
  supervisingUnit: plainText('督办单位', 100),
  supervisionDeadline: deadlineSchema,
  note: note.nullish(),
});
export const publishHazardBody = z.strictObject({ note: note.nullish() });
export type SubmitHazardBody = z.infer<typeof submitHazardBody>;
export type AcceptHazardBody = z.infer<typeof acceptHazardBody>;
export type RejectHazardBody = z.infer<typeof rejectHazardBody>;
export type DismissHazardBody = z.infer<typeof dismissHazardBody>;
export type SuperviseHazardBody = z.infer<typeof superviseHazardBody>;
export type PublishHazardBody = z.infer<typeof publishHazardBody>;

const standardItemRef = z.object({
  id: z.string(),
  key: z.string(),
  articleLabel: z.string(),
  itemLabel: z.string(),
  text: z.string(),
  version: z.number().int(),
});

export const hazardAbilities = z.object({
  judge: z.boolean(),
  dismiss: z.boolean(),
  assign: z.boolean(),
  submit: z.boolean(),
  accept: z.boolean(),
  reject: z.boolean(),
  supervise: z.boolean(),
  publish: z.boolean(),
  unpublish: z.boolean(),
});
export type HazardAbilities = z.infer<typeof hazardAbilities>;

export const hazardDto = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  regionName: z.string(),
  source: z.enum(HAZARD_SOURCES),
  level: z.enum(HAZARD_LEVELS),
  status: z.enum(HAZARD_STATUSES),
  /** Derived: the deadline has passed and the hazard is not closed. */
  overdue: z.boolean(),
  description: z.string(),
  location: z.string().nullable(),
  photos: z.array(z.string()),
  standardItem: standardItemRef.nullable(),
  inspectionId: z.string().nullable(),
  foundAt: z.string(),
  judgedAt: z.string().nullable(),
  // 五落实
  responsibleUserId: z.string().nullable(),
  /** The responsible user's name, or the name entered for someone without an account. */
  responsibleName: z.string().nullable(),
  measures: z.string().nullable(),
  fundsFen: z.number().int().nullable(),
  deadline: z.string().nullable(),
  contingencyPlan: z.string().nullable(),
  majorPlan: majorPlanSchema.nullable(),
  productionStopped: z.boolean(),
  // 挂牌督办
  supervised: z.boolean(),
  supervisingUnit: z.string().nullable(),
  supervisionDeadline: z.string().nullable(),
  // publication
  publishedAt: z.string().nullable(),
  /** 摘牌: when the closure of a published hazard was announced. */
  delistedAt: z.string().nullable(),
  /** Closed as 不构成隐患 (dismissed) rather than by acceptance. */
  dismissed: z.boolean(),
  closedAt: z.string().nullable(),
  createdAt: z.string(),
  abilities: hazardAbilities,
});
export type HazardDto = z.infer<typeof hazardDto>;

const bool = z.enum(['true', 'false']);
export const hazardListQuery = listQuery.extend({
  enterpriseId: uuidSchema.optional(),
  level: z.enum(HAZARD_LEVELS).optional(),
  status: z.enum(HAZARD_STATUSES).optional(),
  /** `true`: not yet 已销号 (any open status); what the 动态清零 board counts as open. */
  open: bool.optional(),
  source: z.enum(HAZARD_SOURCES).optional(),
  overdue: bool.optional(),
  supervised: bool.optional(),
  published: bool.optional(),
  sector: z.enum(SECTORS).optional(),
  /** A region and everything under it. */
  regionId: uuidSchema.optional(),
  /** Standard article number (令10 第 N 条). */
  article: z.coerce.number().int().min(1).max(999).optional(),
});
export type HazardListQuery = z.infer<typeof hazardListQuery>;

export const hazardEventDto = z.object({
  id: z.string(),
  /** 'reported' or a HazardAction; other modules may add their own (e.g. employee-report links). */
  action: z.string(),
  fromStatus: z.enum(HAZARD_STATUSES).nullable(),
  toStatus: z.enum(HAZARD_STATUSES).nullable(),
  actorName: z.string().nullable(),
  note: z.string().nullable(),
  photos: z.array(z.string()),
  data: z.unknown(),
  at: z.string(),
});
export type HazardEventDto = z.infer<typeof hazardEventDto>;
export const hazardTimelineDto = z.object({ items: z.array(hazardEventDto) });
/** Who may be named 整改责任人: the active accounts of the hazard's enterprise. */
export const hazardAssigneesDto = z.object({
  items: z.array(z.object({ id: z.string(), displayName: z.string(), role: z.enum(ROLES) })),
});
export type HazardAssigneesDto = z.infer<typeof hazardAssigneesDto>;

// --- 动态清零 board -------------------------------------------------------------------------------------------

const period = z.object({ label: z.string(), start: z.string(), end: z.string() });
/** One row of a breakdown (by sector, region or standard article); all counts are major hazards. */
export const zeroingBreakdownRow = z.object({
  key: z.string(),
  label: z.string(),
  open: z.number().int(),
  overdue: z.number().int(),
  openedThisYear: z.number().int(),
  closedThisYear: z.number().int(),
});
export const zeroingDto = z.object({
  asOf: z.string(),
  timezone: z.literal('Asia/Shanghai'),
  month: period,
  year: period,
  /** Major hazards (dismissed ones, 不构成隐患, are not hazards and never count), plus the open general ones. */
  summary: z.object({
    openMajor: z.number().int(),
    pendingJudgement: z.number().int(),
    openedThisMonth: z.number().int(),
    closedThisMonth: z.number().int(),
    openedThisYear: z.number().int(),
    closedThisYear: z.number().int(),
    overdue: z.number().int(),
    supervised: z.number().int(),
    /** Average days from found to closed, over major hazards closed this year; null when none. */
    averageDaysToClose: z.number().nullable(),
    openGeneral: z.number().int(),
    overdueGeneral: z.number().int(),
  }),
  bySector: z.array(zeroingBreakdownRow),
  byRegion: z.array(zeroingBreakdownRow),
  byArticle: z.array(zeroingBreakdownRow),
  /** Enterprises with open major hazards. */
  enterprises: z.array(
    z.object({
      enterpriseId: z.string(),
      enterpriseName: z.string(),
      regionName: z.string(),
      sector: z.enum(SECTORS).nullable(),
      open: z.number().int(),
      overdue: z.number().int(),
      supervised: z.number().int(),
      nearestDeadline: z.string().nullable(),
    }),
  ),
  /** 挂牌督办: open supervised hazards with their deadlines. */
  supervision: z.array(
    z.object({
      hazardId: z.string(),
      enterpriseName: z.string(),
      regionName: z.string(),
      description: z.string(),
      status: z.enum(HAZARD_STATUSES),
      standardItemLabel: z.string().nullable(),
      supervisingUnit: z.string().nullable(),
      supervisionDeadline: z.string().nullable(),
      deadline: z.string().nullable(),
      overdue: z.boolean(),
      supervisionOverdue: z.boolean(),
    }),
  ),
});
export type ZeroingDto = z.infer<typeof zeroingDto>;

// --- public page (no personal data) ---------------------------------------------------------------------------

export const publicHazardQuery = z.object({
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
/** What the public sees of a published major hazard: no names of people, no phones, no photos, no free text. */
export const publicHazardDto = z.object({
  id: z.string(),
  enterpriseName: z.string(),
  regionName: z.string(),
  standardItem: z.object({ key: z.string(), articleLabel: z.string(), itemLabel: z.string(), text: z.string() }).nullable(),
  status: z.enum(HAZARD_STATUSES),
  statusLabel: z.string(),
  supervisingUnit: z.string().nullable(),
  supervisionDeadline: z.string().nullable(),
  publishedAt: z.string(),
  closedAt: z.string().nullable(),
  delistedAt: z.string().nullable(),
});
export type PublicHazardDto = z.infer<typeof publicHazardDto>;
