import { evaluateCombination } from './combination.js';
import { type CompiledRuleSet, isPlausible } from './compile.js';
import { evaluateImpossibleValue, evaluateStuckValue } from './data-quality.js';
import { evaluateDuration } from './duration.js';
import { evaluateOffline } from './offline.js';
import { evaluateRateOfChange } from './rate-of-change.js';
import { cloneState, newTrack } from './state.js';
import { evaluateThreshold } from './threshold.js';
import type { DeviceRuleState, EvaluateResult, Reading, RuleEvent, RuleTrack, SignalTrack } from './types.js';

/**
 * Evaluates one batch of one device's readings against its compiled rules. Pure: no I/O, no clock — time comes from
 * the readings' own timestamps, and `now` (the caller's clock) is used only for offline rules. The input state is
 * not modified; the returned state is a fresh copy (one structural copy per call, none per reading), so a batch
 * whose commit fails can be retried from the old state.
 *
 * Ordering policy, per signal:
 * - The batch is processed in ts order (stable: equal ts keep arrival order). Within a batch, order does not matter.
 * - A reading with the same ts and value as the last processed reading of its signal is a duplicate: ignored
 *   (`stats.duplicates`). Only the last reading per signal is remembered, so a repeat of an older reading counts as
 *   late (below); storage's (device, signal, ts) key is what drops it there.
 * - A reading older than the last processed reading of its signal (or as old, with another value: first one wins, as
 *   in storage's (device, signal, ts) key) is late: it is stored by the caller but not applied to rule state
 *   (`stats.late`). Duration, rate and stuck-value state is a left-to-right scan whose events were already emitted;
 *   replaying the past would retract or reorder them.
 * - A reading outside the signal's physical range goes to impossible-value rules only (`stats.implausible`): a
 *   broken sensor raises 数据异常, never a process alarm, and does not reset duration runs or stuck-value runs.
 *
 * Cost: O(readings × rules of that reading's signal), plus O(n log n) only when the batch arrives unsorted.
 */
export function evaluate(state: DeviceRuleState, readings: readonly Reading[], rules: CompiledRuleSet, now: number): EvaluateResult {
  const next = cloneState(state);
  const events: RuleEvent[] = [];
  const stats = { applied: 0, duplicates: 0, late: 0, implausible: 0 };
  const tracks = bindTracks(next, rules);
  const ordered = isSortedByTs(readings) ? readings : [...readings].sort(byTs);

  for (const reading of ordered) {
    const { signal, ts, value } = reading;
    if (next.lastSeen === null || ts > next.lastSeen) next.lastSeen = ts;

    let track = next.signals[signal];
    if (track !== undefined && ts <= track.ts) {
      if (ts === track.ts && value === track.value) stats.duplicates++;
      else stats.late++;
      continue;
    }

    const plausible = isPlausible(rules.plausible.get(signal), value);
    // NaN / ±Infinity would not survive JSON (they become null): such a reading reaches the impossible-value rules
    // but leaves no trace in the state.
    if (Number.isFinite(value)) {
      if (track === undefined) {
        track = { ts, value, okTs: null, okValue: null } satisfies SignalTrack;
        next.signals[signal] = track;
      } else {
        track.ts = ts;
        track.value = value;
      }
      if (plausible) {
        track.okTs = ts;
        track.okValue = value;
      }
    }
    if (!plausible) stats.implausible++;
    stats.applied++;

    const visited = rules.bySignal.get(signal);
    if (visited === undefined) continue;
    for (const rule of visited) {
      const t = tracks[rule.index] as RuleTrack;
      switch (rule.type) {
        case 'impossible_value':
          evaluateImpossibleValue(rule, t, ts, value, plausible, events);
          break;
        case 'combination':
          evaluateCombination(rule, t, ts, next.signals, events);
          break;
        case 'offline':
          break;
        default:
          if (!plausible) break;
          if (rule.type === 'threshold') evaluateThreshold(rule, t, ts, value, events);
          else if (rule.type === 'duration') evaluateDuration(rule, t, ts, value, events);
          else if (rule.type === 'rate_of_change') evaluateRateOfChange(rule, t, ts, value, events);
          else evaluateStuckValue(rule, t, ts, value, events);
      }
    }
  }

  for (const rule of rules.offline) evaluateOffline(rule, tracks[rule.index] as RuleTrack, next, now, events);
  return { state: next, events, stats };
}

/**
 * The track of each compiled rule, by rule index (one lookup per rule per call instead of per reading). A missing
 * track is created; a track left by a rule of another type under the same id is replaced — callers should have
 * cleared it with `retireRules` when the rules changed.
 */
function bindTracks(state: DeviceRuleState, rules: CompiledRuleSet): RuleTrack[] {
  const tracks = new Array<RuleTrack>(rules.rules.length);
  for (const rule of rules.rules) {
    let track = state.rules[rule.id];
    if (track === undefined || track.type !== rule.type) {
      track = newTrack(rule.type);
      state.rules[rule.id] = track;
    }
    tracks[rule.index] = track;
  }
  return tracks;
}

function isSortedByTs(readings: readonly Reading[]): boolean {
  for (let i = 1; i < readings.length; i++) if ((readings[i] as Reading).ts < (readings[i - 1] as Reading).ts) return false;
  return true;
}

const byTs = (a: Reading, b: Reading) => a.ts - b.ts;
