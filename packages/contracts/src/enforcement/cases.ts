import { z } from 'zod';
import { listQuery, uuidSchema } from '../common.js';
import { fen, isoDate, optionalText, text } from './fields.js';

/** Cases and penalties (立案 / 行政处罚 / 一案双罚) and the 通报 / 约谈 / 曝光 records against enterprises. */

/** Kinds of administrative penalty (行政处罚法 第九条) used in 工贸 safety enforcement. */
export const PENALTY_TYPES = ['warning', 'fine', 'confiscation', 'suspension', 'license_revocation', 'closure'] as const;
export type PenaltyType = (typeof PENALTY_TYPES)[number];
export const PENALTY_TYPE_LABELS: Record<PenaltyType, string> = {
  warning: '警告',
  fine: '罚款',
  confiscation: '没收违法所得',
  suspension: '责令停产停业整顿',
  license_revocation: '暂扣或者吊销有关许可证照',
  closure: '提请关闭',
};

export const PAYMENT_STATUSES = ['not_applicable', 'unpaid', 'paid', 'overdue'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];
export const PAYMENT_STATUS_LABELS: Record<PaymentStatus, string> = {
  not_applicable: '无罚款',
  unpaid: '未缴纳',
  paid: '已缴纳',
  overdue: '逾期未缴纳',
};

export const CASE_STATUSES = ['filed', 'decided', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const CASE_STATUS_LABELS: Record<CaseStatus, string> = { filed: '已立案', decided: '已作出处罚决定', closed: '已结案' };

/** One party's penalty; 一案双罚 = the enterprise's plus its principal's, each with its own decision. */
const penaltyFields = {
  types: z.array(z.enum(PENALTY_TYPES)).min(1, { error: '请选择处罚种类' }),
  fineFen: fen('罚款金额').default(0),
  /** The provision the penalty is imposed under (处罚依据), e.g. 《安全生产法》第一百零二条. */
  penaltyBasis: text('处罚依据', 500),
};
function fineMatchesTypes(p: { types: readonly PenaltyType[]; fineFen: number }, ctx: z.RefinementCtx) {
  if (p.types.includes('fine') !== p.fineFen > 0) {
    ctx.addIssue({ code: 'custom', path: ['fineFen'], message: '选择罚款时须填写罚款金额；未选择罚款时金额应为 0' });
  }
}
export const penaltyInput = z.strictObject(penaltyFields).superRefine(fineMatchesTypes);
export type PenaltyInput = z.infer<typeof penaltyInput>;
export const principalPenaltyInput = z
  .strictObject({ ...penaltyFields, principalName: text('主要负责人姓名', 50) })
  .superRefine(fineMatchesTypes);
export type PrincipalPenaltyInput = z.infer<typeof principalPenaltyInput>;

export const createCaseBody = z.strictObject({
  enterpriseId: uuidSchema,
  /** The inspection task the case comes from (e.g. a missed deadline); null for a case opened otherwise. */
  taskId: uuidSchema.nullish(),
  facts: text('违法事实', 5000),
  /** The provisions violated (违法依据). */
  legalBasis: text('违法依据', 500),
  enterprisePenalty: penaltyInput,
  /** 一案双罚: the principal who failed their duty (安全生产法 第九十四条 et al.). */
  principalPenalty: principalPenaltyInput.nullish(),
});
export type CreateCaseBody = z.infer<typeof createCaseBody>;

export const penaltyDecisionDto = z.object({
  party: z.enum(['enterprise', 'principal']),
  partyName: z.string(),
  types: z.array(z.enum(PENALTY_TYPES)),
  fineFen: z.number().int(),
  penaltyBasis: z.string(),
  decisionNumber: z.string().nullable(),
  /** The 行政处罚决定书 (.docx via /api/v1/enforcement/documents/:id). */
  documentId: z.string().nullable(),
  decisionDate: z.string().nullable(),
  paymentStatus: z.enum(PAYMENT_STATUSES),
  paidAt: z.string().nullable(),
});
export type PenaltyDecisionDto = z.infer<typeof penaltyDecisionDto>;

export const caseDto = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  taskId: z.string().nullable(),
  status: z.enum(CASE_STATUSES),
  facts: z.string(),
  legalBasis: z.string(),
  decisions: z.array(penaltyDecisionDto),
  /** Both the enterprise and its principal are penalised. */
  dualPenalty: z.boolean(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  abilities: z.object({ decide: z.boolean(), recordPayment: z.boolean(), close: z.boolean() }),
});
export type CaseDto = z.infer<typeof caseDto>;

export const recordPaymentBody = z.strictObject({
  party: z.enum(['enterprise', 'principal']),
  paidOn: isoDate,
});

// 通报 / 约谈 / 曝光

/** Seed §四(三): 发现工作推进不力…的企业，进行通报、约谈、曝光. */
export const SUPERVISION_MEASURE_KINDS = ['notice', 'interview', 'exposure'] as const;
export type SupervisionMeasureKind = (typeof SUPERVISION_MEASURE_KINDS)[number];
export const SUPERVISION_MEASURE_KIND_LABELS: Record<SupervisionMeasureKind, string> = {
  notice: '通报',
  interview: '约谈',
  exposure: '曝光',
};

export const createSupervisionMeasureBody = z.strictObject({
  enterpriseId: uuidSchema,
  kind: z.enum(SUPERVISION_MEASURE_KINDS, { error: '请选择通报、约谈或曝光' }),
  date: isoDate,
  subject: text('事由', 200),
  content: text('内容', 5000),
  /** 约谈: who was interviewed (e.g. the principal). */
  attendees: optionalText('约谈对象', 200),
  caseId: uuidSchema.nullish(),
  hazardIds: z.array(uuidSchema).max(50).default([]),
});
export type CreateSupervisionMeasureBody = z.infer<typeof createSupervisionMeasureBody>;
export type RecordPaymentBody = z.infer<typeof recordPaymentBody>;

export const caseListQuery = listQuery.extend({
  status: z.enum(CASE_STATUSES).optional(),
  enterpriseId: uuidSchema.optional(),
  taskId: uuidSchema.optional(),
  paymentStatus: z.enum(PAYMENT_STATUSES).optional(),
});
export type CaseListQuery = z.infer<typeof caseListQuery>;

/** 作出处罚决定: numbers each party's 行政处罚决定书 (一案双罚: two) and dates them. */
export const decideCaseBody = z.strictObject({
  decidedOn: isoDate,
  /** Where the fine is paid (bank and account, or the e-payment channel), printed on the decision. */
  paymentChannel: optionalText('缴款渠道', 200),
  /** The evidence listed on the decision (以上事实有下列证据证明). */
  evidence: z.array(text('证据', 200)).max(20).default([]),
});
export type DecideCaseBody = z.infer<typeof decideCaseBody>;
export const closeCaseBody = z.strictObject({ note: optionalText('结案说明', 1000) });

export const supervisionMeasureDto = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  kind: z.enum(SUPERVISION_MEASURE_KINDS),
  date: z.string(),
  subject: z.string(),
  content: z.string(),
  attendees: z.string().nullable(),
  caseId: z.string().nullable(),
  hazardIds: z.array(z.string()),
  createdAt: z.string(),
});
export type SupervisionMeasureDto = z.infer<typeof supervisionMeasureDto>;
export const supervisionMeasureListQuery = listQuery.extend({
  kind: z.enum(SUPERVISION_MEASURE_KINDS).optional(),
  enterpriseId: uuidSchema.optional(),
});
export type SupervisionMeasureListQuery = z.infer<typeof supervisionMeasureListQuery>;
