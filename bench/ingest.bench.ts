/**
 * Benchmark: end-to-end telemetry ingestion (issue #6 item 7) — MQTT → ingestion → alarm rules → stored — against a
 * raw COPY of the same rows into the same database in the same run. Method and results: docs/PERFORMANCE.md.
 *
 * Per database (PGlite always; PostgreSQL too when DATABASE_URL is set):
 *   1. warm-up (2 s, not measured): every device reports, so rule state exists and caches are warm;
 *   2. capacity (closed loop, --seconds): each of --devices MQTT clients (default 1,000) keeps --window (default 4)
 *      QoS 1 messages in flight; on the embedded broker the PUBACK comes only after the batch committed, so this is
 *      the most the pipeline sustains. Many devices with a small window, because that is what the field looks like: a
 *      batch holds ~one message per device (a gateway reports every 10–60 s), so per-device work (rule state,
 *      rollups) is paid per message; a few devices with deep windows would flatter the pipeline. Through an external
 *      broker (MQTT_URL) the broker acknowledges on receipt, so the publisher is paced instead (open loop at
 *      4 × --rate) and what counts is what the server stored;
 *   3. at rate (open loop, --seconds): --rate readings/s (4 readings per message), with --faults-per-s red hopper
 *      temperatures injected on devices that have none open; publish → alarm visible latency per fault (NOTIFY at
 *      commit, heard on a listening connection as the SSE stream hears it), and publish → PUBACK;
 *   4. raw COPY of the capacity phase's stored rows (shifted in time) into telemetry_readings.
 * "stored r/s" is the server's own count of inserted readings between the publisher's start and stop. Every
 * acknowledged reading must be stored exactly once (embedded broker): a mismatch is an error (exit 1). Targets are
 * reported, never enforced: exit 1 only on errors.
 */
import { availableParallelism, loadavg } from 'node:os';
import { type DbHandle, queryRows } from '@zhiben/db';
import { sql } from 'drizzle-orm';
import { plainArray } from '../apps/server/src/modules/telemetry/sql-arrays.js';
import { AlarmWatch } from './ingest/alarm-watch.js';
import { type CopyResult, copyBaseline } from './ingest/copy-baseline.js';
import { profiled } from './ingest/cpu-profile.js';
import { type CpuSample, cpuSample, cpuSince } from './ingest/cpu-usage.js';
import { Publisher } from './ingest/load.js';
import { type BenchOptions, parseBenchOptions, USAGE } from './ingest/options.js';
import type { PhaseResult } from './ingest/protocol.js';
import { percentile, type Row, table } from './ingest/report.js';
import { openTarget, type Target } from './ingest/target.js';

const TARGETS = { pg: 0.5, pglite: 0.3, alarmP99Ms: 250, alarmRate: 10_000 };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const load = () => (loadavg()[0] ?? 0).toFixed(1);

interface PhaseOutcome {
  result: PhaseResult;
  seconds: number;
  storedPerS: number;
  /** Batches the writer committed during the phase, their mean size (rows), and the phase's time per batch (ms). */
  batches: { count: number; rows: number; ms: number };
  /** CPU time between the publisher's start and stop (µs), by process. */
  cpu: CpuSample;
  loadAt: string;
}

interface DriverReport {
  rows: Row[];
  errors: string[];
  notes: string[];
  json: Record<string, unknown>;
}

async function storedBetween(handle: DbHandle, deviceIds: string[], fromMs: number, toMs: number): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    handle.db,
    sql`select count(*)::float8 as n from telemetry_readings where device_id = any(${plainArray(deviceIds)}::uuid[])
          and ts >= ${new Date(fromMs).toISOString()}::timestamptz and ts <= ${new Date(toMs).toISOString()}::timestamptz`,
  );
  return Number(row?.n ?? 0);
}

