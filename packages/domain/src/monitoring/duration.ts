import type { CompiledDuration } from './compile.js';
import { closeCondition, openCondition } from './conditions.js';
import type { RuleEvent, RuleTrack } from './types.js';

/**
 * "Beyond the bound for holdMs, continuously". A run is a sequence of crossing readings with no gap between
 * consecutive ones longer than maxGapMs. The condition opens at the first crossing reading whose ts is at least
 * holdMs after the run's first one (exactly holdMs opens; holdMs − 1 s does not). A non-crossing reading ends the
 * run and clears an open condition. A gap only restarts the run: an open condition stays open while the readings
 * after the gap still cross (whether the device was silent is the offline rule's business).
 */
export function evaluateDuration(rule: CompiledDuration, track: RuleTrack, ts: number, value: number, events: RuleEvent[]): void {
  const crossing = rule.high ? value >= rule.bound : value <= rule.bound;
  if (!crossing) {
    track.runStart = null;
    track.runLast = null;
    if (track.open !== null) closeCondition(events, track, rule, ts, value);
    return;
  }

  if (track.runStart === null || track.runLast === null || ts - track.runLast > rule.maxGapMs) track.runStart = ts;
  track.runLast = ts;

  const open = track.open;
  if (open !== null) {
    if (open.peak === null || (rule.high ? value > open.peak : value < open.peak)) open.peak = value;
  } else if (ts - track.runStart >= rule.holdMs) {
    openCondition(events, track, rule, rule.level, ts, value, value);
  }
}
