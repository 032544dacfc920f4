import type { CompiledOffline } from './compile.js';
import { closeCondition, openCondition } from './conditions.js';
import type { DeviceRuleState, RuleEvent, RuleTrack } from './types.js';

/**
 * Offline is a function of `now` and the latest reading of any signal (before the first reading: of `startedAt`).
 * Silent for at least timeoutMs → open, dated at the moment the silence reached the limit (lastSeen + timeoutMs),
 * so the date does not depend on how often the server sweeps. It is checked once per `evaluate`, after the batch, so
 * a batch of back-filled old readings that still leaves the device silent does not clear and re-raise it. Clears, at
 * the latest reading, once that reading is less than timeoutMs before `now`. value / peak: seconds of silence.
 */
export function evaluateOffline(rule: CompiledOffline, track: RuleTrack, state: DeviceRuleState, now: number, events: RuleEvent[]): void {
  const since = state.lastSeen ?? state.startedAt;
  const silentMs = now - since;
  const open = track.open;
  if (silentMs >= rule.timeoutMs) {
    const silentS = Math.floor(silentMs / 1000);
    if (open === null) openCondition(events, track, rule, rule.level, since + rule.timeoutMs, silentS, silentS);
    else open.peak = Math.max(open.peak ?? 0, silentS);
  } else if (open !== null) {
    closeCondition(events, track, rule, Math.max(state.lastSeen ?? now, open.openedAt), null);
  }
}
