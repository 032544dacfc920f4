import type { HazardListQuery, Scope } from '@zhiben/contracts';
import type { Executor } from '@zhiben/db';
import { schema } from '@zhiben/db';
import { and, asc, desc, eq, ilike, isNotNull, isNull, like, ne, not, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { likeContains, orderBy, pageOf } from '../../platform/listing.js';
import { enterpriseScope } from '../../platform/scope.js';

const { hazards, hazardEvents, enterprises, regions, standardItems, hazardStandardVersions, users } = schema;

/** Rows of `hazards` within the caller's scope (in the `where`, never after the fact). */
export const hazardScope = (scope: Scope) => enterpriseScope(scope, { enterpriseId: hazards.enterpriseId, regionPath: hazards.regionPath });

/** A timestamp parameter (same rendering on PGlite and node-postgres). */
export const at = (instant: Date) => sql`${instant.toISOString()}::timestamptz`;

/** 逾期, derived in SQL so lists can filter on it: the deadline has passed and the hazard is not closed. */
export const overdueSql = (now: Date) =>
  sql<boolean>`(${hazards.deadline} is not null and ${hazards.deadline} < ${at(now)} and ${hazards.status} <> 'closed')`;
/** Closed as 不构成隐患: such a record is not a hazard and never counts on the board. */
export const dismissedSql = sql<boolean>`exists (select 1 from hazard_events de where de.hazard_id = ${hazards.id} and de.action = 'dismiss')`;
/** 摘牌: when the closure of a published hazard was announced. */
export const delistedAtSql = sql<Date | null>`(select max(ue.at) from hazard_events ue where ue.hazard_id = ${hazards.id} and ue.action = 'unpublish')`;

const responsible = alias(users, 'responsible');

function selection(now: Date) {
  return {
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
    responsibleUserName: responsible.displayName,
    overdue: overdueSql(now),
    dismissed: dismissedSql,
    delistedAt: delistedAtSql.mapWith(hazards.closedAt),
  };
}

export type HazardRow = {
  hazard: typeof hazards.$inferSelect;
  enterpriseName: string;
  regionName: string;
  item: { id: string; key: string; articleLabel: string; itemLabel: string; text: string } | null;
  version: number | null;
  responsibleUserName: string | null;
  overdue: boolean;
  dismissed: boolean;
  delistedAt: Date | null;
};

function base(db: Executor, now: Date) {
  return db
    .select(selection(now))
    .from(hazards)
    .innerJoin(enterprises, eq(enterprises.id, hazards.enterpriseId))
    .innerJoin(regions, eq(regions.id, enterprises.regionId))
    .leftJoin(standardItems, eq(standardItems.id, hazards.standardItemId))
    .leftJoin(hazardStandardVersions, eq(hazardStandardVersions.id, standardItems.versionId))
    .leftJoin(responsible, eq(responsible.id, hazards.responsibleUserId));
}

export type HazardFilter = Omit<HazardListQuery, 'page' | 'pageSize' | 'sort'> &
  Partial<Pick<HazardListQuery, 'page' | 'pageSize' | 'sort'>>;

async function filterConditions(db: Executor, scope: Scope, filter: HazardFilter, now: Date): Promise<SQL[]> {
  const conditions: SQL[] = [hazardScope(scope)];
  if (filter.q) conditions.push(ilike(hazards.description, likeContains(filter.q)));
  if (filter.enterpriseId) conditions.push(eq(hazards.enterpriseId, filter.enterpriseId));
  if (filter.level) conditions.push(eq(hazards.level, filter.level));
  if (filter.status) conditions.push(eq(hazards.status, filter.status));
  if (filter.open) conditions.push(filter.open === 'true' ? ne(hazards.status, 'closed') : eq(hazards.status, 'closed'));
  if (filter.source) conditions.push(eq(hazards.source, filter.source));
  if (filter.overdue) conditions.push(filter.overdue === 'true' ? overdueSql(now) : not(overdueSql(now)));
  if (filter.supervised) conditions.push(eq(hazards.supervised, filter.supervised === 'true'));
  if (filter.published) conditions.push(filter.published === 'true' ? isNotNull(hazards.publishedAt) : isNull(hazards.publishedAt));
  if (filter.sector) conditions.push(eq(enterprises.sector, filter.sector));
  if (filter.article !== undefined) conditions.push(eq(standardItems.article, filter.article));
  if (filter.regionId) {
    const [region] = await db.select({ path: regions.path }).from(regions).where(eq(regions.id, filter.regionId));
    // An unknown region filters everything out rather than being ignored.
    conditions.push(region ? like(enterprises.regionPath, `${region.path}%`) : sql`false`);
  }
  return conditions;
}

export async function listHazards(db: Executor, scope: Scope, filter: HazardFilter & { page: number; pageSize: number }, now: Date) {
  const where = and(...(await filterConditions(db, scope, filter, now)));
  const { limit, offset } = pageOf(filter);
  const [rows, count] = await Promise.all([
    base(db, now)
      .where(where)
      .orderBy(
        ...orderBy(
          filter.sort,
          {
            foundAt: hazards.foundAt,
            level: hazards.level,
            status: hazards.status,
            deadline: hazards.deadline,
            closedAt: hazards.closedAt,
          },
          [desc(hazards.foundAt), desc(hazards.id)],
        ),
      )
      .limit(limit)
      .offset(offset),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(hazards)
      .innerJoin(enterprises, eq(enterprises.id, hazards.enterpriseId))
      .leftJoin(standardItems, eq(standardItems.id, hazards.standardItemId))
      .where(where),
  ]);
  return { rows: rows as HazardRow[], total: count[0]?.n ?? 0 };
}

export async function findHazard(db: Executor, scope: Scope, id: string, now: Date): Promise<HazardRow | undefined> {
  const [row] = await base(db, now)
    .where(and(eq(hazards.id, id), hazardScope(scope)))
    .limit(1);
  return row as HazardRow | undefined;
}

export type HazardRecord = typeof hazards.$inferSelect;

/** The bare hazard row within the scope (a first look before a transition's transaction). */
export async function hazardRecord(db: Executor, scope: Scope, id: string): Promise<HazardRecord | undefined> {
  const [row] = await db
    .select()
    .from(hazards)
    .where(and(eq(hazards.id, id), hazardScope(scope)))
    .limit(1);
  return row;
}

/** The hazard row, locked for the rest of the transaction (a transition reads, checks and writes it atomically). */
export async function lockHazard(tx: Executor, scope: Scope, id: string): Promise<HazardRecord | undefined> {
  const [row] = await tx
    .select()
    .from(hazards)
    .where(and(eq(hazards.id, id), hazardScope(scope)))
    .for('update')
    .limit(1);
  return row;
}

export async function enterpriseNameOf(db: Executor, id: string): Promise<string> {
  const [row] = await db.select({ name: enterprises.name }).from(enterprises).where(eq(enterprises.id, id));
  return row?.name ?? '';
}

/** Whether a published hazard's closure was already announced (摘牌). */
export async function isDelisted(tx: Executor, id: string): Promise<boolean> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(hazardEvents)
    .where(and(eq(hazardEvents.hazardId, id), eq(hazardEvents.action, 'unpublish')));
  return (row?.n ?? 0) > 0;
}

/** The timeline of one hazard, oldest first (the caller has checked the hazard is in scope). */
export async function hazardTimeline(db: Executor, hazardId: string) {
  return db
    .select({ event: hazardEvents, userName: users.displayName })
    .from(hazardEvents)
    .leftJoin(users, eq(users.id, hazardEvents.actorId))
    .where(eq(hazardEvents.hazardId, hazardId))
    .orderBy(asc(hazardEvents.at), asc(hazardEvents.id));
}

/** The active accounts of an enterprise, by name: who may be named 整改责任人. */
export async function enterpriseUsers(db: Executor, enterpriseId: string) {
  return db
    .select({ id: users.id, displayName: users.displayName, role: users.role })
    .from(users)
    .where(and(eq(users.enterpriseId, enterpriseId), eq(users.status, 'active')))
    .orderBy(asc(users.displayName), asc(users.id));
}

/** An active user of the enterprise (a responsible person must be one). */
export async function enterpriseUser(db: Executor, enterpriseId: string, userId: string) {
  const [row] = await db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.enterpriseId, enterpriseId), eq(users.status, 'active')))
    .limit(1);
  return row;
}
