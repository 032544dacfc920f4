import type { HazardDto, Scope } from '@zhiben/contracts';
import type { Executor } from '@zhiben/db';
import { schema } from '@zhiben/db';
import { and, desc, eq, ilike, type SQL, sql } from 'drizzle-orm';
import { likeContains, orderBy, pageOf } from '../../platform/listing.js';
import { enterpriseScope } from '../../platform/scope.js';

const { hazards, enterprises, regions, standardItems, hazardStandardVersions } = schema;

const scopeOf = (scope: Scope) => enterpriseScope(scope, { enterpriseId: hazards.enterpriseId, regionPath: hazards.regionPath });

const selection = {
  hazard: hazards,
  enterpriseName: enterprises.name,
  regionName: regions.name,
  item: {
    id: standardItems.id,
    key: standardItems.key,
    articleLabel: standardItems.articleLabel,
    itemLabel: standardItems.itemLabel,
    text: standardItems.text,
  },
  version: hazardStandardVersions.version,
};

type Row = {
  hazard: typeof hazards.$inferSelect;
  enterpriseName: string;
  regionName: string;
  item: { id: string; key: string; articleLabel: string; itemLabel: string; text: string } | null;
  version: number | null;
};

function toDto(row: Row): HazardDto {
  const h = row.hazard;
  return {
    id: h.id,
    enterpriseId: h.enterpriseId,
    enterpriseName: row.enterpriseName,
    regionName: row.regionName,
    source: h.source as HazardDto['source'],
    level: h.level as HazardDto['level'],
    status: h.status as HazardDto['status'],
    description: h.description,
    location: h.location,
    photos: h.photos,
    standardItem: row.item ? { ...row.item, version: row.version ?? 0 } : null,
    inspectionId: h.inspectionId,
    foundAt: h.foundAt.toISOString(),
    createdAt: h.createdAt.toISOString(),
  };
}

function base(db: Executor) {
  return db
    .select(selection)
    .from(hazards)
    .innerJoin(enterprises, eq(enterprises.id, hazards.enterpriseId))
    .innerJoin(regions, eq(regions.id, enterprises.regionId))
    .leftJoin(standardItems, eq(standardItems.id, hazards.standardItemId))
    .leftJoin(hazardStandardVersions, eq(hazardStandardVersions.id, standardItems.versionId));
}

export interface HazardFilter {
  q?: string | undefined;
  enterpriseId?: string | undefined;
  level?: string | undefined;
  status?: string | undefined;
  source?: string | undefined;
  sort?: string | undefined;
  page: number;
  pageSize: number;
}

export async function listHazards(db: Executor, scope: Scope, filter: HazardFilter) {
  const conditions: SQL[] = [scopeOf(scope)];
  if (filter.q) conditions.push(ilike(hazards.description, likeContains(filter.q)));
  if (filter.enterpriseId) conditions.push(eq(hazards.enterpriseId, filter.enterpriseId));
  if (filter.level) conditions.push(eq(hazards.level, filter.level));
  if (filter.status) conditions.push(eq(hazards.status, filter.status));
  if (filter.source) conditions.push(eq(hazards.source, filter.source));
  const where = and(...conditions);
  const { limit, offset } = pageOf(filter);
  const [rows, count] = await Promise.all([
    base(db)
      .where(where)
      .orderBy(
        ...orderBy(filter.sort, { foundAt: hazards.foundAt, level: hazards.level, status: hazards.status }, [
          desc(hazards.foundAt),
          desc(hazards.id),
        ]),
      )
      .limit(limit)
      .offset(offset),
    db.select({ n: sql<number>`count(*)::int` }).from(hazards).where(where),
  ]);
  return { items: rows.map(toDto), total: count[0]?.n ?? 0 };
}

export async function findHazard(db: Executor, scope: Scope, id: string): Promise<HazardDto | undefined> {
  const [row] = await base(db)
    .where(and(eq(hazards.id, id), scopeOf(scope)))
    .limit(1);
  return row ? toDto(row) : undefined;
}
