import { z } from 'zod';
import { uuidSchema } from '../common.js';
import { STANDARDIZATION_LEVELS } from '../enterprises.js';
import { text } from './fields.js';

/** Risk classes (分级分类) A–D, the classification rule set as data, and the classification with its explanation. */

/**
 * Shanxi risk classes (《山西省冶金工贸行业安全生产分类分级监管实施办法》, regulations.md §6 [C]):
 * A 重大风险, B 较大风险, C 一般风险, D 低风险. Ordered from the highest risk to the lowest.
 */
export const RISK_CLASSES = ['A', 'B', 'C', 'D'] as const;
export type RiskClass = (typeof RISK_CLASSES)[number];
export const riskClassSchema = z.enum(RISK_CLASSES, { error: '风险等级应为 A、B、C 或 D' });

export const RISK_CLASS_LABELS: Record<RiskClass, string> = { A: '重大风险', B: '较大风险', C: '一般风险', D: '低风险' };
/** Colour keys as used by alarm levels (red/orange/yellow/blue = 红/橙/黄/蓝, regulations.md §7 [C]). */
export const RISK_CLASS_COLORS: Record<RiskClass, 'red' | 'orange' | 'yellow' | 'blue'> = {
  A: 'red',
  B: 'orange',
  C: 'yellow',
  D: 'blue',
};
export const RISK_CLASS_COLOR_LABELS: Record<RiskClass, string> = { A: '红', B: '橙', C: '黄', D: '蓝' };

// classification rules (data)

/** Counted facts the server supplies for one enterprise; the windows of the dated ones are in the rule set. */
export const CLASSIFICATION_COUNT_FACTS = [
  'openMajorHazards',
  'overdueMajorHazards',
  'majorHazardsFound',
  'redAlarms',
  'penalties',
  'accidents',
] as const;
export type ClassificationCountFact = (typeof CLASSIFICATION_COUNT_FACTS)[number];
export const CLASSIFICATION_COUNT_FACT_LABELS: Record<ClassificationCountFact, string> = {
  openMajorHazards: '未销号重大事故隐患数',
  overdueMajorHazards: '逾期未整改重大事故隐患数',
  majorHazardsFound: '期内查出的重大事故隐患数',
  redAlarms: '红色报警次数',
  penalties: '行政处罚次数',
  accidents: '生产安全事故起数',
};
/** Yes/no facts. `monitoringNotConnected`: the enterprise must be connected to monitoring and is not. */
export const CLASSIFICATION_FLAG_FACTS = ['monitoringNotConnected'] as const;
export type ClassificationFlagFact = (typeof CLASSIFICATION_FLAG_FACTS)[number];

const ruleCode = z.string().regex(/^[a-z][a-z0-9_]{1,59}$/, { error: '规则代码格式不正确（小写字母、数字、下划线）' });
const ruleMeta = {
  code: ruleCode,
  label: text('规则名称', 100),
  /** Where the rule comes from (regulation, article, or the bureau's own decision). */
  source: text('规则来源', 300),
  /** false = not read in an official text (regulations.md: UNCONFIRMED), or a platform default to be confirmed. */
  verified: z.boolean(),
};
/** Classes moved: positive = towards A (higher risk), negative = towards D. */
const effect = z
  .number()
  .int({ error: '调整档数须为整数' })
  .min(-3, { error: '调整档数在 -3 到 3 之间' })
  .max(3, { error: '调整档数在 -3 到 3 之间' });

export const startingClassRuleSchema = z.strictObject({
  ...ruleMeta,
  /** A risk tag code of the catalog (packages/db/src/seed/risk-tags.data.ts) or the 重大危险源 flag. */
  match: z.union([z.strictObject({ riskTag: z.string().min(1).max(40) }), z.strictObject({ majorHazardInstallation: z.literal(true) })]),
  riskClass: riskClassSchema,
});
export type StartingClassRule = z.infer<typeof startingClassRuleSchema>;

export const adjustmentRuleSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('count'),
    ...ruleMeta,
    fact: z.enum(CLASSIFICATION_COUNT_FACTS),
    /** Fires when the fact is at least this. */
    atLeast: z.number().int().min(1, { error: '触发阈值至少为 1' }),
    effect: effect.refine((n) => n !== 0, { error: '调整档数不能为 0' }),
  }),
  z.strictObject({
    kind: z.literal('flag'),
    ...ruleMeta,
    fact: z.enum(CLASSIFICATION_FLAG_FACTS),
    effect: effect.refine((n) => n !== 0, { error: '调整档数不能为 0' }),
  }),
  z.strictObject({
    kind: z.literal('level'),
    ...ruleMeta,
    fact: z.literal('standardizationLevel'),
    /** Effect per standardization level; a level whose effect is 0 does not fire. */
    effects: z.record(z.enum(STANDARDIZATION_LEVELS), effect),
  }),
]);
export type AdjustmentRule = z.infer<typeof adjustmentRuleSchema>;

/** A look-back window: whole days, or calendar months (Asia/Shanghai), ending now. */
export const factWindowSchema = z.union([
  z.strictObject({ days: z.number().int().min(1).max(3660) }),
  z.strictObject({ months: z.number().int().min(1).max(120) }),
]);
export type FactWindow = z.infer<typeof factWindowSchema>;

