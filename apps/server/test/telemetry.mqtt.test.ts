import { randomBytes } from 'node:crypto';
import mqtt, { type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExternalSubscriber, serveEmbeddedBroker, startExternalSubscriber } from '../src/modules/telemetry/index.js';
import { type EmbeddedBroker, startEmbeddedBroker } from '../src/platform/mqtt-broker.js';
import { as, buildTestApp, createTenant, login, type TestApp } from './harness.js';
import { deviceCode, registerDevice } from './samples/monitoring.js';
import { countersOf, eventually, readingCount, readingsOf, rollupCount, timestamps } from './telemetry.helpers.js';

/**
 * Ingestion through a real MQTT broker with a real mqtt.js client: the embedded aedes broker always; the external
 * broker (Mosquitto in CI) when MQTT_URL is set. Acknowledgement = mqtt.js resolving publishAsync on PUBACK.
 */

type Tenant = Awaited<ReturnType<typeof createTenant>>;
interface Registered {
  id: string;
  code: string;
  creditCode: string;
  username: string;
  topic: string;
  secret: string;
}

let t: TestApp;
let a: Tenant;
let b: Tenant;

beforeAll(async () => {
  t = await buildTestApp();
  a = await createTenant(t);
  b = await createTenant(t, '140404101');
});
afterAll(async () => t?.close());

async function register(tenant: Tenant, collectorType: 'dry' | 'wet' = 'dry'): Promise<Registered> {
  const session = await login(t.app, tenant.principal.username);
  const { device, secret } = await registerDevice({ t }, session, { code: deviceCode('M'), name: '测试布袋除尘器', collectorType });
  return {
    id: device.id,
    code: device.code,
    creditCode: device.creditCode,
    username: device.mqttUsername,
    topic: device.mqttTopic,
    secret,
  };
}

const payload = (ts: number, i: number) =>
  JSON.stringify({ ts, values: { hopper_temp: 30 + (i % 10), diff_pressure: 900 + i, airlock_fault: i % 2 } });

const clients: MqttClient[] = [];
function connect(url: string, options: mqtt.IClientOptions): Promise<MqttClient> {
  const client = mqtt.connect(url, { reconnectPeriod: 0, connectTimeout: 10_000, ...options });
  clients.push(client);
  return new Promise((resolve, reject) => {
    client.once('connect', () => resolve(client));
    client.once('error', reject);
  });
}
afterAll(async () => {
  await Promise.all(clients.map((c) => c.endAsync(true).catch(() => {})));
});

