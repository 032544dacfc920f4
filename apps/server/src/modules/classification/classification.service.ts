import type {
  ClassificationDto,
  OverrideClassificationBody,
  RecomputeResultDto,
  RiskClass,
  RuleSetDto,
  SaveRuleSetBody,
} from '@zhiben/contracts';
import { schema, type Tx } from '@zhiben/db';
import { classifyEnterprise, unknownStartingRuleTags } from '@zhiben/domain';
import { desc, eq } from 'drizzle-orm';
import { mutateAs, type ServiceContext } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { classificationHistory, enterpriseClassifications } from '../enforcement/tables.js';
import { findEnterprise } from '../enterprises/enterprises.repository.js';
import { toClassificationDto } from './classification.mapper.js';
import { loadFacts } from './facts.repository.js';
import { recomputeClasses } from './recompute.js';
import { currentRuleSet, insertRuleSet } from './rules.repository.js';

const HISTORY_LIMIT = 100;

async function visibleEnterprise(ctx: ServiceContext, id: string) {
  const enterprise = await findEnterprise(ctx.db, ctx.principal.scope, id);
  if (!enterprise) throw notFound();
  return enterprise;
}

/**
 * `GET /classification/enterprises/:id`: the class in force, the rules that fired with their values, and the
 * history. An enterprise not classified yet is classified on the fly (nothing stored; the history is empty).
 */
export async function getClassification(ctx: ServiceContext, id: string): Promise<ClassificationDto> {
  await visibleEnterprise(ctx, id);
  const [stored] = await ctx.db.select().from(enterpriseClassifications).where(eq(enterpriseClassifications.enterpriseId, id));
  if (stored) {
    const history = await ctx.db
      .select()
      .from(classificationHistory)
      .where(eq(classificationHistory.enterpriseId, id))
      .orderBy(desc(classificationHistory.at), desc(classificationHistory.id))
      .limit(HISTORY_LIMIT);
    return toClassificationDto(stored, history);
  }
  const now = ctx.clock();
  const { rules } = await currentRuleSet(ctx.db);
  const [row] = await loadFacts(ctx.db, rules, now, { enterpriseIds: [id] });
  if (!row) throw notFound();
  const result = classifyEnterprise(row.facts, rules);
  return {
    enterpriseId: id,
    riskClass: result.riskClass,
    computedClass: result.computedClass,
    startClass: result.startClass,
    clamped: result.clamped,
    override: null,
    majorHazardInstallation: row.facts.majorHazardInstallation,
    explanation: result.explanation,
    ruleSetVersion: result.ruleSetVersion,
    computedAt: now.toISOString(),
    history: [],
  };
}

/** The stored row (classifying the enterprise first when it has none), locked for the rest of the transaction. */
async function lockedClassification(tx: Tx, enterpriseId: string, now: Date) {
  const select = () =>
    tx.select().from(enterpriseClassifications).where(eq(enterpriseClassifications.enterpriseId, enterpriseId)).for('update');
  const [row] = await select();
  if (row) return row;
  await recomputeClasses(tx, { now, trigger: 'event', enterpriseIds: [enterpriseId] });
  const [created] = await select();
  if (!created) throw new AppError('INTERNAL');
  return created;
}

const actorOf = (ctx: ServiceContext) => ({ id: ctx.principal.userId, name: ctx.principal.displayName });

/** 人工调整: the class in force becomes the official's, with the reason, until cleared (audited, in the history). */
export async function override(ctx: ServiceContext, id: string, body: OverrideClassificationBody): Promise<ClassificationDto> {
  const enterprise = await visibleEnterprise(ctx, id);
  const now = ctx.clock();
  await mutateAs(ctx, async (tx) => {
    const before = await lockedClassification(tx, id, now);
    await tx
      .update(enterpriseClassifications)
      .set({
        overrideClass: body.riskClass,
        overrideReason: body.reason,
        overrideBy: ctx.principal.userId,
        overrideByName: ctx.principal.displayName,
        overrideAt: now,
      })
      .where(eq(enterpriseClassifications.enterpriseId, id));
    await recomputeClasses(tx, {
      now,
      trigger: 'override',
      enterpriseIds: [id],
      actor: actorOf(ctx),
      reason: body.reason,
      forceHistory: true,
    });
    return {
      result: undefined,
      audit: {
        action: 'classification.overridden',
        entityType: 'enterprise_classification',
        entityId: id,
        enterpriseId: id,
        regionPath: enterprise.regionPath,
        before: { riskClass: before.riskClass, computedClass: before.computedClass, overrideClass: before.overrideClass },
        after: { riskClass: body.riskClass, overrideClass: body.riskClass, reason: body.reason },
      },
    };
  });
  return getClassification(ctx, id);
}

/** 取消人工调整: back to the computed class (409 when there is no override). */
export async function clearOverride(ctx: ServiceContext, id: string, body: { reason: string }): Promise<ClassificationDto> {
  const enterprise = await visibleEnterprise(ctx, id);
  const now = ctx.clock();
  await mutateAs(ctx, async (tx) => {
    const before = await lockedClassification(tx, id, now);
    if (!before.overrideClass) throw new AppError('STATE_CONFLICT', '该企业没有人工调整的风险等级');
    await tx
      .update(enterpriseClassifications)
      .set({ overrideClass: null, overrideReason: null, overrideBy: null, overrideByName: null, overrideAt: null })
      .where(eq(enterpriseClassifications.enterpriseId, id));
    await recomputeClasses(tx, {
      now,
      trigger: 'override_cleared',
      enterpriseIds: [id],
      actor: actorOf(ctx),
      reason: body.reason,
      forceHistory: true,
    });
    const [after] = await tx
      .select({ riskClass: enterpriseClassifications.riskClass })
      .from(enterpriseClassifications)
      .where(eq(enterpriseClassifications.enterpriseId, id));
    return {
      result: undefined,
      audit: {
        action: 'classification.override_cleared',
        entityType: 'enterprise_classification',
        entityId: id,
        enterpriseId: id,
        regionPath: enterprise.regionPath,
        before: { riskClass: before.riskClass, overrideClass: before.overrideClass, overrideReason: before.overrideReason },
        after: { riskClass: after?.riskClass ?? null, overrideClass: null, reason: body.reason },
      },
    };
  });
  return getClassification(ctx, id);
}

