import {
  type AdjustmentRule,
  type ClassificationCountFact,
  type ClassificationExplanationItem,
  type ClassificationFlagFact,
  type ClassificationRuleSet,
  type RiskClass,
  STANDARDIZATION_LEVEL_LABELS,
  type StandardizationLevel,
  type StartingClassRule,
} from '@zhiben/contracts';
import { classDistance, higherRisk, moveClass } from './risk-class.js';

/**
 * What the server knows about one enterprise when it classifies it. Counts over a window (red alarms, penalties,
 * accidents) are counted by the server over the rule set's `windows` (see factWindowStart).
 */
export interface ClassificationFacts {
  riskTags: readonly string[];
  /** The enterprise holds a 重大危险源 (major hazard installation). */
  majorHazardInstallation: boolean;
  /** The level in force (an expired level counts as `none`, see effectiveStandardizationLevel). */
  standardizationLevel: StandardizationLevel;
  openMajorHazards: number;
  overdueMajorHazards: number;
  /** 重大事故隐患 found (by any source, not dismissed) within the window, whether closed since or not. */
  majorHazardsFound: number;
  redAlarms: number;
  penalties: number;
  accidents: number;
  /** Must be connected to the monitoring and early-warning system (e.g. 涉粉作业 ≥ 10 人 木粉尘). */
  monitoringRequired: boolean;
  monitoringConnected: boolean;
}

export interface ClassificationOverride {
  riskClass: RiskClass;
  reason: string;
}

export interface ClassificationResult {
  /** The class in force: the override's when there is one. */
  riskClass: RiskClass;
  /** The class the rules give. */
  computedClass: RiskClass;
  startClass: RiskClass;
  /** Sum of the fired adjustments (positive = towards A). */
  adjustment: number;
  /** The sum reached beyond A or D. */
  clamped: boolean;
  /** Exactly the rules that fired, in rule-set order: starting rules, adjustments, then the override. */
  explanation: ClassificationExplanationItem[];
  ruleSetVersion: number;
}

export const DEFAULT_START_RULE = 'default_start';
export const OVERRIDE_RULE = 'manual_override';

function startingRuleValue(rule: StartingClassRule, facts: ClassificationFacts): string | boolean | null {
  if ('riskTag' in rule.match) return facts.riskTags.includes(rule.match.riskTag) ? rule.match.riskTag : null;
  return facts.majorHazardInstallation ? true : null;
}

const flagValue = (fact: ClassificationFlagFact, facts: ClassificationFacts): boolean => {
  switch (fact) {
    case 'monitoringNotConnected':
      return facts.monitoringRequired && !facts.monitoringConnected;
  }
};

const countValue = (fact: ClassificationCountFact, facts: ClassificationFacts): number => facts[fact];

/** The explanation entry of an adjustment rule, or null when it does not fire. */
function evaluateAdjustment(rule: AdjustmentRule, facts: ClassificationFacts): ClassificationExplanationItem | null {
  const base = { rule: rule.code, kind: 'adjustment' as const, riskClass: null, source: rule.source };
  switch (rule.kind) {
    case 'count': {
      const value = countValue(rule.fact, facts);
      return value >= rule.atLeast ? { ...base, label: rule.label, value, effect: rule.effect } : null;
    }
    case 'flag':
      return flagValue(rule.fact, facts) ? { ...base, label: rule.label, value: true, effect: rule.effect } : null;
    case 'level': {
      const level = facts.standardizationLevel;
      const effect = rule.effects[level];
      return effect === 0 ? null : { ...base, label: `${rule.label}：${STANDARDIZATION_LEVEL_LABELS[level]}`, value: level, effect };
    }
  }
}

/**
 * Classifies one enterprise (分级分类): the highest-risk class among the starting rules that match its profile
 * (else the default class), moved by the adjustments that fire, clamped to A..D; a manual override with its
 * reason wins and is listed last.
 */
export function classifyEnterprise(
  facts: ClassificationFacts,
  rules: ClassificationRuleSet,
  override: ClassificationOverride | null = null,
): ClassificationResult {
  const explanation: ClassificationExplanationItem[] = [];

  let startClass: RiskClass | null = null;
  for (const rule of rules.startingRules) {
    const value = startingRuleValue(rule, facts);
    if (value === null) continue;
    explanation.push({
      rule: rule.code,
      kind: 'start',
      label: rule.label,
      value,
      effect: 0,
      riskClass: rule.riskClass,
      source: rule.source,
    });
    startClass = startClass === null ? rule.riskClass : higherRisk(startClass, rule.riskClass);
  }
  if (startClass === null) {
    startClass = rules.defaultClass;
    explanation.push({
      rule: DEFAULT_START_RULE,
      kind: 'start',
      label: '未命中起评规则，按其他企业起评',
      value: null,
      effect: 0,
      riskClass: startClass,
      source: rules.defaultSource,
    });
  }

  let adjustment = 0;
  for (const rule of rules.adjustments) {
    const entry = evaluateAdjustment(rule, facts);
    if (entry === null) continue;
    explanation.push(entry);
    adjustment += entry.effect;
  }
  const { riskClass: computedClass, clamped } = moveClass(startClass, adjustment);

  if (override !== null) {
    explanation.push({
      rule: OVERRIDE_RULE,
      kind: 'override',
      label: `人工调整：${override.reason}`,
      value: override.riskClass,
      effect: classDistance(computedClass, override.riskClass),
      riskClass: override.riskClass,
      source: '监管人员人工调整（留痕审计）',
    });
  }

  return {
    riskClass: override?.riskClass ?? computedClass,
    computedClass,
    startClass,
    adjustment,
    clamped,
    explanation,
    ruleSetVersion: rules.version,
  };
}

/** Starting rules whose risk tag is not in the catalog (they can never fire): shown when an official amends rules. */
export function unknownStartingRuleTags(rules: ClassificationRuleSet, catalogCodes: readonly string[]): string[] {
  const known = new Set(catalogCodes);
  return rules.startingRules.flatMap((r) => ('riskTag' in r.match && !known.has(r.match.riskTag) ? [r.match.riskTag] : []));
}
