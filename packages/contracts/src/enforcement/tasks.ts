import { z } from 'zod';
import { listQuery, uuidSchema } from '../common.js';
import { riskClassSchema } from './classification.js';
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

/** 现场检查 or 线上巡查 (互联网+执法, seed §三(八)18: 推动现场执法和线上巡查有机结合). */
export const INSPECTION_TASK_KINDS = ['onsite', 'online_patrol'] as const;
export type InspectionTaskKind = (typeof INSPECTION_TASK_KINDS)[number];
export const INSPECTION_TASK_KIND_LABELS: Record<InspectionTaskKind, string> = { onsite: '现场检查', online_patrol: '线上巡查' };

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

export const REINSPECTION_RESULTS = ['passed', 'failed'] as const;
export type ReinspectionResult = (typeof REINSPECTION_RESULTS)[number];
export const REINSPECTION_RESULT_LABELS: Record<ReinspectionResult, string> = { passed: '已整改完毕', failed: '未按期整改完毕' };

export const inspectionTaskDto = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  regionName: z.string(),
  kind: z.enum(INSPECTION_TASK_KINDS),
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
  /** The latest 责令限期整改指令书: its deadline, whether it has passed unpassed, the latest 复查 result. */
  latestOrder: z
    .object({ deadline: z.string(), overdue: z.boolean(), reinspectionResult: z.enum(REINSPECTION_RESULTS).nullable() })
    .nullable(),
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

// --- lists, details, the on-site checklist, online patrol ------------------------------------------------------

const csv = z
  .string()
  .optional()
  .transform((s) => (s ? s.split(',').filter(Boolean) : undefined));

export const inspectionTaskListQuery = listQuery.extend({
  status: csv.pipe(z.array(z.enum(INSPECTION_TASK_STATUSES, { error: '未知的任务状态' })).optional()),
  kind: z.enum(INSPECTION_TASK_KINDS).optional(),
  source: z.enum(INSPECTION_TASK_SOURCES).optional(),
  enterpriseId: uuidSchema.optional(),
  planId: uuidSchema.optional(),
  /** Tasks the caller is assigned to. */
  mine: z.enum(['true', 'false']).optional(),
  /** Started (or, not started yet, planned) in this year. */
  year: z.coerce.number().int().min(2020).max(2100).optional(),
});
export type InspectionTaskListQuery = z.infer<typeof inspectionTaskListQuery>;

export const startTaskBody = z.strictObject({
  /** 检查场所 as recorded on the inspection record (default: the enterprise's address). */
  place: optionalText('检查场所', 200),
});
export const closeTaskBody = z.strictObject({ note: optionalText('办结说明', 1000) });
export const cancelTaskBody = z.strictObject({ reason: text('取消原因', 500) });

/** A document of the task or case, for download links. */
export const documentRefDto = z.object({ id: z.string(), type: z.string(), number: z.string(), createdAt: z.string() });

export const taskDetailDto = inspectionTaskDto.extend({
  findings: z.array(findingDto),
  orders: z.array(orderDto),
  documents: z.array(documentRefDto),
  caseIds: z.array(z.string()),
});
export type TaskDetailDto = z.infer<typeof taskDetailDto>;

/**
 * General items every on-site inspection covers besides the enterprise's 令10 checklist (执法检查的通用内容), each
 * with the provision of 《中华人民共和国安全生产法》(2021) it checks. 第二十一条、第三十六条、第四十一条 are confirmed in
 * regulations.md §7; the other article numbers are from general knowledge of the 2021 text (UNCONFIRMED there).
 */
