import type { StandardItemDto } from '@zhiben/contracts';
import type { Executor } from '@zhiben/db';
import { schema } from '@zhiben/db';
import { and, asc, desc, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import { likeContains } from '../../platform/listing.js';

const { hazardStandardVersions: versions, standardItems: items } = schema;

/** The standard this district applies; local items ride on its versions. */
export const STANDARD_CODE = 'MEM-10-2023';

export type VersionRow = typeof versions.$inferSelect;
export type ItemRow = typeof items.$inferSelect;

export async function currentVersion(db: Executor): Promise<VersionRow> {
  const [row] = await db.select().from(versions).where(eq(versions.code, STANDARD_CODE)).orderBy(desc(versions.version)).limit(1);
  if (!row) throw new Error('hazard standard not seeded');
  return row;
}

export async function versionByNumber(db: Executor, version: number): Promise<VersionRow | undefined> {
  const [row] = await db
    .select()
    .from(versions)
    .where(and(eq(versions.code, STANDARD_CODE), eq(versions.version, version)));
  return row;
}

export async function listVersions(db: Executor) {
  return (
    db
      // Qualified by hand: inside the subquery an interpolated column renders unqualified and binds to standard_items.id.
      .select({
        version: versions,
        itemCount: sql<number>`(select count(*)::int from standard_items si where si.version_id = hazard_standard_versions.id)`,
      })
      .from(versions)
      .where(eq(versions.code, STANDARD_CODE))
      .orderBy(desc(versions.version))
  );
}

export interface ItemFilter {
  article?: number | undefined;
  sector?: string | undefined;
  tag?: string | undefined;
  verified?: 'true' | 'false' | undefined;
  q?: string | undefined;
}

export async function itemsOfVersion(db: Executor, versionId: string, filter: ItemFilter = {}): Promise<ItemRow[]> {
  const conditions: SQL[] = [eq(items.versionId, versionId)];
  if (filter.article !== undefined) conditions.push(eq(items.article, filter.article));
  if (filter.sector) conditions.push(eq(items.sector, filter.sector));
  // Items whose applicability condition names the tag (the condition is JSON data).
  if (filter.tag) conditions.push(sql`${items.applicability}::text like ${`%"${filter.tag.replace(/[\\%_"]/g, '')}"%`}`);
  if (filter.verified) conditions.push(eq(items.verified, filter.verified === 'true'));
  if (filter.q) {
    const pattern = likeContains(filter.q);
    conditions.push(or(ilike(items.text, pattern), sql`array_to_string(${items.keywords}, ' ') ilike ${pattern}`) as SQL);
  }
  return db
    .select()
    .from(items)
    .where(and(...conditions))
    .orderBy(asc(items.sort), asc(items.article), asc(items.item));
}

export async function itemById(db: Executor, id: string): Promise<(ItemRow & { version: number }) | undefined> {
  const [row] = await db
    .select({ item: items, version: versions.version })
    .from(items)
    .innerJoin(versions, eq(versions.id, items.versionId))
    .where(eq(items.id, id));
  return row ? { ...row.item, version: row.version } : undefined;
}

export function toItemDto(row: ItemRow, version: number): StandardItemDto {
  return {
    id: row.id,
    versionId: row.versionId,
    version,
    key: row.key,
    article: row.article,
    item: row.item,
    articleLabel: row.articleLabel,
    itemLabel: row.itemLabel,
    text: row.text,
    topic: row.topic,
    sector: row.sector as StandardItemDto['sector'],
    applicability: row.applicability,
    exclusions: (row.exclusions as string[]) ?? [],
    penaltyBasis: row.penaltyBasis,
    source: row.source,
    verified: row.verified,
    local: row.local,
    keywords: row.keywords,
  };
}
