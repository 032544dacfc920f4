import mqtt, { type MqttClient } from 'mqtt';
import type { SimDevice } from './devices.js';

/**
 * How simulated devices reach the platform: MQTT (one connection per device, as real gateways do, authenticated with
 * the device's own credentials, QoS 1) or HTTP (`POST /api/v1/telemetry` with the device's bearer token). A publish
 * resolves when the platform acknowledged it — on the embedded broker and over HTTP that is after the reading was
 * committed.
 */
export interface Transport {
  readonly description: string;
  publish(device: SimDevice, payload: string): Promise<void>;
  /** Drops the device's connection (the offline fault); the next publish connects again. */
  disconnect(device: SimDevice): void;
  close(): Promise<void>;
}

/** The platform refused the device's credentials: retrying will not help. */
export class RefusedError extends Error {
  constructor(device: SimDevice, detail: string) {
    super(`${device.key} refused: ${detail}`);
    this.name = 'RefusedError';
  }
}

/** Too many unacknowledged messages for one device: the platform is not keeping up; the reading is skipped. */
export class BackPressureError extends Error {
  constructor(device: SimDevice) {
    super(`${device.key}: too many unacknowledged messages`);
    this.name = 'BackPressureError';
  }
}

/** CONNACK codes meaning "wrong user name or password" / "not authorised" (MQTT 3.1.1 and 5). */
const AUTH_CODES = new Set([4, 5, 134, 135]);

interface Connection {
  client: MqttClient;
  pending: number;
  refused: string | null;
  /** Rejects the publishes waiting on this connection (mqtt.js keeps QoS 1 messages of an ended client for ever). */
  abandon: Set<(err: Error) => void>;
}

export interface MqttTransportOptions {
  url: string;
  /** Unacknowledged messages per device before readings are skipped (default 100). */
  maxPending?: number;
  /** Prefix of the MQTT client ids (default `zhiben-sim`). */
  clientIdPrefix?: string;
}

export class MqttTransport implements Transport {
  readonly description: string;
  private readonly connections = new Map<string, Connection>();
  private readonly maxPending: number;
  private readonly prefix: string;
  private closed = false;

  constructor(private readonly options: MqttTransportOptions) {
    this.description = `MQTT ${options.url}`;
    this.maxPending = options.maxPending ?? 100;
    this.prefix = options.clientIdPrefix ?? 'zhiben-sim';
  }

  private connection(device: SimDevice): Connection {
    const existing = this.connections.get(device.key);
    if (existing) return existing;
    const client = mqtt.connect(this.options.url, {
      username: device.key,
      password: device.secret,
      clientId: `${this.prefix}-${device.creditCode.slice(-6)}-${device.code}-${Math.random().toString(16).slice(2, 8)}`,
      reconnectPeriod: 2_000,
      connectTimeout: 10_000,
    });
    const connection: Connection = { client, pending: 0, refused: null, abandon: new Set() };
    client.on('error', (err: Error & { code?: number }) => {
      if (typeof err.code === 'number' && AUTH_CODES.has(err.code)) {
        // Wrong credentials do not get better by retrying every 2 s: stop this client and remember why.
        connection.refused = err.message;
        client.end(true);
        for (const reject of connection.abandon) reject(new RefusedError(device, err.message));
      }
    });
    this.connections.set(device.key, connection);
    return connection;
  }

  async publish(device: SimDevice, payload: string): Promise<void> {
    if (this.closed) throw new Error('transport closed');
    const connection = this.connection(device);
    if (connection.refused) throw new RefusedError(device, connection.refused);
    if (connection.pending >= this.maxPending) throw new BackPressureError(device);
    connection.pending++;
    let reject: (err: Error) => void = () => {};
    try {
      // mqtt.js keeps QoS 1 messages published while (re)connecting and sends them once connected.
      await new Promise<void>((resolve, fail) => {
        reject = fail;
        connection.abandon.add(fail);
        connection.client.publish(device.topic, payload, { qos: 1 }, (err) => (err ? fail(err) : resolve()));
      });
    } finally {
      connection.pending--;
      connection.abandon.delete(reject);
    }
  }

  disconnect(device: SimDevice): void {
    const connection = this.connections.get(device.key);
    if (!connection) return;
    this.connections.delete(device.key);
    connection.client.end(true);
    for (const reject of connection.abandon) reject(new Error(`${device.key}: connection dropped (offline)`));
  }

  async close(): Promise<void> {
    this.closed = true;
    const all = [...this.connections.values()];
    this.connections.clear();
    // force: unacknowledged messages are abandoned, as a gateway losing power would.
    await Promise.all(all.map((c) => c.client.endAsync(true).catch(() => {})));
    for (const c of all) for (const reject of c.abandon) reject(new Error('transport closed'));
  }
}

export interface HttpTransportOptions {
  /** The server's base URL, e.g. http://127.0.0.1:3000 */
  baseUrl: string;
  maxPending?: number;
}

export class HttpTransport implements Transport {
  readonly description: string;
  private readonly pending = new Map<string, number>();
  private readonly refused = new Map<string, string>();
  private closed = false;

  constructor(private readonly options: HttpTransportOptions) {
    this.description = `HTTP ${options.baseUrl}/api/v1/telemetry`;
  }

  async publish(device: SimDevice, payload: string): Promise<void> {
    if (this.closed) throw new Error('transport closed');
    const refused = this.refused.get(device.key);
    if (refused) throw new RefusedError(device, refused);
    const pending = this.pending.get(device.key) ?? 0;
    if (pending >= (this.options.maxPending ?? 20)) throw new BackPressureError(device);
    this.pending.set(device.key, pending + 1);
    try {
      const res = await fetch(`${this.options.baseUrl}/api/v1/telemetry`, {
        method: 'POST',
        headers: { authorization: `Bearer ${device.key}:${device.secret}`, 'content-type': 'application/json' },
        body: payload,
        signal: AbortSignal.timeout(30_000),
      });
      const text = await res.text();
      if (res.status === 401 || res.status === 403) {
        this.refused.set(device.key, `HTTP ${res.status} ${text.slice(0, 200)}`);
        throw new RefusedError(device, `HTTP ${res.status}`);
      }
      if (res.status !== 200) throw new Error(`${device.key}: HTTP ${res.status} ${text.slice(0, 200)}`);
    } finally {
      this.pending.set(device.key, (this.pending.get(device.key) ?? 1) - 1);
    }
  }

  disconnect(): void {
    // HTTP has no connection of its own to drop: an offline device simply stops posting.
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}
