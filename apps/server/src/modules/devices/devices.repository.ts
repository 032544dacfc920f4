import type { DeviceListQuery, Scope } from '@zhiben/contracts';
import { type Executor, schema } from '@zhiben/db';
import { and, asc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import { likeContains, orderBy, pageOf } from '../../platform/listing.js';
import { enterpriseScope } from '../../platform/scope.js';

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

const SORTABLE = {
  code: devices.code,
  name: devices.name,
  enterpriseName: enterprises.name,
  collectorType: devices.collectorType,
  status: devices.status,
  createdAt: devices.createdAt,
};

export async function listDevices(db: Executor, scope: Scope, query: DeviceListQuery): Promise<{ rows: DeviceRow[]; total: number }> {
  const conditions: SQL[] = [deviceScope(scope)];
  if (query.q) {
    const pattern = likeContains(query.q);
    conditions.push(or(ilike(devices.code, pattern), ilike(devices.name, pattern), ilike(enterprises.name, pattern)) as SQL);
  }
  if (query.enterpriseId) conditions.push(eq(devices.enterpriseId, query.enterpriseId));
  if (query.collectorType?.length) conditions.push(inArray(devices.collectorType, query.collectorType));
  if (query.status) conditions.push(eq(devices.status, query.status));
  const where = and(...conditions);
  const { limit, offset } = pageOf(query);
  const rows = await base(db)
    .where(where)
    .orderBy(...orderBy(query.sort, SORTABLE, [asc(enterprises.name), asc(devices.code)]))
    .limit(limit)
    .offset(offset);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(devices)
    .innerJoin(enterprises, eq(enterprises.id, devices.enterpriseId))
    .where(where);
  return { rows, total: count?.n ?? 0 };
}

/** Devices by (enterprise, code), for the import's create-or-update plan. */
export async function devicesByCodes(db: Executor, enterpriseIds: string[]): Promise<Map<string, DeviceRow>> {
  if (enterpriseIds.length === 0) return new Map();
  const rows = await base(db).where(inArray(devices.enterpriseId, enterpriseIds));
  return new Map(rows.map((r) => [`${r.device.enterpriseId}/${r.device.code}`, r]));
}
