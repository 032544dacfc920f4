import { describe, expect, it } from 'vitest';
import { at, brief, compile, rule, run } from './test-support.js';
import type { Reading } from './types.js';

const fanAndAirlock = compile([
  rule({
    id: 'fan_running.airlock_fault',
    name: '风机运行时锁气卸灰故障',
    enabled: true,
    type: 'combination',
    terms: [
      { signal: 'fan_running', op: 'eq', value: 1 },
      { signal: 'airlock_fault', op: 'eq', value: 1 },
    ],
    level: 'red',
  }),
]);

/** 'fan@0=1' → a reading. */
const r = (spec: string): Reading => {
  const m = /^(\w+)@(\d+)=(-?[\d.]+)$/.exec(spec);
  if (!m) throw new Error(spec);
  const signal = { fan: 'fan_running', airlock: 'airlock_fault', flow: 'water_flow' }[m[1] as 'fan' | 'airlock' | 'flow'];
  return { signal, ts: at(Number(m[2])), value: Number(m[3]) };
};
const batches = (...specs: string[][]) => specs.map((b) => b.map(r));

describe('combination (fan running AND airlock faulted; max age 2 × 60 s)', () => {
  it.each<[string, string[][], string[]]>([
    ['both true in one batch', [['fan@0=1', 'airlock@0=1']], ['raise red @0']],
    ['order within the batch does not matter', [['airlock@0=1', 'fan@0=1']], ['raise red @0']],
    ['one term false', [['fan@0=1', 'airlock@0=0']], []],
    [
      'fault while running, then the fan stops',
      [['fan@0=1', 'airlock@0=0'], ['airlock@30=1'], ['fan@60=0']],
      ['raise red @30', 'clear @60'],
    ],
    ['fault cleared while the fan runs', [['fan@0=1', 'airlock@0=1'], ['airlock@10=0']], ['raise red @0', 'clear @10']],
    ['a term never reported never holds', [['airlock@0=1'], ['airlock@60=1']], []],
    ['fan value 120 s old still counts', [['fan@0=1'], ['airlock@120=1']], ['raise red @120']],
    ['fan value 121 s old is stale: no alarm on it', [['fan@0=1'], ['airlock@121=1']], []],
    [
      'an open combination clears when a term goes stale',
      [['fan@0=1', 'airlock@0=1'], ['airlock@100=1'], ['airlock@121=1']],
      ['raise red @0', 'clear @121'],
    ],
    ['an impossible fan value (2) is not "running"', [['fan@0=2', 'airlock@0=1']], []],
  ])('%s', (_name, input, expected) => {
    expect(brief(run(fanAndAirlock, batches(...input)).events)).toEqual(expected);
  });

  it('supports lte with a custom max age (fan running while circulation water stops)', () => {
    const wet = compile([
      rule({
        id: 'fan_running.water_flow_stopped',
        name: '风机运行时循环水中断',
        enabled: true,
        type: 'combination',
        terms: [
          { signal: 'fan_running', op: 'eq', value: 1 },
          { signal: 'water_flow', op: 'lte', value: 0.5 },
        ],
        maxAgeS: 30,
        level: 'red',
      }),
    ]);
    const { events } = run(wet, batches(['fan@0=1', 'flow@0=3'], ['flow@20=0.5'], ['flow@31=0.2'], ['fan@40=1'], ['flow@50=2']));
    expect(brief(events)).toEqual(['raise red @20', 'clear @31', 'raise red @40', 'clear @50']);
    expect(events[0]).toMatchObject({ kind: 'combination', signal: null, value: null });
  });
});
