import type { CollectorKind, Values } from './model.js';

/**
 * Scripted faults: what a collector reports while something goes wrong, as a pure function of the fault's elapsed
 * time and the values the healthy collector would have reported. The numbers are chosen to cross the DEFAULT rules of
 * packages/contracts/src/monitoring-rules.ts (tested against the real rule engine in faults.test.ts):
 *
 * | fault            | what happens                                                | default rules it raises                    |
 * | ---------------- | ----------------------------------------------------------- | ------------------------------------------ |
 * | hopper_temp_red  | hopper temperature climbs to 88 ℃ over 60 % of the fault,   | hopper_temp.high (黄 → 橙 → 红 at 80 ℃),   |
 * |                  | holds, then cools back                                      | hopper_temp.rise (橙, +10 ℃ in 10 min)      |
 * | dp_spike         | ΔP jumps to ≈ 2,300 Pa with the fan running, then recovers   | diff_pressure.high (橙 ≥ 2,000 Pa),         |
 * |                  |                                                             | diff_pressure.jump (黄, ≥ 500 Pa in 60 s)   |
 * | airlock_fault    | airlock fault 1 while the fan runs                          | airlock_fault.active (橙),                  |
 * |                  |                                                             | fan_running.airlock_fault (红)              |
 * | offline          | the device sends nothing (its connection drops)             | offline (黄) after 5 reporting intervals    |
 * | stuck            | every value freezes at what it was when the fault began     | *.stuck (蓝, 数据异常) only after 4 h        |
 * | water_low        | tank level drains to 6 % over 60 % of the fault, refills     | water_level.low (黄 → 橙 → 红 at 10 %)      |
 * | flow_stop        | circulation flow 0 while the fan runs                       | fan_running.water_flow_stopped (红) at once,|
 * |                  |                                                             | water_flow.stopped (橙) after 60 s          |
 */

