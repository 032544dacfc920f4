import { createServer, type Server } from 'node:net';
import { Aedes } from 'aedes';
import { assertPortFree } from './ports.js';

/**
 * Who may connect to the embedded broker. Until device registration exists nobody may: the broker refuses
 * every client rather than accept anonymous publishers. The monitoring module installs the device check.
 */
export type MqttAuthenticator = (clientId: string, username: string | undefined, password: Buffer | undefined) => Promise<boolean>;
const refuseAll: MqttAuthenticator = async () => false;

export interface EmbeddedBroker {
  aedes: Aedes;
  server: Server;
  port: number;
  setAuthenticator(fn: MqttAuthenticator): void;
  close(): Promise<void>;
}

/** Starts the embedded aedes broker on `port`, failing fast with a way out when the port is taken. */
export async function startEmbeddedBroker(port: number, host: string): Promise<EmbeddedBroker> {
  await assertPortFree(
    port,
    host,
    '内置 MQTT 服务 (embedded MQTT broker)',
    `改用其他端口：MQTT_PORT=18830；或使用本机已有的 MQTT 服务：MQTT_URL=mqtt://127.0.0.1:${port} ` +
      `(use another port with MQTT_PORT=18830, or the broker already there with MQTT_URL=mqtt://127.0.0.1:${port})`,
  );
  let authenticator = refuseAll;
  const aedes = await Aedes.createBroker();
  aedes.authenticate = (client, username, password, done) => {
    authenticator(client.id, username, password)
      .then((ok) => done(null, ok))
      .catch(() => done(null, false));
  };
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
    setAuthenticator(fn) {
      authenticator = fn;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => aedes.close(() => resolve()));
      }),
  };
}
