import {
  type BureauRuleLimit,
  DEVICE_PROFILES,
  type ProfileCode,
  RULE_KIND_BY_TYPE,
  RULE_PARAM_LABELS,
  RULE_PARAMS_BY_TYPE,
  type RuleDefinition,
  type RuleOverride,
  type RuleParam,
  SIGNALS,
  type ThresholdRuleDto,
} from '@zhiben/contracts';
import { effectiveRules, hasParam, type MajorHazardIndication, ruleParams } from '@zhiben/domain';

/** A profile code as stored; anything unknown is treated as 其他 (as the rule stage does). */
export const profileOf = (profile: string): ProfileCode => (profile in DEVICE_PROFILES ? (profile as ProfileCode) : 'other');

export function paramUnit(rule: RuleDefinition, param: RuleParam): string {
  if (param.endsWith('S')) return '秒';
  if (param === 'missedIntervals') return '个周期';
  return 'signal' in rule ? SIGNALS[rule.signal].unit : '';
}

/**
 * The value a parameter has when the rule leaves it out: the engine's own defaults (compile.ts) — clearAfterS =
 * windowS; maxGapS and maxAgeS = two reporting intervals.
 */
export function implicitValue(rule: RuleDefinition, param: RuleParam, reportingIntervalS: number): number | undefined {
  if (param === 'clearAfterS' && rule.type === 'rate_of_change') return rule.windowS;
  if (param === 'maxGapS' || param === 'maxAgeS') return 2 * reportingIntervalS;
  return undefined;
}

export interface ThresholdsView {
  rules: ThresholdRuleDto[];
  majorHazard: MajorHazardIndication | null;
}

/**
 * The threshold editor's view of a device: each default rule of its profile with the effective definition, the
 * engineer's override, and per tunable parameter the value, the default, the bureau's limit and whether the
 * override puts it outside that limit (a 第十四条 indication).
 */
export function thresholdsView(
  profileCode: string,
  reportingIntervalS: number,
  overrides: readonly RuleOverride[],
  limits: readonly BureauRuleLimit[],
): ThresholdsView {
  const profile = DEVICE_PROFILES[profileOf(profileCode)];
  const effective = effectiveRules(profile, overrides, limits);
  const rules = profile.rules.map((base, i): ThresholdRuleDto => {
    const rule = effective.rules[i] ?? base.rule;
    const override = overrides.find((o) => o.ruleId === base.rule.id) ?? null;
    const defaults = ruleParams(base.rule);
    const values = ruleParams(rule);
    const params = RULE_PARAMS_BY_TYPE[base.rule.type]
      .filter((p) => hasParam(base.rule, p))
      .flatMap((param) => {
        const limitRow = limits.find((l) => l.profile === profile.code && l.ruleId === base.rule.id && l.param === param);
        const fallback = implicitValue(base.rule, param, reportingIntervalS);
        const def = defaults[param] ?? fallback;
        // A parameter the rule leaves out and nobody may tune is not worth a row.
        if (def === undefined || (defaults[param] === undefined && limitRow === undefined)) return [];
        const value = values[param] ?? implicitValue(rule, param, reportingIntervalS) ?? def;
        const overridden = override?.params[param] !== undefined;
        return [
          {
            param,
            label: RULE_PARAM_LABELS[param],
            value,
            default: def,
            limit: limitRow ? { min: limitRow.min, max: limitRow.max } : null,
            outOfLimit: overridden && limitRow !== undefined && (value < limitRow.min || value > limitRow.max),
            unit: paramUnit(base.rule, param),
          },
        ];
      });
    return {
      ruleId: base.rule.id,
      name: base.rule.name,
      type: base.rule.type,
      kind: RULE_KIND_BY_TYPE[base.rule.type],
      mandatory: base.mandatory,
      enabled: rule.enabled,
      effective: rule,
      default: base.rule,
      override,
      params,
      source: base.source,
      verified: base.verified,
    };
  });
  return { rules, majorHazard: effective.majorHazard };
}
