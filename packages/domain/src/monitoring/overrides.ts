import {
  BUREAU_RULE_LIMITS,
  type BureauRuleLimit,
  type DeviceProfile,
  RULE_PARAM_LABELS,
  RULE_PARAMS_BY_TYPE,
  type RuleDefinition,
  type RuleOverride,
  type RuleParam,
  ruleDefinitionSchema,
  SIGNALS,
} from '@zhiben/contracts';

/** The standard item a 第十四条 indication refers to (key of 令10 第十四条 in the hazard standard data). */
export const ARTICLE_14_ITEM_KEY = '14-0';

export interface MajorHazardIndication {
  article: '第十四条';
  standardItemKey: typeof ARTICLE_14_ITEM_KEY;
  reasons: string[];
}

/**
 * The outcome of checking one override. `valid` = the override can be applied (`rule` is the result); `errors` say
 * why not. Independently, `majorHazard` is set when the override disables a mandatory alarm or puts a set-point
 * outside the bureau's limits: under 令10 第十四条 a monitoring / alarm facility that is 失效 or 无效 is a major hazard
 * (regulations.md §1.12: set-points outside the protection limits were judged so in the 南通海安 case). Such an
 * override is still valid — the enterprise owns its equipment — and the server records the hazard. An invalid
 * override is not applied and so carries no indication.
 */
export interface OverrideCheck {
  valid: boolean;
  errors: string[];
  majorHazard: MajorHazardIndication | null;
  rule: RuleDefinition | null;
}

/** The current value of each tunable parameter of a rule. */
export function ruleParams(rule: RuleDefinition): Partial<Record<RuleParam, number>> {
  switch (rule.type) {
    case 'threshold': {
      const params: Partial<Record<RuleParam, number>> = { deadband: rule.deadband };
      for (const l of rule.levels) params[`bound.${l.level}`] = l.bound;
      return params;
    }
    case 'duration':
      return { bound: rule.bound, holdS: rule.holdS, ...(rule.maxGapS !== undefined && { maxGapS: rule.maxGapS }) };
    case 'rate_of_change':
      return { delta: rule.delta, windowS: rule.windowS, ...(rule.clearAfterS !== undefined && { clearAfterS: rule.clearAfterS }) };
    case 'combination':
      return rule.maxAgeS !== undefined ? { maxAgeS: rule.maxAgeS } : {};
    case 'offline':
      return { missedIntervals: rule.missedIntervals };
    case 'stuck_value':
      return { durationS: rule.durationS, tolerance: rule.tolerance };
    case 'impossible_value':
      return {};
  }
}

/** Whether `param` exists on this rule (a threshold has only the bounds of its own levels). */
export function hasParam(rule: RuleDefinition, param: RuleParam): boolean {
  if (!RULE_PARAMS_BY_TYPE[rule.type].includes(param)) return false;
  if (rule.type !== 'threshold' || !param.startsWith('bound.')) return true;
  return rule.levels.some((l) => `bound.${l.level}` === param);
}

/** A copy of the rule with the override applied; structure (signal, direction, levels, terms) is never changed. */
export function applyOverride(rule: RuleDefinition, override: Pick<RuleOverride, 'enabled' | 'params'>): RuleDefinition {
  const p = override.params;
  const enabled = override.enabled ?? rule.enabled;
  switch (rule.type) {
    case 'threshold':
      return {
        ...rule,
        enabled,
        deadband: p.deadband ?? rule.deadband,
        levels: rule.levels.map((l) => ({ level: l.level, bound: p[`bound.${l.level}`] ?? l.bound })),
      };
    case 'duration':
      return { ...rule, enabled, bound: p.bound ?? rule.bound, holdS: p.holdS ?? rule.holdS, maxGapS: p.maxGapS ?? rule.maxGapS };
    case 'rate_of_change':
      return {
        ...rule,
        enabled,
        delta: p.delta ?? rule.delta,
        windowS: p.windowS ?? rule.windowS,
        clearAfterS: p.clearAfterS ?? rule.clearAfterS,
      };
    case 'combination':
      return { ...rule, enabled, maxAgeS: p.maxAgeS ?? rule.maxAgeS, terms: rule.terms.map((t) => ({ ...t })) };
    case 'offline':
      return { ...rule, enabled, missedIntervals: p.missedIntervals ?? rule.missedIntervals };
    case 'stuck_value':
      return { ...rule, enabled, durationS: p.durationS ?? rule.durationS, tolerance: p.tolerance ?? rule.tolerance };
    case 'impossible_value':
      return { ...rule, enabled };
  }
}

