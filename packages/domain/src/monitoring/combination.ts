import type { CompiledCombination } from './compile.js';
import { closeCondition, openCondition } from './conditions.js';
import type { RuleEvent, RuleTrack, SignalTrack } from './types.js';

/**
 * All terms hold at `ts`, each on its signal's latest plausible value. A signal never seen, or last seen more than
 * maxAgeMs before `ts`, is unknown and its term does not hold — a combination never fires on stale data. Evaluated
 * on every reading of any of its signals, so it opens and clears at the reading that makes the difference.
 */
export function evaluateCombination(
  rule: CompiledCombination,
  track: RuleTrack,
  ts: number,
  signals: Record<string, SignalTrack>,
  events: RuleEvent[],
): void {
  let holds = true;
  for (const term of rule.terms) {
    const s = signals[term.signal];
    if (s === undefined || s.okTs === null || s.okValue === null || ts - s.okTs > rule.maxAgeMs) {
      holds = false;
      break;
    }
    const v = s.okValue;
    const ok =
      term.op === 'eq' ? v === term.value : term.op === 'ne' ? v !== term.value : term.op === 'gte' ? v >= term.value : v <= term.value;
    if (!ok) {
      holds = false;
      break;
    }
  }
  if (holds && track.open === null) openCondition(events, track, rule, rule.level, ts, null, null);
  else if (!holds && track.open !== null) closeCondition(events, track, rule, ts, null);
}
