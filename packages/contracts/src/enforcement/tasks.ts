import { z } from 'zod';
import { uuidSchema } from '../common.js';
import { isoDate, optionalText, photoList, text } from './fields.js';

/** Inspection tasks (检查任务, 四不两直), findings, orders (责令限期整改) and re-inspection (复查). */

export const INSPECTION_TASK_SOURCES = ['plan', 'complaint', 'alarm', 'accident', 'other'] as const;
export type InspectionTaskSource = (typeof INSPECTION_TASK_SOURCES)[number];
export const INSPECTION_TASK_SOURCE_LABELS: Record<InspectionTaskSource, string> = {
  plan: '年度计划',
  complaint: '投诉举报',
  alarm: '监测报警',
  accident: '事故',
  other: '其他',
};

export const INSPECTION_TASK_STATUSES = ['scheduled', 'in_progress', 'rectifying', 'closed', 'cancelled'] as const;
export type InspectionTaskStatus = (typeof INSPECTION_TASK_STATUSES)[number];
export const INSPECTION_TASK_STATUS_LABELS: Record<InspectionTaskStatus, string> = {
  scheduled: '待检查',
  in_progress: '检查中',
  rectifying: '整改中',
  closed: '已办结',
  cancelled: '已取消',
};

export const INSPECTION_TASK_ACTIONS = ['start', 'findings', 'order', 'reinspect', 'close', 'cancel'] as const;
export type InspectionTaskAction = (typeof INSPECTION_TASK_ACTIONS)[number];
export const INSPECTION_TASK_ACTION_LABELS: Record<InspectionTaskAction, string> = {
  start: '开始检查',
  findings: '记录检查发现',
  order: '下达责令限期整改指令书',
  reinspect: '整改复查',
  close: '办结',
  cancel: '取消',
};

/**
 * The task lifecycle: 待检查 → 检查中 → (责令整改 → 整改中 → 复查) → 已办结. `to: null` leaves the state unchanged.
 * Guards that need data (close from 整改中 only after a passed re-inspection; an order needs findings) are the
 * service's.
 */
export const INSPECTION_TASK_TRANSITIONS: Record<
  InspectionTaskAction,
  { from: readonly InspectionTaskStatus[]; to: InspectionTaskStatus | null }
> = {
  start: { from: ['scheduled'], to: 'in_progress' },
  findings: { from: ['in_progress'], to: null },
  order: { from: ['in_progress'], to: 'rectifying' },
  reinspect: { from: ['rectifying'], to: null },
  close: { from: ['in_progress', 'rectifying'], to: 'closed' },
  cancel: { from: ['scheduled'], to: 'cancelled' },
};

export const createInspectionTaskBody = z
  .strictObject({
    enterpriseId: uuidSchema,
    source: z.enum(INSPECTION_TASK_SOURCES, { error: '请选择任务来源' }),
    /** For source `plan`: the plan the inspection counts against. */
    planId: uuidSchema.nullish(),
    /** The complaint, alarm or accident record that triggered it, when there is one. */
    sourceRef: z.string().trim().max(100).nullish(),
    /** 四不两直: not visible to the enterprise until the inspection starts. */
    unannounced: z.boolean(),
    /** 行政处罚法 第四十二条: 执法人员不得少于两人. */
    officerIds: z.array(uuidSchema).min(2, { error: '执法检查须至少指派两名执法人员' }).max(10),
    plannedDate: isoDate.nullish(),
    note: optionalText('说明', 1000),
  })
  .superRefine((body, ctx) => {
    if (new Set(body.officerIds).size !== body.officerIds.length) {
      ctx.addIssue({ code: 'custom', path: ['officerIds'], message: '执法人员不能重复' });
    }
    if (body.source === 'plan' && !body.planId) {
      ctx.addIssue({ code: 'custom', path: ['planId'], message: '计划内检查须选择年度执法计划' });
    }
  });
export type CreateInspectionTaskBody = z.infer<typeof createInspectionTaskBody>;

