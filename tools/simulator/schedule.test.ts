import { describe, expect, it } from 'vitest';
import { FAULT_KINDS, faultApplies } from './faults.js';
import { faultPlan, type PlannedFault } from './schedule.js';
import { DRY_SIGNALS, WET_SIGNALS } from './test-support.js';

const devices = [
  ...Array.from({ length: 8 }, (_, i) => ({ key: `A${i}/DC01`, kind: 'dry' as const, signals: DRY_SIGNALS, reportingIntervalS: 10 })),
  { key: 'W/DC01', kind: 'wet' as const, signals: WET_SIGNALS, reportingIntervalS: 10 },
  { key: 'W/DC02', kind: 'wet' as const, signals: WET_SIGNALS, reportingIntervalS: 60 },
];

function take(n: number, options: Partial<Parameters<typeof faultPlan>[0]> = {}): PlannedFault[] {
  const out: PlannedFault[] = [];
  for (const f of faultPlan({ devices, kinds: FAULT_KINDS, seed: 42, startMs: 1_000_000, everyS: 60, ...options })) {
    out.push(f);
    if (out.length === n) break;
  }
  return out;
}

describe('fault plan', () => {
  it('is the same for the same seed and differs for another', () => {
    expect(take(30)).toEqual(take(30));
    expect(take(30, { seed: 43 }).map((f) => f.deviceKey)).not.toEqual(take(30).map((f) => f.deviceKey));
  });

  it('cycles through the kinds at the given spacing, each on a device it applies to', () => {
    const plan = take(28);
    expect(plan.slice(0, 7).map((f) => f.kind)).toEqual([...FAULT_KINDS]);
    plan.forEach((f, i) => {
      expect(f.startMs).toBe(1_000_000 + 30_000 + i * 60_000);
      const device = devices.find((d) => d.key === f.deviceKey);
      expect(device && faultApplies(f.kind, device)).toBe(true);
    });
  });

  it('gives every device a turn', () => {
    const plan = take(20, { kinds: ['offline'] });
    expect(new Set(plan.slice(0, devices.length).map((f) => f.deviceKey)).size).toBe(devices.length);
  });

  it('makes offline last long enough for the offline rule of the device’s interval', () => {
    for (const f of take(40, { kinds: ['offline'], durationS: 20 })) {
      const interval = devices.find((d) => d.key === f.deviceKey)?.reportingIntervalS ?? 0;
      expect(f.endMs - f.startMs).toBeGreaterThanOrEqual((5 * interval + 30) * 1000);
    }
  });

  it('skips kinds no device can have, and plans nothing without devices or kinds', () => {
    const dryOnly = devices.filter((d) => d.kind === 'dry');
    const plan: PlannedFault[] = [];
    for (const f of faultPlan({ devices: dryOnly, kinds: ['water_low', 'airlock_fault'], seed: 1, startMs: 0, everyS: 10 })) {
      plan.push(f);
      if (plan.length === 5) break;
    }
    expect(plan.map((f) => f.kind)).toEqual(Array(5).fill('airlock_fault'));
    expect([...faultPlan({ devices: [], kinds: FAULT_KINDS, seed: 1, startMs: 0, everyS: 10 })]).toEqual([]);
    expect([...faultPlan({ devices, kinds: [], seed: 1, startMs: 0, everyS: 10 })]).toEqual([]);
  });
});