describe('ingestion through the embedded broker', () => {
  let broker: EmbeddedBroker;
  let url: string;
  let stop: () => void;
  let dev: Registered;
  let publisher: MqttClient;

  beforeAll(async () => {
    broker = await startEmbeddedBroker(0, '127.0.0.1');
    stop = serveEmbeddedBroker(broker, t.app.ingestion);
    url = `mqtt://127.0.0.1:${broker.port}`;
    dev = await register(a);
    publisher = await connect(url, { username: dev.username, password: dev.secret, clientId: `dev-${randomBytes(4).toString('hex')}` });
  });
  afterAll(async () => {
    stop?.();
    await broker?.close();
  });

  it('acknowledges each QoS 1 message only once it is stored', async () => {
    for (const [i, ts] of timestamps(10, 1_000, Date.now() - 3_600_000).entries()) {
      await publisher.publishAsync(dev.topic, payload(ts, i), { qos: 1 });
      // The PUBACK has arrived: the reading must already be committed.
      expect((await readingsOf(t.handle, dev.id)).filter((r) => r.ts === ts)).toHaveLength(3);
    }
  });

  it('stores exactly N readings for N published, and ignores them when they are published again', async () => {
    const before = await readingCount(t.handle, dev.id);
    const stamps = timestamps(300);
    await Promise.all(stamps.map((ts, i) => publisher.publishAsync(dev.topic, payload(ts, i), { qos: 1 })));
    expect(await readingCount(t.handle, dev.id)).toBe(before + 900);
    expect(await rollupCount(t.handle, dev.id)).toBe(before + 900);
    const counted = await countersOf(t.handle, dev.id);

    await Promise.all(stamps.slice(0, 100).map((ts, i) => publisher.publishAsync(dev.topic, payload(ts, i), { qos: 1 })));
    expect(await readingCount(t.handle, dev.id)).toBe(before + 900);
    expect(await rollupCount(t.handle, dev.id)).toBe(before + 900);
    expect(await countersOf(t.handle, dev.id)).toEqual({ ...counted, duplicate: (counted.duplicate ?? 0) + 300 });
  });

  it('counts malformed payloads, acknowledges them, and keeps the connection and the worker going', async () => {
    const before = await countersOf(t.handle, dev.id);
    const stored = await readingCount(t.handle, dev.id);
    const bad = [
      'not json',
      '{"ts":"yesterday","values":{"hopper_temp":1}}',
      '[]',
      '{"ts":1,"values":',
      JSON.stringify({ ts: Date.now(), values: { hopper_temp: 'hot' } }),
    ];
    for (const body of bad) await publisher.publishAsync(dev.topic, body, { qos: 1 });
    await publisher.publishAsync(dev.topic, JSON.stringify({ ts: Date.now() - 500, values: { hopper_temp: 55, nozzle: 1 } }), { qos: 1 });
    expect(publisher.connected).toBe(true);
    expect(await readingCount(t.handle, dev.id)).toBe(stored + 1);
    const after = await countersOf(t.handle, dev.id);
    expect((after.bad_payload ?? 0) - (before.bad_payload ?? 0)).toBe(5);
    expect((after.unknown_signal ?? 0) - (before.unknown_signal ?? 0)).toBe(1);
  });

  it("refuses and counts a device of enterprise A publishing into enterprise B's topic", async () => {
    const other = await register(b);
    const ts = Date.now() - 700;
    await publisher.publishAsync(other.topic, payload(ts, 1), { qos: 1 });
    await publisher.publishAsync(`zhiben/v1/${dev.creditCode}/${deviceCode('NOPE')}/telemetry`, payload(ts, 2), { qos: 1 });
    expect(await readingCount(t.handle, other.id)).toBe(0);
    expect(await countersOf(t.handle, other.id)).toEqual({});
    expect((await countersOf(t.handle, dev.id)).topic_mismatch).toBe(2);
    // Nor may a device listen to other enterprises' telemetry: the subscription is refused (SUBACK 0x80).
    await expect(publisher.subscribeAsync('zhiben/v1/#', { qos: 1 })).rejects.toMatchObject({ packet: { granted: [128] } });
    expect(publisher.connected).toBe(true);
  });

  it('refuses unknown devices and wrong secrets at CONNECT, counting both', async () => {
    await expect(connect(url, { username: dev.username, password: 'wrong-secret', clientId: 'bad-secret' })).rejects.toThrow(
      /Bad username or password/i,
    );
    await expect(connect(url, { username: `${dev.creditCode}/NO-SUCH`, password: 'x', clientId: 'unknown-dev' })).rejects.toThrow(
      /Bad username or password/i,
    );
    await expect(connect(url, { clientId: 'anonymous' })).rejects.toThrow(/Bad username or password/i);
    expect((await countersOf(t.handle, dev.id)).bad_credentials).toBe(1);
  });

  it('ends the sessions of a device whose secret is rotated; the old secret no longer connects', async () => {
    const victim = await register(a, 'wet');
    const client = await connect(url, {
      username: victim.username,
      password: victim.secret,
      clientId: `rot-${randomBytes(3).toString('hex')}`,
    });
    await client.publishAsync(victim.topic, JSON.stringify({ ts: Date.now() - 100, values: { water_level: 70, water_flow: 12 } }), {
      qos: 1,
    });
    expect(await readingCount(t.handle, victim.id)).toBe(2);
    const closed = new Promise<void>((resolve) => client.once('close', () => resolve()));
    const session = await login(t.app, a.safety.username);
    const rotated = await as(t.app, session).post(`/api/v1/devices/${victim.id}/rotate-secret`);
    expect(rotated.statusCode).toBe(200);
    await closed;
    await expect(connect(url, { username: victim.username, password: victim.secret, clientId: 'old-secret' })).rejects.toThrow(
      /Bad username or password/i,
    );
    const fresh = await connect(url, { username: victim.username, password: rotated.json().secret, clientId: 'new-secret' });
    expect(fresh.connected).toBe(true);
  });
});

