import { type DbHandle, queryRows } from '@zhiben/db';
import { sql } from 'drizzle-orm';

/** Outcome → count for one device, summed over days (ingest_counters). */
export async function countersOf(handle: DbHandle, deviceId: string): Promise<Record<string, number>> {
  const rows = await queryRows<{ outcome: string; n: number }>(
    handle.db,
    sql`select outcome, sum(count)::float8 as n from ingest_counters where device_id = ${deviceId} group by outcome`,
  );
  return Object.fromEntries(rows.map((r) => [r.outcome, Number(r.n)]));
}

/** Stored readings of a device, oldest first. */
export async function readingsOf(handle: DbHandle, deviceId: string) {
  const rows = await queryRows<{ signal: string; ts_ms: number; value: number }>(
    handle.db,
    sql`select signal, (extract(epoch from ts) * 1000)::float8 as ts_ms, value from telemetry_readings where device_id = ${deviceId} order by ts, signal`,
  );
  return rows.map((r) => ({ signal: r.signal, ts: Number(r.ts_ms), value: Number(r.value) }));
}

export async function readingCount(handle: DbHandle, deviceId: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    handle.db,
    sql`select count(*)::float8 as n from telemetry_readings where device_id = ${deviceId}`,
  );
  return Number(row?.n ?? 0);
}

/** Sum of the 1-minute rollup counts of a device: equals the raw count when nothing was double-counted. */
export async function rollupCount(handle: DbHandle, deviceId: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    handle.db,
    sql`select coalesce(sum(count), 0)::float8 as n from telemetry_rollups_1m where device_id = ${deviceId}`,
  );
  return Number(row?.n ?? 0);
}

/** Polls until `check` holds (or throws its last failure after `timeoutMs`). */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 20_000, everyMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, everyMs));
    }
  }
}

/** Distinct, recent, whole-millisecond timestamps (one run's readings never collide with another's). */
export function timestamps(n: number, stepMs = 1_000, endMs = Date.now() - 1_000): number[] {
  const start = endMs - n * stepMs;
  return Array.from({ length: n }, (_, i) => start + i * stepMs);
}