export const inspectionTaskDto = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  regionName: z.string(),
  source: z.enum(INSPECTION_TASK_SOURCES),
  planId: z.string().nullable(),
  sourceRef: z.string().nullable(),
  unannounced: z.boolean(),
  officers: z.array(z.object({ id: z.string(), name: z.string() })),
  status: z.enum(INSPECTION_TASK_STATUSES),
  plannedDate: z.string().nullable(),
  startedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  findingCount: z.number().int(),
  majorFindingCount: z.number().int(),
  note: z.string().nullable(),
  createdAt: z.string(),
  abilities: z.object({
    start: z.boolean(),
    findings: z.boolean(),
    order: z.boolean(),
    reinspect: z.boolean(),
    close: z.boolean(),
    cancel: z.boolean(),
  }),
});
export type InspectionTaskDto = z.infer<typeof inspectionTaskDto>;

// --- findings, orders, re-inspection ---------------------------------------------------------------------------

/** A finding of an on-site inspection or online patrol; it becomes a hazard of the hazard loop. */
export const createFindingBody = z
  .strictObject({
    description: text('问题描述', 2000),
    location: optionalText('部位', 200),
    photos: photoList.default([]),
    /** The standard item (令10) it matches; required for a major one. */
    standardItemId: uuidSchema.nullish(),
    /** The checklist item inspected, when the finding comes from the enterprise's checklist. */
    checklistItemKey: z.string().trim().max(60).nullish(),
    /** The provision violated, e.g. 《中华人民共和国安全生产法》第四十一条. */
    legalBasis: text('违法依据', 500),
    /** 重大事故隐患, judged on the spot. */
    major: z.boolean(),
  })
  .superRefine((body, ctx) => {
    if (body.major && !body.standardItemId) {
      ctx.addIssue({ code: 'custom', path: ['standardItemId'], message: '重大事故隐患须选择对应的判定标准条款' });
    }
  });
export type CreateFindingBody = z.infer<typeof createFindingBody>;

export const findingDto = z.object({
  id: z.string(),
  taskId: z.string(),
  description: z.string(),
  location: z.string().nullable(),
  photos: z.array(z.string()),
  standardItem: z.object({ id: z.string(), key: z.string(), articleLabel: z.string(), itemLabel: z.string() }).nullable(),
  checklistItemKey: z.string().nullable(),
  legalBasis: z.string(),
  major: z.boolean(),
  /** The hazard the finding became. */
  hazardId: z.string().nullable(),
  createdAt: z.string(),
});
export type FindingDto = z.infer<typeof findingDto>;

/** 责令限期整改: the findings to correct and the deadline (a local date: by the end of that day). */
export const issueOrderBody = z.strictObject({
  findingIds: z.array(uuidSchema).min(1, { error: '请选择须整改的问题' }).max(200),
  deadline: isoDate,
  /** The provisions the order relies on (依据), in addition to each finding's legal basis. */
  legalBasis: text('责令整改依据', 500),
  requirements: optionalText('整改要求', 2000),
});
export type IssueOrderBody = z.infer<typeof issueOrderBody>;

export const REINSPECTION_RESULTS = ['passed', 'failed'] as const;
export type ReinspectionResult = (typeof REINSPECTION_RESULTS)[number];
export const REINSPECTION_RESULT_LABELS: Record<ReinspectionResult, string> = { passed: '已整改完毕', failed: '未按期整改完毕' };

/** 复查: on or after the order's deadline (or on the enterprise's earlier report of rectification). */
export const reinspectBody = z.strictObject({
  findingResults: z
    .array(z.strictObject({ findingId: uuidSchema, rectified: z.boolean(), note: optionalText('复查说明', 500) }))
    .min(1, { error: '请逐项填写复查结果' }),
  opinion: text('复查意见', 2000),
  photos: photoList.default([]),
});
export type ReinspectBody = z.infer<typeof reinspectBody>;

/** A re-inspection passes only when every finding of the order was rectified. */
export function reinspectionResultOf(findingResults: readonly { rectified: boolean }[]): ReinspectionResult {
  return findingResults.length > 0 && findingResults.every((f) => f.rectified) ? 'passed' : 'failed';
}

export const orderDto = z.object({
  id: z.string(),
  taskId: z.string(),
  documentNumber: z.string(),
  findingIds: z.array(z.string()),
  deadline: z.string(),
  legalBasis: z.string(),
  requirements: z.string().nullable(),
  issuedAt: z.string(),
  overdue: z.boolean(),
  reinspection: z
    .object({
      documentNumber: z.string(),
      result: z.enum(REINSPECTION_RESULTS),
      opinion: z.string(),
      at: z.string(),
    })
    .nullable(),
});
export type OrderDto = z.infer<typeof orderDto>;