/** 构成重大危险源 (a starting-class fact the registry does not hold), recorded by the bureau with a reason. */
export async function setMajorHazardInstallation(
  ctx: ServiceContext,
  id: string,
  body: { majorHazardInstallation: boolean; reason: string },
): Promise<ClassificationDto> {
  const enterprise = await visibleEnterprise(ctx, id);
  const now = ctx.clock();
  await mutateAs(ctx, async (tx) => {
    const before = await lockedClassification(tx, id, now);
    await tx
      .update(enterpriseClassifications)
      .set({ majorHazardInstallation: body.majorHazardInstallation })
      .where(eq(enterpriseClassifications.enterpriseId, id));
    await recomputeClasses(tx, { now, trigger: 'profile', enterpriseIds: [id], actor: actorOf(ctx), reason: body.reason });
    return {
      result: undefined,
      audit: {
        action: 'classification.profile_updated',
        entityType: 'enterprise_classification',
        entityId: id,
        enterpriseId: id,
        regionPath: enterprise.regionPath,
        before: { majorHazardInstallation: before.majorHazardInstallation },
        after: { majorHazardInstallation: body.majorHazardInstallation, reason: body.reason },
      },
    };
  });
  return getClassification(ctx, id);
}

/** `POST /classification/recompute`: every enterprise in the caller's scope, or the ones named (audited summary). */
export async function recompute(ctx: ServiceContext, body: { enterpriseIds?: string[] | undefined }): Promise<RecomputeResultDto> {
  const now = ctx.clock();
  return mutateAs(ctx, async (tx) => {
    const result = await recomputeClasses(tx, {
      now,
      trigger: 'on_demand',
      scope: ctx.principal.scope,
      actor: actorOf(ctx),
      ...(body.enterpriseIds ? { enterpriseIds: [...new Set(body.enterpriseIds)] } : {}),
    });
    if (body.enterpriseIds && result.enterprises === 0) throw notFound();
    return {
      result,
      audit: {
        action: 'classification.recomputed',
        entityType: 'classification',
        entityId: null,
        after: {
          enterprises: result.enterprises,
          changed: result.changed,
          byClass: result.byClass,
          ruleSetVersion: result.ruleSetVersion,
          changes: result.changes.map((c) => ({ enterpriseId: c.enterpriseId, from: c.from, to: c.to })),
        },
      },
    };
  });
}

export async function getRules(ctx: ServiceContext): Promise<RuleSetDto> {
  const stored = await currentRuleSet(ctx.db);
  const tags = await ctx.db.select({ code: schema.riskTags.code }).from(schema.riskTags);
  return {
    version: stored.rules.version,
    rules: stored.rules,
    note: stored.note,
    createdByName: stored.createdByName,
    createdAt: stored.createdAt?.toISOString() ?? null,
    unknownTags: unknownStartingRuleTags(
      stored.rules,
      tags.map((t) => t.code),
    ),
  };
}

/**
 * A new version of the rule set (动态调整 as data): `rules.version` must be the version in force + 1 (else 409:
 * someone else saved first). One audit row records the old and the new rules. Classes follow at the next nightly
 * run, or at once with `POST /classification/recompute` (the web offers it after saving): a district-wide
 * reclassification is not hidden inside an edit.
 */
export async function saveRules(ctx: ServiceContext, body: SaveRuleSetBody): Promise<RuleSetDto> {
  const now = ctx.clock();
  await mutateAs(ctx, async (tx) => {
    const current = await currentRuleSet(tx);
    if (body.rules.version !== current.rules.version + 1) {
      throw new AppError('RULE_SET_VERSION_CONFLICT', undefined, { currentVersion: current.rules.version });
    }
    await insertRuleSet(tx, body.rules, { note: body.note, actorId: ctx.principal.userId, actorName: ctx.principal.displayName, at: now });
    return {
      result: undefined,
      audit: {
        action: 'classification.rules_updated',
        entityType: 'classification_rules',
        entityId: String(body.rules.version),
        before: current.rules,
        after: { rules: body.rules, note: body.note },
      },
    };
  });
  return getRules(ctx);
}

/** The class in force of some enterprises (stored, else computed now); for plan drafts and views. */
export async function classesOf(ctx: Pick<ServiceContext, 'db' | 'clock'>, enterpriseIds: string[]): Promise<Map<string, RiskClass>> {
  const out = new Map<string, RiskClass>();
  if (enterpriseIds.length === 0) return out;
  const { rules } = await currentRuleSet(ctx.db);
  const rows = await loadFacts(ctx.db, rules, ctx.clock(), { enterpriseIds });
  for (const row of rows) {
    out.set(row.enterpriseId, (row.stored?.riskClass as RiskClass | undefined) ?? classifyEnterprise(row.facts, rules).riskClass);
  }
  return out;
}
