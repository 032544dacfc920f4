import type { AlarmDisplayStatus, AlarmListQuery, Scope } from '@zhiben/contracts';
import { type Executor, schema } from '@zhiben/db';
import { and, asc, desc, eq, gte, ilike, inArray, isNotNull, isNull, lt, ne, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { likeContains, orderBy, pageOf } from '../../platform/listing.js';
import { enterpriseScope } from '../../platform/scope.js';

const { alarms, alarmEvents, devices, enterprises, regions, users } = schema;

/** Rows of `alarms` within the caller's scope (in the `where`, never after the fact). */
export const alarmScope = (scope: Scope) => enterpriseScope(scope, { enterpriseId: alarms.enterpriseId, regionPath: alarms.regionPath });

const acknowledger = alias(users, 'acknowledger');
const disposer = alias(users, 'disposer');

const selection = {
  alarm: alarms,
  deviceCode: devices.code,
  deviceName: devices.name,
  enterpriseName: enterprises.name,
  regionName: regions.name,
  acknowledgedByName: acknowledger.displayName,
  disposedByName: disposer.displayName,
};

export type AlarmRow = {
  alarm: typeof alarms.$inferSelect;
  deviceCode: string;
  deviceName: string;
  enterpriseName: string;
  regionName: string;
  acknowledgedByName: string | null;
  disposedByName: string | null;
};

function base(db: Executor) {
  return db
    .select(selection)
    .from(alarms)
    .innerJoin(devices, eq(devices.id, alarms.deviceId))
    .innerJoin(enterprises, eq(enterprises.id, alarms.enterpriseId))
    .innerJoin(regions, eq(regions.id, enterprises.regionId))
    .leftJoin(acknowledger, eq(acknowledger.id, alarms.acknowledgedBy))
    .leftJoin(disposer, eq(disposer.id, alarms.disposedBy));
}

/** The SQL of each display status: 已恢复未处置 is pending / acknowledged with the condition cleared. */
function displayStatusSql(status: AlarmDisplayStatus): SQL {
  switch (status) {
    case 'pending':
    case 'acknowledged':
      return and(eq(alarms.status, status), isNull(alarms.clearedAt)) as SQL;
    case 'recovered':
      return and(inArray(alarms.status, ['pending', 'acknowledged']), isNotNull(alarms.clearedAt)) as SQL;
    case 'disposed':
    case 'closed':
      return eq(alarms.status, status);
  }
}

const levelRank = sql<number>`case ${alarms.level} when 'red' then 4 when 'orange' then 3 when 'yellow' then 2 else 1 end`;
const openFirst = sql<number>`case when ${alarms.status} = 'closed' then 1 else 0 end`;

export async function listAlarms(db: Executor, scope: Scope, query: AlarmListQuery): Promise<{ rows: AlarmRow[]; total: number }> {
  const conditions: SQL[] = [alarmScope(scope)];
  if (query.status?.length) conditions.push(or(...query.status.map(displayStatusSql)) as SQL);
  if (query.level?.length) conditions.push(inArray(alarms.level, query.level));
  if (query.kind?.length) conditions.push(inArray(alarms.kind, query.kind));
  if (query.enterpriseId) conditions.push(eq(alarms.enterpriseId, query.enterpriseId));
  if (query.deviceId) conditions.push(eq(alarms.deviceId, query.deviceId));
  if (query.open) conditions.push(query.open === 'true' ? ne(alarms.status, 'closed') : eq(alarms.status, 'closed'));
  if (query.from) conditions.push(gte(alarms.raisedAt, new Date(query.from)));
  if (query.to) conditions.push(lt(alarms.raisedAt, new Date(query.to)));
  if (query.q) {
    const pattern = likeContains(query.q);
    conditions.push(
      or(
        ilike(devices.name, pattern),
        ilike(devices.code, pattern),
        ilike(enterprises.name, pattern),
        ilike(alarms.ruleName, pattern),
      ) as SQL,
    );
  }
  const where = and(...conditions);
  const order = orderBy(
    query.sort,
    { raisedAt: alarms.raisedAt, lastAt: alarms.lastAt, firstAt: alarms.firstAt, status: alarms.status, count: alarms.count },
    [asc(openFirst), desc(levelRank), desc(alarms.raisedAt), desc(alarms.id)],
  );
  const { limit, offset } = pageOf(query);
  const [rows, [count]] = await Promise.all([
    base(db)
      .where(where)
      .orderBy(...order)
      .limit(limit)
      .offset(offset),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(alarms)
      .innerJoin(devices, eq(devices.id, alarms.deviceId))
      .innerJoin(enterprises, eq(enterprises.id, alarms.enterpriseId))
      .where(where),
  ]);
  return { rows, total: count?.n ?? 0 };
}

export async function findAlarm(db: Executor, scope: Scope, id: string): Promise<AlarmRow | undefined> {
  const [row] = await base(db).where(and(eq(alarms.id, id), alarmScope(scope)));
  return row;
}

/** The alarm row locked for a change (within the caller's scope); undefined when invisible. */
export async function lockAlarm(tx: Executor, scope: Scope, id: string) {
  const [row] = await tx
    .select()
    .from(alarms)
    .where(and(eq(alarms.id, id), alarmScope(scope)))
    .for('update');
  return row;
}

export async function alarmTimeline(db: Executor, id: string) {
  return db.select().from(alarmEvents).where(eq(alarmEvents.alarmId, id)).orderBy(asc(alarmEvents.at), asc(alarmEvents.id));
}

/** Alarms by id, unscoped: the live stream filters per subscriber by the rows' enterprise and region. */
export async function findAlarmsByIds(db: Executor, ids: readonly string[]): Promise<AlarmRow[]> {
  if (ids.length === 0) return [];
  return base(db).where(inArray(alarms.id, [...ids]));
}
