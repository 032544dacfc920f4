import { and, eq } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { hazardStandardVersions, standardItems } from '../schema/hazard-standard.js';

export interface StandardSeed {
  code: string;
  title: string;
  effectiveFrom: string;
  version: number;
  items: readonly {
    key: string;
    article: number;
    item: number;
    articleLabel: string;
    itemLabel: string;
    text: string;
    topic: string;
    sector: string | null;
    applicability: unknown;
    exclusions: readonly string[];
    penaltyBasis: string | null;
    source: string;
    verified: boolean;
    keywords: readonly string[];
  }[];
}

/** Writes the seed version of the standard once; later versions are officials' edits and are never touched. */
export async function seedHazardStandard(db: Executor, seed: StandardSeed): Promise<void> {
  const [existing] = await db
    .select({ id: hazardStandardVersions.id })
    .from(hazardStandardVersions)
    .where(and(eq(hazardStandardVersions.code, seed.code), eq(hazardStandardVersions.version, seed.version)));
  if (existing) return;
  const inserted = await db
    .insert(hazardStandardVersions)
    .values({
      code: seed.code,
      title: seed.title,
      version: seed.version,
      effectiveFrom: seed.effectiveFrom,
      note: '初始版本（据应急管理部令第10号）',
    })
    .onConflictDoNothing()
    .returning({ id: hazardStandardVersions.id });
  const versionId = inserted[0]?.id;
  if (!versionId) return; // another instance seeded it at the same moment
  await db.insert(standardItems).values(
    seed.items.map((item, sort) => ({
      versionId,
      key: item.key,
      article: item.article,
      item: item.item,
      articleLabel: item.articleLabel,
      itemLabel: item.itemLabel,
      text: item.text,
      topic: item.topic,
      sector: item.sector,
      applicability: item.applicability,
      exclusions: [...item.exclusions],
      penaltyBasis: item.penaltyBasis,
      source: item.source,
      verified: item.verified,
      keywords: [...item.keywords],
      sort,
    })),
  );
}