/** For each fault, whether its red hopper-temperature reading is in the table. */
async function storedFaults(handle: DbHandle, faults: { deviceId: string; ts: number }[]): Promise<boolean[]> {
  if (faults.length === 0) return [];
  const rows = await queryRows<{ device_id: string; ts_ms: number }>(
    handle.db,
    sql`select r.device_id, (extract(epoch from r.ts) * 1000)::float8 as ts_ms from telemetry_readings r
        join unnest(${plainArray(faults.map((f) => f.deviceId))}::uuid[], ${plainArray(faults.map((f) => f.ts))}::float8[]) as f(device_id, ts_ms)
          on r.device_id = f.device_id and r.ts = to_timestamp(f.ts_ms / 1000) and r.signal = 'hopper_temp'`,
  );
  const found = new Set(rows.map((r) => `${r.device_id}|${Math.round(Number(r.ts_ms))}`));
  return faults.map((f) => found.has(`${f.deviceId}|${f.ts}`));
}

/** Runs one phase and reads the server's inserted-readings counter at the publisher's start and stop. */
async function phase(target: Target, publisher: Publisher, request: Parameters<Publisher['run']>[0]): Promise<PhaseOutcome> {
  const marks: Partial<Record<'started' | 'stopped', { inserted: number; batches: number; rows: number; cpu: CpuSample }>> = {};
  publisher.onEdge = (edge) => {
    const s = target.app.ingestion.stats();
    marks[edge] = { inserted: s.inserted, batches: s.batches, rows: s.rows, cpu: cpuSample(publisher.pid) };
  };
  const loadAt = load();
  const result = await publisher.run(request);
  const seconds = (result.stoppedAt - result.startedAt) / 1000;
  const a = marks.started ?? { inserted: 0, batches: 0, rows: 0, cpu: cpuSample(publisher.pid) };
  const b = marks.stopped ?? a;
  const storedPerS = (b.inserted - a.inserted) / seconds;
  const count = b.batches - a.batches;
  // When the writer never idles (capacity), seconds ÷ batches is the interval between commits (with overlapping
  // batches, less than the time one batch takes).
  const batches = {
    count,
    rows: count > 0 ? (b.rows - a.rows) / count : Number.NaN,
    ms: count > 0 ? (seconds * 1000) / count : Number.NaN,
  };
  return { result, seconds, storedPerS, batches, cpu: cpuSince(a.cpu, b.cpu), loadAt: `${loadAt} → ${load()}` };
}