/** The whole rule set: versioned data an official may amend (动态调整); stored by the server, evaluated by domain. */
export const classificationRuleSetSchema = z
  .strictObject({
    version: z.number().int().min(1),
    /** The class of an enterprise no starting rule matches (山西: 其他企业起评 C). */
    defaultClass: riskClassSchema,
    defaultSource: text('规则来源', 300),
    startingRules: z.array(startingClassRuleSchema).max(100),
    adjustments: z.array(adjustmentRuleSchema).max(100),
    /** Look-back windows of the dated count facts. */
    windows: z.strictObject({
      majorHazardsFound: factWindowSchema,
      redAlarms: factWindowSchema,
      penalties: factWindowSchema,
      accidents: factWindowSchema,
    }),
  })
  .superRefine((set, ctx) => {
    const seen = new Set<string>();
    const codes = [...set.startingRules.map((r) => r.code), ...set.adjustments.map((r) => r.code)];
    for (const code of codes) {
      if (seen.has(code)) ctx.addIssue({ code: 'custom', path: [], message: `规则代码「${code}」重复` });
      seen.add(code);
    }
  });
export type ClassificationRuleSet = z.infer<typeof classificationRuleSetSchema>;

// classification result

export const CLASSIFICATION_ENTRY_KINDS = ['start', 'adjustment', 'override'] as const;

/** One rule that fired, with the value that made it fire. */
export const classificationExplanationItem = z.object({
  /** The rule's code (data), `default_start`, or `manual_override`. */
  rule: z.string(),
  kind: z.enum(CLASSIFICATION_ENTRY_KINDS),
  label: z.string(),
  /** The fact that fired it: a count, a tag code, a level code, true, or the overriding class. */
  value: z.union([z.string(), z.number(), z.boolean(), z.null()]),
  /** Classes moved (positive = towards A); 0 for a starting rule, which sets `riskClass` instead. */
  effect: z.number().int(),
  /** For `start` and `override`: the class the entry sets. */
  riskClass: riskClassSchema.nullable(),
  source: z.string(),
});
export type ClassificationExplanationItem = z.infer<typeof classificationExplanationItem>;

/** `event`: recomputed right after a change of its facts (a finding, a closed task, a penalty, an accident). */
export const CLASSIFICATION_TRIGGERS = ['nightly', 'on_demand', 'event', 'override', 'override_cleared', 'profile'] as const;
export type ClassificationTrigger = (typeof CLASSIFICATION_TRIGGERS)[number];
export const CLASSIFICATION_TRIGGER_LABELS: Record<ClassificationTrigger, string> = {
  nightly: '每日自动计算',
  on_demand: '手动重新计算',
  event: '业务数据变化后自动计算',
  override: '人工调整',
  override_cleared: '取消人工调整',
  profile: '重大危险源登记变更',
};

export const classificationOverrideDto = z.object({
  riskClass: riskClassSchema,
  reason: z.string(),
  byName: z.string().nullable(),
  at: z.string(),
});

export const classificationHistoryItem = z.object({
  riskClass: riskClassSchema,
  previousClass: riskClassSchema.nullable(),
  computedClass: riskClassSchema,
  trigger: z.enum(CLASSIFICATION_TRIGGERS),
  explanation: z.array(classificationExplanationItem),
  ruleSetVersion: z.number().int(),
  /** The override reason for `override` / `override_cleared`. */
  reason: z.string().nullable(),
  actorName: z.string().nullable(),
  at: z.string(),
});
export type ClassificationHistoryItem = z.infer<typeof classificationHistoryItem>;

/** `GET /api/v1/classification/enterprises/:id`. */
export const classificationDto = z.object({
  enterpriseId: z.string(),
  /** The class in force: the override when there is one, else the computed class. */
  riskClass: riskClassSchema,
  computedClass: riskClassSchema,
  startClass: riskClassSchema,
  /** The computed adjustments reached beyond A or D and were clamped. */
  clamped: z.boolean(),
  override: classificationOverrideDto.nullable(),
  /** 构成重大危险源: the profile fact officials set (`POST …/major-hazard-installation`); it can start the class at B. */
  majorHazardInstallation: z.boolean(),
  explanation: z.array(classificationExplanationItem),
  ruleSetVersion: z.number().int(),
  computedAt: z.string(),
  history: z.array(classificationHistoryItem),
});
export type ClassificationDto = z.infer<typeof classificationDto>;

export const overrideClassificationBody = z.strictObject({
  riskClass: riskClassSchema,
  reason: text('调整理由', 500, 5),
});
export type OverrideClassificationBody = z.infer<typeof overrideClassificationBody>;
export const clearClassificationOverrideBody = z.strictObject({ reason: text('取消理由', 500, 5) });

/** `POST /api/v1/classification/recompute`: all enterprises in scope, or the ones named. */
export const recomputeClassificationBody = z.strictObject({
  enterpriseIds: z.array(uuidSchema).min(1).max(5000).optional(),
});
