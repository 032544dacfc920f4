import { z } from 'zod';
import { listQuery, uuidSchema } from '../common.js';
import { SECTORS } from '../enterprises.js';
import { CLASSIFICATION_TRIGGERS, classificationRuleSetSchema, riskClassSchema } from './classification.js';
import { fen, text } from './fields.js';

/** The classification endpoints' bodies and answers: the rule set as data, recomputation, statistics, accidents. */

export const ruleSetDto = z.object({
  version: z.number().int(),
  rules: classificationRuleSetSchema,
  note: z.string().nullable(),
  createdByName: z.string().nullable(),
  /** null: the platform default, never amended. */
  createdAt: z.string().nullable(),
  /** Starting rules naming a tag the catalog does not have (they can never fire). */
  unknownTags: z.array(z.string()),
});
export type RuleSetDto = z.infer<typeof ruleSetDto>;

/**
 * `PUT /api/v1/classification/rules`: a new version. `rules.version` must be the current version + 1, so two
 * officials editing at once cannot overwrite each other (the second gets 409).
 */
export const saveRuleSetBody = z.strictObject({ rules: classificationRuleSetSchema, note: text('修订说明', 500) });
export type SaveRuleSetBody = z.infer<typeof saveRuleSetBody>;

export const classCounts = z.object({ A: z.number().int(), B: z.number().int(), C: z.number().int(), D: z.number().int() });
export type ClassCounts = z.infer<typeof classCounts>;

export const classChangeDto = z.object({
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  regionName: z.string(),
  from: riskClassSchema.nullable(),
  to: riskClassSchema,
  trigger: z.enum(CLASSIFICATION_TRIGGERS),
  at: z.string(),
});
export type ClassChangeDto = z.infer<typeof classChangeDto>;

/** `POST /api/v1/classification/recompute`: what the run did. */
export const recomputeResultDto = z.object({
  enterprises: z.number().int(),
  changed: z.number().int(),
  byClass: classCounts,
  ruleSetVersion: z.number().int(),
  ms: z.number().int(),
  /** The changes of this run (at most 200 listed). */
  changes: z.array(classChangeDto),
});
export type RecomputeResultDto = z.infer<typeof recomputeResultDto>;

/** `GET /api/v1/classification/stats`: distribution by region and sector, and this month's class changes. */
export const classificationStatsDto = z.object({
  total: z.number().int(),
  byClass: classCounts,
  byRegion: z.array(classCounts.extend({ regionId: z.string(), regionName: z.string() })),
  bySector: z.array(classCounts.extend({ sector: z.enum(SECTORS).nullable() })),
  /** Changes of the class in force since the first day of this month (Asia/Shanghai), newest first (≤ 500). */
  changesThisMonth: z.array(classChangeDto),
  month: z.string(),
});
export type ClassificationStatsDto = z.infer<typeof classificationStatsDto>;

/** 构成重大危险源: a profile fact the registry does not carry (Shanxi starts such enterprises at B). */
export const majorHazardInstallationBody = z.strictObject({
  majorHazardInstallation: z.boolean(),
  reason: text('变更理由', 500, 2),
});

// ——— accidents ———

/** 国务院令第493号 grades (regulations.md §7 [C]). */
export const ACCIDENT_GRADES = ['general', 'larger', 'major', 'especially_major'] as const;
export type AccidentGrade = (typeof ACCIDENT_GRADES)[number];
export const ACCIDENT_GRADE_LABELS: Record<AccidentGrade, string> = {
  general: '一般事故',
  larger: '较大事故',
  major: '重大事故',
  especially_major: '特别重大事故',
};

const count = (what: string) =>
  z
    .number({ error: `请填写${what}` })
    .int({ error: `${what}须为整数` })
    .min(0, { error: `${what}不能为负数` })
    .max(100_000);

export const createAccidentBody = z.strictObject({
  enterpriseId: uuidSchema,
  occurredAt: z.iso.datetime({ offset: true, error: '时间格式不正确' }),
  grade: z.enum(ACCIDENT_GRADES, { error: '请选择事故等级' }),
  deaths: count('死亡人数').default(0),
  seriousInjuries: count('重伤人数').default(0),
  directLossFen: fen('直接经济损失').default(0),
  description: text('事故经过', 2000),
});
export type CreateAccidentBody = z.infer<typeof createAccidentBody>;

export const accidentDto = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  occurredAt: z.string(),
  grade: z.enum(ACCIDENT_GRADES),
  deaths: z.number().int(),
  seriousInjuries: z.number().int(),
  directLossFen: z.number().int(),
  description: z.string(),
  createdAt: z.string(),
});
export type AccidentDto = z.infer<typeof accidentDto>;
export const accidentListQuery = listQuery.extend({ enterpriseId: uuidSchema.optional() });
