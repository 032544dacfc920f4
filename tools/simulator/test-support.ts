import { DEVICE_PROFILES, PROFILE_OF_COLLECTOR, type SignalCode } from '@zhiben/contracts';
import { compileRules, createDeviceState, evaluate, type Reading, type RuleEvent } from '@zhiben/domain';
import type { CollectorKind } from './model.js';
import type { SeriesPoint } from './series.js';

/** Helpers for the simulator's tests: the real rule engine with the DEFAULT rules of a profile. */

export const DRY_SIGNALS: SignalCode[] = ['hopper_temp', 'diff_pressure', 'airlock_fault', 'fan_running', 'spark_count', 'pulse_pressure'];
export const WET_SIGNALS: SignalCode[] = ['water_level', 'water_flow', 'fan_running'];

export const dryDevice = (key = '91140404MA0DEM1X2U/DC01') => ({ key, kind: 'dry' as const, signals: DRY_SIGNALS });
export const wetDevice = (key = '91140404MA0DEM1X2U/DC09') => ({ key, kind: 'wet' as const, signals: WET_SIGNALS });

/** A Monday, 00:00 Asia/Shanghai. */
export const MONDAY = Date.UTC(2025, 2, 2, 16);
export const MINUTE = 60_000;
export const HOUR = 3_600_000;

export function readingsOf(point: SeriesPoint): Reading[] {
  if (!point.values) return [];
  return Object.entries(point.values).map(([signal, value]) => ({ signal, ts: point.ts, value: value as number }));
}

/**
 * Feeds a series through `evaluate` one reading time at a time with the profile's default rules, as the ingest path
 * does; a silent point (offline) is an evaluation with no readings at that moment, as the offline sweep does.
 */
export function defaultRuleEvents(kind: CollectorKind, points: readonly SeriesPoint[], reportingIntervalS: number): RuleEvent[] {
  const rules = compileRules(
    DEVICE_PROFILES[PROFILE_OF_COLLECTOR[kind]].rules.map((r) => r.rule),
    { reportingIntervalS },
  );
  let state = createDeviceState(points[0]?.ts ?? 0);
  const events: RuleEvent[] = [];
  for (const point of points) {
    const result = evaluate(state, readingsOf(point), rules, point.ts);
    state = result.state;
    events.push(...result.events);
  }
  return events;
}

export const raisedRules = (events: readonly RuleEvent[]) =>
  [...new Set(events.filter((e) => e.type === 'raise').map((e) => e.ruleId))].sort();
