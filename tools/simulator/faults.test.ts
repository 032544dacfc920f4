import { SIGNALS, type SignalCode } from '@zhiben/contracts';
import type { RuleEvent } from '@zhiben/domain';
import { describe, expect, it } from 'vitest';
import { FAULT_KINDS, FAULTS, type FaultKind, faultApplies, faultValues } from './faults.js';
import { faultDurationS } from './schedule.js';
import { series } from './series.js';
import { defaultRuleEvents, dryDevice, HOUR, MINUTE, MONDAY, raisedRules, wetDevice } from './test-support.js';

/**
 * Every scripted fault, run through the real rule engine with the profile's DEFAULT rules: it raises the alarms it is
 * meant to (at the level it is meant to), never a 数据异常 instead, and everything clears after it ends.
 */

const SHIFT = MONDAY + 10 * HOUR;
const NIGHT = MONDAY + 2 * HOUR;

function run(kind: FaultKind, options: { start?: number; stepS?: number; durationS?: number; seed?: number } = {}) {
  const wet = FAULTS[kind].kinds.includes('wet') && !FAULTS[kind].kinds.includes('dry');
  const device = wet ? wetDevice() : dryDevice();
  const stepS = options.stepS ?? 10;
  const start = options.start ?? SHIFT;
  const durationS = options.durationS ?? faultDurationS(kind, stepS);
  const fault = { kind, startMs: start + 10 * MINUTE, endMs: start + 10 * MINUTE + durationS * 1000 };
  const points = series(options.seed ?? 1, device, {
    fromMs: start,
    toMs: fault.endMs + 30 * MINUTE,
    stepMs: stepS * 1000,
    faults: [fault],
  });
  const events = defaultRuleEvents(device.kind, points, stepS);
  return { device, fault, points, events };
}

/** Rule ids whose condition is still open at the end. */
function stillOpen(events: readonly RuleEvent[]): string[] {
  const open = new Set<string>();
  for (const e of events) {
    if (e.type === 'raise') open.add(e.ruleId);
    if (e.type === 'clear') open.delete(e.ruleId);
  }
  return [...open].sort();
}

const maxLevel = (events: readonly RuleEvent[], ruleId: string) => {
  const rank = { blue: 1, yellow: 2, orange: 3, red: 4 } as const;
  return events
    .filter((e) => e.ruleId === ruleId && e.type !== 'clear')
    .reduce<string | null>((m, e) => (m === null || rank[e.level] > rank[m as keyof typeof rank] ? e.level : m), null);
};

