import {
  ALARM_LEVEL_RANK,
  type AlarmKind,
  type AlarmLevel,
  type CombinationTerm,
  RULE_KIND_BY_TYPE,
  type RuleDefinition,
  SIGNALS,
} from '@zhiben/contracts';

/**
 * Rule definitions turned into what the hot path needs: times in ms, defaults filled in, threshold levels sorted by
 * severity, and an index by signal so that a reading only visits the rules of its own signal. Compile once per
 * device configuration (profile defaults + overrides + reporting interval) and reuse for every batch.
 */

interface Base {
  /** Position in `CompiledRuleSet.rules`. */
  index: number;
  id: string;
  kind: AlarmKind;
  /** The rule's signal; null for combination and offline rules. */
  signal: string | null;
}

export interface CompiledThreshold extends Base {
  type: 'threshold';
  high: boolean;
  /** Least to most severe; `bounds[k]` belongs to `levels[k]`. */
  levels: AlarmLevel[];
  bounds: number[];
  deadband: number;
}

export interface CompiledDuration extends Base {
  type: 'duration';
  high: boolean;
  bound: number;
  holdMs: number;
  maxGapMs: number;
  level: AlarmLevel;
}

export interface CompiledRateOfChange extends Base {
  type: 'rate_of_change';
  rise: boolean;
  fall: boolean;
  delta: number;
  windowMs: number;
  clearAfterMs: number;
  level: AlarmLevel;
}

export interface CompiledCombination extends Base {
  type: 'combination';
  terms: CombinationTerm[];
  maxAgeMs: number;
  level: AlarmLevel;
}

export interface CompiledOffline extends Base {
  type: 'offline';
  timeoutMs: number;
  level: AlarmLevel;
}

export interface CompiledStuckValue extends Base {
  type: 'stuck_value';
  durationMs: number;
  tolerance: number;
  level: AlarmLevel;
}

export interface CompiledImpossibleValue extends Base {
  type: 'impossible_value';
  level: AlarmLevel;
}

export type CompiledRule =
  | CompiledThreshold
  | CompiledDuration
  | CompiledRateOfChange
  | CompiledCombination
  | CompiledOffline
  | CompiledStuckValue
  | CompiledImpossibleValue;

/** A reading is possible when finite, within [min, max], and (binary, counter) an integer. */
export interface Plausibility {
  min: number;
  max: number;
  integer: boolean;
}

export interface CompiledRuleSet {
  rules: CompiledRule[];
  /** Rules visited by a reading of the signal: its own rules plus combinations that name it. */
  bySignal: Map<string, CompiledRule[]>;
  offline: CompiledOffline[];
  plausible: Map<string, Plausibility>;
  reportingIntervalMs: number;
}

export interface CompileOptions {
  /** The device's reporting interval (the profile's default unless the device has its own). */
  reportingIntervalS: number;
}

/** Disabled rules are left out. Throws on a programming error (duplicate id, bad interval); definitions are assumed
 * to have passed `ruleSetSchema` at the boundary. */
export function compileRules(definitions: readonly RuleDefinition[], options: CompileOptions): CompiledRuleSet {
  if (!(options.reportingIntervalS > 0)) throw new Error(`reporting interval must be positive: ${options.reportingIntervalS}`);
  const intervalMs = options.reportingIntervalS * 1000;
  const rules: CompiledRule[] = [];
  const bySignal = new Map<string, CompiledRule[]>();
  const offline: CompiledOffline[] = [];
  const ids = new Set<string>();
  const attach = (signal: string, rule: CompiledRule) => {
    const list = bySignal.get(signal);
    if (list === undefined) bySignal.set(signal, [rule]);
    else if (!list.includes(rule)) list.push(rule);
  };

  for (const def of definitions) {
    if (ids.has(def.id)) throw new Error(`duplicate rule id ${def.id}`);
    ids.add(def.id);
    if (!def.enabled) continue;
    const rule = compileOne(def, rules.length, intervalMs);
    rules.push(rule);
    if (rule.type === 'offline') offline.push(rule);
    else if (rule.type === 'combination') for (const term of rule.terms) attach(term.signal, rule);
    else if (rule.signal !== null) attach(rule.signal, rule);
  }

  const plausible = new Map<string, Plausibility>();
  for (const [code, spec] of Object.entries(SIGNALS)) {
    plausible.set(code, { min: spec.plausible.min, max: spec.plausible.max, integer: spec.valueType !== 'analog' });
  }
  return { rules, bySignal, offline, plausible, reportingIntervalMs: intervalMs };
}

function compileOne(def: RuleDefinition, index: number, intervalMs: number): CompiledRule {
  const kind = RULE_KIND_BY_TYPE[def.type];
  switch (def.type) {
    case 'threshold': {
      const sorted = [...def.levels].sort((a, b) => ALARM_LEVEL_RANK[a.level] - ALARM_LEVEL_RANK[b.level]);
      return {
        type: 'threshold',
        index,
        id: def.id,
        kind,
        signal: def.signal,
        high: def.direction === 'high',
        levels: sorted.map((l) => l.level),
        bounds: sorted.map((l) => l.bound),
        deadband: def.deadband,
      };
    }
    case 'duration':
      return {
        type: 'duration',
        index,
        id: def.id,
        kind,
        signal: def.signal,
        high: def.direction === 'high',
        bound: def.bound,
        holdMs: def.holdS * 1000,
        // One missed report is tolerated; two in a row break the run.
        maxGapMs: def.maxGapS !== undefined ? def.maxGapS * 1000 : 2 * intervalMs,
        level: def.level,
      };
    case 'rate_of_change':
      return {
        type: 'rate_of_change',
        index,
        id: def.id,
        kind,
        signal: def.signal,
        rise: def.direction !== 'fall',
        fall: def.direction !== 'rise',
        delta: def.delta,
        windowMs: def.windowS * 1000,
        clearAfterMs: (def.clearAfterS ?? def.windowS) * 1000,
        level: def.level,
      };
    case 'combination':
      return {
        type: 'combination',
        index,
        id: def.id,
        kind,
        signal: null,
        terms: def.terms.map((t) => ({ ...t })),
        maxAgeMs: def.maxAgeS !== undefined ? def.maxAgeS * 1000 : 2 * intervalMs,
        level: def.level,
      };
    case 'offline':
      return { type: 'offline', index, id: def.id, kind, signal: null, timeoutMs: def.missedIntervals * intervalMs, level: def.level };
    case 'stuck_value':
      return {
        type: 'stuck_value',
        index,
        id: def.id,
        kind,
        signal: def.signal,
        durationMs: def.durationS * 1000,
        tolerance: def.tolerance,
        level: def.level,
      };
    case 'impossible_value':
      return { type: 'impossible_value', index, id: def.id, kind, signal: def.signal, level: def.level };
  }
}

export function isPlausible(p: Plausibility | undefined, value: number): boolean {
  if (!Number.isFinite(value)) return false;
  if (p === undefined) return true;
  return value >= p.min && value <= p.max && (!p.integer || Number.isInteger(value));
}
