import { queryRows } from '@zhiben/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BatchProcessor, DEFAULT_INGESTION_OPTIONS, Ingestion, maintainPartitions } from '../src/modules/telemetry/index.js';
import { ensurePartitions } from '../src/modules/telemetry/partitions.js';
import { checkPayload } from '../src/modules/telemetry/telemetry.payload.js';
import { buildTestApp, createTenant, type TestApp } from './harness.js';
import { fixtureDevice } from './samples/monitoring.js';
import { countersOf, readingCount, readingsOf, rollupCount } from './telemetry.helpers.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => t?.close());

const DAY = 86_400_000;
const minute = (ms: number) => Math.floor(ms / 60_000) * 60_000;

async function newDevice() {
  const tenant = await createTenant(t);
  const { device } = await fixtureDevice({ t }, tenant);
  const info = await t.app.ingestion.registry.lookup(tenant.enterprise.creditCode, device.code);
  if (!info.device) throw new Error('device not found by the registry');
  return info.device;
}

function ingestion(options: Partial<typeof DEFAULT_INGESTION_OPTIONS> = {}) {
  return new Ingestion(t.handle.db, t.clock.now, { ...DEFAULT_INGESTION_OPTIONS, ...options });
}

describe('the telemetry tables', () => {
  it('are range-partitioned (raw readings by day, rollups by month) and reading partitions are created on demand', async () => {
    const kinds = await queryRows<{ relname: string; relkind: string }>(
      t.handle.db,
      sql`select relname, relkind::text from pg_class where relname in ('telemetry_readings', 'telemetry_rollups_1m') order by relname`,
    );
    expect(kinds).toEqual([
      { relname: 'telemetry_readings', relkind: 'p' },
      { relname: 'telemetry_rollups_1m', relkind: 'p' },
    ]);
    // A backlog upload from 12 days ago lands in a partition of its own, created when the insert first needs it.
    const device = await newDevice();
    const ts = Date.now() - 12 * DAY;
    const result = await ingestion().submit(device, { ts, values: { hopper_temp: 21 } });
    expect(result).toMatchObject({ accepted: 1, duplicates: 0, rejectedTotal: 0 });
    const [where] = await queryRows<{ partition: string }>(
      t.handle.db,
      sql`select tableoid::regclass::text as partition from telemetry_readings where device_id = ${device.id}`,
    );
    const day = new Date(ts).toISOString().slice(0, 10).replace(/-/g, '');
    expect(where?.partition).toBe(`telemetry_readings_p${day}`);
  });

  it('drops whole partitions older than the retention period and keeps the recent ones', async () => {
    const now = Date.now();
    const old = now - 500 * DAY;
    await ensurePartitions(t.handle.db, old, old);
    const oldName = `telemetry_readings_p${new Date(old).toISOString().slice(0, 10).replace(/-/g, '')}`;
    const { dropped, created } = await maintainPartitions(t.handle.db, new Date(now), { rawRetentionDays: 30, rollupRetentionDays: 400 });
    expect(dropped).toContain(oldName);
    expect(dropped.some((name) => name.startsWith('telemetry_rollups_1m_p'))).toBe(true);
    const today = `telemetry_readings_p${new Date(now).toISOString().slice(0, 10).replace(/-/g, '')}`;
    const remaining = await queryRows<{ name: string }>(
      t.handle.db,
      sql`select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid where i.inhparent = 'telemetry_readings'::regclass`,
    );
    const names = remaining.map((r) => r.name);
    expect(names).not.toContain(oldName);
    expect(names).toContain(today);
    // Created ahead: the next three days exist before any reading needs them.
    const ahead = `telemetry_readings_p${new Date(now + 3 * DAY).toISOString().slice(0, 10).replace(/-/g, '')}`;
    expect([...names, ...created]).toContain(ahead);
  });
});

