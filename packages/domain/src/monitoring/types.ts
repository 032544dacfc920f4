import type { AlarmKind, AlarmLevel, RuleType } from '@zhiben/contracts';

/** One value of one signal of one device. `ts` is the reading's own time (epoch ms), never the arrival time. */
export interface Reading {
  signal: string;
  ts: number;
  value: number;
}

/**
 * What the engine tells the alarm lifecycle. One condition per (device, rule) is open at a time:
 * - `raise`: the condition opened;
 * - `update`: while open, the level changed (threshold) or a discrete re-trigger happened (a further jump of a
 *   rate-of-change rule); `count` and `peak` are the new totals;
 * - `clear`: the condition no longer holds.
 * `count` is 1 at the raise and grows with each re-trigger (threshold escalation, rate jump, further impossible
 * reading). `peak` is the most extreme value while open: the highest (high) or lowest (low) reading, the largest
 * jump, the seconds a value stayed stuck, the seconds a device was silent; null where it means nothing.
 */
export interface RuleEvent {
  type: 'raise' | 'update' | 'clear';
  ruleId: string;
  kind: AlarmKind;
  level: AlarmLevel;
  /** `update` only: the level before the change. */
  previousLevel: AlarmLevel | null;
  /** The rule's signal; null for combination and offline rules. */
  signal: string | null;
  /** When it happened in device time (offline: the moment the silence reached the limit). */
  ts: number;
  /** The reading that caused the event; offline: seconds of silence; combination: null. */
  value: number | null;
  count: number;
  peak: number | null;
  /** ts of the raise that opened this condition. */
  openedAt: number;
}

export interface OpenCondition {
  level: AlarmLevel;
  openedAt: number;
  count: number;
  peak: number | null;
}

/** Per signal: the last processed reading (for ordering and duplicates) and the last plausible one (for rules). */
export interface SignalTrack {
  ts: number;
  value: number;
  okTs: number | null;
  okValue: number | null;
}

/**
 * Per rule. One shape for every rule type (unused fields stay null) so that cloning, persistence and V8's object
 * shapes stay uniform.
 */
export interface RuleTrack {
  type: RuleType;
  open: OpenCondition | null;
  /** duration: first and last crossing reading of the current run. stuck_value: start of the run of equal values. */
  runStart: number | null;
  runLast: number | null;
  /** stuck_value: the value the run started with. */
  anchor: number | null;
  /** rate_of_change: monotonic deques of the window as flat [ts, value, ts, value, …]; `lows` front = window minimum. */
  lows: number[] | null;
  highs: number[] | null;
  /** rate_of_change: ts of the last jump. */
  lastTrigger: number | null;
}

/**
 * Everything the engine remembers about one device, as plain JSON (no Maps, no Infinity, no undefined), so the
 * server can persist it after each batch and continue after a restart exactly where it stopped.
 */
export interface DeviceRuleState {
  v: 1;
  /** When evaluation started; an offline rule counts silence from here until the first reading. */
  startedAt: number;
  /** Latest reading ts of any signal. */
  lastSeen: number | null;
  signals: Record<string, SignalTrack>;
  rules: Record<string, RuleTrack>;
}

/** Per call, for the ingest counters. */
export interface EvaluateStats {
  /** Readings that advanced their signal. */
  applied: number;
  /** Same signal, ts and value as the last processed reading: ignored. */
  duplicates: number;
  /** Older than (or as old as, with another value) the last processed reading of their signal: not applied. */
  late: number;
  /** Outside the signal's physical range: applied to data-quality rules only. */
  implausible: number;
}

export interface EvaluateResult {
  state: DeviceRuleState;
  events: RuleEvent[];
  stats: EvaluateStats;
}