export const GENERAL_INSPECTION_ITEMS = [
  { key: 'G01', text: '主要负责人履行安全生产职责，建立健全全员安全生产责任制', legalBasis: '《中华人民共和国安全生产法》第二十一条' },
  { key: 'G02', text: '按规定设置安全生产管理机构或者配备安全生产管理人员', legalBasis: '《中华人民共和国安全生产法》第二十四条' },
  { key: 'G03', text: '对从业人员进行安全生产教育和培训并如实记录', legalBasis: '《中华人民共和国安全生产法》第二十八条' },
  { key: 'G04', text: '特种作业人员持证上岗', legalBasis: '《中华人民共和国安全生产法》第三十条' },
  {
    key: 'G05',
    text: '安全设备经常性维护、保养并定期检测；监控、报警、防护设备及其数据未被关闭、破坏、篡改',
    legalBasis: '《中华人民共和国安全生产法》第三十六条',
  },
  {
    key: 'G06',
    text: '建立安全风险分级管控制度和事故隐患排查治理制度，如实记录隐患排查治理情况',
    legalBasis: '《中华人民共和国安全生产法》第四十一条',
  },
  {
    key: 'G07',
    text: '生产经营场所和员工宿舍设有符合紧急疏散要求的出口，疏散通道畅通',
    legalBasis: '《中华人民共和国安全生产法》第四十二条',
  },
  { key: 'G08', text: '为从业人员提供符合标准的劳动防护用品并监督佩戴使用', legalBasis: '《中华人民共和国安全生产法》第四十五条' },
  { key: 'G09', text: '制定生产安全事故应急救援预案并定期组织演练', legalBasis: '《中华人民共和国安全生产法》第八十一条' },
] as const;

export const taskChecklistDto = z.object({
  /** The enterprise's 令10 checklist (一行业一清单) of the current standard version, with why each item applies. */
  items: z.array(
    z.object({ id: z.string(), key: z.string(), articleLabel: z.string(), itemLabel: z.string(), text: z.string(), reason: z.string() }),
  ),
  general: z.array(z.object({ key: z.string(), text: z.string(), legalBasis: z.string() })),
  standardVersion: z.number().int(),
});
export type TaskChecklistDto = z.infer<typeof taskChecklistDto>;

/** 线上巡查: an officer reviews an enterprise remotely and records findings, which enter the same loop. */
export const createPatrolBody = z.strictObject({
  enterpriseId: uuidSchema,
  /** Further officers reviewing together (the caller always takes part); two or more are needed for an order. */
  coOfficerIds: z.array(uuidSchema).max(9).default([]),
  note: optionalText('巡查情况', 2000),
  findings: z.array(createFindingBody).max(50).default([]),
});
export type CreatePatrolBody = z.infer<typeof createPatrolBody>;

/** What an officer sees before an online patrol (monitoring, alarms, hazard backlog, self-inspection compliance). */
export const patrolSummaryDto = z.object({
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  riskClass: riskClassSchema,
  monitoring: z.object({
    /** 涉粉作业 enterprise that must be connected (seed §三(六)11). */
    required: z.boolean(),
    devices: z.number().int(),
    activeDevices: z.number().int(),
    /** Latest accepted reading of any device (null: never reported). */
    lastReadingAt: z.string().nullable(),
  }),
  /** null when the alarm store is not available. */
  alarms: z
    .object({
      open: z.number().int(),
      openByLevel: z.record(z.string(), z.number().int()),
      red30Days: z.number().int(),
    })
    .nullable(),
  hazards: z.object({
    open: z.number().int(),
    openMajor: z.number().int(),
    overdue: z.number().int(),
    pendingJudgement: z.number().int(),
    pendingAcceptance: z.number().int(),
  }),
  selfInspection: z.object({
    completedLast30Days: z.number().int(),
    lastCompletedAt: z.string().nullable(),
    /** 主要负责人季度带队检查 (seed §三(四)6): led this quarter. */
    principalLedThisQuarter: z.number().int(),
    quarter: z.string(),
  }),
  lastInspection: z.object({ taskId: z.string(), startedAt: z.string(), kind: z.enum(INSPECTION_TASK_KINDS) }).nullable(),
});
export type PatrolSummaryDto = z.infer<typeof patrolSummaryDto>;

/** An assignable law-enforcement officer with his certificate (行政执法证). */
export const officerDto = z.object({
  id: z.string(),
  displayName: z.string(),
  username: z.string(),
  certificateNo: z.string().nullable(),
  validUntil: z.string().nullable(),
  /** Has a certificate that is valid today: may be assigned. */
  assignable: z.boolean(),
});
export type OfficerDto = z.infer<typeof officerDto>;
export const saveCertificateBody = z.strictObject({
  certificateNo: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z-]{6,30}$/, { error: '执法证号应为 6–30 位数字或字母' }),
  validUntil: isoDate.nullish(),
});
