import { type FaultKind, faultValues } from './faults.js';
import { type CollectorKind, type DeviceParams, type DeviceState, deviceParams, initialState, step, type Values } from './model.js';

/**
 * One device's telemetry: the healthy model (model.ts) with, at times, a fault on top (faults.ts). Pure; the runner
 * and the benchmark drive it with the clock, the tests with fixed timestamps.
 */

export interface FaultWindow {
  kind: FaultKind;
  startMs: number;
  endMs: number;
}

export interface Feed {
  params: DeviceParams;
  state: DeviceState;
  /** The fault in progress and the values the device had when it began. */
  fault: (FaultWindow & { atStart: Values }) | null;
}

export function newFeed(seed: number, device: { key: string; kind: CollectorKind; signals: DeviceParams['signals'] }): Feed {
  const params = deviceParams(seed, device.key, device.kind, device.signals);
  return { params, state: initialState(seed, device.key, params), fault: null };
}

export interface Emitted {
  feed: Feed;
  /** null: the device sends nothing now (offline). */
  values: Values | null;
  /** The fault in effect for this reading, if any. */
  fault: FaultKind | null;
}

/**
 * The reading at `t` (epoch ms, not before the previous call's). `fault` is the fault window covering `t`, if any; a
 * window seen for the first time captures the device's current values as its starting point.
 */
export function emit(feed: Feed, t: number, fault: FaultWindow | null): Emitted {
  const healthy = step(feed.params, feed.state, t);
  const active = fault && t >= fault.startMs && t < fault.endMs ? fault : null;
  if (!active) return { feed: { ...feed, state: healthy.state, fault: null }, values: healthy.values, fault: null };
  const same = feed.fault && feed.fault.kind === active.kind && feed.fault.startMs === active.startMs;
  const current = same && feed.fault ? feed.fault : { ...active, atStart: healthy.values };
  const values = faultValues(
    {
      kind: active.kind,
      elapsedS: (t - active.startMs) / 1000,
      durationS: (active.endMs - active.startMs) / 1000,
      atStart: current.atStart,
    },
    healthy.values,
  );
  return { feed: { ...feed, state: healthy.state, fault: current }, values, fault: active.kind };
}

export interface SeriesPoint {
  ts: number;
  values: Values | null;
}

/** A whole series at a fixed step: [fromMs, toMs), with the given fault windows (non-overlapping). */
export function series(
  seed: number,
  device: { key: string; kind: CollectorKind; signals: DeviceParams['signals'] },
  options: { fromMs: number; toMs: number; stepMs: number; faults?: readonly FaultWindow[] },
): SeriesPoint[] {
  let feed = newFeed(seed, device);
  const out: SeriesPoint[] = [];
  for (let t = options.fromMs; t < options.toMs; t += options.stepMs) {
    const fault = options.faults?.find((f) => t >= f.startMs && t < f.endMs) ?? null;
    const next = emit(feed, t, fault);
    feed = next.feed;
    out.push({ ts: t, values: next.values });
  }
  return out;
}

/** The MQTT / HTTP body of one reading. */
export function payload(ts: number, values: Values): string {
  return JSON.stringify({ ts, values });
}