export const FAULT_KINDS = ['hopper_temp_red', 'dp_spike', 'airlock_fault', 'offline', 'stuck', 'water_low', 'flow_stop'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultSpec {
  label: string;
  /** Which collectors can have it (a wet collector has no hopper). */
  kinds: readonly CollectorKind[];
  /** The signals it needs the device to report. */
  needs: readonly string[];
  /** Default length in seconds (a continuous simulation). */
  defaultDurationS: number;
  /** The default rules it should raise (rule ids); the offline and stuck ones only when the fault lasts long enough. */
  raises: readonly string[];
}

export const FAULTS: Record<FaultKind, FaultSpec> = {
  hopper_temp_red: {
    label: '灰斗温度缓慢升高至红色',
    kinds: ['dry', 'other'],
    needs: ['hopper_temp'],
    defaultDurationS: 300,
    raises: ['hopper_temp.high', 'hopper_temp.rise'],
  },
  dp_spike: {
    label: '进出口压差突增',
    kinds: ['dry', 'other'],
    needs: ['diff_pressure'],
    defaultDurationS: 120,
    raises: ['diff_pressure.high', 'diff_pressure.jump'],
  },
  airlock_fault: {
    label: '风机运行时锁气卸灰故障',
    kinds: ['dry', 'other'],
    needs: ['airlock_fault'],
    defaultDurationS: 120,
    raises: ['airlock_fault.active', 'fan_running.airlock_fault'],
  },
  offline: { label: '设备离线', kinds: ['dry', 'wet', 'other'], needs: [], defaultDurationS: 180, raises: ['offline'] },
  stuck: {
    label: '数值冻结不变',
    kinds: ['dry', 'wet', 'other'],
    needs: [],
    defaultDurationS: 300,
    raises: ['hopper_temp.stuck', 'diff_pressure.stuck', 'water_level.stuck', 'water_flow.stuck'],
  },
  water_low: { label: '水箱液位过低', kinds: ['wet'], needs: ['water_level'], defaultDurationS: 300, raises: ['water_level.low'] },
  flow_stop: {
    label: '风机运行时循环水中断',
    kinds: ['wet'],
    needs: ['water_flow'],
    defaultDurationS: 150,
    raises: ['water_flow.stopped', 'fan_running.water_flow_stopped'],
  },
};

export const HOPPER_PEAK_C = 88;
export const DP_SPIKE_PA = 2_300;
export const WATER_LOW_PCT = 6;

export function isFaultKind(value: string): value is FaultKind {
  return (FAULT_KINDS as readonly string[]).includes(value);
}

/** The default rules this fault should raise on this device (stuck and offline name every candidate otherwise). */
export function expectedRules(kind: FaultKind, device: { signals: readonly string[] }): string[] {
  return FAULTS[kind].raises.filter((rule) => {
    const [subject] = rule.split('.');
    return rule === 'offline' || subject === 'fan_running' || device.signals.includes(subject ?? '');
  });
}

export function faultApplies(kind: FaultKind, device: { kind: CollectorKind; signals: readonly string[] }): boolean {
  const spec = FAULTS[kind];
  return spec.kinds.includes(device.kind) && spec.needs.every((s) => device.signals.includes(s));
}

export interface FaultFrame {
  kind: FaultKind;
  /** Seconds since the fault began. */
  elapsedS: number;
  durationS: number;
  /** The device's values when the fault began (stuck freezes them; ramps start from them). */
  atStart: Values;
}

const lerp = (from: number, to: number, f: number) => from + (to - from) * Math.min(1, Math.max(0, f));

/**
 * A ramp-hold-recover profile: `from` → `peak` over the first 60 % of the fault, held until 80 %, then back to the
 * healthy value by the end. `normal` is where the healthy device is now, so the hand-back is seamless.
 */
function rampHoldRecover(frame: FaultFrame, from: number, peak: number, normal: number): number {
  const f = frame.durationS > 0 ? frame.elapsedS / frame.durationS : 1;
  if (f < 0.6) return lerp(from, peak, f / 0.6);
  if (f < 0.8) return peak;
  return lerp(peak, normal, (f - 0.8) / 0.2);
}

const r1 = (v: number) => Math.round(v * 10) / 10;

/**
 * What the device reports during the fault, given what the healthy device would report now; null = nothing (offline).
 * Only signals the device has are ever set.
 */
export function faultValues(frame: FaultFrame, normal: Values): Values | null {
  const out: Values = { ...normal };
  const has = (signal: keyof Values) => signal in normal;
  switch (frame.kind) {
    case 'hopper_temp_red': {
      const now = normal.hopper_temp ?? 30;
      out.hopper_temp = r1(rampHoldRecover(frame, frame.atStart.hopper_temp ?? now, HOPPER_PEAK_C, now));
      return out;
    }
    case 'dp_spike':
      // A blinded filter: the jump comes with the fan on (the spike is meaningless with the fan off).
      // ±20 Pa borrowed from the healthy value's noise, so the spike is not a frozen number.
      out.diff_pressure =
        frame.elapsedS < 0.8 * frame.durationS ? DP_SPIKE_PA + (Math.round(normal.diff_pressure ?? 0) % 41) - 20 : normal.diff_pressure;
      if (has('fan_running')) out.fan_running = 1;
      return out;
    case 'airlock_fault':
      out.airlock_fault = 1;
      if (has('fan_running')) out.fan_running = 1;
      return out;
    case 'offline':
      return null;
    case 'stuck':
      return { ...frame.atStart };
    case 'water_low': {
      const now = normal.water_level ?? 70;
      out.water_level = r1(rampHoldRecover(frame, frame.atStart.water_level ?? now, WATER_LOW_PCT, now));
      return out;
    }
    case 'flow_stop':
      out.water_flow = 0;
      if (has('fan_running')) out.fan_running = 1;
      return out;
  }
}
