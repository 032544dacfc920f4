import { type Executor, queryRows } from '@zhiben/db';
import { type SQL, sql } from 'drizzle-orm';

/**
 * Partition maintenance for the two range-partitioned telemetry tables (migration 0004):
 * - `telemetry_readings`: one partition per UTC day on `ts`; dropped whole once older than RAW_RETENTION_DAYS (a
 *   DROP of a day is instant, where a DELETE of millions of rows would bloat the table and the WAL);
 * - `telemetry_rollups_1m`: one partition per UTC month on `minute`; dropped after ROLLUP_RETENTION_DAYS.
 * The maintenance job creates partitions a few days ahead; the batch writer creates a missing one on demand (a
 * device uploading a backlog from last week), so an insert never fails for want of a partition. Creation and
 * dropping take one advisory lock, so two instances never race on the same DDL.
 */

const DAY_MS = 86_400_000;
const PARTITION_LOCK = 72_110_003;

export const READINGS_TABLE = 'telemetry_readings';
export const ROLLUPS_TABLE = 'telemetry_rollups_1m';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export const utcDayStart = (ms: number) => Math.floor(ms / DAY_MS) * DAY_MS;
const utcMonthStart = (ms: number) => {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
};
const nextUtcMonth = (ms: number) => {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
};

interface PartitionSpec {
  name: string;
  from: number;
  to: number;
}

function dailySpec(dayMs: number): PartitionSpec {
  const d = new Date(dayMs);
  return {
    name: `${READINGS_TABLE}_p${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}`,
    from: dayMs,
    to: dayMs + DAY_MS,
  };
}

function monthlySpec(monthMs: number): PartitionSpec {
  const d = new Date(monthMs);
  return { name: `${ROLLUPS_TABLE}_p${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}`, from: monthMs, to: nextUtcMonth(monthMs) };
}

/** Daily reading partitions and monthly rollup partitions covering every instant in [fromMs, toMs]. */
export function partitionsCovering(fromMs: number, toMs: number): { readings: PartitionSpec[]; rollups: PartitionSpec[] } {
  const readings: PartitionSpec[] = [];
  for (let day = utcDayStart(fromMs); day <= toMs; day += DAY_MS) readings.push(dailySpec(day));
  const rollups: PartitionSpec[] = [];
  for (let month = utcMonthStart(fromMs); month <= toMs; month = nextUtcMonth(month)) rollups.push(monthlySpec(month));
  return { readings, rollups };
}

/** Names are built from digits only (never from input), so they are safe to splice into DDL. */
const ident = (name: string): SQL => {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`unsafe partition name ${name}`);
  return sql.raw(`"${name}"`);
};
const instant = (ms: number) => sql.raw(`'${new Date(ms).toISOString()}'`);

async function existing(db: Executor, parent: string): Promise<Set<string>> {
  const rows = await queryRows<{ name: string }>(
    db,
    sql`select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid where i.inhparent = to_regclass(${parent})`,
  );
  return new Set(rows.map((r) => r.name));
}

/** Creates whichever of the partitions covering [fromMs, toMs] are missing; returns the names created. */
export async function ensurePartitions(db: Executor, fromMs: number, toMs: number): Promise<string[]> {
  const wanted = partitionsCovering(fromMs, toMs);
  const have = { readings: await existing(db, READINGS_TABLE), rollups: await existing(db, ROLLUPS_TABLE) };
  const missing = [
    ...wanted.readings.filter((p) => !have.readings.has(p.name)).map((p) => ({ ...p, parent: READINGS_TABLE })),
    ...wanted.rollups.filter((p) => !have.rollups.has(p.name)).map((p) => ({ ...p, parent: ROLLUPS_TABLE })),
  ];
  if (missing.length === 0) return [];
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${PARTITION_LOCK})`);
    for (const p of missing) {
      await tx.execute(
        sql`create table if not exists ${ident(p.name)} partition of ${ident(p.parent)} for values from (${instant(p.from)}) to (${instant(p.to)})`,
      );
    }
  });
  return missing.map((p) => p.name);
}

/** Drops reading partitions wholly older than `rawCutoffMs` and rollup partitions wholly older than `rollupCutoffMs`. */
export async function dropExpiredPartitions(db: Executor, rawCutoffMs: number, rollupCutoffMs: number): Promise<string[]> {
  const expired: string[] = [];
  for (const name of await existing(db, READINGS_TABLE)) {
    const m = /_p(\d{4})(\d{2})(\d{2})$/.exec(name);
    if (m && Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) + DAY_MS <= rawCutoffMs) expired.push(name);
  }
  for (const name of await existing(db, ROLLUPS_TABLE)) {
    const m = /_p(\d{4})(\d{2})$/.exec(name);
    if (m && Date.UTC(Number(m[1]), Number(m[2]), 1) <= rollupCutoffMs) expired.push(name);
  }
  if (expired.length === 0) return [];
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${PARTITION_LOCK})`);
    for (const name of expired) await tx.execute(sql`drop table if exists ${ident(name)}`);
  });
  return expired;
}

export interface RetentionOptions {
  rawRetentionDays: number;
  rollupRetentionDays: number;
  /** Days of reading partitions created ahead of today (UTC). */
  aheadDays?: number;
}

/** The daily job (and the start-up run): partitions for yesterday … today + aheadDays, then retention. */
export async function maintainPartitions(
  db: Executor,
  now: Date,
  options: RetentionOptions,
): Promise<{ created: string[]; dropped: string[] }> {
  const t = now.getTime();
  const created = await ensurePartitions(db, t - DAY_MS, t + (options.aheadDays ?? 3) * DAY_MS);
  const dropped = await dropExpiredPartitions(db, t - options.rawRetentionDays * DAY_MS, t - options.rollupRetentionDays * DAY_MS);
  return { created, dropped };
}
