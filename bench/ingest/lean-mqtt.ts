/**
 * A minimal MQTT 3.1.1 client for load generation: CONNECT (user name, password, clean session, keepalive), QoS 1
 * PUBLISH with a callback on its PUBACK, PINGREQ when idle, DISCONNECT. Nothing else — no subscriptions, no QoS 2, no
 * reconnection, no offline queue, no stores: a closed connection fails whatever is in flight and the client is done.
 *
 * Why not mqtt.js: the benchmark's publisher shares the machine's cores with the server under test, and mqtt.js spends
 * its generality (stores, per-packet stream machinery, option handling) on every message. Here a PUBLISH is one
 * `mqttPacket.generate` and one `socket.write`; the writes of one tick (a burst after a batch of PUBACKs, or one pacer
 * tick) are corked into a single write syscall.
 */
import { createConnection, type Socket } from 'node:net';
import mqttPacket, { type Packet } from 'mqtt-packet';

export type AckCallback = (err?: Error) => void;

export interface LeanConnectOptions {
  clientId: string;
  username?: string;
  password?: string;
  /** Always a clean session: the client keeps no state across connections. */
  clean?: true;
  /** Seconds; a PINGREQ goes out when nothing was sent for half of it. 0 = off. Default 60 (as mqtt.js). */
  keepalive?: number;
  /** Default 30 s. */
  connectTimeoutMs?: number;
}

const MAX_MESSAGE_ID = 65_535;

/** The next free message id after `previous`, cycling through 1..65535 and skipping ids still in flight. */
export function nextMessageId(previous: number, inFlight: ReadonlyMap<number, unknown>): number {
  let id = previous;
  for (let tries = 0; tries < MAX_MESSAGE_ID; tries++) {
    id = id >= MAX_MESSAGE_ID ? 1 : id + 1;
    if (!inFlight.has(id)) return id;
  }
  throw new Error(`all ${MAX_MESSAGE_ID} message ids are in flight`);
}

/** CONNACK return codes (MQTT 3.1.1 §3.2.2.3). */
const REFUSALS: Record<number, string> = {
  1: 'unacceptable protocol version',
  2: 'identifier rejected',
  3: 'server unavailable',
  4: 'bad user name or password',
  5: 'not authorized',
};

const PINGREQ = mqttPacket.generate({ cmd: 'pingreq' });
const DISCONNECT = mqttPacket.generate({ cmd: 'disconnect' });

export class LeanMqttClient {
  private readonly inFlight = new Map<number, AckCallback>();
  private lastId = 0;
  private corked = false;
  private closed = false;
  private closeError: Error | undefined;
  private sentSincePing = false;
  private pinger: NodeJS.Timeout | undefined;
  private readonly closedPromise: Promise<void>;

  private constructor(private readonly socket: Socket) {
    this.closedPromise = new Promise((resolve) => socket.once('close', () => resolve()));
  }

