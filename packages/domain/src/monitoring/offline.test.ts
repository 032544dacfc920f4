import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.js';
import { createDeviceState } from './state.js';
import { at, brief, compile, rule } from './test-support.js';
import type { DeviceRuleState, Reading, RuleEvent } from './types.js';

// Reporting every 60 s, offline after 5 missed reports = 300 s.
const offline = compile(
  [rule({ id: 'offline', name: '设备离线', enabled: true, type: 'offline', missedIntervals: 5, level: 'yellow' })],
  60,
);

/** Steps of [now in s, readings (s, value) of hopper_temp]; returns all events. */
function steps(
  list: [number, number[]][],
  state: DeviceRuleState = createDeviceState(at(0)),
): { events: RuleEvent[]; state: DeviceRuleState } {
  const events: RuleEvent[] = [];
  for (const [now, times] of list) {
    const readings: Reading[] = times.map((s) => ({ signal: 'hopper_temp', ts: at(s), value: 40 + s / 1000 }));
    const result = evaluate(state, readings, offline, at(now));
    events.push(...result.events);
    state = result.state;
  }
  return { events, state };
}

describe('offline (no data for 5 × 60 s, judged by now)', () => {
  it.each<[string, [number, number[]][], string[]]>([
    ['a new device silent for 299 s is not offline yet', [[299, []]], []],
    [
      '…at 300 s it is, dated at 300 s',
      [
        [299, []],
        [300, []],
      ],
      ['raise yellow @300'],
    ],
    [
      'dated at the limit, however late the sweep',
      [
        [100, [100]],
        [1000, []],
      ],
      ['raise yellow @400'],
    ],
    [
      'one raise, however many sweeps',
      [
        [400, [100]],
        [500, []],
        [900, []],
      ],
      ['raise yellow @400'],
    ],
    [
      'a fresh reading clears it at the reading',
      [
        [400, [100]],
        [1000, [990]],
      ],
      ['raise yellow @400', 'clear @990'],
    ],
    [
      'back-filled old readings that leave it silent change nothing',
      [
        [400, [100]],
        [1000, [150, 200]],
      ],
      ['raise yellow @400'],
    ],
    [
      'regular reports keep it online',
      [
        [60, [60]],
        [120, [120]],
        [180, [180]],
        [400, [350]],
      ],
      [],
    ],
  ])('%s', (_name, list, expected) => {
    expect(brief(steps(list).events)).toEqual(expected);
  });

  it('reports the silence in seconds and keeps the longest as the peak', () => {
    const { events, state } = steps([
      [400, [100]],
      [1000, []],
    ]);
    expect(events[0]).toMatchObject({ kind: 'offline', value: 300, peak: 300, signal: null });
    expect(state.rules.offline?.open?.peak).toBe(900);
  });
});
