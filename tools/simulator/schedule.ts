import { FAULTS, type FaultKind, faultApplies } from './faults.js';
import type { CollectorKind } from './model.js';
import { Rng, seedFor } from './random.js';

/**
 * The fault script of a continuous simulation: every `everyS` seconds the next fault kind (round robin over `kinds`)
 * starts on the next device it applies to, walking the devices in a seeded shuffled order — so every enterprise gets
 * its turn, and the same seed always scripts the same faults on the same devices. Pure: a generator of plans.
 */

export interface PlannedFault {
  /** 0, 1, 2, … */
  index: number;
  kind: FaultKind;
  deviceKey: string;
  startMs: number;
  endMs: number;
}

export interface FaultPlanOptions {
  devices: readonly { key: string; kind: CollectorKind; signals: readonly string[]; reportingIntervalS: number }[];
  kinds: readonly FaultKind[];
  seed: number;
  startMs: number;
  /** Seconds between fault starts; the first begins after `firstAfterS` (default: half of `everyS`). */
  everyS: number;
  firstAfterS?: number;
  /** Overrides every kind's default length. */
  durationS?: number;
}

/**
 * How long a fault lasts: the given or default length, and for `offline` at least 6 reporting intervals (the default
 * offline rule waits 5), so the fault is visible whatever the interval.
 */
export function faultDurationS(kind: FaultKind, reportingIntervalS: number, durationS?: number): number {
  const base = durationS ?? FAULTS[kind].defaultDurationS;
  return kind === 'offline' ? Math.max(base, 6 * reportingIntervalS + 30) : base;
}

export function* faultPlan(options: FaultPlanOptions): Generator<PlannedFault> {
  const { devices, kinds } = options;
  if (devices.length === 0 || kinds.length === 0) return;
  const usable = kinds.filter((k) => devices.some((d) => faultApplies(k, d)));
  if (usable.length === 0) return;
  // Seeded Fisher–Yates: the order devices take their turns in.
  const order = devices.map((_, i) => i);
  const rng = new Rng(seedFor(options.seed, 'fault-order'));
  for (let i = order.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  let cursor = 0;
  const firstAfterMs = (options.firstAfterS ?? options.everyS / 2) * 1000;
  for (let index = 0; ; index++) {
    const kind = usable[index % usable.length] as FaultKind;
    // The next device in the shuffled order that can have this fault (one exists: `usable` was filtered).
    let device = devices[order[cursor % order.length] as number];
    while (!device || !faultApplies(kind, device)) {
      cursor++;
      device = devices[order[cursor % order.length] as number];
    }
    cursor++;
    const startMs = options.startMs + firstAfterMs + index * options.everyS * 1000;
    const durationMs = faultDurationS(kind, device.reportingIntervalS, options.durationS) * 1000;
    yield { index, kind, deviceKey: device.key, startMs, endMs: startMs + durationMs };
  }
}