describe('each fault raises its default rules, then clears', () => {
  it('hopper_temp_red: a slow rise through yellow and orange to red, plus the rise-rate alarm', () => {
    const { events, points, fault } = run('hopper_temp_red');
    expect(raisedRules(events)).toEqual(['hopper_temp.high', 'hopper_temp.rise']);
    expect(maxLevel(events, 'hopper_temp.high')).toBe('red');
    const levels = events.filter((e) => e.ruleId === 'hopper_temp.high' && e.type !== 'clear').map((e) => e.level);
    expect(levels.slice(0, 3)).toEqual(['yellow', 'orange', 'red']);
    // Slow: the temperature takes minutes to get from yellow (60 ℃) to red (80 ℃), not one reading.
    const temps = points.filter((p) => p.ts >= fault.startMs && p.ts < fault.endMs).map((p) => p.values?.hopper_temp ?? 0);
    expect(temps.filter((t) => t >= 60 && t < 80).length).toBeGreaterThanOrEqual(6);
    expect(stillOpen(events)).toEqual([]);
  });

  it('dp_spike: ΔP above the orange bound and the jump alarm — also when it starts with the fan off', () => {
    for (const start of [SHIFT, NIGHT]) {
      const { events } = run('dp_spike', { start });
      expect(raisedRules(events)).toEqual(['diff_pressure.high', 'diff_pressure.jump']);
      expect(maxLevel(events, 'diff_pressure.high')).toBe('orange');
      expect(stillOpen(events)).toEqual([]);
    }
  });

  it('airlock_fault: the fault alone (orange) and with the fan running (red), by day and by night', () => {
    for (const start of [SHIFT, NIGHT]) {
      const { events } = run('airlock_fault', { start });
      expect(raisedRules(events)).toEqual(['airlock_fault.active', 'fan_running.airlock_fault']);
      expect(maxLevel(events, 'fan_running.airlock_fault')).toBe('red');
      expect(stillOpen(events)).toEqual([]);
    }
  });

  it('offline: silent long enough for the offline rule at the device’s interval, back afterwards', () => {
    for (const stepS of [1, 10, 60]) {
      const { events, points, fault } = run('offline', { stepS });
      expect(points.filter((p) => p.ts >= fault.startMs && p.ts < fault.endMs).every((p) => p.values === null)).toBe(true);
      expect(raisedRules(events)).toEqual(['offline']);
      expect(stillOpen(events)).toEqual([]);
    }
  });

  it('stuck: frozen values raise the stuck-value 数据异常 rules once they last 4 h, nothing else', () => {
    // Within one shift: a sensor frozen at night and thawing by day would also (rightly) trip the jump rules.
    const dry = run('stuck', { stepS: 60, durationS: 4.5 * 3600, start: MONDAY + 9 * HOUR });
    expect(raisedRules(dry.events)).toEqual(['diff_pressure.stuck', 'hopper_temp.stuck']);
    expect(stillOpen(dry.events)).toEqual([]);
    // Shorter than the rule's 4 h: frozen, but no alarm (the demo's short stuck faults are quiet by design).
    const short = run('stuck', { stepS: 10 });
    const frozen = short.points.filter((p) => p.ts >= short.fault.startMs && p.ts < short.fault.endMs).map((p) => JSON.stringify(p.values));
    expect(new Set(frozen).size).toBe(1);
    expect(raisedRules(short.events)).toEqual([]);
  });

  it('stuck on a wet collector: level and flow', () => {
    const wet = { ...wetDevice() };
    const fault = { kind: 'stuck' as const, startMs: SHIFT, endMs: SHIFT + 4.5 * HOUR };
    const points = series(2, wet, { fromMs: SHIFT - HOUR, toMs: fault.endMs + HOUR, stepMs: 60_000, faults: [fault] });
    expect(raisedRules(defaultRuleEvents('wet', points, 60))).toEqual(['water_flow.stuck', 'water_level.stuck']);
  });

  it('water_low: the tank drains through yellow and orange to red, then refills', () => {
    const { events } = run('water_low');
    expect(raisedRules(events)).toEqual(['water_level.low']);
    expect(maxLevel(events, 'water_level.low')).toBe('red');
    expect(stillOpen(events)).toEqual([]);
  });

  it('flow_stop: circulation stops with the fan running (red at once) and lasts past the 60 s duration rule', () => {
    for (const start of [SHIFT, NIGHT]) {
      const { events } = run('flow_stop', { start });
      expect(raisedRules(events)).toEqual(['fan_running.water_flow_stopped', 'water_flow.stopped']);
      expect(stillOpen(events)).toEqual([]);
    }
  });
});

describe('fault values', () => {
  it('stay physically plausible, so a fault is never mistaken for a broken sensor', () => {
    for (const kind of FAULT_KINDS) {
      for (const seed of [1, 2, 3]) {
        const { points } = run(kind, { seed });
        for (const p of points) {
          for (const [signal, v] of Object.entries(p.values ?? {})) {
            const { min, max } = SIGNALS[signal as SignalCode].plausible;
            expect(v >= min && v <= max, `${kind}: ${signal}=${v}`).toBe(true);
          }
        }
      }
    }
  });

  it('never add a signal the device does not report', () => {
    const normal = { water_level: 70, water_flow: 12 };
    const out = faultValues({ kind: 'flow_stop', elapsedS: 5, durationS: 60, atStart: normal }, normal);
    expect(out).toEqual({ water_level: 70, water_flow: 0 });
  });

  it('apply only to collectors that have the signals', () => {
    expect(faultApplies('hopper_temp_red', dryDevice())).toBe(true);
    expect(faultApplies('hopper_temp_red', wetDevice())).toBe(false);
    expect(faultApplies('water_low', wetDevice())).toBe(true);
    expect(faultApplies('offline', wetDevice())).toBe(true);
    expect(faultApplies('airlock_fault', { kind: 'other', signals: ['hopper_temp'] })).toBe(false);
  });
});
