import type { ClassChangeDto, ClassCounts, ClassificationTrigger, RecomputeResultDto, RiskClass, Scope } from '@zhiben/contracts';
import type { Executor } from '@zhiben/db';
import { classifyEnterprise } from '@zhiben/domain';
import { sql } from 'drizzle-orm';
import { classificationHistory, enterpriseClassifications } from '../enforcement/tables.js';
import { loadFacts } from './facts.repository.js';
import { currentRuleSet } from './rules.repository.js';

export interface RecomputeOptions {
  now: Date;
  trigger: ClassificationTrigger;
  /** Limit to these enterprises (events, on-demand for a selection); default every enterprise in `scope`. */
  enterpriseIds?: readonly string[];
  scope?: Scope;
  actor?: { id: string | null; name: string | null };
  /** Recorded in the history for overrides and profile changes. */
  reason?: string | null;
  /** Write a history row even when the class does not change (an override equal to the computed class). */
  forceHistory?: boolean;
}

const BATCH = 500;
const LISTED_CHANGES = 200;

/**
 * Classifies enterprises from their live facts with the rule set in force, in the caller's transaction: stores
 * class, explanation and facts, and a history row for every change of the class in force or of the computed
 * class (a first classification included). Idempotent: a second run with the same facts changes nothing but
 * `computed_at`.
 */
export async function recomputeClasses(tx: Executor, options: RecomputeOptions): Promise<RecomputeResultDto> {
  const started = Date.now();
  const { rules } = await currentRuleSet(tx);
  const filter = {
    ...(options.scope ? { scope: options.scope } : {}),
    ...(options.enterpriseIds ? { enterpriseIds: options.enterpriseIds } : {}),
  };
  const rows = await loadFacts(tx, rules, options.now, filter);
  const byClass: ClassCounts = { A: 0, B: 0, C: 0, D: 0 };
  const changes: ClassChangeDto[] = [];
  let changed = 0;
  const upserts: (typeof enterpriseClassifications.$inferInsert)[] = [];
  const history: (typeof classificationHistory.$inferInsert)[] = [];

  for (const row of rows) {
    const override = row.stored?.overrideClass
      ? { riskClass: row.stored.overrideClass as RiskClass, reason: row.stored.overrideReason ?? '' }
      : null;
    const result = classifyEnterprise(row.facts, rules, override);
    byClass[result.riskClass]++;
    upserts.push({
      enterpriseId: row.enterpriseId,
      regionPath: row.regionPath,
      riskClass: result.riskClass,
      computedClass: result.computedClass,
      startClass: result.startClass,
      clamped: result.clamped,
      explanation: result.explanation,
      facts: row.facts,
      ruleSetVersion: result.ruleSetVersion,
      computedAt: options.now,
      changedAt: options.now,
    });
    const previous = (row.stored?.riskClass ?? null) as RiskClass | null;
    const classChanged = previous !== result.riskClass;
    if (classChanged || row.stored?.computedClass !== result.computedClass || options.forceHistory) {
      history.push({
        enterpriseId: row.enterpriseId,
        regionPath: row.regionPath,
        riskClass: result.riskClass,
        previousClass: previous,
        computedClass: result.computedClass,
        trigger: options.trigger,
        explanation: result.explanation,
        ruleSetVersion: result.ruleSetVersion,
        reason: options.reason ?? null,
        actorId: options.actor?.id ?? null,
        actorName: options.actor?.name ?? null,
        at: options.now,
      });
    }
    if (classChanged) {
      changed++;
      if (changes.length < LISTED_CHANGES) {
        changes.push({
          enterpriseId: row.enterpriseId,
          enterpriseName: row.name,
          regionName: row.regionName,
          from: previous,
          to: result.riskClass,
          trigger: options.trigger,
          at: options.now.toISOString(),
        });
      }
    }
  }

  const c = enterpriseClassifications;
  for (let i = 0; i < upserts.length; i += BATCH) {
    await tx
      .insert(c)
      .values(upserts.slice(i, i + BATCH))
      .onConflictDoUpdate({
        target: c.enterpriseId,
        set: {
          regionPath: sql`excluded.region_path`,
          riskClass: sql`excluded.risk_class`,
          computedClass: sql`excluded.computed_class`,
          startClass: sql`excluded.start_class`,
          clamped: sql`excluded.clamped`,
          explanation: sql`excluded.explanation`,
          facts: sql`excluded.facts`,
          ruleSetVersion: sql`excluded.rule_set_version`,
          computedAt: sql`excluded.computed_at`,
          // `changed_at` moves only when the class in force changes.
          changedAt: sql`case when ${c.riskClass} is distinct from excluded.risk_class then excluded.changed_at else ${c.changedAt} end`,
        },
      });
  }
  for (let i = 0; i < history.length; i += BATCH) await tx.insert(classificationHistory).values(history.slice(i, i + BATCH));

  return {
    enterprises: rows.length,
    changed,
    byClass,
    ruleSetVersion: rules.version,
    ms: Date.now() - started,
    changes,
  };
}

/** Event-driven recomputation of one enterprise inside a change of its facts (finding, closed task, penalty…). */
export const reclassify = (tx: Executor, enterpriseId: string, now: Date, actor?: { id: string | null; name: string | null }) =>
  recomputeClasses(tx, { now, trigger: 'event', enterpriseIds: [enterpriseId], ...(actor ? { actor } : {}) });
