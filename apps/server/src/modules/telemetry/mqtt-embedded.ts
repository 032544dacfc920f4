import { telemetryTopic } from '@zhiben/contracts';
import type { Client } from 'aedes';
import type { EmbeddedBroker } from '../../platform/mqtt-broker.js';
import type { Ingestion } from './ingestion.js';

interface Identity {
  deviceId: string;
  creditCode: string;
  code: string;
  secretHash: string;
}

/**
 * Serves devices on the embedded aedes broker:
 * - CONNECT: user name `{creditCode}/{deviceCode}`, password = the device secret; refused and counted otherwise;
 * - PUBLISH: only to `zhiben/v1/{own creditCode}/{own deviceCode}/telemetry`. A publish into any other topic (a
 *   device of enterprise A writing into B's) is counted as topic_mismatch and dropped — acknowledged, as MQTT 3.1.1
 *   allows (MQTT-3.3.5-2) and Mosquitto does for denied v3 publishes, so a misconfigured device does not resend it
 *   for ever. Malformed payloads are counted and acknowledged the same way;
 * - the QoS 1 PUBACK goes out only after the batch holding the message has committed: aedes runs authorizePublish
 *   before it writes PUBACK (node_modules/aedes/lib/handlers/publish.js: authorizePublish, then enqueuePublish),
 *   and our handler resolves after the commit. Packets arriving in one TCP read are authorised concurrently, so they
 *   share a batch; the next read waits until they are all answered (aedes' per-client back-pressure);
 * - a failed batch rejects: aedes closes the connection without PUBACK and the device resends after reconnecting.
 * A rotated secret or a disabled device ends the device's open sessions (immediately on this instance; other
 * instances notice at the next registry refresh).
 */
export function serveEmbeddedBroker(broker: EmbeddedBroker, ingestion: Ingestion): () => void {
  const identities = new WeakMap<Client, Identity>();
  const connected = new Set<Client>();
  const forget = (client: Client) => connected.delete(client);
  broker.aedes.on('clientDisconnect', forget);

  broker.setHandlers({
    authenticate: async (client, username, password) => {
      const outcome = await ingestion.registry.authenticate(username, password);
      if (outcome.ok) {
        const d = outcome.device;
        identities.set(client, { deviceId: d.id, creditCode: d.creditCode, code: d.code, secretHash: d.secretHash });
        connected.add(client);
        return true;
      }
      await ingestion
        .record(
          outcome.reason,
          { enterpriseId: outcome.enterpriseId, deviceId: outcome.deviceId },
          `MQTT CONNECT as ${username ?? '(none)'}`,
        )
        .catch(() => {});
      return false;
    },

    authorizePublish: async (client, packet) => {
      const identity = identities.get(client);
      if (!identity) throw new Error('publish before authentication');
      // The registry entry is cached; a device disabled or re-keyed since CONNECT loses its session here.
      const { device } = await ingestion.registry.lookup(identity.creditCode, identity.code);
      if (!device?.active || device.secretHash !== identity.secretHash) throw new Error('device credentials changed');
      // Telemetry is not for other subscribers: never keep a retained copy in the broker's memory.
      packet.retain = false;
      const who = { enterpriseId: device.enterpriseId, deviceId: device.id };
      if (packet.topic !== telemetryTopic(device.creditCode, device.code)) {
        await ingestion.record('topic_mismatch', who, `published to ${packet.topic.slice(0, 200)}`);
        return;
      }
      const payload = Buffer.isBuffer(packet.payload) ? packet.payload : Buffer.from(packet.payload);
      await ingestion.submitRaw(device, payload);
    },
  });

  const stopListening = ingestion.registry.onInvalidate((deviceId) => {
    if (deviceId === null) return;
    for (const client of connected) {
      if (identities.get(client)?.deviceId === deviceId) {
        connected.delete(client);
        client.close();
      }
    }
  });

  return () => {
    stopListening();
    broker.aedes.removeListener('clientDisconnect', forget);
  };
}
