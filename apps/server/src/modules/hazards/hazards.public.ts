import { HAZARD_STATUS_LABELS, type HazardStatus, type ListResult, type PublicHazardDto } from '@zhiben/contracts';
import { type Executor, schema } from '@zhiben/db';
import { and, desc, eq, isNotNull, sql } from 'drizzle-orm';
import { delistedAtSql } from './hazards.repository.js';

const { hazards, enterprises, regions, standardItems } = schema;

/**
 * The public page (挂牌 / 摘牌): published major hazards with enterprise, region, standard item, status, supervising
 * unit and deadline, and closure. Selected column by column so nothing personal can slip in: no names of people,
 * no phones, no photos, no free text (descriptions and notes may name people).
 */
export async function publishedHazards(db: Executor, page: { page: number; pageSize: number }): Promise<ListResult<PublicHazardDto>> {
  const where = and(isNotNull(hazards.publishedAt), eq(hazards.level, 'major'));
  const [rows, count] = await Promise.all([
    db
      .select({
        id: hazards.id,
        enterpriseName: enterprises.name,
        regionName: regions.name,
        item: {
          key: standardItems.key,
          articleLabel: standardItems.articleLabel,
          itemLabel: standardItems.itemLabel,
          text: standardItems.text,
        },
        status: hazards.status,
        supervisingUnit: hazards.supervisingUnit,
        supervisionDeadline: hazards.supervisionDeadline,
        publishedAt: hazards.publishedAt,
        closedAt: hazards.closedAt,
        delistedAt: delistedAtSql.mapWith(hazards.closedAt),
      })
      .from(hazards)
      .innerJoin(enterprises, eq(enterprises.id, hazards.enterpriseId))
      .innerJoin(regions, eq(regions.id, enterprises.regionId))
      .leftJoin(standardItems, eq(standardItems.id, hazards.standardItemId))
      .where(where)
      .orderBy(desc(hazards.publishedAt), desc(hazards.id))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(hazards).where(where),
  ]);
  return {
    total: count[0]?.n ?? 0,
    items: rows.map((r) => ({
      id: r.id,
      enterpriseName: r.enterpriseName,
      regionName: r.regionName,
      standardItem: r.item,
      status: r.status as HazardStatus,
      statusLabel: r.delistedAt ? '已摘牌' : HAZARD_STATUS_LABELS[r.status as HazardStatus],
      supervisingUnit: r.supervisingUnit,
      supervisionDeadline: r.supervisionDeadline?.toISOString() ?? null,
      publishedAt: (r.publishedAt ?? new Date(0)).toISOString(),
      closedAt: r.closedAt?.toISOString() ?? null,
      delistedAt: r.delistedAt?.toISOString() ?? null,
    })),
  };
}
