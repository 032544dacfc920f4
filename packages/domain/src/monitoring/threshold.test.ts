import { describe, expect, it } from 'vitest';
import { brief, compile, oneByOne, rule, run, series } from './test-support.js';

const hopperHigh = (deadband: number) =>
  compile([
    rule({
      id: 'hopper_temp.high',
      name: '灰斗温度高',
      enabled: true,
      type: 'threshold',
      signal: 'hopper_temp',
      direction: 'high',
      // Deliberately unsorted: the engine orders levels by severity itself.
      levels: [
        { level: 'red', bound: 80 },
        { level: 'yellow', bound: 60 },
        { level: 'orange', bound: 70 },
      ],
      deadband,
    }),
  ]);

const levelLow = compile([
  rule({
    id: 'water_level.low',
    name: '水箱液位低',
    enabled: true,
    type: 'threshold',
    signal: 'water_level',
    direction: 'low',
    levels: [
      { level: 'yellow', bound: 30 },
      { level: 'orange', bound: 20 },
      { level: 'red', bound: 10 },
    ],
    deadband: 2,
  }),
]);

/** Values one per 10 s from t = 0. */
const every10s = (signal: string, values: number[]) =>
  oneByOne(
    series(
      signal,
      values.map((v, i) => [i * 10, v] as const),
    ),
  );

describe('threshold with levels (high, bounds 60/70/80, deadband 2)', () => {
  it.each([
    ['below every bound', [50, 59.9], []],
    ['exactly the bound raises (inclusive)', [50, 60], ['raise yellow @10']],
    ['straight to the highest crossed level', [50, 85], ['raise red @10']],
    ['escalation counts as a re-trigger', [61, 71, 81], ['raise yellow @0', 'update orange<yellow @10 n=2', 'update red<orange @20 n=3']],
    ['held within the deadband below the bound', [81, 79, 78], ['raise red @0']],
    ['de-escalates once below bound − deadband', [81, 77.9], ['raise red @0', 'update orange<red @10 n=1']],
    ['skips levels on the way down', [85, 61], ['raise red @0', 'update yellow<red @10 n=1']],
    ['does not clear within the deadband of the lowest bound', [61, 58.5, 58], ['raise yellow @0']],
    ['clears below the lowest bound − deadband', [61, 57.9], ['raise yellow @0', 'clear @10']],
    ['raises again after a clear', [61, 50, 62], ['raise yellow @0', 'clear @10', 'raise yellow @20']],
  ])('%s', (_name, values, expected) => {
    expect(brief(run(hopperHigh(2), every10s('hopper_temp', values)).events)).toEqual(expected);
  });

  it('does not flap on a value jittering around a bound (hysteresis), while without deadband it does', () => {
    const jitter = [59.5, 60.2, 59.1, 60.4, 58.9, 60.0, 59.3, 70.1, 69.0, 70.3, 68.5];
    expect(brief(run(hopperHigh(2), every10s('hopper_temp', jitter)).events)).toEqual(['raise yellow @10', 'update orange<yellow @70 n=2']);
    expect(brief(run(hopperHigh(0), every10s('hopper_temp', jitter)).events)).toEqual([
      'raise yellow @10',
      'clear @20',
      'raise yellow @30',
      'clear @40',
      'raise yellow @50',
      'clear @60',
      'raise orange @70',
      'update yellow<orange @80 n=1',
      'update orange<yellow @90 n=2',
      'update yellow<orange @100 n=2',
    ]);
  });

  it('reports count and peak on the clear', () => {
    const { events } = run(hopperHigh(2), every10s('hopper_temp', [61, 75, 72, 50]));
    expect(events.at(-1)).toMatchObject({
      type: 'clear',
      kind: 'threshold',
      level: 'orange',
      count: 2,
      peak: 75,
      value: 50,
      openedAt: events[0]?.ts,
    });
  });
});

describe('threshold with levels (low, bounds 30/20/10, deadband 2)', () => {
  it.each([
    ['above every bound', [35, 30.1], []],
    ['falls to yellow', [35, 29], ['raise yellow @10']],
    ['falls straight to red', [35, 9], ['raise red @10']],
    ['red held up to bound + deadband', [9, 11, 12], ['raise red @0']],
    ['red → orange above bound + deadband', [9, 12.5], ['raise red @0', 'update orange<red @10 n=1']],
    ['held near the yellow bound', [29, 31.9], ['raise yellow @0']],
    ['clears above 30 + 2', [29, 32.1], ['raise yellow @0', 'clear @10']],
  ])('%s', (_name, values, expected) => {
    expect(brief(run(levelLow, every10s('water_level', values)).events)).toEqual(expected);
  });

  it('tracks the lowest value as the peak', () => {
    const { state } = run(levelLow, every10s('water_level', [25, 8, 15]));
    expect(state.rules['water_level.low']?.open).toMatchObject({ level: 'orange', peak: 8 });
  });
});

describe('threshold on a binary signal (airlock fault)', () => {
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
  it('raises on 1 and clears on 0', () => {
    expect(brief(run(airlock, every10s('airlock_fault', [0, 1, 1, 0])).events)).toEqual(['raise orange @10', 'clear @30']);
  });
});
