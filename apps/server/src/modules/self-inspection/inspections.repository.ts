import type { InspectionDto, Scope } from '@zhiben/contracts';
import type { Executor } from '@zhiben/db';
import { schema } from '@zhiben/db';
import { and, asc, desc, eq, ilike, type SQL, sql } from 'drizzle-orm';
import { likeContains, pageOf } from '../../platform/listing.js';
import { enterpriseScope } from '../../platform/scope.js';

const { selfInspections: inspections, selfInspectionItems: items, enterprises, standardItems, hazardStandardVersions } = schema;

export const inspectionScope = (scope: Scope) =>
  enterpriseScope(scope, { enterpriseId: inspections.enterpriseId, regionPath: inspections.regionPath });

const counts = {
  total: sql<number>`(select count(*)::int from self_inspection_items i where i.inspection_id = ${inspections.id})`,
  pending: sql<number>`(select count(*)::int from self_inspection_items i where i.inspection_id = ${inspections.id} and i.result = 'pending')`,
  compliant: sql<number>`(select count(*)::int from self_inspection_items i where i.inspection_id = ${inspections.id} and i.result = 'compliant')`,
  nonCompliant: sql<number>`(select count(*)::int from self_inspection_items i where i.inspection_id = ${inspections.id} and i.result = 'non_compliant')`,
  notApplicable: sql<number>`(select count(*)::int from self_inspection_items i where i.inspection_id = ${inspections.id} and i.result = 'not_applicable')`,
};

const selection = { inspection: inspections, enterpriseName: enterprises.name, version: hazardStandardVersions.version, ...counts };

export type InspectionRow = {
  inspection: typeof inspections.$inferSelect;
  enterpriseName: string;
  version: number;
  total: number;
  pending: number;
  compliant: number;
  nonCompliant: number;
  notApplicable: number;
};

function base(db: Executor) {
  return db
    .select(selection)
    .from(inspections)
    .innerJoin(enterprises, eq(enterprises.id, inspections.enterpriseId))
    .innerJoin(hazardStandardVersions, eq(hazardStandardVersions.id, inspections.standardVersionId));
}

export async function findInspection(db: Executor, scope: Scope, id: string): Promise<InspectionRow | undefined> {
  const [row] = await base(db)
    .where(and(eq(inspections.id, id), inspectionScope(scope)))
    .limit(1);
  return row;
}

export interface InspectionFilter {
  q?: string | undefined;
  enterpriseId?: string | undefined;
  status?: string | undefined;
  ledByPrincipal?: 'true' | 'false' | undefined;
  page: number;
  pageSize: number;
}

export async function listInspections(db: Executor, scope: Scope, filter: InspectionFilter) {
  const conditions: SQL[] = [inspectionScope(scope)];
  if (filter.q) conditions.push(ilike(inspections.title, likeContains(filter.q)));
  if (filter.enterpriseId) conditions.push(eq(inspections.enterpriseId, filter.enterpriseId));
  if (filter.status) conditions.push(eq(inspections.status, filter.status));
  if (filter.ledByPrincipal) conditions.push(eq(inspections.ledByPrincipal, filter.ledByPrincipal === 'true'));
  const where = and(...conditions);
  const { limit, offset } = pageOf(filter);
  const [rows, count] = await Promise.all([
    base(db).where(where).orderBy(desc(inspections.createdAt), desc(inspections.id)).limit(limit).offset(offset),
    db.select({ n: sql<number>`count(*)::int` }).from(inspections).where(where),
  ]);
  return { rows, total: count[0]?.n ?? 0 };
}

/** Items of an inspection with the wording of the standard version the inspection was planned on. */
export async function inspectionItems(db: Executor, inspectionId: string) {
  return db
    .select({ item: items, standard: standardItems })
    .from(items)
    .leftJoin(standardItems, eq(standardItems.id, items.standardItemId))
    .where(eq(items.inspectionId, inspectionId))
    .orderBy(asc(items.sort));
}

export function toInspectionDto(row: InspectionRow, abilities: InspectionDto['abilities']): InspectionDto {
  const i = row.inspection;
  return {
    id: i.id,
    enterpriseId: i.enterpriseId,
    enterpriseName: row.enterpriseName,
    title: i.title,
    frequency: i.frequency as InspectionDto['frequency'],
    area: i.area,
    plannedDate: i.plannedDate,
    ledByPrincipal: i.ledByPrincipal,
    leaderName: i.leaderName,
    status: i.status as InspectionDto['status'],
    standardVersion: row.version,
    startedAt: i.startedAt?.toISOString() ?? null,
    completedAt: i.completedAt?.toISOString() ?? null,
    createdAt: i.createdAt.toISOString(),
    counts: {
      total: row.total,
      pending: row.pending,
      compliant: row.compliant,
      nonCompliant: row.nonCompliant,
      notApplicable: row.notApplicable,
    },
    abilities,
  };
}