  /** Opens the connection; resolves once the broker accepted it (CONNACK return code 0). */
  static connect(url: string, options: LeanConnectOptions): Promise<LeanMqttClient> {
    const { hostname, port, protocol } = new URL(url);
    if (protocol !== 'mqtt:') return Promise.reject(new Error(`only mqtt:// URLs are supported, not ${protocol}`));
    const socket = createConnection({ host: hostname.replace(/^\[(.*)\]$/, '$1'), port: port ? Number(port) : 1883 });
    const client = new LeanMqttClient(socket);
    const keepalive = options.keepalive ?? 60;
    return new Promise<LeanMqttClient>((resolve, reject) => {
      let settled = false;
      const settle = (err?: Error) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (err) {
          socket.destroy();
          reject(err);
        } else {
          client.startPinging(keepalive);
          resolve(client);
        }
      };
      const timer = setTimeout(() => settle(new Error('connect timed out')), options.connectTimeoutMs ?? 30_000);
      const parser = mqttPacket.parser({ protocolVersion: 4 });
      parser.on('packet', (packet: Packet) => {
        if (packet.cmd === 'puback') client.acknowledged(packet.messageId);
        else if (packet.cmd === 'connack') {
          const code = packet.returnCode ?? 0;
          settle(code === 0 ? undefined : new Error(`connection refused: ${REFUSALS[code] ?? `return code ${code}`}`));
        }
        // PINGRESP, and anything else a broker might send a client without subscriptions: nothing to do.
      });
      parser.on('error', (err: unknown) => socket.destroy(err instanceof Error ? err : new Error(String(err))));
      socket.on('data', (chunk: Buffer) => parser.parse(chunk));
      socket.on('error', (err) => {
        client.closeError ??= err;
        settle(err);
      });
      socket.once('close', () => {
        client.failAll();
        settle(client.closeError ?? new Error('connection closed before CONNACK'));
      });
      socket.write(
        mqttPacket.generate({
          cmd: 'connect',
          protocolId: 'MQTT',
          protocolVersion: 4,
          clean: true,
          clientId: options.clientId,
          keepalive,
          ...(options.username === undefined ? {} : { username: options.username }),
          ...(options.password === undefined ? {} : { password: Buffer.from(options.password) }),
        }),
      );
    });
  }

  /** Messages sent and not yet acknowledged. */
  get inFlightCount(): number {
    return this.inFlight.size;
  }

  /** QoS 1 PUBLISH; `onAck` is called once: on the PUBACK, or with an error when the connection closes first. */
  publish(topic: string, payload: string | Buffer, onAck: AckCallback): void {
    if (this.closed) {
      const err = this.closedError();
      process.nextTick(() => onAck(err));
      return;
    }
    let messageId: number;
    try {
      messageId = nextMessageId(this.lastId, this.inFlight);
    } catch (err) {
      process.nextTick(() => onAck(err as Error));
      return;
    }
    this.lastId = messageId;
    this.inFlight.set(messageId, onAck);
    const packet = mqttPacket.generate({ cmd: 'publish', qos: 1, dup: false, retain: false, topic, payload, messageId });
    if (!this.corked) {
      // Everything published in this tick leaves in one write.
      this.corked = true;
      this.socket.cork();
      process.nextTick(this.uncork);
    }
    this.sentSincePing = true;
    this.socket.write(packet);
  }

  /** DISCONNECT and close; resolves when the socket closed. Messages still in flight fail. */
  end(): Promise<void> {
    if (!this.closed && !this.socket.destroyed) {
      this.socket.end(DISCONNECT);
      // A broker that does not close its side promptly does not hold the caller up.
      setTimeout(() => this.socket.destroy(), 1_000).unref();
    }
    return this.closedPromise;
  }

  private readonly uncork = () => {
    this.corked = false;
    this.socket.uncork();
  };

  private acknowledged(messageId: number | undefined) {
    if (messageId === undefined) return;
    const callback = this.inFlight.get(messageId);
    if (!callback) return;
    this.inFlight.delete(messageId);
    callback();
  }

  private startPinging(keepalive: number) {
    if (keepalive <= 0) return;
    this.socket.once('close', () => clearInterval(this.pinger));
    // Something goes out at least every `keepalive` seconds, well within the broker's 1.5 × keepalive.
    this.pinger = setInterval(() => {
      if (!this.sentSincePing && !this.closed) this.socket.write(PINGREQ);
      this.sentSincePing = false;
    }, keepalive * 500);
    this.pinger.unref();
  }

  private closedError() {
    return new Error(`connection closed${this.closeError ? `: ${this.closeError.message}` : ''}`);
  }

  /** The connection is gone: every message in flight fails, once. */
  private failAll() {
    this.closed = true;
    if (this.inFlight.size === 0) return;
    const err = this.closedError();
    const callbacks = [...this.inFlight.values()];
    this.inFlight.clear();
    for (const callback of callbacks) callback(err);
  }
}
