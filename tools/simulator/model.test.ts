import { SIGNALS, type SignalCode } from '@zhiben/contracts';
import { describe, expect, it } from 'vitest';
import { isShift, shanghaiMinute } from './model.js';
import { series } from './series.js';
import { DRY_SIGNALS, defaultRuleEvents, dryDevice, HOUR, MINUTE, MONDAY, WET_SIGNALS, wetDevice } from './test-support.js';

/** The healthy model: deterministic, physically plausible, shaped like a bag filter, and quiet under the default rules. */

const DAY = 24 * HOUR;
const values = (points: ReturnType<typeof series>, signal: SignalCode) =>
  points.flatMap((p) => (p.values && p.values[signal] !== undefined ? [{ ts: p.ts, v: p.values[signal] as number }] : []));
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('determinism', () => {
  it('gives the same series for the same seed, and another for another seed', () => {
    const options = { fromMs: MONDAY, toMs: MONDAY + 6 * HOUR, stepMs: 10_000 };
    const a = series(7, dryDevice(), options);
    const b = series(7, dryDevice(), options);
    const c = series(8, dryDevice(), options);
    expect(a).toEqual(b);
    expect(a.length).toBe(6 * 360);
    expect(values(c, 'hopper_temp')).not.toEqual(values(a, 'hopper_temp'));
  });

  it('gives each device its own series under one seed (keyed by device, not by list position)', () => {
    const options = { fromMs: MONDAY, toMs: MONDAY + HOUR, stepMs: 10_000 };
    const one = series(1, dryDevice('A/DC01'), options);
    const two = series(1, dryDevice('A/DC02'), options);
    expect(values(one, 'diff_pressure')).not.toEqual(values(two, 'diff_pressure'));
  });
});

