import { RULE_KIND_BY_TYPE } from '@zhiben/contracts';
import type { CompiledRuleSet } from './compile.js';
import { closeCondition } from './conditions.js';
import type { DeviceRuleState, OpenCondition, RuleEvent, RuleTrack, SignalTrack } from './types.js';

/** A device seen for the first time: an offline rule counts its silence from `now`. */
export function createDeviceState(now: number): DeviceRuleState {
  return { v: 1, startedAt: now, lastSeen: null, signals: {}, rules: {} };
}

export function newTrack(type: RuleTrack['type']): RuleTrack {
  return { type, open: null, runStart: null, runLast: null, anchor: null, lows: null, highs: null, lastTrigger: null };
}

/**
 * A structural copy, written out by hand (no JSON round trip): `evaluate` works on a copy so that the caller's state
 * is untouched — a batch whose database commit fails can be retried from the state it started with.
 */
export function cloneState(state: DeviceRuleState): DeviceRuleState {
  const signals: Record<string, SignalTrack> = {};
  for (const key in state.signals) {
    const s = state.signals[key] as SignalTrack;
    signals[key] = { ts: s.ts, value: s.value, okTs: s.okTs, okValue: s.okValue };
  }
  const rules: Record<string, RuleTrack> = {};
  for (const key in state.rules) rules[key] = cloneTrack(state.rules[key] as RuleTrack);
  return { v: 1, startedAt: state.startedAt, lastSeen: state.lastSeen, signals, rules };
}

function cloneTrack(t: RuleTrack): RuleTrack {
  const open: OpenCondition | null =
    t.open === null ? null : { level: t.open.level, openedAt: t.open.openedAt, count: t.open.count, peak: t.open.peak };
  return {
    type: t.type,
    open,
    runStart: t.runStart,
    runLast: t.runLast,
    anchor: t.anchor,
    lows: t.lows === null ? null : t.lows.slice(),
    highs: t.highs === null ? null : t.highs.slice(),
    lastTrigger: t.lastTrigger,
  };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isNumOrNull = (v: unknown) => v === null || isNum(v);

/**
 * A state loaded from storage, checked before use. Anything unrecognisable (another version, a damaged row) starts
 * afresh at `now` rather than crashing the ingest worker; the caller should log when `fresh` is true.
 */
export function restoreState(stored: unknown, now: number): { state: DeviceRuleState; fresh: boolean } {
  if (!isRecord(stored) || stored.v !== 1 || !isNum(stored.startedAt) || !isNumOrNull(stored.lastSeen)) {
    return { state: createDeviceState(now), fresh: true };
  }
  const { signals, rules } = stored;
  if (!isRecord(signals) || !isRecord(rules)) return { state: createDeviceState(now), fresh: true };
  for (const s of Object.values(signals)) {
    if (!isRecord(s) || !isNum(s.ts) || !isNum(s.value) || !isNumOrNull(s.okTs) || !isNumOrNull(s.okValue)) {
      return { state: createDeviceState(now), fresh: true };
    }
  }
  for (const t of Object.values(rules)) {
    if (!isRecord(t) || typeof t.type !== 'string' || !(t.open === null || isRecord(t.open)))
      return { state: createDeviceState(now), fresh: true };
  }
  return { state: cloneState(stored as unknown as DeviceRuleState), fresh: false };
}

/**
 * After a device's rules change: open conditions of rules that were removed, disabled or changed type are cleared
 * (at `ts`, value null) and their tracks dropped, so no alarm stays open for a rule that no longer exists. Call it
 * before the first `evaluate` with the new rules. Returns a new state.
 */
export function retireRules(state: DeviceRuleState, rules: CompiledRuleSet, ts: number): { state: DeviceRuleState; events: RuleEvent[] } {
  const next = cloneState(state);
  const events: RuleEvent[] = [];
  const current = new Map(rules.rules.map((r) => [r.id, r.type]));
  for (const [id, track] of Object.entries(next.rules)) {
    if (current.get(id) === track.type) continue;
    if (track.open !== null) closeCondition(events, track, { id, kind: RULE_KIND_BY_TYPE[track.type], signal: null }, ts, null);
    delete next.rules[id];
  }
  return { state: next, events };
}
