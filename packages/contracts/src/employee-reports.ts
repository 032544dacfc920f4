import { z } from 'zod';
import { listQuery, phoneSchema, uuidSchema } from './common.js';

/**
 * 员工报告隐患奖励: anyone reaches an enterprise's report page through its QR code and reports a hazard, signed in
 * or anonymously (optionally leaving a phone number for feedback). The enterprise verifies it (属实 / 不属实 / 重复),
 * grades it and records the reward from its reward scale; the reporter follows the outcome with a receipt code.
 * The reporter's identity is visible only to the enterprise principal and the bureau.
 */
export const EMPLOYEE_REPORT_STATUSES = ['submitted', 'confirmed', 'rejected', 'duplicate'] as const;
export type EmployeeReportStatus = (typeof EMPLOYEE_REPORT_STATUSES)[number];
export const EMPLOYEE_REPORT_STATUS_LABELS: Record<EmployeeReportStatus, string> = {
  submitted: '待核实',
  confirmed: '属实',
  rejected: '不属实',
  duplicate: '重复',
};

/** The verification outcome as the enterprise records it, and the status it leads to. */
export const VERIFICATION_OUTCOMES = ['true', 'false', 'duplicate'] as const;
export type VerificationOutcome = (typeof VERIFICATION_OUTCOMES)[number];
export const OUTCOME_STATUS: Record<VerificationOutcome, Exclude<EmployeeReportStatus, 'submitted'>> = {
  true: 'confirmed',
  false: 'rejected',
  duplicate: 'duplicate',
};
export const OUTCOME_LABELS: Record<VerificationOutcome, string> = { true: '属实', false: '不属实', duplicate: '重复' };

/** Limits of the anonymous report page (the server enforces them; the page shows them). */
export const REPORT_LIMITS = {
  maxPhotos: 3,
  maxPhotoBytes: 5 * 1024 * 1024,
  descriptionMax: 2000,
  locationMax: 200,
} as const;

// ── reward scale (奖励标准) ─────────────────────────────────────────────────────────────────────────────

export const rewardScaleEntry = z.strictObject({
  grade: z.string().trim().min(1, { error: '请填写等级名称' }).max(20, { error: '等级名称不超过 20 个字' }),
  /** Integer fen (分). */
  amountFen: z
    .number({ error: '奖励金额必须是数字' })
    .int({ error: '奖励金额以“分”为单位，必须是整数' })
    .min(0, { error: '奖励金额不能为负数' })
    .max(100_000_000, { error: '单项奖励不超过 100 万元' }),
});
export type RewardScaleEntry = z.infer<typeof rewardScaleEntry>;

export const rewardScale = z
  .array(rewardScaleEntry)
  .min(1, { error: '至少设置一个奖励等级' })
  .max(10, { error: '奖励等级不超过 10 个' })
  .refine((entries) => new Set(entries.map((e) => e.grade)).size === entries.length, { error: '奖励等级名称不能重复' });

/** The scale a new enterprise starts with (the principal edits it). */
export const DEFAULT_REWARD_SCALE: RewardScaleEntry[] = [
  { grade: '一般', amountFen: 5_000 },
  { grade: '较大', amountFen: 20_000 },
  { grade: '重大', amountFen: 100_000 },
];

export const reportSettingsDto = z.object({
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  /** The secret in the QR code; rotating it invalidates printed codes. */
  token: z.string(),
  /** Path of the mobile report page (the web app prefixes its own origin and renders the QR code). */
  reportPath: z.string(),
  rewardScale: z.array(rewardScaleEntry),
  updatedAt: z.string(),
  abilities: z.object({ edit: z.boolean(), rotate: z.boolean() }),
});
export type ReportSettingsDto = z.infer<typeof reportSettingsDto>;

export const updateReportSettingsBody = z.strictObject({ rewardScale });
export type UpdateReportSettingsBody = z.infer<typeof updateReportSettingsBody>;

// ── the public page ────────────────────────────────────────────────────────────────────────────────────

/** Fields of a report (JSON body, or the text fields of the multipart form next to up to 3 `file` photos). */
export const submitReportBody = z.strictObject({
  description: z
    .string({ error: '请描述发现的隐患' })
    .trim()
    .min(4, { error: '隐患描述至少 4 个字' })
    .max(REPORT_LIMITS.descriptionMax, { error: `隐患描述不超过 ${REPORT_LIMITS.descriptionMax} 字` }),
  location: z
    .string()
    .trim()
    .max(REPORT_LIMITS.locationMax, { error: `位置不超过 ${REPORT_LIMITS.locationMax} 字` })
    .optional()
    .transform((v) => v || undefined),
  /** Optional, for feedback; seen only by the principal and the bureau. */
  phone: z
    .union([z.literal(''), phoneSchema])
    .optional()
    .transform((v) => v || undefined),
});
export type SubmitReportBody = z.infer<typeof submitReportBody>;

