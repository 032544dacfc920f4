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

/**
 * Characters a prefix may not contain: the brackets of the year (〔〕 and the [ ] ［ ］ typed for them), digits and
 * whitespace — with them the number would not parse back. The one rule: `formatDocumentNumber` (domain) throws on
 * it, the settings form refuses it.
 */
export const DOCUMENT_PREFIX_FORBIDDEN = /[〔〕[\]［］\s\d]/;
export const DOCUMENT_PREFIX_MAX = 12;

const documentPrefix = z
  .string()
  .trim()
  .min(1, { error: '请填写文号前缀' })
  .max(DOCUMENT_PREFIX_MAX, { error: `文号前缀最多 ${DOCUMENT_PREFIX_MAX} 个字` })
  .refine((p) => !DOCUMENT_PREFIX_FORBIDDEN.test(p), { error: '文号前缀不能包含〔〕、方括号、数字或空格' });
export const documentNumberPrefixesSchema = z.strictObject(
  Object.fromEntries(ENFORCEMENT_DOCUMENT_TYPES.map((t) => [t, documentPrefix])) as Record<EnforcementDocumentType, typeof documentPrefix>,
);
export type DocumentNumberPrefixes = z.infer<typeof documentNumberPrefixesSchema>;

// ——— document settings (the wording as data) ———————————————————————————————————————————————————————

/**
 * The issuing authority printed on every document and the authorities named for 行政复议 and 行政诉讼. 行政复议 of a
 * county department goes to the county-level government (《行政复议法》(2023) 第二十四条), 行政诉讼 to the basic
 * people's court of the district (行政诉讼法 第十四条、第十八条) — from general knowledge, UNCONFIRMED in
 * regulations.md; the bureau confirms its own wording in 执法文书设置.
 */
export const DEFAULT_DOCUMENT_ISSUER = {
  name: '长治市上党区应急管理局',
  reviewAuthority: '长治市上党区人民政府',
  court: '长治市上党区人民法院',
} as const satisfies { name: string; reviewAuthority: string; court: string };

const authorityName = (label: string) =>
  z
    .string()
    .trim()
    .min(2, { error: `${label}至少 2 个字` })
    .max(60, { error: `${label}最多 60 个字` });

export const documentIssuerSchema = z.strictObject({
  name: authorityName('发文机关名称'),
  reviewAuthority: authorityName('行政复议机关名称'),
  court: authorityName('行政诉讼法院名称'),
});
export type DocumentIssuerSettings = z.infer<typeof documentIssuerSchema>;

/** `GET /api/v1/enforcement/document-settings`: the wording in force; `isDefault` = never changed (rev 0). */
export const documentSettingsDto = z.object({
  rev: z.number().int(),
  issuer: documentIssuerSchema,
  prefixes: documentNumberPrefixesSchema,
  updatedAt: z.string().nullable(),
  updatedByName: z.string().nullable(),
  isDefault: z.boolean(),
});
export type DocumentSettingsDto = z.infer<typeof documentSettingsDto>;

/**
 * `PUT /api/v1/enforcement/document-settings`: the whole new wording. `rev` must be the current rev + 1 (409
 * DOCUMENT_SETTINGS_CONFLICT otherwise: someone saved first). Prefixes must differ between document types.
 */
export const saveDocumentSettingsBody = z.strictObject({
  rev: z.number().int().nonnegative(),
  issuer: documentIssuerSchema,
  prefixes: documentNumberPrefixesSchema.superRefine((prefixes, ctx) => {
    const seen = new Map<string, EnforcementDocumentType>();
    for (const type of ENFORCEMENT_DOCUMENT_TYPES) {
      const other = seen.get(prefixes[type]);
      if (other)
        ctx.addIssue({
          code: 'custom',
          path: [type],
          message: `文号前缀与“${ENFORCEMENT_DOCUMENT_TYPE_LABELS[other]}”相同，各类文书的前缀须不同`,
        });
      else seen.set(prefixes[type], type);
    }
  }),
  reason: z.string().trim().min(2, { error: '请填写修改说明（至少 2 个字）' }).max(500, { error: '修改说明最多 500 个字' }),
});
export type SaveDocumentSettingsBody = z.infer<typeof saveDocumentSettingsBody>;

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
