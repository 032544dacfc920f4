import type { CompiledRateOfChange } from './compile.js';
import { closeCondition, openCondition, retrigger } from './conditions.js';
import type { RuleEvent, RuleTrack } from './types.js';

/**
 * Most pairs kept in a window deque. Only reached with readings far faster than the window (or a long monotonic
 * ramp); dropping the oldest pair can then miss a jump spread over the whole window, never invent one.
 */
export const MAX_WINDOW_POINTS = 256;

/**
 * A jump: within the last windowMs (inclusive) the value rose by at least delta above the window's minimum, or fell
 * by at least delta below its maximum. Minimum and maximum come from monotonic deques (amortised O(1) per reading,
 * no allocation: flat number arrays reused in place). After a jump the window restarts at the jump's reading, so a
 * value that stays up is one jump, not one per reading; a further jump while open is a re-trigger (count + 1, peak =
 * largest jump). The condition clears at the first reading at least clearAfterMs after the last jump that is not a
 * jump itself.
 */
export function evaluateRateOfChange(rule: CompiledRateOfChange, track: RuleTrack, ts: number, value: number, events: RuleEvent[]): void {
  if (track.lows === null) track.lows = [];
  if (track.highs === null) track.highs = [];
  const lows = track.lows;
  const highs = track.highs;
  const cutoff = ts - rule.windowMs;
  evict(lows, cutoff);
  evict(highs, cutoff);

  let jump = 0;
  if (rule.rise && lows.length > 0) jump = Math.max(jump, value - (lows[1] as number));
  if (rule.fall && highs.length > 0) jump = Math.max(jump, (highs[1] as number) - value);

  if (jump >= rule.delta) {
    lows.length = 0;
    highs.length = 0;
    lows.push(ts, value);
    highs.push(ts, value);
    track.lastTrigger = ts;
    const open = track.open;
    if (open === null) openCondition(events, track, rule, rule.level, ts, value, jump);
    else retrigger(events, track, rule, ts, value, Math.max(open.peak ?? 0, jump));
    return;
  }

  pushMonotonic(lows, ts, value, true);
  pushMonotonic(highs, ts, value, false);
  if (track.open !== null && track.lastTrigger !== null && ts - track.lastTrigger >= rule.clearAfterMs) {
    closeCondition(events, track, rule, ts, value);
  }
}

/** Drops pairs older than the cutoff from the front, in place. */
function evict(deque: number[], cutoff: number): void {
  let i = 0;
  while (i < deque.length && (deque[i] as number) < cutoff) i += 2;
  if (i > 0) {
    deque.copyWithin(0, i);
    deque.length -= i;
  }
}

/** Keeps values increasing (min deque) or decreasing (max deque) from front to back. */
function pushMonotonic(deque: number[], ts: number, value: number, min: boolean): void {
  while (deque.length > 0) {
    const last = deque[deque.length - 1] as number;
    if (min ? last >= value : last <= value) deque.length -= 2;
    else break;
  }
  deque.push(ts, value);
  if (deque.length > 2 * MAX_WINDOW_POINTS) {
    deque.copyWithin(0, 2);
    deque.length -= 2;
  }
}
