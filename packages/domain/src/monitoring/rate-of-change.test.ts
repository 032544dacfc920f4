import { describe, expect, it } from 'vitest';
import { MAX_WINDOW_POINTS } from './rate-of-change.js';
import { brief, compile, oneByOne, rule, run, series } from './test-support.js';

const jump = (direction: 'rise' | 'fall' | 'either', clearAfterS?: number) =>
  compile([
    rule({
      id: 'diff_pressure.jump',
      name: '压差突变',
      enabled: true,
      type: 'rate_of_change',
      signal: 'diff_pressure',
      direction,
      delta: 500,
      windowS: 60,
      ...(clearAfterS !== undefined && { clearAfterS }),
      level: 'yellow',
    }),
  ]);

const points = (pairs: [number, number][]) => oneByOne(series('diff_pressure', pairs));

describe('rate of change (ΔP ≥ 500 Pa within 60 s)', () => {
  it.each<[string, 'rise' | 'fall' | 'either', [number, number][], string[]]>([
    [
      '499 Pa is not a jump',
      'either',
      [
        [0, 1000],
        [10, 1499],
      ],
      [],
    ],
    [
      '500 Pa within the window is',
      'either',
      [
        [0, 1000],
        [10, 1500],
      ],
      ['raise yellow @10'],
    ],
    [
      'exactly at the window edge counts',
      'either',
      [
        [0, 1000],
        [60, 1500],
      ],
      ['raise yellow @60'],
    ],
    [
      'just outside the window does not',
      'either',
      [
        [0, 1000],
        [61, 1500],
      ],
      [],
    ],
    [
      'a slow ramp is not a jump',
      'either',
      [
        [0, 1000],
        [20, 1100],
        [40, 1200],
        [60, 1300],
        [80, 1400],
        [100, 1500],
      ],
      [],
    ],
    [
      'measured from the window minimum, not the first reading',
      'either',
      [
        [0, 1000],
        [10, 900],
        [20, 1200],
        [30, 1400],
      ],
      ['raise yellow @30'],
    ],
    [
      'a fall counts for "either"',
      'either',
      [
        [0, 1200],
        [10, 700],
      ],
      ['raise yellow @10'],
    ],
    [
      'a fall is ignored for "rise"',
      'rise',
      [
        [0, 1200],
        [10, 700],
      ],
      [],
    ],
    [
      'a rise is ignored for "fall"',
      'fall',
      [
        [0, 700],
        [10, 1200],
      ],
      [],
    ],
    [
      'a step that stays up is one jump; clears a window after it',
      'either',
      [
        [0, 1000],
        [10, 1600],
        [20, 1600],
        [40, 1610],
        [69, 1600],
        [70, 1600],
      ],
      ['raise yellow @10', 'clear @70'],
    ],
    [
      'a further jump while open is a re-trigger',
      'rise',
      [
        [0, 1000],
        [10, 1600],
        [20, 2300],
        [90, 2300],
      ],
      ['raise yellow @10', 'update yellow @20 n=2', 'clear @90'],
    ],
  ])('%s', (_name, direction, pairs, expected) => {
    expect(brief(run(jump(direction), points(pairs)).events)).toEqual(expected);
  });

  it('carries the largest jump as the peak', () => {
    const { events } = run(
      jump('rise'),
      points([
        [0, 1000],
        [10, 1600],
        [20, 2300],
        [30, 2900],
      ]),
    );
    expect(events.map((e) => [e.type, e.count, e.peak])).toEqual([
      ['raise', 1, 600],
      ['update', 2, 700],
      ['update', 3, 700],
    ]);
  });

  it('honours clearAfterS', () => {
    expect(
      brief(
        run(
          jump('rise', 300),
          points([
            [0, 1000],
            [10, 1600],
            [70, 1600],
            [309, 1600],
            [310, 1600],
          ]),
        ).events,
      ),
    ).toEqual(['raise yellow @10', 'clear @310']);
  });

  it('keeps the window deque bounded under a long monotonic ramp', () => {
    const ramp = Array.from({ length: 2000 }, (_, i) => [i * 0.01, 1000 + i * 0.1] as [number, number]);
    const { state, events } = run(jump('rise'), points(ramp));
    expect(events).toEqual([]);
    expect(state.rules['diff_pressure.jump']?.lows?.length).toBeLessThanOrEqual(2 * MAX_WINDOW_POINTS);
  });
});
