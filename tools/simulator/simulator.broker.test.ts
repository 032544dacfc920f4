import { randomBytes } from 'node:crypto';
import { telemetryTopic } from '@zhiben/contracts';
import { queryRows, schema } from '@zhiben/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashDeviceSecret } from '../../apps/server/src/modules/devices/index.js';
import { serveEmbeddedBroker } from '../../apps/server/src/modules/telemetry/index.js';
import { type EmbeddedBroker, startEmbeddedBroker } from '../../apps/server/src/platform/mqtt-broker.js';
import { buildTestApp, createTenant, type TestApp } from '../../apps/server/test/harness.js';
import type { SimDevice } from './devices.js';
import { runOnce } from './once.js';
import { Simulation } from './runner.js';
import { DRY_SIGNALS } from './test-support.js';
import { MqttTransport } from './transport.js';

/**
 * The simulator against the real pipeline: the embedded aedes broker with device authentication, the ingestion
 * batch writer, and (when the alarms module is wired into the app) the rule stage. A publish is acknowledged only
 * after its batch committed, so "acknowledged" must equal "stored".
 */

let t: TestApp;
let broker: EmbeddedBroker;
let stopServing: () => void;
let url: string;
let tenant: Awaited<ReturnType<typeof createTenant>>;

async function device(signals = DRY_SIGNALS): Promise<SimDevice & { id: string }> {
  const secret = randomBytes(24).toString('base64url');
  const code = `S${randomBytes(4).toString('hex').toUpperCase()}`;
  const [row] = await t.handle.db
    .insert(schema.devices)
    .values({
      enterpriseId: tenant.enterprise.id,
      regionPath: tenant.enterprise.regionPath,
      code,
      name: '模拟器测试除尘器',
      collectorType: 'dry',
      profile: 'dry_collector',
      reportingIntervalS: 10,
      signals,
      secretHash: hashDeviceSecret(secret),
      secretRotatedAt: new Date(),
    })
    .returning();
  if (!row) throw new Error('device not created');
  const creditCode = tenant.enterprise.creditCode;
  return {
    id: row.id,
    key: `${creditCode}/${code}`,
    creditCode,
    code,
    enterpriseName: '',
    kind: 'dry',
    signals,
    reportingIntervalS: 10,
    secret,
    topic: telemetryTopic(creditCode, code),
  };
}

const readings = async (deviceId: string) =>
  queryRows<{ signal: string; value: number }>(
    t.handle.db,
    sql`select signal, value from telemetry_readings where device_id = ${deviceId} order by ts`,
  );

beforeAll(async () => {
  t = await buildTestApp();
  tenant = await createTenant(t);
  broker = await startEmbeddedBroker(0, '127.0.0.1');
  stopServing = serveEmbeddedBroker(broker, t.app.ingestion);
  url = `mqtt://127.0.0.1:${broker.port}`;
});

afterAll(async () => {
  stopServing?.();
  await broker?.close();
  await t?.close();
});

describe('simulator → embedded broker → ingestion', () => {
  it('one-shot hopper_temp_red: every reading acknowledged is stored, ending at the red peak', async () => {
    const dev = await device();
    const transport = new MqttTransport({ url });
    const acked = await runOnce({ transport, device: dev, fault: 'hopper_temp_red', seed: 3, stepMs: 150 });
    await transport.close();
    expect(acked).toBe(8);
    const stored = await readings(dev.id);
    expect(stored).toHaveLength(8 * DRY_SIGNALS.length);
    const temps = stored.filter((r) => r.signal === 'hopper_temp').map((r) => Number(r.value));
    expect(temps.at(-1)).toBe(88);
    expect(temps.every((v, i) => i < 2 || v > (temps[i - 1] as number))).toBe(true);
  });

  it('one-shot hopper_temp_red raises a red hopper_temp.high alarm (when the alarms module is wired)', async (ctx) => {
    if (!t.app.hasDecorator('alarmEngine')) {
      ctx.skip('the alarms module is not registered in buildApp yet: nothing evaluates the rules');
    }
    const dev = await device();
    const transport = new MqttTransport({ url });
    await runOnce({ transport, device: dev, fault: 'hopper_temp_red', seed: 4, stepMs: 150 });
    await transport.close();
    const alarms = await queryRows<{ rule_id: string; max_level: string }>(
      t.handle.db,
      sql`select rule_id, max_level from alarms where device_id = ${dev.id}`,
    );
    expect(alarms).toContainEqual({ rule_id: 'hopper_temp.high', max_level: 'red' });
  });

  it('a continuous run: acknowledged = stored, and a device with a wrong secret is refused and reported', async () => {
    const good = [await device(), await device()];
    const impostor = { ...(await device()), secret: 'not-the-secret' };
    const lines: string[] = [];
    const sim = new Simulation({
      devices: [...good, impostor],
      transport: new MqttTransport({ url }),
      seed: 9,
      rateHz: 10,
      faults: null,
      durationS: 2,
      tickMs: 20,
      log: (line) => lines.push(line),
    }).start();
    await sim.done;
    const stats = sim.stats();
    expect(stats.refused).toEqual([impostor.key]);
    expect(lines.some((l) => l.includes(impostor.key) && l.includes('refused'))).toBe(true);
    // ~20 messages per good device in 2 s; a loaded machine may manage fewer, never none.
    expect(stats.acked).toBeGreaterThanOrEqual(10);
    const stored = (await readings(good[0]?.id ?? '')).length + (await readings(good[1]?.id ?? '')).length;
    expect(stored).toBe(stats.acked * DRY_SIGNALS.length);
    expect(await readings(impostor.id)).toHaveLength(0);
  });
});
