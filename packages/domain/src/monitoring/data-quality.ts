import type { CompiledImpossibleValue, CompiledStuckValue } from './compile.js';
import { closeCondition, openCondition } from './conditions.js';
import type { RuleEvent, RuleTrack } from './types.js';

/**
 * 数据异常 — stuck value: every plausible reading stays within `tolerance` of the value the run started with
 * (compared with the start, not the previous reading, so a slow drift is not "stuck") for at least durationMs.
 * Opens at the reading that reaches durationMs; clears at the first reading that differs. peak: seconds stuck.
 */
export function evaluateStuckValue(rule: CompiledStuckValue, track: RuleTrack, ts: number, value: number, events: RuleEvent[]): void {
  if (track.anchor === null || track.runStart === null || Math.abs(value - track.anchor) > rule.tolerance) {
    track.anchor = value;
    track.runStart = ts;
    if (track.open !== null) closeCondition(events, track, rule, ts, value);
    return;
  }
  const stuckMs = ts - track.runStart;
  if (stuckMs < rule.durationMs) return;
  const open = track.open;
  if (open === null) openCondition(events, track, rule, rule.level, ts, value, stuckMs / 1000);
  else open.peak = stuckMs / 1000;
}

/**
 * 数据异常 — impossible value: a reading outside the signal's physical range. Opens at the first one; each further
 * impossible reading while open adds to `count` (reported with the clear, no event each time, so a dead sensor
 * sending every second does not flood the alarm log); clears at the first plausible reading. peak: the most recent
 * impossible value.
 */
export function evaluateImpossibleValue(
  rule: CompiledImpossibleValue,
  track: RuleTrack,
  ts: number,
  value: number,
  plausible: boolean,
  events: RuleEvent[],
): void {
  const open = track.open;
  if (!plausible) {
    const peak = Number.isFinite(value) ? value : null;
    if (open === null) openCondition(events, track, rule, rule.level, ts, peak, peak);
    else {
      open.count += 1;
      open.peak = peak;
    }
  } else if (open !== null) {
    closeCondition(events, track, rule, ts, value);
  }
}
