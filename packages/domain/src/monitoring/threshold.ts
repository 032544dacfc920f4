import type { CompiledThreshold } from './compile.js';
import { changeLevel, closeCondition, openCondition } from './conditions.js';
import type { RuleEvent, RuleTrack } from './types.js';

/**
 * Threshold with levels. The target is the most severe level whose bound the value reaches (bounds inclusive).
 * Hysteresis: a level the open condition already holds is kept while the value is within `deadband` of its bound,
 * so a value jittering around a bound neither flaps between levels nor clears and re-raises. Going up is immediate.
 * An escalation is a re-trigger (count + 1); a de-escalation only changes the level.
 */
export function evaluateThreshold(rule: CompiledThreshold, track: RuleTrack, ts: number, value: number, events: RuleEvent[]): void {
  const { bounds, levels, high, deadband } = rule;
  let target = -1;
  for (let k = bounds.length - 1; k >= 0; k--) {
    const bound = bounds[k] as number;
    if (high ? value >= bound : value <= bound) {
      target = k;
      break;
    }
  }

  const open = track.open;
  if (open === null) {
    if (target >= 0) openCondition(events, track, rule, levels[target] as (typeof levels)[number], ts, value, value);
    return;
  }

  // -1 when the level is no longer part of the rule (the rule was edited): no hysteresis to honour then.
  const current = levels.indexOf(open.level);
  for (let k = current; k > target; k--) {
    const bound = bounds[k] as number;
    if (high ? value >= bound - deadband : value <= bound + deadband) {
      target = k;
      break;
    }
  }

  if (target < 0) {
    closeCondition(events, track, rule, ts, value);
    return;
  }
  if (open.peak === null || (high ? value > open.peak : value < open.peak)) open.peak = value;
  const level = levels[target] as (typeof levels)[number];
  if (level !== open.level) changeLevel(events, track, rule, level, target > current, ts, value);
}
