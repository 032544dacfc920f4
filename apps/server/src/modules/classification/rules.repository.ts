import { type ClassificationRuleSet, classificationRuleSetSchema } from '@zhiben/contracts';
import type { Executor } from '@zhiben/db';
import { DEFAULT_CLASSIFICATION_RULES } from '@zhiben/domain';
import { desc } from 'drizzle-orm';
import { classificationRuleSets } from '../enforcement/tables.js';

export interface StoredRuleSet {
  rules: ClassificationRuleSet;
  note: string | null;
  createdByName: string | null;
  /** null: never stored (the platform default in force). */
  createdAt: Date | null;
}

/**
 * The rule set in force: the highest stored version, else the platform default (version 1). Stored JSON is parsed
 * again, so a row edited by hand into something invalid fails loudly instead of classifying wrongly.
 */
export async function currentRuleSet(db: Executor): Promise<StoredRuleSet> {
  const [row] = await db.select().from(classificationRuleSets).orderBy(desc(classificationRuleSets.version)).limit(1);
  if (!row) return { rules: DEFAULT_CLASSIFICATION_RULES, note: null, createdByName: null, createdAt: null };
  return {
    rules: classificationRuleSetSchema.parse({ ...(row.rules as object), version: row.version }),
    note: row.note,
    createdByName: row.createdByName,
    createdAt: row.createdAt,
  };
}

/** Stores a new version (the caller checked it is current + 1; the primary key refuses a duplicate: 409). */
export async function insertRuleSet(
  tx: Executor,
  rules: ClassificationRuleSet,
  meta: { note: string; actorId: string | null; actorName: string | null; at: Date },
): Promise<void> {
  if (rules.version === 2) {
    // The default was never stored: keep version 1 on record, so the history of the rules is complete.
    await tx
      .insert(classificationRuleSets)
      .values({ version: 1, rules: DEFAULT_CLASSIFICATION_RULES, note: '平台初设规则', createdAt: meta.at })
      .onConflictDoNothing();
  }
  await tx.insert(classificationRuleSets).values({
    version: rules.version,
    rules,
    note: meta.note,
    createdBy: meta.actorId,
    createdByName: meta.actorName,
    createdAt: meta.at,
  });
}