describe('the batch writer', () => {
  it('stores readings once, keeps 1-minute rollups (count, min, max, sum, latest) and counts every outcome', async () => {
    const device = await newDevice();
    const pipeline = ingestion();
    const base = minute(Date.now() - 10 * 60_000);
    // Out of order within the minute: the latest timestamp's value is `last`, whatever the arrival order.
    const first = await pipeline.submit(device, [
      { ts: base + 40_000, values: { hopper_temp: 30, diff_pressure: 800 } },
      { ts: base + 10_000, values: { hopper_temp: 50, diff_pressure: 820 } },
      { ts: base + 70_000, values: { hopper_temp: 44 } },
    ]);
    expect(first).toMatchObject({ accepted: 5, duplicates: 0, rejected: [], rejectedTotal: 0 });
    const late = await pipeline.submit(device, { ts: base + 20_000, values: { hopper_temp: 10, airlock_fault: true } });
    expect(late).toMatchObject({ accepted: 2, duplicates: 0 });
    // A resend of the first payload: nothing new, the rollups do not count it twice.
    const resend = await pipeline.submit(device, { ts: base + 40_000, values: { hopper_temp: 30, diff_pressure: 800 } });
    expect(resend).toMatchObject({ accepted: 0, duplicates: 2 });

    const rollups = await queryRows<{
      signal: string;
      minute: Date | string;
      count: number;
      min: number;
      max: number;
      sum: number;
      last: number;
    }>(
      t.handle.db,
      sql`select signal, minute, count, min, max, sum, last from telemetry_rollups_1m where device_id = ${device.id} order by minute, signal`,
    );
    expect(rollups.map((r) => ({ ...r, minute: new Date(r.minute).getTime() }))).toEqual([
      { signal: 'airlock_fault', minute: base, count: 1, min: 1, max: 1, sum: 1, last: 1 },
      { signal: 'diff_pressure', minute: base, count: 2, min: 800, max: 820, sum: 1620, last: 800 },
      { signal: 'hopper_temp', minute: base, count: 3, min: 10, max: 50, sum: 90, last: 30 },
      { signal: 'hopper_temp', minute: base + 60_000, count: 1, min: 44, max: 44, sum: 44, last: 44 },
    ]);
    expect(await readingCount(t.handle, device.id)).toBe(7);
    expect(await rollupCount(t.handle, device.id)).toBe(7);
    expect(await countersOf(t.handle, device.id)).toEqual({ accepted: 7, duplicate: 2 });
  });

  it('rejects bad values, unknown signals and timestamps out of range one by one, and counts each reason', async () => {
    const device = await newDevice();
    const now = Date.now();
    const result = await ingestion().submit(device, [
      { ts: now - 1_000, values: { hopper_temp: 40, water_level: 50, diff_pressure: 'high', airlock_fault: null } },
      { ts: now + 10 * 60_000, values: { hopper_temp: 41 } },
      { ts: now - 31 * DAY, values: { hopper_temp: 42, diff_pressure: 1 } },
      { ts: new Date(now - 2_000).toISOString(), values: { hopper_temp: 39.5 } },
    ]);
    expect(result.accepted).toBe(2);
    expect(result.rejected).toEqual([
      { reason: 'unknown_signal', index: 0, signal: 'water_level' },
      { reason: 'bad_payload', index: 0, signal: 'diff_pressure', detail: 'value "high" is not a number' },
      { reason: 'bad_payload', index: 0, signal: 'airlock_fault', detail: 'value null is not a number' },
      { reason: 'ts_out_of_range', index: 1, signal: 'hopper_temp', detail: new Date(now + 10 * 60_000).toISOString() },
      { reason: 'ts_out_of_range', index: 2, signal: 'hopper_temp', detail: new Date(now - 31 * DAY).toISOString() },
      { reason: 'ts_out_of_range', index: 2, signal: 'diff_pressure', detail: new Date(now - 31 * DAY).toISOString() },
    ]);
    expect(await countersOf(t.handle, device.id)).toEqual({ accepted: 2, unknown_signal: 1, bad_payload: 2, ts_out_of_range: 3 });
    expect((await readingsOf(t.handle, device.id)).map((r) => r.value)).toEqual([39.5, 40]);
  });

  it('refuses envelopes it cannot read, and ISO times without an offset', () => {
    const signals = new Set(['hopper_temp']);
    const window = { minTs: 0, maxTs: Number.MAX_SAFE_INTEGER };
    for (const body of [
      null,
      'text',
      [],
      { values: { hopper_temp: 1 } },
      { ts: '2026-11-29T10:00:00', values: { hopper_temp: 1 } },
      { ts: -5, values: {} },
    ]) {
      const checked = checkPayload(body, signals, window);
      expect(checked.readings, JSON.stringify(body)).toEqual([]);
      expect(
        checked.rejections.map((r) => r.reason),
        JSON.stringify(body),
      ).toEqual(['bad_payload']);
    }
    expect(checkPayload({ ts: '2026-11-29T10:00:00+08:00', values: { hopper_temp: 1 } }, signals, window).readings).toEqual([
      { signal: 'hopper_temp', ts: Date.parse('2026-11-29T02:00:00Z'), value: 1 },
    ]);
  });

  it('groups concurrent messages into one transaction and resolves each only after that transaction committed', async () => {
    const device = await newDevice();
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const seen: { inserted: number; visibleInTx: number }[] = [];
    const processor: BatchProcessor = {
      name: 'probe',
      async process(tx, readings) {
        const [row] = await queryRows<{ n: number }>(
          tx,
          sql`select count(*)::float8 as n from telemetry_readings where device_id = ${device.id}`,
        );
        seen.push({ inserted: readings.length, visibleInTx: Number(row?.n) });
        await gate;
      },
    };
    const pipeline = ingestion({ batchWaitMs: 50 });
    pipeline.use(processor);
    const base = Date.now() - 60_000;
    let settled = 0;
    const pending = Array.from({ length: 40 }, (_, i) =>
      pipeline.submit(device, { ts: base + i, values: { hopper_temp: i } }).then((r) => {
        settled++;
        return r;
      }),
    );
    await new Promise((r) => setTimeout(r, 300));
    // The batch is written but its transaction is held open by the processor: nothing may be acknowledged yet.
    expect(settled).toBe(0);
    expect(seen).toEqual([{ inserted: 40, visibleInTx: 40 }]);
    release();
    const results = await Promise.all(pending);
    expect(results.every((r) => r.accepted === 1)).toBe(true);
    expect(pipeline.stats().batches).toBe(1);
    expect(await readingCount(t.handle, device.id)).toBe(40);
  });

  it('hands processors only the newly inserted readings, in order per device', async () => {
    const device = await newDevice();
    const received: { signal: string; ts: number; value: number; enterpriseId: string }[][] = [];
    const pipeline = ingestion();
    pipeline.use({
      name: 'collect',
      process: async (_tx, readings) =>
        void received.push(readings.map((r) => ({ enterpriseId: r.enterpriseId, signal: r.signal, ts: r.ts, value: r.value }))),
    });
    const ts = Date.now() - 5_000;
    await pipeline.submit(device, [
      { ts: ts + 1, values: { hopper_temp: 2, diff_pressure: 900 } },
      { ts, values: { hopper_temp: 1 } },
    ]);
    await pipeline.submit(device, [
      { ts, values: { hopper_temp: 1 } },
      { ts: ts + 2, values: { hopper_temp: 3 } },
    ]);
    const e = device.enterpriseId;
    expect(received).toEqual([
      [
        { signal: 'hopper_temp', ts, value: 1, enterpriseId: e },
        { signal: 'diff_pressure', ts: ts + 1, value: 900, enterpriseId: e },
        { signal: 'hopper_temp', ts: ts + 1, value: 2, enterpriseId: e },
      ],
      [{ signal: 'hopper_temp', ts: ts + 2, value: 3, enterpriseId: e }],
    ]);
  });

  it('rolls the whole batch back when a processor fails: no reading, rollup or count survives, and the sender is told', async () => {
    const device = await newDevice();
    const pipeline = ingestion();
    pipeline.use({
      name: 'broken',
      process: async () => {
        throw new Error('rule stage failed');
      },
    });
    await expect(pipeline.submit(device, { ts: Date.now() - 1_000, values: { hopper_temp: 60 } })).rejects.toThrow('rule stage failed');
    expect(await readingCount(t.handle, device.id)).toBe(0);
    expect(await rollupCount(t.handle, device.id)).toBe(0);
    expect(await countersOf(t.handle, device.id)).toEqual({});
    expect(pipeline.stats().failedBatches).toBe(1);
  });

  it('refuses new messages when its queue is full instead of growing without bound', async () => {
    const device = await newDevice();
    const pipeline = ingestion({ maxQueuedRows: 3, batchWaitMs: 200 });
    const first = pipeline.submit(device, { ts: Date.now() - 1_000, values: { hopper_temp: 1, diff_pressure: 2, airlock_fault: 0 } });
    await expect(pipeline.submit(device, { ts: Date.now() - 2_000, values: { hopper_temp: 1 } })).rejects.toThrow('queue is full');
    await expect(first).resolves.toMatchObject({ accepted: 3 });
    await pipeline.close();
    await expect(pipeline.submit(device, { ts: Date.now() - 3_000, values: { hopper_temp: 1 } })).rejects.toThrow('shutting down');
  });
});

