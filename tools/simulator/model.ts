import type { SignalCode } from '@zhiben/contracts';
import { nextGaussian, Rng, seedFor } from './random.js';

/**
 * Normal operation of one dust collector, as a pure step function: (parameters, state, time) → (values, next state).
 * No I/O and no clock: time is an argument, so the same seed and the same timestamps always give the same series.
 *
 * What the numbers imitate (engineering judgement, not measurements):
 * - hopper temperature (灰斗温度): ambient with a daily swing (coldest ≈ 05:00, warmest ≈ 14:00 Asia/Shanghai), plus
 *   process heat that builds up with a 20-minute lag while the line runs, plus slow sensor drift and 0.1 ℃ jitter;
 * - ΔP across the filter (进出口压差): zero with the fan off; with the fan on, a working point plus filter cake that grows
 *   through each pulse-cleaning cycle and drops back at the pulse (the sawtooth every bag filter shows). The fan spins
 *   up and down over 10 minutes, so a shift change never looks like a jump;
 * - airlock fault 0, fan running during the shift (07:30–08:30 to 20:30–22:00, per device), pulse-jet pressure
 *   ≈ 0.5–0.6 MPa, no sparks;
 * - wet collectors: the tank level falls slowly by evaporation while the line runs and is topped up when low; the
 *   circulation pump runs all the time (the default 循环水中断 rule does not look at the fan).
 * Every normal value stays clear of the default alarm rules of packages/contracts/src/monitoring-rules.ts (tested).
 */

export type CollectorKind = 'dry' | 'wet' | 'other';
export type Values = Partial<Record<SignalCode, number>>;

export interface DeviceParams {
  kind: CollectorKind;
  /** The signals this device reports (its profile's mandatory ones plus its enabled optional ones). */
  signals: readonly SignalCode[];
  ambientBase: number;
  ambientSwing: number;
  processHeat: number;
  dpWorkingPoint: number;
  dpCake: number;
  cleaningCycleS: number;
  /** Offset of this device's cleaning cycle, so collectors do not pulse in step. */
  cleaningPhaseS: number;
  /** Minutes after midnight, Asia/Shanghai. */
  shiftStartMin: number;
  shiftEndMin: number;
  pulseBase: number;
  fanCurrent: number;
  ductVelocity: number;
  levelFull: number;
  levelRefillAt: number;
  evaporationPerH: number;
  flowBase: number;
}

export interface DeviceState {
  /** PRNG state (random.ts). */
  rng: number;
  /** Time of the previous step (epoch ms); null before the first. */
  t: number | null;
  /** Lagged process heat, ℃. */
  heat: number;
  /** Slow sensor drift (AR(1)), ℃. */
  drift: number;
  /** Fan speed as a fraction of full, 0–1. */
  fan: number;
  level: number;
  refilling: boolean;
}

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const HEAT_TAU_S = 1_200;
const DRIFT_TAU_S = 300;
const DRIFT_SIGMA = 0.4;
const FAN_RAMP_S = 600;
const REFILL_PER_H = 60;
/** Longer gaps are not simulated step by step: the state jumps to its steady value. */
const MAX_STEP_S = 3_600;

const round = (value: number, digits: number) => {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
};
const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

export function deviceParams(seed: number, key: string, kind: CollectorKind, signals: readonly SignalCode[]): DeviceParams {
  const r = new Rng(seedFor(seed, `params:${key}`));
  return {
    kind,
    signals,
    ambientBase: r.between(12, 20),
    ambientSwing: r.between(3, 6),
    processHeat: r.between(8, 14),
    dpWorkingPoint: r.between(750, 1150),
    dpCake: r.between(100, 220),
    cleaningCycleS: Math.round(r.between(60, 180)),
    cleaningPhaseS: Math.round(r.between(0, 180)),
    shiftStartMin: Math.round(r.between(450, 510)),
    shiftEndMin: Math.round(r.between(1230, 1320)),
    pulseBase: r.between(0.5, 0.6),
    fanCurrent: r.between(30, 60),
    ductVelocity: r.between(17, 22),
    levelFull: r.between(75, 85),
    levelRefillAt: r.between(55, 60),
    evaporationPerH: r.between(1.5, 3),
    flowBase: r.between(10, 14),
  };
}

