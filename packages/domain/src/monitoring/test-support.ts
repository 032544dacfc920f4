import { type RuleDefinition, ruleDefinitionSchema } from '@zhiben/contracts';
import { type CompiledRuleSet, compileRules } from './compile.js';
import { evaluate } from './evaluate.js';
import { createDeviceState } from './state.js';
import { decodeState, encodeState } from './state-codec.js';
import type { DeviceRuleState, EvaluateStats, Reading, RuleEvent } from './types.js';

/** Helpers for the monitoring tests (not exported from the package). */

/** 2025-01-01T00:00:00Z; tests speak in seconds after it. */
export const T0 = Date.UTC(2025, 0, 1);
export const at = (seconds: number) => T0 + seconds * 1000;

/** A rule definition checked against the contract schema, so tests never run on rules the API would refuse. */
export function rule(input: unknown): RuleDefinition {
  return ruleDefinitionSchema.parse(input);
}

export function compile(rules: readonly RuleDefinition[], reportingIntervalS = 60): CompiledRuleSet {
  return compileRules(rules, { reportingIntervalS });
}

/** [seconds, value] pairs of one signal. */
export function series(signal: string, points: readonly (readonly [number, number])[]): Reading[] {
  return points.map(([s, value]) => ({ signal, ts: at(s), value }));
}

export interface RunOptions {
  /** `now` for each batch in seconds; default: the batch's latest reading (no offline surprises). */
  nowS?: (batch: readonly Reading[], index: number) => number;
  /** Store the state as the server does (encodeState → JSON → decodeState) between batches: a restart. */
  restart?: boolean;
  startS?: number;
}

export interface RunResult {
  events: RuleEvent[];
  state: DeviceRuleState;
  stats: EvaluateStats;
}

/** Feeds the batches through `evaluate` one after another and collects everything. */
export function run(rules: CompiledRuleSet, batches: readonly (readonly Reading[])[], options: RunOptions = {}): RunResult {
  let state = createDeviceState(at(options.startS ?? 0));
  const events: RuleEvent[] = [];
  const stats: EvaluateStats = { applied: 0, duplicates: 0, late: 0, implausible: 0 };
  batches.forEach((batch, i) => {
    const latest = batch.reduce((m, r) => Math.max(m, r.ts), state.lastSeen ?? state.startedAt);
    const now = options.nowS ? at(options.nowS(batch, i)) : latest;
    const result = evaluate(state, batch, rules, now);
    events.push(...result.events);
    for (const key of Object.keys(stats) as (keyof EvaluateStats)[]) stats[key] += result.stats[key];
    if (options.restart) {
      const restored = decodeState(JSON.parse(JSON.stringify(encodeState(result.state))), now);
      if (restored.fresh) throw new Error('the stored state could not be read back');
      state = restored.state;
    } else {
      state = result.state;
    }
  });
  return { events, state, stats };
}

/** Each reading in its own batch. */
export const oneByOne = (readings: readonly Reading[]): Reading[][] => readings.map((r) => [r]);

/**
 * Events in a compact, readable form: 'raise yellow @60 v=61', 'update orange<yellow @70 n=2', 'clear @90'.
 * Times are seconds after T0.
 */
export function brief(events: readonly RuleEvent[]): string[] {
  return events.map((e) => {
    const t = `@${(e.ts - T0) / 1000}`;
    if (e.type === 'raise') return `raise ${e.level} ${t}`;
    if (e.type === 'update') return `update ${e.level}${e.previousLevel ? `<${e.previousLevel}` : ''} ${t} n=${e.count}`;
    return `clear ${t}`;
  });
}
