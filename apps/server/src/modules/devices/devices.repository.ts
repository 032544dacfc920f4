import type { DeviceListQuery, Scope } from '@zhiben/contracts';
import { type Executor, schema } from '@zhiben/db';
import { and, asc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import { likeContains, orderBy, pageOf } from '../../platform/listing.js';
import { enterpriseScope } from '../../platform/scope.js';
import { deviceConnectivity, enterpriseInScope } from '../monitoring/connectivity.sql.js';

const { devices, enterprises, dustSystems } = schema;

/** Rows of `devices` within the caller's scope (in the `where`). */
export const deviceScope = (scope: Scope) => enterpriseScope(scope, { enterpriseId: devices.enterpriseId, regionPath: devices.regionPath });

const selection = {
  device: devices,
  enterpriseName: enterprises.name,
  creditCode: enterprises.creditCode,
  systemName: dustSystems.name,
};

export type DeviceRow = { device: typeof devices.$inferSelect; enterpriseName: string; creditCode: string; systemName: string | null };

function base(db: Executor) {
  return db
    .select(selection)
    .from(devices)
    .innerJoin(enterprises, eq(enterprises.id, devices.enterpriseId))
    .leftJoin(dustSystems, eq(dustSystems.id, devices.systemId));
}

export async function findDevice(db: Executor, scope: Scope, id: string): Promise<DeviceRow | undefined> {
  const [row] = await base(db).where(and(deviceScope(scope), eq(devices.id, id)));
  return row;
}

/** A device as the list and detail show it: with 最近上报 and 已接入. */
export type DeviceViewRow = DeviceRow & { lastDataAt: Date | null; connected: boolean };

const toDate = (v: unknown): Date | null => (v === null || v === undefined ? null : new Date(v as string | Date));

/**
 * 已接入 exactly as the monitoring overview and roll-out count it (`deviceConnectivity`: active, every mandatory
 * signal within 24 h at `now`, from the rollups), joined as `conn`; 最近上报 is the rule stage's `last_seen` (kept for
 * inactive devices too, so a disabled device still shows when it last reported).
 */
const connectedSql = sql<boolean>`coalesce(conn.connected, false)`.mapWith(Boolean);
const lastDataSql = sql<Date | null>`(select s.last_seen from device_rule_states s where s.device_id = ${devices.id})`.mapWith(toDate);
const connectivityJoin = (scope: Scope, now: Date) => sql`${deviceConnectivity(enterpriseInScope(scope), now)} as conn`;

function view(db: Executor, scope: Scope, now: Date) {
  return db
    .select({ ...selection, lastDataAt: lastDataSql, connected: connectedSql })
    .from(devices)
    .innerJoin(enterprises, eq(enterprises.id, devices.enterpriseId))
    .leftJoin(dustSystems, eq(dustSystems.id, devices.systemId))
    .leftJoin(connectivityJoin(scope, now), sql`conn.device_id = ${devices.id}`);
}

export async function findDeviceView(db: Executor, scope: Scope, id: string, now: Date): Promise<DeviceViewRow | undefined> {
  const [row] = await view(db, scope, now).where(and(deviceScope(scope), eq(devices.id, id)));
  return row;
}

const SORTABLE = {
  code: devices.code,
  name: devices.name,
  enterpriseName: enterprises.name,
  collectorType: devices.collectorType,
  status: devices.status,
  createdAt: devices.createdAt,
};

/** One statement for the page (connectivity joined, no per-device queries) and one for the total. */
export async function listDevices(
  db: Executor,
  scope: Scope,
  query: DeviceListQuery,
  now: Date,
): Promise<{ rows: DeviceViewRow[]; total: number }> {
  const conditions: SQL[] = [deviceScope(scope)];
  if (query.q) {
    const pattern = likeContains(query.q);
    conditions.push(or(ilike(devices.code, pattern), ilike(devices.name, pattern), ilike(enterprises.name, pattern)) as SQL);
  }
  if (query.enterpriseId) conditions.push(eq(devices.enterpriseId, query.enterpriseId));
  if (query.collectorType?.length) conditions.push(inArray(devices.collectorType, query.collectorType));
  if (query.status) conditions.push(eq(devices.status, query.status));
  if (query.connected) conditions.push(query.connected === 'true' ? sql`${connectedSql}` : sql`not ${connectedSql}`);
  const where = and(...conditions);
  const { limit, offset } = pageOf(query);
  const rows = await view(db, scope, now)
    .where(where)
    .orderBy(...orderBy(query.sort, SORTABLE, [asc(enterprises.name), asc(devices.code)]))
    .limit(limit)
    .offset(offset);
  const counted = db
    .select({ n: sql<number>`count(*)::int` })
    .from(devices)
    .innerJoin(enterprises, eq(enterprises.id, devices.enterpriseId));
  const [count] = await (query.connected
    ? counted.leftJoin(connectivityJoin(scope, now), sql`conn.device_id = ${devices.id}`).where(where)
    : counted.where(where));
  return { rows, total: count?.n ?? 0 };
}

/** Devices by (enterprise, code), for the import's create-or-update plan. */
export async function devicesByCodes(db: Executor, enterpriseIds: string[]): Promise<Map<string, DeviceRow>> {
  if (enterpriseIds.length === 0) return new Map();
  const rows = await base(db).where(inArray(devices.enterpriseId, enterpriseIds));
  return new Map(rows.map((r) => [`${r.device.enterpriseId}/${r.device.code}`, r]));
}