export function initialState(seed: number, key: string, params: DeviceParams): DeviceState {
  return {
    rng: seedFor(seed, `state:${key}`),
    t: null,
    heat: 0,
    drift: 0,
    fan: 0,
    level: params.levelFull,
    refilling: false,
  };
}

/** Minutes after midnight in Asia/Shanghai (UTC+8, no DST). */
export function shanghaiMinute(t: number): number {
  return Math.floor(((((t + SHANGHAI_OFFSET_MS) % 86_400_000) + 86_400_000) % 86_400_000) / 60_000);
}

export function isShift(params: DeviceParams, t: number): boolean {
  const m = shanghaiMinute(t);
  return m >= params.shiftStartMin && m < params.shiftEndMin;
}

function ambient(params: DeviceParams, t: number): number {
  const hours = shanghaiMinute(t) / 60;
  return params.ambientBase + params.ambientSwing * Math.cos((2 * Math.PI * (hours - 14)) / 24);
}

/** First-order approach of `value` to `target` over `dtS` with time constant `tauS`. */
const lag = (value: number, target: number, dtS: number, tauS: number) => value + (target - value) * (1 - Math.exp(-dtS / tauS));

export interface Step {
  values: Values;
  state: DeviceState;
  /** Whether the collector's fan runs (also when the device does not report fan_running). */
  running: boolean;
}

/** One reading of every signal of the device at time `t` (epoch ms; steps must not go back in time). */
export function step(params: DeviceParams, state: DeviceState, t: number): Step {
  const first = state.t === null;
  const dtS = first ? MAX_STEP_S : clamp((t - (state.t ?? t)) / 1000, 0, MAX_STEP_S);
  const running = isShift(params, t);
  let rng = state.rng;
  const gauss = () => {
    const [g, next] = nextGaussian(rng);
    rng = next;
    return g;
  };

  const heat = first ? (running ? params.processHeat : 0) : lag(state.heat, running ? params.processHeat : 0, dtS, HEAT_TAU_S);
  const a = Math.exp(-dtS / DRIFT_TAU_S);
  const drift = state.drift * a + DRIFT_SIGMA * Math.sqrt(1 - a * a) * gauss();
  const fanStep = dtS / FAN_RAMP_S;
  const fan = first ? (running ? 1 : 0) : running ? Math.min(1, state.fan + fanStep) : Math.max(0, state.fan - fanStep);

  let level = state.level;
  let refilling = state.refilling;
  if (params.kind === 'wet') {
    if (refilling) level = Math.min(params.levelFull, level + (REFILL_PER_H * dtS) / 3600);
    else if (running) level -= (params.evaporationPerH * dtS) / 3600;
    if (level <= params.levelRefillAt) refilling = true;
    if (level >= params.levelFull) refilling = false;
  }

  const cyclePos = (((t / 1000 + params.cleaningPhaseS) % params.cleaningCycleS) + params.cleaningCycleS) % params.cleaningCycleS;
  const cake = params.dpCake * (cyclePos / params.cleaningCycleS);

  const values: Values = {};
  for (const signal of params.signals) {
    switch (signal) {
      case 'hopper_temp':
        values.hopper_temp = round(ambient(params, t) + heat + drift + 0.1 * gauss(), 1);
        break;
      case 'diff_pressure':
        values.diff_pressure = Math.max(0, Math.round(fan * (params.dpWorkingPoint + cake) + 8 + 3 * gauss()));
        break;
      case 'airlock_fault':
        values.airlock_fault = 0;
        break;
      case 'fan_running':
        values.fan_running = running ? 1 : 0;
        break;
      case 'fan_current':
        values.fan_current = round(Math.max(0, fan * params.fanCurrent + 0.3 * gauss()), 1);
        break;
      case 'duct_velocity':
        values.duct_velocity = round(Math.max(0, fan * params.ductVelocity + 0.2 * gauss()), 1);
        break;
      case 'pulse_pressure':
        values.pulse_pressure = round(params.pulseBase + 0.01 * gauss(), 2);
        break;
      case 'water_level':
        values.water_level = round(level + 0.2 * gauss(), 1);
        break;
      case 'water_flow':
        values.water_flow = round(Math.max(0, params.flowBase + 0.3 * gauss()), 2);
        break;
      case 'spark_count':
      case 'vent_status':
      case 'isolation_valve_status':
      case 'cleaning_checkin':
        values[signal] = 0;
        break;
    }
  }
  return { values, state: { rng, t, heat, drift, fan, level, refilling }, running };
}