describe.skipIf(!process.env.MQTT_URL)('ingestion through the external broker (MQTT_URL)', () => {
  const url = process.env.MQTT_URL ?? '';
  // A group and client id of this run only: other suites on the same broker get their own copy of every message.
  const group = `test${randomBytes(4).toString('hex')}`;
  const clientId = `zhiben-test-${randomBytes(4).toString('hex')}`;
  let subscriber: ExternalSubscriber;
  let dev: Registered;
  let publisher: MqttClient;

  beforeAll(async () => {
    subscriber = startExternalSubscriber(t.app.ingestion, { url, clientId, group, sessionExpiryS: 300 });
    await subscriber.ready;
    dev = await register(a);
    publisher = await connect(url, { clientId: `pub-${randomBytes(4).toString('hex')}`, protocolVersion: 5 });
  });
  afterAll(async () => {
    await subscriber?.close();
    // The persistent session of this run's subscriber is not needed any more.
    const cleanup = await connect(url, { clientId, protocolVersion: 5, clean: true }).catch(() => undefined);
    await cleanup?.endAsync();
  });

  it('stores exactly N readings for N published with QoS 1, and ignores resends', async () => {
    const stamps = timestamps(200);
    await Promise.all(stamps.map((ts, i) => publisher.publishAsync(dev.topic, payload(ts, i), { qos: 1 })));
    await eventually(async () => expect(await readingCount(t.handle, dev.id)).toBe(600));
    await Promise.all(stamps.slice(0, 50).map((ts, i) => publisher.publishAsync(dev.topic, payload(ts, i), { qos: 1 })));
    await eventually(async () => expect((await countersOf(t.handle, dev.id)).duplicate).toBe(150));
    expect(await readingCount(t.handle, dev.id)).toBe(600);
    expect(await rollupCount(t.handle, dev.id)).toBe(600);
  });

  it('counts malformed payloads and unknown devices and keeps consuming', async () => {
    await publisher.publishAsync(dev.topic, 'garbage', { qos: 1 });
    await publisher.publishAsync(`zhiben/v1/${dev.creditCode}/${deviceCode('GHOST')}/telemetry`, payload(Date.now() - 100, 1), { qos: 1 });
    await publisher.publishAsync(dev.topic, payload(Date.now() - 50, 2), { qos: 1 });
    await eventually(async () => expect((await countersOf(t.handle, dev.id)).bad_payload).toBe(1));
    await eventually(async () => expect(await readingCount(t.handle, dev.id)).toBe(603));
  });

  it('acknowledged every message to the broker: the resumed session redelivers nothing, but gets what came meanwhile', async () => {
    const before = await countersOf(t.handle, dev.id);
    await subscriber.close();
    // Published while the ingest instance is away: the broker queues it for the persistent session.
    await publisher.publishAsync(dev.topic, payload(Date.now() - 10, 3), { qos: 1 });
    subscriber = startExternalSubscriber(t.app.ingestion, { url, clientId, group, sessionExpiryS: 300 });
    await subscriber.ready;
    await eventually(async () => expect(await readingCount(t.handle, dev.id)).toBe(606));
    await new Promise((r) => setTimeout(r, 500));
    // Had any earlier PUBACK been missing, the broker would have redelivered it now: a duplicate would be counted.
    expect(await countersOf(t.handle, dev.id)).toEqual({ ...before, accepted: (before.accepted ?? 0) + 3 });
  });
});
