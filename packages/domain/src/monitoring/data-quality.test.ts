import { describe, expect, it } from 'vitest';
import { at, brief, compile, oneByOne, rule, run, series } from './test-support.js';

const stuck = (tolerance: number) =>
  compile([
    rule({
      id: 'hopper_temp.stuck',
      name: '灰斗温度长时间不变',
      enabled: true,
      type: 'stuck_value',
      signal: 'hopper_temp',
      durationS: 3600,
      tolerance,
      level: 'blue',
    }),
  ]);

const hopper = (pairs: [number, number][]) => oneByOne(series('hopper_temp', pairs));

describe('data quality: stuck value (identical for 3600 s)', () => {
  it.each<[string, number, [number, number][], string[]]>([
    [
      '3599 s identical: not yet',
      0,
      [
        [0, 41.2],
        [1800, 41.2],
        [3599, 41.2],
      ],
      [],
    ],
    [
      '3600 s identical: 数据异常',
      0,
      [
        [0, 41.2],
        [1800, 41.2],
        [3600, 41.2],
      ],
      ['raise blue @3600'],
    ],
    [
      'any change restarts the count',
      0,
      [
        [0, 41.2],
        [1800, 41.3],
        [3600, 41.3],
        [5399, 41.3],
        [5400, 41.3],
      ],
      ['raise blue @5400'],
    ],
    [
      'clears at the first different value',
      0,
      [
        [0, 41.2],
        [3600, 41.2],
        [4000, 41.2],
        [4100, 41.25],
      ],
      ['raise blue @3600', 'clear @4100'],
    ],
    [
      'noise within the tolerance is still stuck',
      0.5,
      [
        [0, 41],
        [1200, 41.3],
        [2400, 40.6],
        [3600, 41.5],
      ],
      ['raise blue @3600'],
    ],
    [
      'a drift beyond the tolerance from the start is not',
      0.5,
      [
        [0, 41],
        [1200, 41.4],
        [2400, 41.8],
        [3600, 42.2],
      ],
      [],
    ],
    [
      'an impossible reading does not break a stuck run',
      0,
      [
        [0, 41.2],
        [1800, 9999],
        [3600, 41.2],
      ],
      ['raise blue @3600'],
    ],
  ])('%s', (_name, tolerance, pairs, expected) => {
    expect(brief(run(stuck(tolerance), hopper(pairs)).events)).toEqual(expected);
  });

  it('is a data_quality alarm whose peak is the seconds stuck', () => {
    const { events, state } = run(
      stuck(0),
      hopper([
        [0, 41.2],
        [3600, 41.2],
        [7200, 41.2],
      ]),
    );
    expect(events[0]).toMatchObject({ kind: 'data_quality', ruleId: 'hopper_temp.stuck', peak: 3600 });
    expect(state.rules['hopper_temp.stuck']?.open?.peak).toBe(7200);
  });
});

describe('data quality: impossible values', () => {
  const rules = compile([
    rule({
      id: 'hopper_temp.impossible',
      name: '灰斗温度读数异常',
      enabled: true,
      type: 'impossible_value',
      signal: 'hopper_temp',
      level: 'blue',
    }),
    rule({
      id: 'airlock_fault.impossible',
      name: '锁气卸灰故障读数异常',
      enabled: true,
      type: 'impossible_value',
      signal: 'airlock_fault',
      level: 'blue',
    }),
    rule({
      id: 'hopper_temp.high',
      name: '灰斗温度高',
      enabled: true,
      type: 'threshold',
      signal: 'hopper_temp',
      direction: 'high',
      levels: [{ level: 'red', bound: 80 }],
      deadband: 2,
    }),
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

  it.each<[string, string, [number, number][], string[]]>([
    ['a plausible value raises nothing', 'hopper_temp', [[0, 41]], []],
    [
      'a sentinel far outside the range is 数据异常, never a red process alarm',
      'hopper_temp',
      [
        [0, 41],
        [10, 9999],
      ],
      ['hopper_temp.impossible raise blue @10'],
    ],
    ['a negative sentinel too', 'hopper_temp', [[0, -3276.8]], ['hopper_temp.impossible raise blue @0']],
    ['the range ends are possible (1200 ℃ is a fire, not a fault)', 'hopper_temp', [[0, 1200]], ['hopper_temp.high raise red @0']],
    [
      'a binary signal must be 0 or 1',
      'airlock_fault',
      [
        [0, 0.5],
        [10, 2],
        [20, 0],
      ],
      ['airlock_fault.impossible raise blue @0', 'airlock_fault.impossible clear @20'],
    ],
    ['NaN is impossible', 'hopper_temp', [[0, Number.NaN]], ['hopper_temp.impossible raise blue @0']],
  ])('%s', (_name, signal, pairs, expected) => {
    const { events } = run(rules, oneByOne(series(signal, pairs)));
    expect(events.map((e, i) => `${e.ruleId} ${brief(events)[i]}`)).toEqual(expected);
  });

  it('counts repeated impossible readings silently and reports them with the clear', () => {
    const { events, stats } = run(
      rules,
      oneByOne(
        series('hopper_temp', [
          [0, 9999],
          [10, 9999],
          [20, 5000],
          [30, 45],
        ]),
      ),
    );
    expect(events.map((e) => [e.type, e.kind, e.count, e.value])).toEqual([
      ['raise', 'data_quality', 1, 9999],
      ['clear', 'data_quality', 3, 45],
    ]);
    expect(stats.implausible).toBe(3);
  });

  it('keeps NaN out of the state, so the state stays valid JSON', () => {
    const { state, events } = run(
      rules,
      oneByOne(
        series('hopper_temp', [
          [0, 41],
          [10, Number.NaN],
          [20, Number.POSITIVE_INFINITY],
        ]),
      ),
      {
        restart: true,
      },
    );
    expect(events.map((e) => [e.type, e.value])).toEqual([['raise', null]]);
    expect(state.signals.hopper_temp).toEqual({ ts: at(0), value: 41, okTs: at(0), okValue: 41 });
    expect(state.rules['hopper_temp.impossible']?.open?.count).toBe(2);
  });

  it('keeps the last plausible value for other rules', () => {
    const { state } = run(
      rules,
      oneByOne(
        series('hopper_temp', [
          [0, 41],
          [10, 9999],
        ]),
      ),
    );
    expect(state.signals.hopper_temp).toMatchObject({ value: 9999, okValue: 41 });
  });
});