function unitOf(rule: RuleDefinition, param: RuleParam): string {
  if (param.endsWith('S')) return ' 秒';
  if (param === 'missedIntervals') return ' 个周期';
  const signal = 'signal' in rule ? SIGNALS[rule.signal] : undefined;
  return signal?.unit ? ` ${signal.unit}` : '';
}

/**
 * Checks an engineer's override of one default rule of a profile against the bureau limits. A parameter without a
 * limit row is not for the enterprise to change; a value outside its limit is a 第十四条 indication (and applied).
 */
export function checkRuleOverride(
  override: RuleOverride,
  profile: DeviceProfile,
  limits: readonly BureauRuleLimit[] = BUREAU_RULE_LIMITS,
): OverrideCheck {
  const base = profile.rules.find((r) => r.rule.id === override.ruleId);
  if (base === undefined) {
    return { valid: false, errors: [`规则 ${override.ruleId} 不是${profile.label}的默认规则`], majorHazard: null, rule: null };
  }
  const { rule } = base;
  const errors: string[] = [];
  const hazards: string[] = [];

  for (const [name, value] of Object.entries(override.params) as [RuleParam, number | undefined][]) {
    if (value === undefined) continue;
    const label = RULE_PARAM_LABELS[name];
    if (!hasParam(rule, name)) {
      errors.push(`「${rule.name}」没有参数“${label}”`);
      continue;
    }
    const bound = limits.find((l) => l.profile === profile.code && l.ruleId === rule.id && l.param === name);
    if (bound === undefined) {
      errors.push(`「${rule.name}」的“${label}”由区应急管理局统一设定，企业不能调整`);
      continue;
    }
    if (value < bound.min || value > bound.max) {
      const unit = unitOf(rule, name);
      hazards.push(
        `「${rule.name}」的“${label}”设为 ${value}${unit}，超出区应急管理局限值 ${bound.min}–${bound.max}${unit}：报警设定值超出防护限值，报警设施视为失效`,
      );
    }
  }

  if (override.enabled === false && base.mandatory) {
    hazards.push(`停用必选报警「${rule.name}」：直接关系生产安全的报警设施停用即失效`);
  }

  let applied: RuleDefinition | null = null;
  if (errors.length === 0) {
    const parsed = ruleDefinitionSchema.safeParse(applyOverride(rule, override));
    if (parsed.success) applied = parsed.data;
    else for (const issue of parsed.error.issues) errors.push(`「${rule.name}」：${issue.message}`);
  }

  return {
    valid: errors.length === 0,
    errors,
    // Only an override that will be applied can create a hazard; a refused one changes nothing.
    majorHazard:
      applied !== null && hazards.length > 0 ? { article: '第十四条', standardItemKey: ARTICLE_14_ITEM_KEY, reasons: hazards } : null,
    rule: applied,
  };
}

export interface EffectiveRules {
  /** The profile's default rules with every valid override applied, in profile order. */
  rules: RuleDefinition[];
  /** One check per override, in input order; an invalid override leaves its rule at the default. */
  checks: OverrideCheck[];
  /** All 第十四条 reasons of the valid overrides together; null when there are none. */
  majorHazard: MajorHazardIndication | null;
}

/** A device's rules: its profile's defaults plus the engineer's overrides (at most one per rule). */
export function effectiveRules(
  profile: DeviceProfile,
  overrides: readonly RuleOverride[],
  limits: readonly BureauRuleLimit[] = BUREAU_RULE_LIMITS,
): EffectiveRules {
  const replaced = new Map<string, RuleDefinition>();
  const seen = new Set<string>();
  const checks: OverrideCheck[] = [];
  const reasons: string[] = [];
  for (const override of overrides) {
    if (seen.has(override.ruleId)) {
      checks.push({ valid: false, errors: [`规则 ${override.ruleId} 重复设置`], majorHazard: null, rule: null });
      continue;
    }
    seen.add(override.ruleId);
    const check = checkRuleOverride(override, profile, limits);
    checks.push(check);
    if (check.valid && check.rule !== null) {
      replaced.set(override.ruleId, check.rule);
      if (check.majorHazard !== null) reasons.push(...check.majorHazard.reasons);
    }
  }
  return {
    rules: profile.rules.map((r) => replaced.get(r.rule.id) ?? r.rule),
    checks,
    majorHazard: reasons.length > 0 ? { article: '第十四条', standardItemKey: ARTICLE_14_ITEM_KEY, reasons } : null,
  };
}
