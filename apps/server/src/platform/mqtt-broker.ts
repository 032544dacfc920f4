import { createServer, type Server } from 'node:net';
import { Aedes, type Client, type PublishPacket } from 'aedes';
import { assertPortFree } from './ports.js';

/**
 * What the embedded broker lets devices do; installed by the telemetry module once the database and the pipeline
 * are ready. Before that, nobody is let in: a CONNECT waits (up to `startupWaitMs`) for the handlers rather than
 * being refused — devices that reconnect the moment a restarted server opens its port would otherwise be turned
 * away as if their password were wrong, and some clients stop retrying after that.
 */
export interface BrokerHandlers {
  /** true = CONNACK accepted; false = refused (bad user name or password). */
  authenticate(client: Client, username: string | undefined, password: Buffer | undefined): Promise<boolean>;
  /**
   * Runs for every PUBLISH before aedes answers it: aedes sends the QoS 1 PUBACK only after this resolves, so a
   * handler that resolves after its database commit acknowledges exactly what is stored. Rejecting closes the
   * client's connection without an acknowledgement (MQTT-3.3.5-2), so the device sends the message again.
   */
  authorizePublish(client: Client, packet: PublishPacket): Promise<void>;
}

/** CONNACK return codes (MQTT 3.1.1 §3.2.2.3). */
const SERVER_UNAVAILABLE = 3;
const BAD_USER_NAME_OR_PASSWORD = 4;
const refusal = (message: string, returnCode: typeof SERVER_UNAVAILABLE | typeof BAD_USER_NAME_OR_PASSWORD) =>
  Object.assign(new Error(message), { returnCode });

export interface EmbeddedBroker {
  aedes: Aedes;
  server: Server;
  port: number;
  setHandlers(handlers: BrokerHandlers): void;
  close(): Promise<void>;
}

/** Starts the embedded aedes broker on `port`, failing fast with a way out when the port is taken. */
export async function startEmbeddedBroker(port: number, host: string, options: { startupWaitMs?: number } = {}): Promise<EmbeddedBroker> {
  await assertPortFree(
    port,
    host,
    '内置 MQTT 服务 (embedded MQTT broker)',
    `改用其他端口：MQTT_PORT=18830；或使用本机已有的 MQTT 服务：MQTT_URL=mqtt://127.0.0.1:${port} ` +
      `(use another port with MQTT_PORT=18830, or the broker already there with MQTT_URL=mqtt://127.0.0.1:${port})`,
  );
  let handlers: BrokerHandlers | undefined;
  let installed: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    installed = resolve;
  });
  const aedes = await Aedes.createBroker();
  aedes.authenticate = (client, username, password, done) => {
    const check = (h: BrokerHandlers) =>
      h.authenticate(client, username, password).then(
        (ok) => (ok ? done(null, true) : done(refusal('bad user name or password', BAD_USER_NAME_OR_PASSWORD), false)),
        () => done(refusal('authentication failed', SERVER_UNAVAILABLE), false),
      );
    if (handlers) return void check(handlers);
    let waiting = true;
    const timer = setTimeout(() => {
      waiting = false;
      done(refusal('telemetry is not ready', SERVER_UNAVAILABLE), false);
    }, options.startupWaitMs ?? 60_000);
    timer.unref();
    void ready.then(() => {
      clearTimeout(timer);
      if (waiting && handlers) void check(handlers);
    });
  };
  aedes.authorizePublish = (client, packet, done) => {
    if (!client || !handlers) return done(new Error('publishing is not allowed'));
    handlers.authorizePublish(client, packet).then(
      () => done(null),
      (err: unknown) => done(err instanceof Error ? err : new Error(String(err))),
    );
  };
  // Devices only publish: there is no downlink yet, and a subscription to `zhiben/v1/#` would show one enterprise
  // another's telemetry. A refused subscription is answered with the failure code 0x80.
  aedes.authorizeSubscribe = (_client, _subscription, done) => done(null, null);
  const server = createServer(aedes.handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  return {
    aedes,
    server,
    port: typeof address === 'object' && address ? address.port : port,
    setHandlers(next) {
      handlers = next;
      installed();
    },
    // aedes first: it disconnects the clients, without which server.close() would wait for them forever.
    close: () =>
      new Promise<void>((resolve) => {
        aedes.close(() => server.close(() => resolve()));
      }),
  };
}
