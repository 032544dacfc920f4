import { DEVICE_PROFILES } from '@zhiben/contracts';
import { describe, expect, it } from 'vitest';
import { compileRules } from './compile.js';
import { evaluate } from './evaluate.js';
import { effectiveRules } from './overrides.js';
import { cloneState, createDeviceState, restoreState, retireRules } from './state.js';
import { at, brief, compile, oneByOne, rule, run, series, T0 } from './test-support.js';
import type { Reading } from './types.js';

const hot = rule({
  id: 'hopper_temp.hot',
  name: '灰斗温度持续偏高',
  enabled: true,
  type: 'duration',
  signal: 'hopper_temp',
  direction: 'high',
  bound: 100,
  holdS: 60,
  maxGapS: 30,
  level: 'red',
});

describe('ordering and duplicates', () => {
  const rules = compile([hot]);
  const stream = series('hopper_temp', [
    [0, 120],
    [20, 120],
    [40, 120],
    [60, 120],
    [80, 90],
  ]);

  it('sorts a batch by ts: a shuffled batch gives the same events as a sorted one', () => {
    const sorted = run(rules, [stream]);
    const shuffled = run(rules, [[stream[3], stream[0], stream[4], stream[2], stream[1]] as Reading[]]);
    expect(brief(sorted.events)).toEqual(['raise red @60', 'clear @80']);
    expect(shuffled.events).toEqual(sorted.events);
  });

  it('ignores repeats: exact duplicates of the last reading, and older repeats (counted as late)', () => {
    const once = run(rules, oneByOne(stream));
    const twice = run(rules, [[...stream, ...stream], stream, [stream[2] as Reading]]);
    expect(twice.events).toEqual(once.events);
    // Batch 1: five in-batch duplicates; batch 2: the repeat of the latest (80 s) is a duplicate, four are older;
    // batch 3: older again.
    expect(twice.stats).toEqual({ applied: 5, duplicates: 6, late: 5, implausible: 0 });
  });

  it('does not let a late reading (older than its signal’s last) corrupt a duration run, but counts it', () => {
    // The run 0…40 is above; a reading at 30 with a low value arrives after 40 was processed.
    const late = run(rules, [
      series('hopper_temp', [
        [0, 120],
        [20, 120],
        [40, 120],
      ]),
      series('hopper_temp', [[30, 50]]),
      series('hopper_temp', [[60, 120]]),
    ]);
    expect(brief(late.events)).toEqual(['raise red @60']);
    expect(late.stats).toMatchObject({ applied: 4, late: 1, duplicates: 0 });
  });

  it('treats the same ts with another value as late: the first value wins, as in storage', () => {
    const result = run(rules, [series('hopper_temp', [[0, 120]]), series('hopper_temp', [[0, 50]])]);
    expect(result.stats).toMatchObject({ applied: 1, late: 1 });
    expect(result.state.signals.hopper_temp?.value).toBe(120);
  });

  it('keeps "late" per signal: an older ts of another signal is applied', () => {
    const airlock = compile([
      rule({
        id: 'airlock_fault.active',
        name: '锁气卸灰故障',
        enabled: true,
        type: 'threshold',
        signal: 'airlock_fault',
        direction: 'high',
        levels: [{ level: 'orange', bound: 1 }],
        deadband: 0,
      }),
    ]);
    const result = run(airlock, [series('hopper_temp', [[100, 40]]), series('airlock_fault', [[50, 1]])]);
    expect(brief(result.events)).toEqual(['raise orange @50']);
    expect(result.stats.late).toBe(0);
  });
});

describe('state', () => {
  it('never modifies the state it is given', () => {
    const rules = compile([hot]);
    const before = run(rules, [
      series('hopper_temp', [
        [0, 120],
        [20, 120],
      ]),
    ]).state;
    const snapshot = JSON.stringify(before);
    const after = evaluate(
      before,
      series('hopper_temp', [
        [40, 120],
        [60, 120],
      ]),
      rules,
      at(60),
    );
    expect(JSON.stringify(before)).toBe(snapshot);
    expect(brief(after.events)).toEqual(['raise red @60']);
    // Retrying the same batch from the old state gives the same answer.
    expect(
      evaluate(
        before,
        series('hopper_temp', [
          [40, 120],
          [60, 120],
        ]),
        rules,
        at(60),
      ).events,
    ).toEqual(after.events);
  });

  it('clones deeply', () => {
    const state = run(compile([hot]), [
      series('hopper_temp', [
        [0, 120],
        [20, 120],
        [40, 120],
        [60, 120],
      ]),
    ]).state;
    const copy = cloneState(state);
    expect(copy).toEqual(state);
    (copy.rules['hopper_temp.hot']?.open as { count: number }).count = 99;
    expect(state.rules['hopper_temp.hot']?.open?.count).toBe(1);
  });

  it('restores a stored state, and starts afresh from anything unrecognisable', () => {
    const state = run(compile([hot]), [series('hopper_temp', [[0, 120]])]).state;
    expect(restoreState(JSON.parse(JSON.stringify(state)), at(999))).toEqual({ state, fresh: false });
    for (const junk of [null, 'x', { v: 2 }, { ...state, signals: { hopper_temp: { ts: 'x' } } }, { ...state, rules: [] }]) {
      expect(restoreState(junk, at(999))).toEqual({ state: createDeviceState(at(999)), fresh: true });
    }
  });

  it('clears open conditions of rules that were removed, disabled or changed type (retireRules)', () => {
    const rules = compile([hot]);
    const { state } = run(rules, [
      series('hopper_temp', [
        [0, 120],
        [20, 120],
        [40, 120],
        [60, 120],
      ]),
    ]);
    const retired = retireRules(state, compile([{ ...hot, enabled: false }]), at(70));
    expect(retired.events).toMatchObject([{ type: 'clear', ruleId: 'hopper_temp.hot', kind: 'duration', ts: at(70), value: null }]);
    expect(retired.state.rules['hopper_temp.hot']).toBeUndefined();
    expect(state.rules['hopper_temp.hot']?.open).not.toBeNull();
    expect(retireRules(state, rules, at(70)).events).toEqual([]);
  });
});