async function runDriver(driver: 'pglite' | 'pg', options: BenchOptions): Promise<DriverReport> {
  const errors: string[] = [];
  const notes: string[] = [];
  const target = await openTarget({
    driver,
    databaseUrl: process.env.DATABASE_URL,
    pgliteDir: options.pgliteDir,
    mqttUrl: process.env.MQTT_URL,
    devices: options.devices,
    batchSize: options.batchSize,
    concurrency: options.concurrency,
  });
  const label = driver === 'pg' ? 'PostgreSQL' : 'PGlite';
  const brokerLabel = target.broker === 'embedded' ? 'embedded aedes' : `external ${process.env.MQTT_URL}`;
  const deviceIds = target.devices.map((d) => d.id);
  const publisher = new Publisher();
  const watch = target.alarms ? await AlarmWatch.start(target.handle) : null;
  try {
    // An open-loop client that is not keeping up stops at this many unacknowledged messages, so that all clients
    // together stay under half the server's queue limit: beyond the limit the server sheds load by disconnecting
    // publishers (they resend), which is right for devices but would end a benchmark client.
    const inflightCap = Math.max(1, Math.floor((0.5 * target.app.ingestion.options.maxQueuedRows) / (options.devices * 4)));
    const connected = await publisher.connect({
      url: target.url,
      devices: target.devices.map(({ key, secret, topic }) => ({ key, secret, topic })),
      seed: 1,
      window: options.window,
      inflightCap,
    });
    console.log(`${label}: ${connected.clients} MQTT clients connected to ${brokerLabel} in ${connected.ms} ms`);
    await publisher.run({ phase: 'warmup', seconds: 2, mode: 'open', readingsPerS: options.devices * 4 * 2 });
    await target.app.ingestion.writer.idle();

    const external = target.broker === 'external';
    const capacity = await profiled(options.cpuProfileDir, `capacity-${driver}`, () =>
      phase(
        target,
        publisher,
        external
          ? { phase: 'capacity', seconds: options.seconds, mode: 'open', readingsPerS: 4 * options.rate }
          : { phase: 'capacity', seconds: options.seconds, mode: 'closed' },
      ),
    );
    await target.app.ingestion.writer.idle();
    const capStored = await storedBetween(target.handle, deviceIds, capacity.result.firstTs, capacity.result.lastTs);
    checkStored('capacity', capacity.result, capStored, external, errors, notes);

    const faultCount = Math.min(options.devices, Math.floor(options.faultsPerS * Math.max(0, options.seconds - 1)));
    const faults = target.alarms
      ? Array.from({ length: faultCount }, (_, i) => ({ device: i, atMs: 500 + Math.round((i * 1000) / options.faultsPerS) }))
      : [];
    const atRate = await phase(target, publisher, {
      phase: 'at rate',
      seconds: options.seconds,
      mode: 'open',
      readingsPerS: options.rate,
      faults,
    });
    await target.app.ingestion.writer.idle();
    const rateStored = await storedBetween(target.handle, deviceIds, atRate.result.firstTs, atRate.result.lastTs);
    checkStored('at rate', atRate.result, rateStored, external, errors, notes);

    const alarmMs: number[] = [];
    if (watch) {
      // Only faults whose reading was stored can raise an alarm; an external broker may have dropped some.
      const stored = await storedFaults(
        target.handle,
        atRate.result.faults.map((f) => ({ deviceId: deviceIds[f.device] ?? '', ts: f.ts })),
      );
      const wanted = new Map(atRate.result.faults.filter((_, i) => stored[i]).map((f) => [deviceIds[f.device] ?? '', f.publishedAt]));
      const lost = atRate.result.faults.length - wanted.size;
      if (lost > 0) {
        (external ? notes : errors).push(`${lost} of ${atRate.result.faults.length} injected red readings were never stored`);
      }
      let seen = new Map<string, number>();
      // Give the last faults' alarms up to 10 s to be heard of after the stream has drained.
      for (let waited = 0; waited < 10_000; waited += 250) {
        seen = await watch.visibleAt(target.handle, 'hopper_temp.high', [...wanted.keys()]);
        if (seen.size >= wanted.size) break;
        await sleep(250);
      }
      for (const [deviceId, publishedAt] of wanted) {
        const at = seen.get(deviceId);
        if (at !== undefined) alarmMs.push(at - publishedAt);
      }
      if (seen.size < wanted.size)
        errors.push(`${wanted.size - seen.size} of ${wanted.size} stored red readings raised no visible hopper_temp.high alarm`);
    } else {
      notes.push('alarm latency NOT measured: the app has no alarm rule stage (app.alarmEngine missing — alarms module not registered)');
    }

    const copy: CopyResult = await copyBaseline(
      target.handle,
      deviceIds,
      { fromMs: capacity.result.firstTs, toMs: capacity.result.lastTs },
      { maxRows: options.copyRows },
    );
    const copyPerS = copy.rows / (copy.ms / 1000);
    notes.push(`raw baseline: ${copy.method}, ${copy.rows.toLocaleString('en-US')} rows in ${copy.ms.toFixed(0)} ms`);

    const alarmsLabel = watch ? `${alarmMs.length}/${atRate.result.faults.length} red` : 'not wired';
    const rows: Row[] = [
      {
        driver: label,
        broker: target.broker,
        phase: 'capacity',
        seconds: capacity.seconds,
        offered: external ? (4 * options.rate).toLocaleString('en-US') : `closed loop ×${options.window}`,
        stored: capacity.storedPerS,
        vsCopy: capacity.storedPerS / copyPerS,
        ackP50: Number.NaN,
        ackP99: Number.NaN,
        alarmP50: Number.NaN,
        alarmP99: Number.NaN,
        alarms: '–',
        load: capacity.loadAt,
      },
      {
        driver: label,
        broker: target.broker,
        phase: 'at rate',
        seconds: atRate.seconds,
        offered: `${options.rate.toLocaleString('en-US')} (sent ${Math.round((atRate.result.sentMessages * atRate.result.readingsPerMessage) / atRate.seconds).toLocaleString('en-US')})`,
        stored: atRate.storedPerS,
        vsCopy: atRate.storedPerS / copyPerS,
        ackP50: percentile(atRate.result.ackMs, 50),
        ackP99: percentile(atRate.result.ackMs, 99),
        alarmP50: percentile(alarmMs, 50),
        alarmP99: percentile(alarmMs, 99),
        alarms: alarmsLabel,
        load: atRate.loadAt,
      },
      {
        driver: label,
        broker: '–',
        phase: 'raw COPY',
        seconds: copy.ms / 1000,
        offered: '–',
        stored: copyPerS,
        vsCopy: 1,
        ackP50: Number.NaN,
        ackP99: Number.NaN,
        alarmP50: Number.NaN,
        alarmP99: Number.NaN,
        alarms: '–',
        load: load(),
      },
    ];
    if (atRate.result.skippedMessages > 0) {
      notes.push(
        `at rate: ${atRate.result.skippedMessages} messages not sent (their client had ${inflightCap} unacknowledged): the pipeline fell behind the offered rate`,
      );
    }
    for (const [name, p] of [
      ['capacity', capacity],
      ['at rate', atRate],
    ] as const) {
      notes.push(
        `${name}: ${p.batches.count} batches of ${p.batches.rows.toFixed(0)} rows on average, one per ${p.batches.ms.toFixed(1)} ms`,
      );
    }
    {
      const stored = capacity.storedPerS * capacity.seconds;
      const per = (us: number) => (stored > 0 ? us / stored : Number.NaN);
      const cores = (us: number) => us / 1e6 / capacity.seconds;
      const { server, postgres, publisher: pub } = capacity.cpu;
      notes.push(
        `capacity: CPU per stored reading — server process ${per(server).toFixed(1)} µs (${cores(server).toFixed(2)} cores)` +
          (driver === 'pg' ? `, PostgreSQL ${per(postgres).toFixed(1)} µs (${cores(postgres).toFixed(2)} cores)` : ', database included') +
          `, publisher ${per(pub).toFixed(1)} µs (${cores(pub).toFixed(2)} cores)`,
      );
    }
    const share = capacity.storedPerS / copyPerS;
    const goal = TARGETS[driver];
    notes.push(
      `target: capacity ≥ ${goal * 100} % of raw COPY on ${label} — measured ${(share * 100).toFixed(0)} % (${share >= goal ? 'met' : 'NOT met'})`,
    );
    const p99 = percentile(alarmMs, 99);
    if (watch) {
      const at = `${options.rate.toLocaleString('en-US')} readings/s offered${options.rate < TARGETS.alarmRate ? ` (the target is stated at ${TARGETS.alarmRate.toLocaleString('en-US')})` : ''}`;
      notes.push(
        `target: alarm p99 < ${TARGETS.alarmP99Ms} ms at ${at} — measured ${p99.toFixed(0)} ms (${p99 < TARGETS.alarmP99Ms ? 'met' : 'NOT met'}${options.rate < TARGETS.alarmRate ? ' at this rate' : ''})`,
      );
    }
    return {
      rows,
      errors,
      notes,
      json: {
        driver,
        broker: target.broker,
        devices: options.devices,
        seconds: options.seconds,
        capacityReadingsPerS: Math.round(capacity.storedPerS),
        atRate: { offered: options.rate, stored: Math.round(atRate.storedPerS), skippedMessages: atRate.result.skippedMessages },
        ackMs: { p50: round1(percentile(atRate.result.ackMs, 50)), p99: round1(percentile(atRate.result.ackMs, 99)) },
        alarmMs: watch ? { p50: round1(percentile(alarmMs, 50)), p99: round1(p99), n: alarmMs.length } : null,
        copy: { rows: copy.rows, readingsPerS: Math.round(copyPerS), method: copy.method },
        capacityVsCopy: Number(share.toFixed(3)),
        capacityCpuUsPerReading: {
          server: round1(capacity.cpu.server / (capacity.storedPerS * capacity.seconds)),
          postgres: driver === 'pg' ? round1(capacity.cpu.postgres / (capacity.storedPerS * capacity.seconds)) : null,
          publisher: round1(capacity.cpu.publisher / (capacity.storedPerS * capacity.seconds)),
        },
        load: { capacity: capacity.loadAt, atRate: atRate.loadAt },
      },
    };
  } finally {
    await publisher.close();
    await watch?.close();
    await target.close();
  }
}