describe('healthy dry collector over a week, 20 devices', () => {
  const week = Array.from({ length: 20 }, (_, i) =>
    series(i + 1, dryDevice(`914000000000000${String(i).padStart(3, '0')}/DC01`), {
      fromMs: MONDAY,
      toMs: MONDAY + 7 * DAY,
      stepMs: 60_000,
    }),
  );

  it('reports exactly its own signals, within their physically plausible ranges', () => {
    const expected = [...DRY_SIGNALS].sort().join();
    const problems: string[] = [];
    for (const points of week) {
      for (const p of points) {
        const keys = Object.keys(p.values ?? {})
          .sort()
          .join();
        if (keys !== expected) problems.push(`${p.ts}: signals ${keys}`);
        for (const [signal, v] of Object.entries(p.values ?? {})) {
          const { min, max } = SIGNALS[signal as SignalCode].plausible;
          if (!(v >= min && v <= max)) problems.push(`${p.ts}: ${signal}=${v}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('keeps hopper temperature between 5 and 50 ℃, warmer in the afternoon than before dawn', () => {
    for (const points of week) {
      const temps = values(points, 'hopper_temp');
      expect(Math.min(...temps.map((x) => x.v))).toBeGreaterThan(5);
      expect(Math.max(...temps.map((x) => x.v))).toBeLessThan(50);
      const at = (from: number, to: number) => temps.filter((x) => shanghaiMinute(x.ts) >= from * 60 && shanghaiMinute(x.ts) < to * 60);
      // Daily drift (ambient swing) and the shift's process heat both point the same way.
      expect(mean(at(13, 16).map((x) => x.v)) - mean(at(3, 6).map((x) => x.v))).toBeGreaterThan(8);
    }
  });

  it('runs the fan during the shift only, with ΔP around the working point then and near zero at night', () => {
    for (const points of week) {
      const fan = values(points, 'fan_running');
      const dp = values(points, 'diff_pressure');
      const noon = fan.filter((x) => shanghaiMinute(x.ts) === 12 * 60);
      const night = fan.filter((x) => shanghaiMinute(x.ts) === 3 * 60);
      expect(noon.every((x) => x.v === 1)).toBe(true);
      expect(night.every((x) => x.v === 0)).toBe(true);
      const dpNoon = dp.filter((x) => shanghaiMinute(x.ts) >= 11 * 60 && shanghaiMinute(x.ts) < 13 * 60).map((x) => x.v);
      expect(Math.min(...dpNoon)).toBeGreaterThan(600);
      expect(Math.max(...dpNoon)).toBeLessThan(1450);
      const dpNight = dp.filter((x) => shanghaiMinute(x.ts) >= 1 * 60 && shanghaiMinute(x.ts) < 4 * 60).map((x) => x.v);
      expect(Math.max(...dpNight)).toBeLessThan(40);
    }
  });

  it('shows pulse-cleaning dips: ΔP falls back by tens to hundreds of Pa at each cleaning pulse', () => {
    const points = series(3, dryDevice(), { fromMs: MONDAY + 10 * HOUR, toMs: MONDAY + 11 * HOUR, stepMs: 5_000 });
    const dp = values(points, 'diff_pressure').map((x) => x.v);
    const drops = dp.slice(1).map((v, i) => (dp[i] as number) - v);
    // A 60–180 s cycle gives 20–60 pulses an hour; noise alone (σ 3 Pa) never drops 60 Pa.
    const pulses = drops.filter((d) => d > 60).length;
    expect(pulses).toBeGreaterThanOrEqual(15);
    expect(Math.max(...drops)).toBeLessThan(300);
  });

  it('keeps airlock fault 0, no sparks, and pulse-jet pressure above the 0.3 MPa alarm', () => {
    for (const points of week) {
      expect(values(points, 'airlock_fault').every((x) => x.v === 0)).toBe(true);
      expect(values(points, 'spark_count').every((x) => x.v === 0)).toBe(true);
      expect(Math.min(...values(points, 'pulse_pressure').map((x) => x.v))).toBeGreaterThan(0.4);
    }
  });
});

describe('healthy wet collector', () => {
  it('keeps the tank level between its refill point and full, and the circulation flowing', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const points = series(seed, wetDevice(), { fromMs: MONDAY, toMs: MONDAY + 3 * DAY, stepMs: 60_000 });
      for (const p of points) expect(Object.keys(p.values ?? {}).sort()).toEqual([...WET_SIGNALS].sort());
      const level = values(points, 'water_level').map((x) => x.v);
      expect(Math.min(...level)).toBeGreaterThan(50);
      expect(Math.max(...level)).toBeLessThan(87);
      // Evaporation and top-ups make it move: more than noise.
      expect(Math.max(...level) - Math.min(...level)).toBeGreaterThan(5);
      expect(Math.min(...values(points, 'water_flow').map((x) => x.v))).toBeGreaterThan(5);
    }
  });
});

describe('the default rules stay quiet for healthy devices', () => {
  it('raises nothing for dry and wet collectors over two days at a 10 s interval', () => {
    for (let seed = 1; seed <= 4; seed++) {
      const options = { fromMs: MONDAY + seed * HOUR, toMs: MONDAY + seed * HOUR + 2 * DAY, stepMs: 10_000 };
      expect(defaultRuleEvents('dry', series(seed, dryDevice(), options), 10)).toEqual([]);
      expect(defaultRuleEvents('wet', series(seed, wetDevice(), options), 10)).toEqual([]);
    }
  });

  it('raises nothing at a 1 s interval across a shift start and end (the fan ramps, ΔP never jumps 500 Pa in 60 s)', () => {
    const dev = dryDevice();
    for (const [from, to] of [
      [7 * HOUR, 9 * HOUR],
      [20 * HOUR, 22.5 * HOUR],
    ] as const) {
      const points = series(5, dev, { fromMs: MONDAY + from, toMs: MONDAY + to, stepMs: 1_000 });
      const fan = values(points, 'fan_running').map((x) => x.v);
      expect(new Set(fan)).toEqual(new Set([0, 1]));
      expect(defaultRuleEvents('dry', points, 1)).toEqual([]);
    }
  });
});

describe('shift calendar', () => {
  it('reads the time of day in Asia/Shanghai', () => {
    expect(shanghaiMinute(MONDAY)).toBe(0);
    expect(shanghaiMinute(MONDAY + 8 * HOUR + 30 * MINUTE)).toBe(510);
    const params = { shiftStartMin: 480, shiftEndMin: 1260 } as Parameters<typeof isShift>[0];
    expect(isShift(params, MONDAY + 8 * HOUR)).toBe(true);
    expect(isShift(params, MONDAY + 21 * HOUR)).toBe(false);
    expect(isShift(params, MONDAY + 7 * HOUR + 59 * MINUTE)).toBe(false);
  });
});
