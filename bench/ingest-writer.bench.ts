/**
 * Benchmark: the telemetry batch writer (issue #6) against raw bulk loads of the same rows, in the same run, on the
 * configured database (PGlite in memory by default; PostgreSQL with DATABASE_URL).
 *
 * Method. 100 devices × 5 signals × 200 timestamps = 100,000 readings (BENCH_READINGS scales the timestamps).
 * - writer: BatchWriter.write() of one message per device and timestamp (5 readings), all queued at once, with the
 *   server's batch settings (default 2,000 rows / 20 ms); each batch = one unnest INSERT … ON CONFLICT DO NOTHING RETURNING + 1-minute rollup upsert
 *   (one statement), the per-day counters (a second statement), in one transaction; promises resolve after COMMIT.
 * - pipeline: the same through Ingestion.submit(), i.e. with payload validation (zod envelope, per-value checks).
 * - raw INSERT: the same rows as one `INSERT … SELECT FROM unnest(…)` per 5,000 rows in one transaction: no
 *   conflict handling, no RETURNING, no rollups, no counters.
 * - raw COPY: the same rows with COPY … FROM STDIN (pg-copy-streams) or COPY … FROM '/dev/blob' (PGlite).
 * Every variant writes into the partitioned `telemetry_readings` (partition routing included), each into a time window
 * of its own so no variant meets another's rows. Median of BENCH_RUNS runs (default 3).
 */
import { Readable } from 'node:stream';
import { pipeline as streamPipeline } from 'node:stream/promises';
import { type DbHandle, openDatabase, queryRows, runMigrations, schema, seedRegions } from '@zhiben/db';
import { sql } from 'drizzle-orm';
import { from as copyFrom } from 'pg-copy-streams';
import { v7 as uuidv7 } from 'uuid';
import { BatchWriter } from '../apps/server/src/modules/telemetry/batch-writer.js';
import { DEFAULT_INGESTION_OPTIONS, type DeviceInfo, ensurePartitions, Ingestion } from '../apps/server/src/modules/telemetry/index.js';
import { plainArray, textArray } from '../apps/server/src/modules/telemetry/sql-arrays.js';

const DEVICES = 100;
const SIGNALS = ['hopper_temp', 'diff_pressure', 'airlock_fault', 'fan_running', 'spark_count'] as const;
const STAMPS = Math.round(Number(process.env.BENCH_READINGS ?? 100_000) / (DEVICES * SIGNALS.length));
const READINGS = DEVICES * SIGNALS.length * STAMPS;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
/** The server's knobs, so a run can try other batch sizes (INGEST_BATCH_SIZE / INGEST_BATCH_WAIT_MS). */
const BATCH = {
  batchSize: Number(process.env.INGEST_BATCH_SIZE ?? DEFAULT_INGESTION_OPTIONS.batchSize),
  batchWaitMs: Number(process.env.INGEST_BATCH_WAIT_MS ?? DEFAULT_INGESTION_OPTIONS.batchWaitMs),
};
const HOUR = 3_600_000;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

interface Row {
  deviceId: string;
  signal: string;
  ts: number;
  value: number;
}

async function setup(handle: DbHandle): Promise<DeviceInfo[]> {
  await runMigrations(handle);
  await seedRegions(handle.db);
  const [region] = await handle.db.select().from(schema.regions).limit(1);
  const [enterprise] = await handle.db
    .insert(schema.enterprises)
    .values({
      name: `基准测试企业${uuidv7().slice(-8)}`,
      creditCode: `BENCH${uuidv7().replace(/-/g, '').slice(-13).toUpperCase()}`,
      regionId: region?.id ?? '',
      regionPath: region?.path ?? '',
    })
    .returning();
  if (!enterprise) throw new Error('no enterprise');
  const rows = await handle.db
    .insert(schema.devices)
    .values(
      Array.from({ length: DEVICES }, (_, i) => ({
        enterpriseId: enterprise.id,
        regionPath: enterprise.regionPath,
        code: `B${String(i).padStart(3, '0')}`,
        name: `基准除尘器${i}`,
        collectorType: 'dry',
        profile: 'dry_collector',
        reportingIntervalS: 1,
        signals: [...SIGNALS],
        secretHash: '0'.repeat(64),
        secretRotatedAt: new Date(),
      })),
    )
    .returning();
  return rows.map((d) => ({
    id: d.id,
    enterpriseId: d.enterpriseId,
    creditCode: enterprise.creditCode,
    code: d.code,
    active: true,
    signals: new Set(d.signals),
    secretHash: d.secretHash,
    reportingIntervalS: 1,
    profile: d.profile,
  }));
}

/** The readings of one variant, in a one-hour window of its own starting at `start`. */
function readings(devices: DeviceInfo[], start: number): Row[] {
  const rows: Row[] = [];
  for (let s = 0; s < STAMPS; s++) {
    for (const d of devices) {
      SIGNALS.forEach((signal, k) => {
        rows.push({ deviceId: d.id, signal, ts: start + s * 1_000 + k, value: 20 + ((s * 7 + k) % 50) / 3 });
      });
    }
  }
  return rows;
}

async function runWriter(handle: DbHandle, devices: DeviceInfo[], start: number): Promise<number> {
  const writer = new BatchWriter(handle.db, () => new Date(), {
    batchSize: BATCH.batchSize,
    maxWaitMs: BATCH.batchWaitMs,
    maxQueuedRows: READINGS * 2,
  });
  const t0 = performance.now();
  const pending: Promise<unknown>[] = [];
  for (let s = 0; s < STAMPS; s++) {
    for (const d of devices) {
      pending.push(
        writer.write({
          deviceId: d.id,
          enterpriseId: d.enterpriseId,
          readings: SIGNALS.map((signal, k) => ({ signal, ts: start + s * 1_000 + k, value: 20 + ((s * 7 + k) % 50) / 3 })),
        }),
      );
    }
  }
  await Promise.all(pending);
  const ms = performance.now() - t0;
  await writer.close();
  return ms;
}

