import type { AlarmKind, AlarmLevel } from '@zhiben/contracts';
import type { RuleEvent, RuleTrack } from './types.js';

/** What an event needs to know about its rule. */
export interface RuleRef {
  id: string;
  kind: AlarmKind;
  signal: string | null;
}

/**
 * The open-condition bookkeeping shared by every rule type: one open condition per (device, rule), opened by
 * `openCondition`, changed by `changeLevel` / `retrigger`, closed by `closeCondition`. Objects are allocated only
 * here, i.e. when something happens, never for a quiet reading.
 */

function emit(
  events: RuleEvent[],
  type: RuleEvent['type'],
  rule: RuleRef,
  track: RuleTrack,
  previousLevel: AlarmLevel | null,
  ts: number,
  value: number | null,
) {
  const open = track.open;
  if (open === null) throw new Error(`no open condition for rule ${rule.id}`);
  events.push({
    type,
    ruleId: rule.id,
    kind: rule.kind,
    level: open.level,
    previousLevel,
    signal: rule.signal,
    ts,
    value,
    count: open.count,
    peak: open.peak,
    openedAt: open.openedAt,
  });
}

export function openCondition(
  events: RuleEvent[],
  track: RuleTrack,
  rule: RuleRef,
  level: AlarmLevel,
  ts: number,
  value: number | null,
  peak: number | null,
): void {
  track.open = { level, openedAt: ts, count: 1, peak };
  emit(events, 'raise', rule, track, null, ts, value);
}

/** A level change of an open condition; an escalation also counts as a re-trigger. */
export function changeLevel(
  events: RuleEvent[],
  track: RuleTrack,
  rule: RuleRef,
  level: AlarmLevel,
  escalation: boolean,
  ts: number,
  value: number | null,
): void {
  const open = track.open;
  if (open === null) throw new Error(`no open condition for rule ${rule.id}`);
  const previous = open.level;
  open.level = level;
  if (escalation) open.count += 1;
  emit(events, 'update', rule, track, previous, ts, value);
}

/** A discrete re-trigger of an open condition (same level). */
export function retrigger(
  events: RuleEvent[],
  track: RuleTrack,
  rule: RuleRef,
  ts: number,
  value: number | null,
  peak: number | null,
): void {
  const open = track.open;
  if (open === null) throw new Error(`no open condition for rule ${rule.id}`);
  open.count += 1;
  open.peak = peak;
  emit(events, 'update', rule, track, null, ts, value);
}

export function closeCondition(events: RuleEvent[], track: RuleTrack, rule: RuleRef, ts: number, value: number | null): void {
  emit(events, 'clear', rule, track, null, ts, value);
  track.open = null;
}