const round1 = (n: number) => (Number.isFinite(n) ? Math.round(n * 10) / 10 : null);

/**
 * Embedded broker: a PUBACK is sent only after the commit, so acknowledged readings = stored readings, exactly.
 * External broker: the broker acknowledged on receipt; what it did not deliver is a loss to report.
 */
function checkStored(name: string, result: PhaseResult, stored: number, external: boolean, errors: string[], notes: string[]): void {
  const acked = result.ackedMessages * result.readingsPerMessage;
  const sent = result.sentMessages * result.readingsPerMessage;
  if (result.errors > 0) errors.push(`${name}: ${result.errors} publish errors (first: ${result.firstError})`);
  if (external) {
    if (stored < sent)
      notes.push(`${name}: ${sent - stored} of ${sent} readings published to the external broker were never stored (broker queue limits)`);
    return;
  }
  // Acknowledged and not stored is lost data. Stored and not acknowledged happens only when a connection dropped before
  // its PUBACK (a device would resend; the duplicate is dropped) — already counted as a publish error above.
  if (stored < acked) errors.push(`${name}: ${acked} readings acknowledged but only ${stored} stored`);
  else if (stored > acked && result.errors === 0) errors.push(`${name}: ${stored} readings stored but only ${acked} acknowledged`);
}

async function main(): Promise<number> {
  let options: BenchOptions;
  try {
    options = parseBenchOptions(process.argv.slice(2), process.env);
  } catch (err) {
    console.error(`${(err as Error).message}\n\n${USAGE}`);
    return 1;
  }
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  console.log(
    `bench:ingest — ${options.devices} devices, ${options.seconds} s per phase, ${options.rate.toLocaleString('en-US')} readings/s offered at rate; load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on ${availableParallelism()} cores`,
  );
  const rows: Row[] = [];
  const errors: string[] = [];
  const notes: string[] = [];
  const json: Record<string, unknown>[] = [];
  for (const driver of options.drivers) {
    try {
      const report = await runDriver(driver, options);
      rows.push(...report.rows);
      errors.push(...report.errors.map((e) => `${driver}: ${e}`));
      notes.push(...report.notes.map((n) => `${driver}: ${n}`));
      json.push(report.json);
    } catch (err) {
      errors.push(`${driver}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    }
  }
  if (rows.length > 0) console.log(`\n${table(rows)}\n`);
  for (const n of notes) console.log(`- ${n}`);
  console.log(JSON.stringify({ bench: 'ingest', results: json }));
  for (const e of errors) console.error(`ERROR ${e}`);
  return errors.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
