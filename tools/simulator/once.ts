import type { SimDevice } from './devices.js';
import { expectedRules, FAULTS, faultApplies, faultValues } from './faults.js';
import { step, type Values } from './model.js';
import { newFeed, payload } from './series.js';
import type { Transport } from './transport.js';

/**
 * One scripted fault on one device, now, for tests and demonstrations (`--once --fault hopper_temp_red --device …`):
 * a healthy reading, then the fault compressed into a few seconds of real time (one reading a second, so rule time —
 * the readings' own timestamps — moves as it would), ending IN the fault state. Nothing more is sent: the condition
 * stays until the next healthy reading, which `--fault clear` sends (or a running simulation of that device does).
 * `holdS` keeps sending the fault state once a second (a duration rule such as 循环水中断 needs 60 s of it).
 */

export const ONE_SHOT_KINDS = ['hopper_temp_red', 'dp_spike', 'airlock_fault', 'water_low', 'flow_stop', 'clear'] as const;
export type OneShotKind = (typeof ONE_SHOT_KINDS)[number];

/** The compressed fault: 10 s long, so a ramp (60 % of it) reaches its peak at the 7th fault reading and holds. */
const COMPRESSED_S = 10;
const PEAK_AT_S = 6;

export interface OnceOptions {
  transport: Transport;
  device: SimDevice;
  fault: OneShotKind;
  seed: number;
  holdS?: number;
  /** Between readings (default 1,000 ms). */
  stepMs?: number;
  log?: (line: string) => void;
}

export function isOneShotKind(value: string): value is OneShotKind {
  return (ONE_SHOT_KINDS as readonly string[]).includes(value);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Resolves with the number of readings the platform acknowledged; rejects on the first refused or failed one. */
export async function runOnce(options: OnceOptions): Promise<number> {
  const { device, transport, fault } = options;
  if (fault !== 'clear' && !faultApplies(fault, device)) {
    throw new Error(`${fault} does not apply to ${device.key} (${device.kind} collector reporting ${device.signals.join(', ')})`);
  }
  const stepMs = options.stepMs ?? 1_000;
  let feed = newFeed(options.seed, device);
  let atStart: Values | null = null;
  let lastTs = 0;
  let sent = 0;

  /** One reading now; `elapsedS` = script time into the fault, null = healthy. */
  const send = async (elapsedS: number | null) => {
    const ts = Math.max(Date.now(), lastTs + 1);
    lastTs = ts;
    const healthy = step(feed.params, feed.state, ts);
    feed = { ...feed, state: healthy.state };
    let values: Values | null = healthy.values;
    if (elapsedS !== null && fault !== 'clear') {
      atStart ??= healthy.values;
      values = faultValues({ kind: fault, elapsedS, durationS: COMPRESSED_S, atStart }, healthy.values);
    }
    if (!values) return;
    await transport.publish(device, payload(ts, values));
    sent++;
    options.log?.(`${device.key} ${new Date(ts).toISOString()} ${JSON.stringify(values)}`);
  };

  if (fault === 'clear') {
    for (let i = 0; i < 3; i++) {
      if (i > 0) await sleep(stepMs);
      await send(null);
    }
    return sent;
  }
  options.log?.(`${fault} (${FAULTS[fault].label}) on ${device.key}: expect ${expectedRules(fault, device).join(', ')}`);
  // A healthy reading first: the rate-of-change rules measure the jump from it.
  await send(null);
  for (let s = 0; s <= PEAK_AT_S; s++) {
    await sleep(stepMs);
    await send(s);
  }
  const holdUntil = Date.now() + (options.holdS ?? 0) * 1000;
  while (Date.now() + stepMs <= holdUntil) {
    await sleep(stepMs);
    await send(PEAK_AT_S);
  }
  return sent;
}
