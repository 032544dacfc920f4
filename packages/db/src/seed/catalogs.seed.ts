import type { RiskTagDto } from '@zhiben/contracts';
import type { SectorRuleSet } from '@zhiben/domain';
import type { Executor } from '../client.js';
import { riskTags, sectorRules } from '../schema/catalogs.js';

/**
 * Seeds the rule catalogs. Existing rows are never overwritten: once an official has amended a tag or
 * published a new rule version, a restart must not undo it. A new seed version is added beside the old one.
 */
export async function seedCatalogs(db: Executor, data: { tags: readonly RiskTagDto[]; sectorRuleSet: SectorRuleSet }): Promise<void> {
  if (data.tags.length > 0) {
    await db
      .insert(riskTags)
      .values(
        data.tags.map((t) => ({
          code: t.code,
          name: t.name,
          category: t.category,
          parentCode: t.parentCode,
          requiresOneChild: t.requiresOneChild,
          description: t.description,
          sort: t.sort,
        })),
      )
      .onConflictDoNothing({ target: riskTags.code });
  }
  await db
    .insert(sectorRules)
    .values(
      data.sectorRuleSet.rules.map((r) => ({
        version: data.sectorRuleSet.version,
        title: data.sectorRuleSet.title,
        prefix: r.prefix,
        sector: r.sector,
        source: r.source,
        verified: r.verified,
        note: r.note ?? null,
      })),
    )
    .onConflictDoNothing();
}
