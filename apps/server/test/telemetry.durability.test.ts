// Durability of the telemetry hot path (issue #6 acceptance): the real server process (PGlite in a data directory,
// embedded broker) is SIGKILLed while an mqtt.js client publishes QoS 1 readings with a persistent session; the server
// is started again on the same data directory and port, the client reconnects and resends what was not acknowledged.
// Every acknowledged reading must then be stored exactly once, and the rollups must not count any twice.
import { openDatabase, queryRows } from '@zhiben/db';
import { sql } from 'drizzle-orm';
import mqtt from 'mqtt';
import { afterAll, describe, expect, it } from 'vitest';
import { type RunningServer, removeDir, startServer, tempDataDir } from '../../../e2e/support/server.js';
import { demoDeviceSecret } from '../src/seed/demo-devices.js';

// The demo accounts' enterprise (40 dust workers) has demo collector DC01 with a deterministic secret.
const CREDIT_CODE = '91140404MA0DEM1X2U';
const CODE = 'DC01';
const TOTAL = 1_500;
const KILL_AFTER_ACKS = 300;

const dirs: string[] = [];
const servers: RunningServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop(5_000)));
  for (const dir of dirs) removeDir(dir);
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// The spawned server always runs on PGlite with its embedded broker (it drops DATABASE_URL and MQTT_URL): CI's
// PostgreSQL pass would only repeat this, so it runs in the PGlite pass.
describe.skipIf(!!process.env.DATABASE_URL)('telemetry durability', () => {
  it('stores every acknowledged reading exactly once across a SIGKILL of the server', { timeout: 600_000 }, async () => {
    const dataDir = tempDataDir('zhiben-durable-');
    dirs.push(dataDir);
    // Without the demo simulator: this test's client is the only publisher.
    const env = { ZHIBEN_SIMULATE: '0' };
    const first = await startServer({ dataDir, demo: true, timeoutMs: 180_000, env });
    servers.push(first);
    const port = first.mqttPort;

    // Readings of this run sit in a window of their own, six hours back, one per second.
    const base = Math.floor((Date.now() - 6 * 3_600_000) / 1_000) * 1_000;
    const tsOf = (i: number) => base + i * 1_000;
    const acked = new Set<number>();
    const failed: string[] = [];
    const client = mqtt.connect(`mqtt://127.0.0.1:${port}`, {
      clientId: 'zhiben-durability-test',
      clean: false,
      username: `${CREDIT_CODE}/${CODE}`,
      password: demoDeviceSecret(CREDIT_CODE, CODE),
      reconnectPeriod: 250,
      connectTimeout: 5_000,
    });
    client.on('error', () => {}); // refused connections while the server is down
    await new Promise<void>((resolve) => client.once('connect', () => resolve()));
    const topic = `zhiben/v1/${CREDIT_CODE}/${CODE}/telemetry`;

    let published = 0;
    const publishing = (async () => {
      while (published < TOTAL) {
        const i = published++;
        const body = JSON.stringify({ ts: tsOf(i), values: { hopper_temp: i, diff_pressure: 1_000 + i, airlock_fault: 0 } });
        client.publish(topic, body, { qos: 1 }, (err) => {
          if (err) failed.push(`${i}: ${err.message}`);
          else acked.add(i);
        });
        if (i % 10 === 9) await sleep(10);
      }
    })();

    while (acked.size < KILL_AFTER_ACKS) await sleep(5);
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    const ackedBeforeKill = acked.size;
    servers.splice(servers.indexOf(first), 1);

    const second = await startServer({ dataDir, demo: true, timeoutMs: 180_000, env: { ...env, MQTT_PORT: String(port) } });
    servers.push(second);
    await publishing;
    const deadline = Date.now() + 240_000;
    while (acked.size < TOTAL && Date.now() < deadline) await sleep(100);
    // Forced: a client still holding unacknowledged messages would otherwise wait for them.
    await client.endAsync(true);
    expect(failed, 'publishes answered with an error').toEqual([]);
    expect(acked.size, `acknowledged ${acked.size} of ${TOTAL}; server output:\n${second.output().slice(-3000)}`).toBe(TOTAL);
    expect(ackedBeforeKill).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
    // A clean shutdown (SIGTERM → exit 0); the grace is generous because CI shares two cores with other suites.
    expect(await second.stop(60_000), `shutdown; server output:\n${second.output().slice(-3000)}`).toBe(0);
    servers.splice(servers.indexOf(second), 1);

    // PGlite is single-process: read the data directory once the server is gone.
    const handle = await openDatabase({ pgliteDir: `${dataDir}/pg` });
    try {
      const window = sql`ts >= ${new Date(tsOf(0)).toISOString()}::timestamptz and ts <= ${new Date(tsOf(TOTAL - 1)).toISOString()}::timestamptz`;
      const device = sql`device_id = (select d.id from devices d join enterprises e on e.id = d.enterprise_id where e.credit_code = ${CREDIT_CODE} and d.code = ${CODE})`;
      const rows = await queryRows<{ ts_ms: number; value: number; n: number }>(
        handle.db,
        sql`select (extract(epoch from ts) * 1000)::float8 as ts_ms, min(value) as value, count(*)::int as n
            from telemetry_readings where ${device} and signal = 'hopper_temp' and ${window} group by ts order by ts`,
      );
      const stored = new Map(rows.map((r) => [Number(r.ts_ms), r]));
      const missing = [...acked].filter((i) => !stored.has(tsOf(i)));
      expect(missing, `acknowledged but not stored: ${missing.slice(0, 10).join(', ')}`).toEqual([]);
      expect(rows.every((r) => r.n === 1)).toBe(true);
      expect(rows.every((r) => Number(r.value) === (Number(r.ts_ms) - base) / 1_000)).toBe(true);
      expect(rows).toHaveLength(TOTAL);
      const [raw] = await queryRows<{ n: number }>(
        handle.db,
        sql`select count(*)::float8 as n from telemetry_readings where ${device} and ${window}`,
      );
      const [rolled] = await queryRows<{ n: number }>(
        handle.db,
        sql`select coalesce(sum(count), 0)::float8 as n from telemetry_rollups_1m where ${device}
            and minute >= date_trunc('minute', ${new Date(tsOf(0)).toISOString()}::timestamptz)
            and minute <= ${new Date(tsOf(TOTAL - 1)).toISOString()}::timestamptz`,
      );
      expect(Number(raw?.n)).toBe(3 * TOTAL);
      // Redelivered messages were dropped before the rollups: each reading counted once.
      expect(Number(rolled?.n)).toBe(3 * TOTAL);
    } finally {
      await handle.close();
    }
  });
});
