import { describe, expect, it } from 'vitest';
import { brief, compile, oneByOne, rule, run, series } from './test-support.js';

const above100For60s = (maxGapS?: number, reportingIntervalS = 60) =>
  compile(
    [
      rule({
        id: 'hopper_temp.hot',
        name: '灰斗温度持续偏高',
        enabled: true,
        type: 'duration',
        signal: 'hopper_temp',
        direction: 'high',
        bound: 100,
        holdS: 60,
        ...(maxGapS !== undefined && { maxGapS }),
        level: 'red',
      }),
    ],
    reportingIntervalS,
  );

const points = (pairs: [number, number][]) => oneByOne(series('hopper_temp', pairs));

describe('duration ("≥ 100 ℃ for 60 s", max gap 30 s)', () => {
  it.each<[string, [number, number][], string[]]>([
    [
      'N − 1 s: held 59 s, no alarm',
      [
        [0, 120],
        [30, 120],
        [59, 120],
      ],
      [],
    ],
    [
      'N s exactly: raises at 60 s',
      [
        [0, 120],
        [30, 120],
        [60, 120],
      ],
      ['raise red @60'],
    ],
    [
      'N + 1 s: raises at the first reading past 60 s',
      [
        [0, 120],
        [30, 120],
        [45, 120],
        [61, 120],
      ],
      ['raise red @61'],
    ],
    [
      'the bound itself counts as above',
      [
        [0, 100],
        [30, 100],
        [60, 100],
      ],
      ['raise red @60'],
    ],
    [
      'a value below resets the run',
      [
        [0, 120],
        [20, 99],
        [30, 120],
        [60, 120],
        [90, 120],
      ],
      ['raise red @90'],
    ],
    [
      'a gap > max gap restarts the run',
      [
        [0, 120],
        [31, 120],
        [61, 120],
        [91, 120],
      ],
      ['raise red @91'],
    ],
    [
      'a gap = max gap does not',
      [
        [0, 120],
        [30, 120],
        [60, 120],
      ],
      ['raise red @60'],
    ],
    [
      'clears on the first value below',
      [
        [0, 120],
        [30, 120],
        [60, 120],
        [70, 130],
        [80, 90],
      ],
      ['raise red @60', 'clear @80'],
    ],
    [
      'stays open across a gap while still above',
      [
        [0, 120],
        [30, 120],
        [60, 120],
        [200, 125],
        [210, 99],
      ],
      ['raise red @60', 'clear @210'],
    ],
    [
      'raises again after a clear only after another full hold',
      [
        [0, 120],
        [30, 120],
        [60, 120],
        [70, 90],
        [80, 120],
        [110, 120],
        [139, 120],
        [140, 120],
      ],
      ['raise red @60', 'clear @70', 'raise red @140'],
    ],
  ])('%s', (_name, pairs, expected) => {
    expect(brief(run(above100For60s(30), points(pairs)).events)).toEqual(expected);
  });

  it('defaults the max gap to two reporting intervals', () => {
    const tenSecondDevice = above100For60s(undefined, 10);
    expect(
      brief(
        run(
          tenSecondDevice,
          points([
            [0, 120],
            [20, 120],
            [40, 120],
            [60, 120],
          ]),
        ).events,
      ),
    ).toEqual(['raise red @60']);
    expect(
      brief(
        run(
          tenSecondDevice,
          points([
            [0, 120],
            [21, 120],
            [41, 120],
            [61, 120],
            [81, 120],
          ]),
        ).events,
      ),
    ).toEqual(['raise red @81']);
  });

  it('skips an impossible reading (neither resetting nor extending the run), unlike a real low value', () => {
    const rules = above100For60s(60);
    expect(
      brief(
        run(
          rules,
          points([
            [0, 120],
            [30, 5000],
            [60, 120],
          ]),
        ).events,
      ),
    ).toEqual(['raise red @60']);
    expect(
      brief(
        run(
          rules,
          points([
            [0, 120],
            [30, 50],
            [60, 120],
          ]),
        ).events,
      ),
    ).toEqual([]);
  });

  it('reports the peak and the reading that cleared it', () => {
    const { events } = run(
      above100For60s(30),
      points([
        [0, 120],
        [30, 150],
        [60, 140],
        [90, 130],
        [100, 80],
      ]),
    );
    expect(events.map((e) => [e.type, e.kind, e.value, e.peak])).toEqual([
      ['raise', 'duration', 140, 140],
      ['clear', 'duration', 80, 140],
    ]);
  });

  it('works downwards ("water flow ≤ 0.5 m³/h for 60 s")', () => {
    const flow = compile([
      rule({
        id: 'water_flow.stopped',
        name: '循环水中断',
        enabled: true,
        type: 'duration',
        signal: 'water_flow',
        direction: 'low',
        bound: 0.5,
        holdS: 60,
        level: 'orange',
      }),
    ]);
    const readings = oneByOne(
      series('water_flow', [
        [0, 3],
        [30, 0.4],
        [60, 0.5],
        [90, 0.2],
        [120, 3.1],
      ]),
    );
    expect(brief(run(flow, readings).events)).toEqual(['raise orange @90', 'clear @120']);
  });
});
