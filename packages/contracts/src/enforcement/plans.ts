import { z } from 'zod';
import { uuidSchema } from '../common.js';
import { STANDARDIZATION_LEVELS } from '../enterprises.js';
import { riskClassSchema } from './classification.js';
import { optionalText, text } from './fields.js';

/** The annual enforcement plan (年度执法计划) and the key-inspection list (重点检查企业名单). */

/** `superseded`: an approved plan replaced by a revised one approved later for the same year (计划调整). */
export const PLAN_STATUSES = ['draft', 'approved', 'published', 'superseded'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
export const PLAN_STATUS_LABELS: Record<PlanStatus, string> = {
  draft: '草稿',
  approved: '已批准',
  published: '已公布',
  superseded: '已被调整后的计划替代',
};

export const QUARTERS = [1, 2, 3, 4] as const;
export type QuarterNumber = (typeof QUARTERS)[number];
const quarter = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], { error: '季度应为 1–4' });
const planYear = z.number().int().min(2020, { error: '年度不正确' }).max(2100, { error: '年度不正确' });

/** One enterprise of the plan: how many inspections, in which quarters (one entry per inspection, ascending). */
export const planEntryInput = z
  .strictObject({
    enterpriseId: uuidSchema,
    plannedCount: z.number().int().min(0, { error: '计划次数不能为负数' }).max(52, { error: '计划次数过多' }),
    quarters: z.array(quarter).max(52),
    /** Required when plannedCount exceeds the enterprise's cap; such entries are flagged for audit. */
    overCapReason: optionalText('超出上限的理由', 500),
  })
  .superRefine((entry, ctx) => {
    if (entry.quarters.length !== entry.plannedCount) {
      ctx.addIssue({
        code: 'custom',
        path: ['quarters'],
        message: `安排的季度数（${entry.quarters.length}）与计划次数（${entry.plannedCount}）不一致`,
      });
    }
    if (entry.quarters.some((q, i) => i > 0 && q < (entry.quarters[i - 1] ?? 0))) {
      ctx.addIssue({ code: 'custom', path: ['quarters'], message: '季度应按先后顺序排列' });
    }
  });
export type PlanEntryInput = z.infer<typeof planEntryInput>;

export const savePlanBody = z
  .strictObject({
    year: planYear,
    title: text('计划名称', 100).optional(),
    entries: z.array(planEntryInput).max(5000),
  })
  .superRefine((plan, ctx) => {
    const seen = new Set<string>();
    plan.entries.forEach((e, i) => {
      if (seen.has(e.enterpriseId))
        ctx.addIssue({ code: 'custom', path: ['entries', i, 'enterpriseId'], message: '同一企业在计划中出现多次' });
      seen.add(e.enterpriseId);
    });
  });
export type SavePlanBody = z.infer<typeof savePlanBody>;
export const planDraftQuery = z.object({ year: z.coerce.number().int().min(2020).max(2100) });

/** Problems an edited plan can have (domain `validatePlan`); the server answers them as 400 with these codes. */
export const PLAN_ISSUE_CODES = {
  OVER_CAP_WITHOUT_REASON: '计划检查次数超过年度上限，须填写理由',
  UNKNOWN_ENTERPRISE: '计划中的企业不存在或不在管辖范围内',
  DUPLICATE_ENTERPRISE: '同一企业在计划中出现多次',
  QUARTERS_MISMATCH: '安排的季度数与计划次数不一致',
} as const;
export type PlanIssueCode = keyof typeof PLAN_ISSUE_CODES;

export const planEntryDto = z.object({
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  regionName: z.string(),
  riskClass: riskClassSchema,
  standardizationLevel: z.enum(STANDARDIZATION_LEVELS),
  /** 金属冶炼 (cap row 危险化学品 & 金属冶炼). */
  highRisk: z.boolean(),
  /** Yearly maximum of administrative inspections (regulations.md §5.3). */
  cap: z.number().int(),
  plannedCount: z.number().int(),
  quarters: z.array(quarter),
  overCapReason: z.string().nullable(),
  overCap: z.boolean(),
  /** On the key-inspection list (重点检查企业名单): class A or B. */
  key: z.boolean(),
  lastInspectedAt: z.string().nullable(),
  /** Inspections done so far this plan year (progress). */
  doneCount: z.number().int(),
});
export type PlanEntryDto = z.infer<typeof planEntryDto>;

export const planDto = z.object({
  id: z.string(),
  year: z.number().int(),
  title: z.string(),
  status: z.enum(PLAN_STATUSES),
  entries: z.array(planEntryDto),
  approvedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  createdAt: z.string(),
  abilities: z.object({ update: z.boolean(), approve: z.boolean(), publish: z.boolean() }),
});
export type PlanDto = z.infer<typeof planDto>;

/** `POST /api/v1/enforcement/plans/generate`: a draft from the classes and caps (domain draftAnnualPlan). */
export const generatePlanBody = z.strictObject({ year: planYear, title: text('计划名称', 100).optional() });

export const planSummaryDto = planDto.omit({ entries: true }).extend({
  enterprises: z.number().int(),
  plannedInspections: z.number().int(),
  keyEnterprises: z.number().int(),
  overCapEntries: z.number().int(),
  doneInspections: z.number().int(),
});
export type PlanSummaryDto = z.infer<typeof planSummaryDto>;

/** 重点检查企业名单 (seed §三(八)18: 分级确定重点检查企业名单): the plan's class A and B enterprises. */
export const keyListDto = z.object({
  planId: z.string(),
  year: z.number().int(),
  status: z.enum(PLAN_STATUSES),
  items: z.array(planEntryDto),
});
export type KeyListDto = z.infer<typeof keyListDto>;
