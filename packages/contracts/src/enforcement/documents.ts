import { z } from 'zod';
import { listQuery, uuidSchema } from '../common.js';

/** The four enforcement documents (执法文书) and their number prefixes (发文机关代字). */

export const ENFORCEMENT_DOCUMENT_TYPES = ['inspection_record', 'rectification_order', 'reinspection_opinion', 'penalty_decision'] as const;
export type EnforcementDocumentType = (typeof ENFORCEMENT_DOCUMENT_TYPES)[number];
export const ENFORCEMENT_DOCUMENT_TYPE_LABELS: Record<EnforcementDocumentType, string> = {
  inspection_record: '现场检查记录',
  rectification_order: '责令限期整改指令书',
  reinspection_opinion: '整改复查意见书',
  penalty_decision: '行政处罚决定书',
};

/**
 * Number prefixes (发文机关代字) per document type; a number reads `上应急责改〔2026〕12号`. The defaults follow the
 * pattern of the national 安全生产执法文书 forms (（ ）应急检记 / 应急责改 / 应急复查 / 应急罚) with 上 for 上党区 — from
 * general knowledge, not in regulations.md: UNCONFIRMED until the bureau confirms its own 代字.
 * Data: the bureau may change them (the server keeps the current set); a prefix may not contain the brackets.
 */
export const DEFAULT_DOCUMENT_NUMBER_PREFIXES: Record<EnforcementDocumentType, string> = {
  inspection_record: '上应急检记',
  rectification_order: '上应急责改',
  reinspection_opinion: '上应急复查',
  penalty_decision: '上应急罚',
};

const documentPrefix = z
  .string()
  .trim()
  .min(1, { error: '请填写文号前缀' })
  .max(20, { error: '文号前缀最多 20 个字' })
  .regex(/^[^〔〕[\]［］\d\s]+$/, { error: '文号前缀不能包含括号、数字或空格' });
export const documentNumberPrefixesSchema = z.strictObject(
  Object.fromEntries(ENFORCEMENT_DOCUMENT_TYPES.map((t) => [t, documentPrefix])) as Record<EnforcementDocumentType, typeof documentPrefix>,
);
export type DocumentNumberPrefixes = z.infer<typeof documentNumberPrefixesSchema>;

export const enforcementDocumentDto = z.object({
  id: z.string(),
  type: z.enum(ENFORCEMENT_DOCUMENT_TYPES),
  /** e.g. 上应急责改〔2026〕12号. */
  number: z.string(),
  year: z.number().int(),
  sequence: z.number().int(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  /** The task or case it was generated from. */
  taskId: z.string().nullable(),
  caseId: z.string().nullable(),
  createdAt: z.string(),
});
export type EnforcementDocumentDto = z.infer<typeof enforcementDocumentDto>;

export const documentListQuery = listQuery.extend({
  type: z.enum(ENFORCEMENT_DOCUMENT_TYPES).optional(),
  enterpriseId: uuidSchema.optional(),
  taskId: uuidSchema.optional(),
  caseId: uuidSchema.optional(),
  year: z.coerce.number().int().min(2020).max(2100).optional(),
});
export type DocumentListQuery = z.infer<typeof documentListQuery>;