describe('overlapping batches (INGEST_BATCH_CONCURRENCY 2)', () => {
  it('run the processors one batch at a time in batch order, and acknowledge every message once after its commit', async () => {
    const devices = [await newDevice(), await newDevice()];
    const runs: { start: number; end: number; firstTs: number }[] = [];
    const perDevice = new Map<string, number[]>();
    let clock = 0;
    const pipeline = ingestion({ batchSize: 4, batchWaitMs: 0, batchConcurrency: 2 });
    pipeline.use({
      name: 'order-probe',
      async process(_tx, readings) {
        const start = ++clock;
        for (const r of readings) perDevice.set(r.deviceId, [...(perDevice.get(r.deviceId) ?? []), r.ts]);
        // Yield long enough for the next batch to reach its turn if nothing made it wait.
        await new Promise((r) => setTimeout(r, 5));
        runs.push({ start, end: ++clock, firstTs: Math.min(...readings.map((r) => r.ts)) });
      },
    });
    const base = Date.now() - 120_000;
    const results = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        pipeline.submit(devices[i % 2] as (typeof devices)[number], {
          ts: base + i * 1_000,
          values: { hopper_temp: i, diff_pressure: 900 + i },
        }),
      ),
    );
    expect(results.map((r) => r.accepted)).toEqual(Array(24).fill(2));
    // Never two processor runs at once, and in the order the batches were formed (= the order of submission).
    for (let i = 1; i < runs.length; i++) {
      expect((runs[i] as (typeof runs)[number]).start).toBeGreaterThan((runs[i - 1] as (typeof runs)[number]).end);
      expect((runs[i] as (typeof runs)[number]).firstTs).toBeGreaterThan((runs[i - 1] as (typeof runs)[number]).firstTs);
    }
    for (const d of devices) {
      const seen = perDevice.get(d.id) ?? [];
      expect(seen).toHaveLength(24);
      expect(seen).toEqual([...seen].sort((a, b) => a - b));
      expect(await readingCount(t.handle, d.id)).toBe(24);
    }
    expect(pipeline.stats().batches).toBeGreaterThanOrEqual(12);
  });

  it('store a reading once when a batch retries after the next batch wrote the same reading, and neither waits for ever', async () => {
    // Which connection reaches the database first is a race, so the scene is played several times.
    for (let round = 0; round < 5; round++) {
      const device = await newDevice();
      let failures = 0;
      let release: () => void = () => {};
      const gate = new Promise<void>((r) => {
        release = r;
      });
      const pipeline = ingestion({ batchSize: 1, batchWaitMs: 0, batchConcurrency: 2 });
      pipeline.use({
        name: 'fails-once',
        async process(_tx, readings) {
          if (failures === 0 && readings.some((r) => r.value === 1)) {
            failures++;
            // Hold the first batch while the second tries to insert its copy, then fail it as a serialization
            // failure would: it retries while the second batch may hold the reading and wait for the first's turn.
            await gate;
            throw Object.assign(new Error('could not serialize access'), { code: '40001' });
          }
        },
      });
      const ts = Date.now() - 30_000;
      const first = pipeline.submit(device, { ts, values: { hopper_temp: 1 } });
      const second = pipeline.submit(device, { ts, values: { hopper_temp: 1 } });
      await new Promise((r) => setTimeout(r, 100));
      release();
      const outcomes = await Promise.all([first, second]);
      expect(outcomes.map((o) => o.accepted + o.duplicates)).toEqual([1, 1]);
      expect(outcomes.reduce((n, o) => n + o.accepted, 0)).toBe(1);
      expect(failures).toBe(1);
      // One retry, for the failure the processor raised — none for a lock wait that only the lock timeout ended.
      expect(pipeline.stats().retries).toEqual({ '40001': 1 });
      expect(await readingCount(t.handle, device.id)).toBe(1);
      expect(await countersOf(t.handle, device.id)).toEqual({ accepted: 1, duplicate: 1 });
    }
  });
});
