import { TELEMETRY_TOPIC_PREFIX } from '@zhiben/contracts';
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import type { Ingestion } from './ingestion.js';

export interface ExternalSubscriberOptions {
  url: string;
  /** Fixed per instance, so the broker keeps the session (and its queue) across our restarts. */
  clientId: string;
  /** Shared-subscription group: instances in one group split the stream; each group gets every message. */
  group: string;
  /** MQTT 5 session expiry: how long the broker queues for us while we are away. */
  sessionExpiryS?: number;
  /** MQTT 5 Receive Maximum (default 2,000): unacknowledged messages in flight to us. */
  receiveMaximum?: number;
  log?: { info(obj: object, msg: string): void; warn(obj: object, msg: string): void; error(obj: object, msg: string): void };
}

export interface ExternalSubscriber {
  client: MqttClient;
  /** Resolves once the broker has granted the subscription. */
  ready: Promise<void>;
  close(): Promise<void>;
}

/** Returned to mqtt.js by customHandleAcks: "do not answer this PUBLISH now; we acknowledge it ourselves". */
class AckAfterCommit extends Error {
  constructor() {
    super('acknowledged after commit');
    this.name = 'AckAfterCommit';
  }
}
const ACK_LATER = new AckAfterCommit();

/** mqtt.js sends PUBACKs through this internal method (5.x); isolated here so a change shows up in one place. */
type PacketSender = { _sendPacket(packet: { cmd: 'puback'; messageId: number; reasonCode: number }, cb?: (err?: Error) => void): void };

/** `zhiben/v1/{creditCode}/{deviceCode}/telemetry` → its two codes, or null. */
export function parseTelemetryTopic(topic: string): { creditCode: string; deviceCode: string } | null {
  const parts = topic.split('/');
  if (parts.length !== 5 || `${parts[0]}/${parts[1]}` !== TELEMETRY_TOPIC_PREFIX || parts[4] !== 'telemetry') return null;
  const [, , creditCode, deviceCode] = parts;
  return creditCode && deviceCode ? { creditCode: creditCode.toUpperCase(), deviceCode } : null;
}

/**
 * Consumes telemetry from an external broker (MQTT_URL; Mosquitto, EMQX) with an MQTT 5 shared subscription
 * `$share/{group}/zhiben/v1/+/+/telemetry` at QoS 1, so several ingest instances split the stream.
 *
 * Device authentication is the external broker's job (its password file or ACL must tie each device account to its
 * own topic); here the topic's credit code and device code must name a registered, active device, else the message
 * is counted as unknown_device and dropped.
 *
 * Acknowledgement after commit: mqtt.js handles incoming packets strictly one after another and, with
 * `customHandleAcks`, does not read the next packet until the callback is called — waiting there for a database
 * commit would allow one message per commit. So the callback is answered at once with a sentinel error (mqtt.js then
 * sends no PUBACK and moves on: node_modules/mqtt/build/lib/handlers/publish.js, failCustomAck), the message joins
 * the next batch, and after the batch commits we send the PUBACK ourselves — in arrival order, because batches commit
 * in order. A PUBACK is only sent on the connection the PUBLISH came in on; after a reconnect the broker redelivers
 * the unacknowledged messages and the primary key drops the ones already stored. A failed batch sends no PUBACK and
 * drops the connection, so the broker redelivers them.
 */
export function startExternalSubscriber(ingestion: Ingestion, options: ExternalSubscriberOptions): ExternalSubscriber {
  const log = options.log;
  const handle = async (topic: string, payload: Buffer): Promise<void> => {
    const key = parseTelemetryTopic(topic);
    if (!key) {
      await ingestion.record('topic_mismatch', { enterpriseId: null, deviceId: null }, `topic ${topic.slice(0, 200)}`);
      return;
    }
    const { device, enterpriseId } = await ingestion.registry.lookup(key.creditCode, key.deviceCode);
    if (!device?.active) {
      await ingestion.record('unknown_device', { enterpriseId, deviceId: device?.id ?? null }, `topic ${topic.slice(0, 200)}`);
      return;
    }
    await ingestion.submitRaw(device, payload);
  };

  let client: MqttClient | undefined;
  // PUBACKs leave in the order the PUBLISHes arrived (MQTT 5 §4.6), even when a device lookup delays one message.
  let acks: Promise<void> = Promise.resolve();
  const customHandleAcks: IClientOptions['customHandleAcks'] = (topic, message, packet, callback) => {
    const stream = client?.stream;
    const messageId = (packet as { messageId?: number }).messageId;
    callback(ACK_LATER);
    const stored = handle(topic, message).then(
      () => true,
      (err: unknown) => {
        log?.error({ err, topic }, 'telemetry not stored; dropping the connection so the broker redelivers');
        if (client && client.stream === stream) client.stream.destroy();
        return false;
      },
    );
    acks = acks
      .then(() => stored)
      .then((ok) => {
        if (!ok || !client || messageId === undefined || client.stream !== stream || !client.connected) return;
        (client as unknown as PacketSender)._sendPacket({ cmd: 'puback', messageId, reasonCode: 0 });
      });
  };

  client = mqtt.connect(options.url, {
    protocolVersion: 5,
    clientId: options.clientId,
    clean: false,
    // Receive Maximum: how many unacknowledged QoS 1 messages the broker may have in flight to us. Acks wait for a
    // batch commit, so a window smaller than a batch (Mosquitto's default is 20) would throttle ingestion to a
    // window per commit.
    properties: { sessionExpiryInterval: options.sessionExpiryS ?? 7 * 86_400, receiveMaximum: options.receiveMaximum ?? 2_000 },
    reconnectPeriod: 1_000,
    customHandleAcks,
  });
  const subscribed = client;
  subscribed.on('error', (err) => {
    if (err !== ACK_LATER) log?.warn({ err }, 'external MQTT broker error');
  });
  // QoS 0 messages are not acknowledged at all; they take the same path.
  subscribed.on('message', (topic, message, packet) => {
    if (packet.qos === 0) handle(topic, message).catch((err: unknown) => log?.warn({ err, topic }, 'QoS 0 telemetry not stored'));
  });
  // Queued by mqtt.js until connected, so a broker that is down at start-up delays telemetry, not the server.
  const topic = `$share/${options.group}/${TELEMETRY_TOPIC_PREFIX}/+/+/telemetry`;
  const ready = subscribed.subscribeAsync(topic, { qos: 1 }).then(() => {
    log?.info({ url: options.url, topic, clientId: options.clientId }, 'subscribed to the external MQTT broker');
  });
  ready.catch((err: unknown) => log?.error({ err, topic }, 'could not subscribe to the external MQTT broker'));
  return {
    client: subscribed,
    ready,
    close: async () => {
      await subscribed.endAsync();
    },
  };
}
