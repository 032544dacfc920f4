import {
  type DeviceThresholdsDto,
  type RuleDefinition,
  type RuleOverride,
  type RuleParam,
  ruleDefinitionSchema,
  type ThresholdRuleDto,
} from '@zhiben/contracts';

/** The editor's state of one rule: enabled and each tunable parameter (null while the field is empty). */
export interface RuleDraft {
  enabled: boolean;
  params: Partial<Record<RuleParam, number | null>>;
}
export type ThresholdDraft = Record<string, RuleDraft>;

/** The draft as the server's effective values stand. */
export function draftOf(data: DeviceThresholdsDto): ThresholdDraft {
  const out: ThresholdDraft = {};
  for (const r of data.rules) {
    out[r.ruleId] = { enabled: r.enabled, params: Object.fromEntries(r.params.map((p) => [p.param, p.value])) };
  }
  return out;
}

/** The draft of a rule back at its profile default. */
export function defaultDraftOf(rule: ThresholdRuleDto): RuleDraft {
  return { enabled: rule.default.enabled, params: Object.fromEntries(rule.params.map((p) => [p.param, p.default])) };
}

/** A rule definition with the draft's parameters applied (`bound.<level>` sets that level's bound). */
export function applyDraft(rule: RuleDefinition, draft: RuleDraft): RuleDefinition {
  const next = structuredClone(rule) as RuleDefinition & Record<string, unknown>;
  next.enabled = draft.enabled;
  for (const [param, value] of Object.entries(draft.params) as [RuleParam, number | null][]) {
    if (value === null || value === undefined) continue;
    if (param.startsWith('bound.') && next.type === 'threshold') {
      const level = param.slice('bound.'.length);
      for (const l of next.levels) if (l.level === level) l.bound = value;
    } else {
      next[param] = value;
    }
  }
  return next;
}

export interface RuleCheck {
  /** Problems that block saving (empty fields, wrong order of levels, …), in Chinese. */
  errors: string[];
  /** Parameters outside the bureau's limits: allowed, but a 第十四条 indication. */
  outOfLimit: string[];
  /** A mandatory alarm switched off: allowed, but a 第十四条 indication. */
  mandatoryDisabled: boolean;
}

export function checkRule(rule: ThresholdRuleDto, draft: RuleDraft): RuleCheck {
  const errors: string[] = [];
  const outOfLimit: string[] = [];
  for (const p of rule.params) {
    const value = draft.params[p.param];
    if (value === null || value === undefined) {
      errors.push(`请填写${p.label}`);
      continue;
    }
    // As on the server: only a value the engineer set (not the profile default) is judged against the limit.
    if (p.limit && value !== p.default && (value < p.limit.min || value > p.limit.max)) {
      outOfLimit.push(`${p.label} ${value}${p.unit ? ` ${p.unit}` : ''} 超出区局限值 ${p.limit.min}–${p.limit.max}`);
    }
  }
  if (errors.length === 0) {
    const parsed = ruleDefinitionSchema.safeParse(applyDraft(rule.default, draft));
    if (!parsed.success) for (const issue of parsed.error.issues) if (!errors.includes(issue.message)) errors.push(issue.message);
  }
  return { errors, outOfLimit, mandatoryDisabled: rule.mandatory && !draft.enabled };
}

function same(a: number | null | undefined, b: number | null | undefined): boolean {
  return a === b;
}

/** Whether the draft of a rule differs from the server's effective values. */
export function ruleChanged(rule: ThresholdRuleDto, draft: RuleDraft): boolean {
  if (draft.enabled !== rule.enabled) return true;
  return rule.params.some((p) => !same(draft.params[p.param], p.value));
}

/**
 * The overrides to PUT: for each rule, what differs from the profile default (enabled and changed parameters);
 * rules back at their default are left out, so the server stores only real deviations.
 */
export function overridesOf(data: DeviceThresholdsDto, draft: ThresholdDraft): RuleOverride[] {
  const out: RuleOverride[] = [];
  for (const rule of data.rules) {
    const d = draft[rule.ruleId];
    if (!d) continue;
    const params: RuleOverride['params'] = {};
    for (const p of rule.params) {
      const value = d.params[p.param];
      if (value !== null && value !== undefined && value !== p.default) params[p.param] = value;
    }
    const enabledChanged = d.enabled !== rule.default.enabled;
    if (enabledChanged || Object.keys(params).length > 0) {
      out.push({ ruleId: rule.ruleId, ...(enabledChanged ? { enabled: d.enabled } : {}), params });
    }
  }
  return out;
}