export const reportReceiptDto = z.object({
  /** Shown as XXXXX-XXXXX (Crockford base32); the reporter keeps it to follow the outcome. */
  receiptCode: z.string(),
});

export const enterpriseTokenParams = z.strictObject({ enterpriseToken: z.string().max(64) });
export const receiptCodeParams = z.strictObject({ code: z.string().max(32) });

/** What the receipt lookup shows: outcome and reward, never names or internal notes. */
export const receiptStatusDto = z.object({
  receiptCode: z.string(),
  enterpriseName: z.string(),
  submittedAt: z.string(),
  status: z.enum(EMPLOYEE_REPORT_STATUSES),
  statusLabel: z.string(),
  outcome: z.enum(VERIFICATION_OUTCOMES).nullable(),
  /** 属实 / 不属实 / 重复, or null while 待核实. */
  outcomeLabel: z.string().nullable(),
  verifiedAt: z.string().nullable(),
  grade: z.string().nullable(),
  rewardFen: z.number().int().nullable(),
  rewardPaidAt: z.string().nullable(),
});
export type ReceiptStatusDto = z.infer<typeof receiptStatusDto>;

// ── the enterprise side ───────────────────────────────────────────────────────────────────────────────

export const employeeReportDto = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  regionName: z.string(),
  /** In full only with `reports.read_identity` (it is what an anonymous reporter claims the reward with); masked otherwise. */
  receiptCode: z.string(),
  description: z.string(),
  location: z.string().nullable(),
  /** Photo hashes: `/api/v1/files/<hash>`. */
  photos: z.array(z.string()),
  status: z.enum(EMPLOYEE_REPORT_STATUSES),
  statusLabel: z.string(),
  grade: z.string().nullable(),
  rewardFen: z.number().int().nullable(),
  rewardPaidAt: z.string().nullable(),
  hazardId: z.string().nullable(),
  verifiedAt: z.string().nullable(),
  verifiedByName: z.string().nullable(),
  verificationNote: z.string().nullable(),
  createdAt: z.string(),
  /** true: the caller may not see who reported (the three reporter fields are null). */
  identityHidden: z.boolean(),
  reporterUserId: z.string().nullable(),
  reporterName: z.string().nullable(),
  reporterPhone: z.string().nullable(),
  abilities: z.object({ verify: z.boolean(), reward: z.boolean() }),
});
export type EmployeeReportDto = z.infer<typeof employeeReportDto>;

export const employeeReportListQuery = listQuery.extend({
  enterpriseId: uuidSchema.optional(),
  status: z.enum(EMPLOYEE_REPORT_STATUSES).optional(),
  /** A grade of the reward scale (as recorded on the report). */
  grade: z.string().trim().min(1).max(20).optional(),
  /** Reported on or after / on or before these days (Asia/Shanghai). */
  from: z.iso.date({ error: '开始日期格式应为 YYYY-MM-DD' }).optional(),
  to: z.iso.date({ error: '结束日期格式应为 YYYY-MM-DD' }).optional(),
});
export type EmployeeReportListQuery = z.infer<typeof employeeReportListQuery>;

export const verifyReportBody = z.strictObject({
  outcome: z.enum(VERIFICATION_OUTCOMES, { error: '核实结果只能是 属实(true)、不属实(false) 或 重复(duplicate)' }),
  /** A grade of the enterprise's reward scale (属实 only). */
  grade: z.string().trim().min(1).max(20).optional(),
  note: z.string().trim().max(500, { error: '核实说明不超过 500 字' }).optional(),
});
export type VerifyReportBody = z.infer<typeof verifyReportBody>;

export const rewardReportBody = z.strictObject({
  grade: z.string({ error: '请选择奖励等级' }).trim().min(1, { error: '请选择奖励等级' }).max(20),
  /** When the reward was paid (a date is read in Asia/Shanghai); omitted = awarded but not yet paid. */
  paidAt: z.union([z.iso.date(), z.iso.datetime({ offset: true })], { error: '发放日期格式应为 2026-11-20' }).optional(),
});
export type RewardReportBody = z.infer<typeof rewardReportBody>;
