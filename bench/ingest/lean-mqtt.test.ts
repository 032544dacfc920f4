import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedBroker } from '../../apps/server/src/platform/mqtt-broker.js';
import { LeanMqttClient, nextMessageId } from './lean-mqtt.js';

/**
 * The benchmark's lean MQTT client against the app's embedded aedes broker (real sockets, real CONNECT/PUBLISH/PUBACK):
 * what the publisher relies on — refused connections reject, every QoS 1 publish is called back exactly once, in
 * order, message ids cycle without reusing one still in flight, and a lost connection fails what is in flight.
 */

interface Seen {
  clientId: string;
  topic: string;
  payload: string;
  messageId: number | undefined;
}

/** A broker that lets in user `dev` with password `secret` and records every PUBLISH; payloads starting `hold` get no PUBACK until released. */
async function testBroker() {
  const broker = await startEmbeddedBroker(0, '127.0.0.1');
  const seen: Seen[] = [];
  const held: (() => void)[] = [];
  broker.setHandlers({
    authenticate: async (_client, username, password) => username === 'dev' && password?.toString() === 'secret',
    authorizePublish: (client, packet) => {
      const payload = packet.payload.toString();
      seen.push({ clientId: client.id, topic: packet.topic, payload, messageId: packet.messageId });
      return payload.startsWith('hold') ? new Promise<void>((resolve) => held.push(resolve)) : Promise.resolve();
    },
  });
  return { broker, seen, held, url: `mqtt://127.0.0.1:${broker.port}` };
}

const connect = (url: string, clientId: string, password = 'secret') =>
  LeanMqttClient.connect(url, { clientId, username: 'dev', password, clean: true, keepalive: 60 });

/** Publishes `payloads` and resolves with each one's callback results (once the last callback came). */
function publishAll(client: LeanMqttClient, topic: string, payloads: string[]): Promise<(Error | undefined)[][]> {
  const calls: (Error | undefined)[][] = payloads.map(() => []);
  return new Promise((resolve) => {
    let pending = payloads.length;
    for (const [i, payload] of payloads.entries()) {
      client.publish(topic, payload, (err) => {
        calls[i]?.push(err);
        if (--pending === 0) setImmediate(() => resolve(calls));
      });
    }
  });
}

describe('nextMessageId', () => {
  it('cycles 1..65535 and skips ids still in flight', () => {
    const none = new Map<number, unknown>();
    expect(nextMessageId(0, none)).toBe(1);
    expect(nextMessageId(41, none)).toBe(42);
    expect(nextMessageId(65_535, none)).toBe(1);
    const busy = new Map<number, unknown>([
      [65_535, null],
      [1, null],
      [2, null],
    ]);
    expect(nextMessageId(65_534, busy)).toBe(3);
    expect(nextMessageId(0, busy)).toBe(3);
  });

  it('refuses when every id is in flight', () => {
    const all = new Map<number, unknown>(Array.from({ length: 65_535 }, (_, i) => [i + 1, null]));
    expect(() => nextMessageId(7, all)).toThrow(/in flight/);
  });
});

describe('LeanMqttClient against aedes', () => {
  let b: Awaited<ReturnType<typeof testBroker>>;

  beforeAll(async () => {
    b = await testBroker();
  });

  afterAll(async () => {
    await b?.broker.close();
  });

  it('rejects a wrong password', async () => {
    await expect(connect(b.url, 'lean-wrong', 'nope')).rejects.toThrow(/bad user name or password/);
  });

  it('rejects when nothing listens', async () => {
    const spare = await startEmbeddedBroker(0, '127.0.0.1');
    const url = `mqtt://127.0.0.1:${spare.port}`;
    await spare.close();
    await expect(connect(url, 'lean-nobody')).rejects.toThrow();
  });

  it('acknowledges 500 QoS 1 publishes once each, delivered in order on the topic', async () => {
    const client = await connect(b.url, 'lean-500');
    const payloads = Array.from({ length: 500 }, (_, i) => JSON.stringify({ ts: 1_700_000_000_000 + i, values: { n: i } }));
    const calls = await publishAll(client, 'zhiben/v1/t/dev/telemetry', payloads);
    expect(calls.every((c) => c.length === 1 && c[0] === undefined)).toBe(true);
    expect(client.inFlightCount).toBe(0);
    const mine = b.seen.filter((s) => s.clientId === 'lean-500');
    expect(mine.map((s) => s.payload)).toEqual(payloads);
    expect(new Set(mine.map((s) => s.topic))).toEqual(new Set(['zhiben/v1/t/dev/telemetry']));
    expect(mine.map((s) => s.messageId)).toEqual(payloads.map((_, i) => i + 1));
    await client.end();
  });

  it('wraps message ids past 65535 without reusing one still in flight', async () => {
    const client = await connect(b.url, 'lean-wrap');
    const heldAck: (Error | undefined)[] = [];
    client.publish('t/wrap', 'hold-1', (err) => heldAck.push(err));
    // Ids 2..65535, then past the wrap: 1 is still unacknowledged, so the next ids are 2, 3, …
    const total = 65_534 + 100;
    for (let sent = 0; sent < total; ) {
      const n = Math.min(5_000, total - sent);
      const calls = await publishAll(
        client,
        't/wrap',
        Array.from({ length: n }, (_, i) => `m${sent + i}`),
      );
      expect(calls.every((c) => c.length === 1 && c[0] === undefined)).toBe(true);
      sent += n;
    }
    const ids = b.seen.filter((s) => s.clientId === 'lean-wrap').map((s) => s.messageId);
    expect(ids).toHaveLength(1 + total);
    expect(ids.slice(0, 65_535)).toEqual(Array.from({ length: 65_535 }, (_, i) => i + 1));
    expect(ids.slice(65_535)).toEqual(Array.from({ length: 100 }, (_, i) => i + 2));
    expect(heldAck).toEqual([]);
    expect(client.inFlightCount).toBe(1);
    for (const release of b.held.splice(0)) release();
    await new Promise((r) => setTimeout(r, 100));
    expect(heldAck).toEqual([undefined]);
    await client.end();
  });
});

describe('LeanMqttClient when the broker goes away', () => {
  it('fails every message in flight once, and later publishes too', async () => {
    const { broker, seen, url } = await testBroker();
    const client = await connect(url, 'lean-close');
    const payloads = Array.from({ length: 20 }, (_, i) => `hold-${i}`);
    const done = publishAll(client, 't/close', payloads);
    while (seen.length < payloads.length) await new Promise((r) => setTimeout(r, 10));
    expect(client.inFlightCount).toBe(20);
    await broker.close();
    const calls = await done;
    expect(calls.every((c) => c.length === 1 && c[0] instanceof Error && /connection closed/.test(c[0].message))).toBe(true);
    expect(client.inFlightCount).toBe(0);
    const after = await publishAll(client, 't/close', ['late']);
    expect(after[0]?.[0]).toBeInstanceOf(Error);
    await client.end();
  });
});