async function runPipeline(handle: DbHandle, devices: DeviceInfo[], start: number): Promise<number> {
  const ingestion = new Ingestion(handle.db, () => new Date(), { ...DEFAULT_INGESTION_OPTIONS, ...BATCH, maxQueuedRows: READINGS * 2 });
  const t0 = performance.now();
  const pending: Promise<unknown>[] = [];
  for (let s = 0; s < STAMPS; s++) {
    for (const d of devices) {
      const values = Object.fromEntries(SIGNALS.map((signal, k) => [signal, 20 + ((s * 7 + k) % 50) / 3]));
      pending.push(ingestion.submit(d, { ts: start + s * 1_000, values }));
    }
  }
  await Promise.all(pending);
  const ms = performance.now() - t0;
  await ingestion.close();
  return ms;
}

async function runRawInsert(handle: DbHandle, rows: Row[]): Promise<number> {
  const t0 = performance.now();
  await handle.db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += 5_000) {
      const chunk = rows.slice(i, i + 5_000);
      await tx.execute(
        sql`insert into telemetry_readings (device_id, signal, ts, value)
            select d, s, to_timestamp(t / 1000), v from unnest(${plainArray(chunk.map((r) => r.deviceId))}::uuid[],
              ${textArray(chunk.map((r) => r.signal))}::text[], ${plainArray(chunk.map((r) => r.ts))}::float8[],
              ${plainArray(chunk.map((r) => r.value))}::float8[]) as x(d, s, t, v)`,
      );
    }
  });
  return performance.now() - t0;
}

async function runCopy(handle: DbHandle, rows: Row[]): Promise<number> {
  const text = rows.map((r) => `${r.deviceId}\t${r.signal}\t${new Date(r.ts).toISOString()}\t${r.value}\n`).join('');
  const t0 = performance.now();
  if (handle.pool) {
    const client = await handle.pool.connect();
    try {
      await streamPipeline(
        Readable.from([text]),
        client.query(copyFrom('COPY telemetry_readings (device_id, signal, ts, value) FROM STDIN')),
      );
    } finally {
      client.release();
    }
  } else if (handle.pglite) {
    await handle.pglite.query(`COPY telemetry_readings (device_id, signal, ts, value) FROM '/dev/blob'`, [], { blob: new Blob([text]) });
  }
  return performance.now() - t0;
}

async function count(handle: DbHandle, from: number, to: number): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    handle.db,
    sql`select count(*)::float8 as n from telemetry_readings where ts >= ${new Date(from).toISOString()}::timestamptz and ts < ${new Date(to).toISOString()}::timestamptz`,
  );
  return Number(row?.n ?? 0);
}

async function main() {
  const handle = await openDatabase({ databaseUrl: process.env.DATABASE_URL, poolSize: 4 });
  const devices = await setup(handle);
  // Windows of one hour each, from a day back, different per run and variant (the devices are new each time, so
  // nothing collides with earlier runs); partitions are made before timing.
  const origin = Math.floor((Date.now() - 26 * HOUR) / HOUR) * HOUR;
  await ensurePartitions(handle.db, origin, origin + (RUNS * 4 + 1) * HOUR);
  const times = { writer: [] as number[], pipeline: [] as number[], insert: [] as number[], copy: [] as number[] };
  for (let run = 0; run < RUNS; run++) {
    const at = (variant: number) => origin + (run * 4 + variant) * HOUR;
    times.copy.push(await runCopy(handle, readings(devices, at(0))));
    times.insert.push(await runRawInsert(handle, readings(devices, at(1))));
    times.writer.push(await runWriter(handle, devices, at(2)));
    times.pipeline.push(await runPipeline(handle, devices, at(3)));
    for (let v = 0; v < 4; v++) {
      const n = await count(handle, at(v), at(v) + HOUR);
      if (n !== READINGS) throw new Error(`variant ${v} stored ${n} of ${READINGS}`);
    }
  }
  const rate = (ms: number) => Math.round(READINGS / (ms / 1000));
  const result = {
    bench: 'ingest-writer',
    driver: handle.driver,
    readings: READINGS,
    runs: RUNS,
    ...BATCH,
    rowsPerSecond: {
      copy: rate(median(times.copy)),
      rawInsert: rate(median(times.insert)),
      writer: rate(median(times.writer)),
      pipeline: rate(median(times.pipeline)),
    },
    writerVsCopy: Number((median(times.copy) / median(times.writer)).toFixed(2)),
    writerVsRawInsert: Number((median(times.insert) / median(times.writer)).toFixed(2)),
  };
  console.log(JSON.stringify(result));
  // Leave a shared database as it was found (the partitions stay; retention drops them in time).
  const ids = devices.map((d) => d.id);
  await handle.db.transaction(async (tx) => {
    for (const table of ['telemetry_readings', 'telemetry_rollups_1m', 'ingest_counters', 'devices']) {
      const column = table === 'devices' ? 'id' : 'device_id';
      await tx.execute(sql`delete from ${sql.identifier(table)} where ${sql.identifier(column)} = any(${plainArray(ids)}::uuid[])`);
    }
    await tx.execute(sql`delete from enterprises where id = ${devices[0]?.enterpriseId ?? null}`);
  });
  await handle.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