/** Deterministic pseudo-random numbers (mulberry32) so the scripted stream is the same on every run. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Six hours of a dry collector reporting every 10 s with scripted faults: a slow hopper-temperature rise to red and
 * back, a ΔP spike, an airlock fault while the fan runs, a sentinel value, a frozen ΔP sensor, and a 20-minute
 * silence. Readings come in batches of 1–30, shuffled within the batch, with duplicates; between some batches the
 * server sweeps (empty batch) at a later `now`.
 */
function scriptedStream(): { batches: Reading[][]; nows: number[] } {
  const rnd = random(42);
  const readings: Reading[] = [];
  for (let s = 0; s < 6 * 3600; s += 10) {
    if (s >= 9000 && s < 10200) continue; // silent for 20 min
    const rise = s >= 3600 && s < 7200 ? ((s - 3600) / 3600) * 50 : 0;
    const temp = 40 + rise + rnd() * 0.5;
    const dp = s >= 12000 && s < 12060 ? 2100 : s >= 14000 ? 1234 : 1000 + rnd() * 40;
    const fault = s >= 11000 && s < 11300 ? 1 : 0;
    readings.push({ signal: 'hopper_temp', ts: at(s), value: s === 8000 ? 9999 : Math.round(temp * 10) / 10 });
    readings.push({ signal: 'diff_pressure', ts: at(s), value: Math.round(dp) });
    readings.push({ signal: 'airlock_fault', ts: at(s), value: fault });
    readings.push({ signal: 'fan_running', ts: at(s), value: 1 });
  }
  const batches: Reading[][] = [];
  const nows: number[] = [];
  for (let i = 0; i < readings.length; ) {
    const size = 1 + Math.floor(rnd() * 30);
    const batch = readings.slice(i, i + size);
    i += size;
    if (rnd() < 0.1) batch.push({ ...(batch[0] as Reading) }); // a duplicate
    for (let j = batch.length - 1; j > 0; j--) {
      const k = Math.floor(rnd() * (j + 1));
      [batch[j], batch[k]] = [batch[k] as Reading, batch[j] as Reading];
    }
    const latest = Math.max(...batch.map((r) => r.ts));
    batches.push(batch);
    nows.push(latest);
    if (rnd() < 0.2) {
      batches.push([]);
      nows.push(latest + 15_000);
    }
  }
  // The silence: sweeps while nothing arrives.
  const gapAt = batches.findIndex((b) => b.some((r) => r.ts >= at(10200)));
  batches.splice(gapAt, 0, [], []);
  nows.splice(gapAt, 0, at(9600), at(10100));
  return { batches, nows };
}

describe('a restart loses nothing', () => {
  const dry = DEVICE_PROFILES.dry_collector;
  // The engineer shortened the stuck-ΔP time to 1 h (within the bureau's limits) so the 6 h script reaches it.
  const rules = compileRules(effectiveRules(dry, [{ ruleId: 'diff_pressure.stuck', params: { durationS: 3600 } }]).rules, {
    reportingIntervalS: 10,
  });
  const { batches, nows } = scriptedStream();
  const nowS = (_b: readonly Reading[], i: number) => ((nows[i] as number) - T0) / 1000;

  it('the scripted faults raise every kind of alarm', () => {
    const { events } = run(rules, batches, { nowS });
    const raised = events.filter((e) => e.type === 'raise').map((e) => `${e.ruleId}:${e.level}@${(e.ts - T0) / 1000}`);
    expect(raised).toEqual(
      expect.arrayContaining([
        'hopper_temp.high:yellow@5020',
        'hopper_temp.impossible:blue@8000',
        'offline:yellow@9040',
        'airlock_fault.active:orange@11000',
        'fan_running.airlock_fault:red@11000',
        'diff_pressure.high:orange@12000',
        'diff_pressure.jump:yellow@12000',
        'diff_pressure.stuck:blue@17600',
      ]),
    );
    expect(new Set(events.map((e) => e.kind))).toEqual(new Set(['threshold', 'rate_of_change', 'combination', 'offline', 'data_quality']));
    // The slow rise climbs yellow → orange → red and comes back down.
    expect(events.filter((e) => e.ruleId === 'hopper_temp.high').map((e) => `${e.type} ${e.level}`)).toEqual([
      'raise yellow',
      'update orange',
      'update red',
      'clear red',
    ]);
  });

  it('serialising the state to JSON and back after every batch gives the same events and the same final state', () => {
    const straight = run(rules, batches, { nowS });
    const restarted = run(rules, batches, { nowS, restart: true });
    expect(restarted.events).toEqual(straight.events);
    expect(restarted.state).toEqual(straight.state);
    expect(restarted.stats).toEqual(straight.stats);
    expect(straight.stats.duplicates).toBeGreaterThan(0);
  });
});
