/**
 * The benchmark's load generator, run as a child process (fork with tsx) and driven over IPC (protocol.ts). One MQTT
 * connection per device, QoS 1, values from the simulator's model (tools/simulator), so the readings look like the
 * simulator's and the rule stage does its real work. The connections are lean-mqtt.ts clients rather than mqtt.js:
 * the load generator shares the server's two cores, so its CPU per message is kept small (one --short run: about 13 µs
 * of publisher CPU per stored reading with mqtt.js, about 7 µs with lean-mqtt.ts, most of it now socket system calls).
 */
import { HOPPER_PEAK_C } from '../../tools/simulator/faults.js';
import { emit, type Feed, newFeed } from '../../tools/simulator/series.js';
import { LeanMqttClient } from './lean-mqtt.js';
import type { BenchDevice, ChildMessage, ParentMessage, PhaseRequest, PhaseResult, PublisherConfig } from './protocol.js';
import { BENCH_SIGNALS, preciseNow } from './protocol.js';

interface Client {
  device: BenchDevice;
  mqtt: LeanMqttClient;
  feed: Feed;
  lastTs: number;
  inflight: number;
  /** A fault to put into the next message. */
  faultPending: boolean;
}

let config: PublisherConfig | undefined;
let clients: Client[] = [];

const send = (message: ChildMessage) => process.send?.(message);

async function connectAll(c: PublisherConfig): Promise<void> {
  config = c;
  const started = preciseNow();
  // In groups, so a few hundred CONNECTs do not all wait on the registry at once.
  for (let i = 0; i < c.devices.length; i += 50) {
    const group = c.devices.slice(i, i + 50);
    const connected = await Promise.all(
      group.map(async (device): Promise<Client> => {
        // No reconnection: a dropped connection fails its messages in flight and the phase reports the errors.
        const client = await LeanMqttClient.connect(c.url, {
          username: device.key,
          password: device.secret,
          clientId: `zhiben-bench-${process.pid}-${device.key.split('/')[1]}`,
          connectTimeoutMs: 30_000,
          clean: true,
        });
        return {
          device,
          mqtt: client,
          feed: newFeed(c.seed, { key: device.key, kind: 'dry', signals: BENCH_SIGNALS }),
          lastTs: 0,
          inflight: 0,
          faultPending: false,
        };
      }),
    );
    clients.push(...connected);
  }
  send({ type: 'connected', ms: Math.round(preciseNow() - started), clients: clients.length });
}

async function runPhase(request: PhaseRequest): Promise<void> {
  if (!config) throw new Error('not connected');
  const window = config.window;
  const cap = config.inflightCap;
  const result: PhaseResult = {
    phase: request.phase,
    startedAt: 0,
    stoppedAt: 0,
    drainedAt: 0,
    sentMessages: 0,
    ackedMessages: 0,
    skippedMessages: 0,
    errors: 0,
    firstError: null,
    readingsPerMessage: BENCH_SIGNALS.length,
    ackMs: [],
    firstTs: Number.POSITIVE_INFINITY,
    lastTs: 0,
    faults: [],
  };
  const faults = [...(request.faults ?? [])].sort((a, b) => a.atMs - b.atMs);
  let nextFault = 0;
  let stopping = false;
  let outstanding = 0;
  let drained: () => void = () => {};

  const publish = (client: Client) => {
    const now = Date.now();
    const ts = Math.max(now, client.lastTs + 1);
    client.lastTs = ts;
    const next = emit(client.feed, ts, null);
    client.feed = next.feed;
    const values = { ...next.values };
    const fault = client.faultPending;
    if (fault) {
      values.hopper_temp = HOPPER_PEAK_C;
      client.faultPending = false;
    }
    const body = JSON.stringify({ ts, values });
    client.inflight++;
    outstanding++;
    result.sentMessages++;
    result.firstTs = Math.min(result.firstTs, ts);
    result.lastTs = Math.max(result.lastTs, ts);
    const at = preciseNow();
    if (fault) result.faults.push({ device: clients.indexOf(client), publishedAt: at, ts });
    client.mqtt.publish(client.device.topic, body, (err) => {
      client.inflight--;
      outstanding--;
      if (err) {
        result.errors++;
        result.firstError ??= err.message;
      } else {
        result.ackedMessages++;
        // Closed loop: the time in flight is the window queueing behind itself, not a latency worth reporting.
        if (request.mode === 'open') result.ackMs.push(preciseNow() - at);
      }
      if (request.mode === 'closed' && !stopping && !err) publish(client);
      if (stopping && outstanding === 0) drained();
    });
  };

  const start = preciseNow();
  result.startedAt = start;
  send({ type: 'started', phase: request.phase, at: start });
  const done = new Promise<void>((resolve) => {
    drained = resolve;
  });

  const due = () => {
    const elapsed = preciseNow() - start;
    while (nextFault < faults.length && (faults[nextFault]?.atMs ?? Number.POSITIVE_INFINITY) <= elapsed) {
      const target = clients[faults[nextFault]?.device ?? -1];
      if (target) target.faultPending = true;
      nextFault++;
    }
    return elapsed;
  };

  let pacer: NodeJS.Timeout | undefined;
  if (request.mode === 'closed') {
    for (const client of clients) for (let i = 0; i < window; i++) publish(client);
    pacer = setInterval(due, 5);
  } else {
    const messagesPerS = (request.readingsPerS ?? 1_000) / BENCH_SIGNALS.length;
    let offered = 0;
    let cursor = 0;
    pacer = setInterval(() => {
      const elapsed = due();
      const target = Math.floor((elapsed / 1000) * messagesPerS);
      // Round robin over the devices; a client with `cap` unacknowledged messages is not keeping up: skip, count.
      for (; offered < target; offered++) {
        const client = clients[cursor++ % clients.length] as Client;
        if (client.inflight >= cap) result.skippedMessages++;
        else publish(client);
      }
    }, 5);
  }

  await new Promise((r) => setTimeout(r, request.seconds * 1000));
  stopping = true;
  clearInterval(pacer);
  result.stoppedAt = preciseNow();
  send({ type: 'stopped', phase: request.phase, at: result.stoppedAt });
  if (outstanding > 0) await Promise.race([done, new Promise((r) => setTimeout(r, 60_000))]);
  result.drainedAt = preciseNow();
  if (outstanding > 0) {
    result.errors += outstanding;
    result.firstError ??= `${outstanding} messages still unacknowledged 60 s after publishing stopped`;
  }
  if (result.firstTs === Number.POSITIVE_INFINITY) result.firstTs = 0;
  send({ type: 'done', result });
}

process.on('message', (message: ParentMessage) => {
  const work =
    message.type === 'connect'
      ? connectAll(message.config)
      : message.type === 'run'
        ? runPhase(message)
        : Promise.all(clients.map((c) => c.mqtt.end())).then(() => {
            clients = [];
            process.exit(0);
          });
  work.catch((err: unknown) => send({ type: 'error', message: err instanceof Error ? err.message : String(err) }));
});
