import { DEVICE_PROFILES } from '@zhiben/contracts';
import { describe, expect, it } from 'vitest';
import { compileRules } from './compile.js';
import { evaluate } from './evaluate.js';
import { createDeviceState } from './state.js';
import { decodeState, encodeState } from './state-codec.js';
import { at } from './test-support.js';
import type { DeviceRuleState, Reading } from './types.js';

const dry = DEVICE_PROFILES.dry_collector;
const rules = compileRules(
  dry.rules.map((r) => r.rule),
  { reportingIntervalS: 10 },
);
const stored = (state: DeviceRuleState) => JSON.parse(JSON.stringify(encodeState(state))) as unknown;

/** A dry collector's state after a varied minute: rising temperature, a ΔP jump, an implausible value, faults. */
function busyState(): DeviceRuleState {
  let state = createDeviceState(at(0));
  for (let s = 0; s <= 120; s += 5) {
    const readings: Reading[] = [
      { signal: 'hopper_temp', ts: at(s), value: 40 + s * 0.6 },
      { signal: 'diff_pressure', ts: at(s), value: s === 60 ? 2600 : 900 },
      { signal: 'airlock_fault', ts: at(s), value: s >= 90 ? 1 : 0 },
      { signal: 'fan_running', ts: at(s), value: 1 },
    ];
    // An impossible hopper temperature: the last reading moves on, the last plausible one stays behind.
    if (s === 120) readings[0] = { signal: 'hopper_temp', ts: at(s), value: 9999 };
    state = evaluate(state, readings, rules, at(s)).state;
  }
  return state;
}

describe('stored rule state, version 2 (encodeState / decodeState)', () => {
  it('round-trips a state with open conditions, duration runs, rate-of-change windows and a stale plausible reading', () => {
    const state = busyState();
    // The fixture covers what the codec compresses: open conditions, windows, a signal whose okTs ≠ ts.
    expect(Object.values(state.rules).some((t) => t.open !== null)).toBe(true);
    expect(Object.values(state.rules).some((t) => t.lows !== null && t.lows.length > 2)).toBe(true);
    expect(state.signals.hopper_temp?.okTs).not.toBe(state.signals.hopper_temp?.ts);
    expect(decodeState(stored(state), at(999))).toEqual({ state, fresh: false });
  });

  it('round-trips a device that never reported and one whose tracks are all idle', () => {
    const fresh = createDeviceState(at(5));
    expect(decodeState(stored(fresh), at(999))).toEqual({ state: fresh, fresh: false });
    const quiet = evaluate(fresh, [{ signal: 'hopper_temp', ts: at(6), value: 30 }], rules, at(6)).state;
    expect(decodeState(stored(quiet), at(999))).toEqual({ state: quiet, fresh: false });
  });

  it('still reads version 1, the in-memory shape stored before', () => {
    const state = busyState();
    expect(decodeState(JSON.parse(JSON.stringify(state)), at(999))).toEqual({ state, fresh: false });
  });

  it('is less than 60 % of version 1 for a busy device', () => {
    const state = busyState();
    expect(JSON.stringify(encodeState(state)).length).toBeLessThan(0.6 * JSON.stringify(state).length);
  });

  it('continues evaluation exactly as the state it was made from', () => {
    const state = busyState();
    const next: Reading[] = [
      { signal: 'hopper_temp', ts: at(125), value: 130 },
      { signal: 'diff_pressure', ts: at(125), value: 3000 },
      { signal: 'airlock_fault', ts: at(125), value: 0 },
    ];
    const direct = evaluate(state, next, rules, at(125));
    const resumed = evaluate(decodeState(stored(state), at(125)).state, next, rules, at(125));
    expect(resumed).toEqual(direct);
  });

  it('starts afresh from a damaged version 2', () => {
    const good = encodeState(busyState());
    const junk: unknown[] = [
      { v: 2 },
      { ...good, s: 'x' },
      { ...good, g: [] },
      { ...good, g: { hopper_temp: [1] } },
      { ...good, r: { x: [42] } },
      { ...good, r: { x: ['threshold', 'open'] } },
      { ...good, r: { x: ['threshold', ['red', 'then', 1, null]] } },
    ];
    for (const j of junk) expect(decodeState(j, at(999))).toEqual({ state: createDeviceState(at(999)), fresh: true });
  });
});
