import { type BureauRuleLimit, DEVICE_PROFILES, type ProfileCode, type RuleDefinition, type RuleOverride } from '@zhiben/contracts';
import { type Executor, queryRows } from '@zhiben/db';
import { type CompiledRuleSet, compileRules, effectiveRules } from '@zhiben/domain';
import { sql } from 'drizzle-orm';
import { plainArray } from '../telemetry/sql-arrays.js';
import { loadLimits } from './limits.repository.js';

/** What decides a device's rules: its profile and interval, its overrides' revision, the bureau limits' revision. */
export interface RuleConfig {
  profile: string;
  reportingIntervalS: number;
  overridesRev: number;
  limitsRev: number;
}

export interface DeviceRules {
  /** Identifies the configuration; stored with the state so a change is noticed (and old rules retired). */
  key: string;
  compiled: CompiledRuleSet;
  /** Effective definitions by rule id (names, directions), disabled ones included. */
  definitions: ReadonlyMap<string, RuleDefinition>;
  mandatorySignals: readonly string[];
}

export const ruleConfigKey = (c: RuleConfig) => `${c.profile}|${c.reportingIntervalS}|${c.overridesRev}|${c.limitsRev}`;

const isProfile = (p: string): p is ProfileCode => p in DEVICE_PROFILES;

/** A device's effective rules: profile defaults + valid overrides (within the bureau's limits), compiled. */
export function buildDeviceRules(config: RuleConfig, overrides: readonly RuleOverride[], limits: readonly BureauRuleLimit[]): DeviceRules {
  const profile = DEVICE_PROFILES[isProfile(config.profile) ? config.profile : 'other'];
  const { rules } = effectiveRules(profile, overrides, limits);
  return {
    key: ruleConfigKey(config),
    compiled: compileRules(rules, { reportingIntervalS: config.reportingIntervalS }),
    definitions: new Map(rules.map((r) => [r.id, r])),
    mandatorySignals: profile.mandatorySignals,
  };
}

/**
 * Compiled rules per device, cached in memory: the hot path compiles a device's rules once per configuration, not
 * per batch. Validity is checked on every batch against the revisions the state query returns (the caller passes
 * them), so a threshold change made on another instance takes effect with the next batch; `invalidate` drops an
 * entry at once on this instance.
 */
export class RuleCatalog {
  private readonly byDevice = new Map<string, DeviceRules>();
  private limits: { rev: number; items: readonly BureauRuleLimit[] } | undefined;

  invalidate(deviceId: string | null): void {
    if (deviceId === null) this.byDevice.clear();
    else this.byDevice.delete(deviceId);
  }

  /** The rules of each device, compiling (one query for all misses) what is missing or stale. */
  async resolve(db: Executor, devices: readonly { deviceId: string; config: RuleConfig }[]): Promise<Map<string, DeviceRules>> {
    const result = new Map<string, DeviceRules>();
    const misses: { deviceId: string; config: RuleConfig }[] = [];
    for (const d of devices) {
      const hit = this.byDevice.get(d.deviceId);
      if (hit !== undefined && hit.key === ruleConfigKey(d.config)) result.set(d.deviceId, hit);
      else misses.push(d);
    }
    if (misses.length === 0) return result;

    const limitsRev = Math.max(...misses.map((m) => m.config.limitsRev));
    if (this.limits === undefined || this.limits.rev !== limitsRev) {
      const loaded = await loadLimits(db);
      this.limits = { rev: loaded.rev, items: loaded.items };
    }
    const withOverrides = misses.filter((m) => m.config.overridesRev > 0).map((m) => m.deviceId);
    const overrides = new Map<string, RuleOverride[]>();
    if (withOverrides.length > 0) {
      const rows = await queryRows<{ device_id: string; overrides: RuleOverride[] }>(
        db,
        sql`select device_id, overrides from device_rule_overrides where device_id = any(${plainArray(withOverrides)}::uuid[])`,
      );
      for (const r of rows) overrides.set(r.device_id, r.overrides);
    }
    for (const m of misses) {
      // The limits actually loaded decide; their rev goes into the key so a stale one is reloaded next time.
      const config = { ...m.config, limitsRev: this.limits.rev };
      const rules = buildDeviceRules(config, overrides.get(m.deviceId) ?? [], this.limits.items);
      const entry = { ...rules, key: ruleConfigKey(m.config) };
      if (config.limitsRev === m.config.limitsRev) this.byDevice.set(m.deviceId, entry);
      result.set(m.deviceId, entry);
    }
    return result;
  }
}
