import { type ClassificationRuleSet, classificationRuleSetSchema, type RiskClass } from '@zhiben/contracts';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CLASSIFICATION_RULES } from './classification-rules.js';
import { type ClassificationFacts, classifyEnterprise, DEFAULT_START_RULE, OVERRIDE_RULE } from './classify.js';

/** An enterprise no rule fires on except the default start: no tags, 三级, no hazards, alarms, penalties. */
const quiet: ClassificationFacts = {
  riskTags: [],
  majorHazardInstallation: false,
  standardizationLevel: 'level3',
  openMajorHazards: 0,
  overdueMajorHazards: 0,
  majorHazardsFound: 0,
  redAlarms: 0,
  penalties: 0,
  accidents: 0,
  monitoringRequired: false,
  monitoringConnected: false,
};
const facts = (changes: Partial<ClassificationFacts>): ClassificationFacts => ({ ...quiet, ...changes });
const rules = DEFAULT_CLASSIFICATION_RULES;
/** [rule, value, effect] of each explanation entry: what fired and why. */
const fired = (f: ClassificationFacts, set: ClassificationRuleSet = rules) =>
  classifyEnterprise(f, set).explanation.map((e) => [e.rule, e.value, e.effect]);

describe('starting class by profile', () => {
  const cases: [string, Partial<ClassificationFacts>, RiskClass, [string, string | boolean | null][]][] = [
    ['no profile rule: default C', {}, 'C', [[DEFAULT_START_RULE, null]]],
    ['金属冶炼', { riskTags: ['metal_smelting'] }, 'B', [['start_metal_smelting', 'metal_smelting']]],
    ['高温熔融金属吊运', { riskTags: ['molten_metal_lifting'] }, 'B', [['start_molten_metal_lifting', 'molten_metal_lifting']]],
    ['工业煤气', { riskTags: ['coal_gas'] }, 'B', [['start_coal_gas', 'coal_gas']]],
    ['粉尘涉爆 (with its dust type)', { riskTags: ['dust_explosion', 'dust_wood'] }, 'B', [['start_dust_explosion', 'dust_explosion']]],
    ['涉氨制冷', { riskTags: ['ammonia_refrigeration'] }, 'B', [['start_ammonia_refrigeration', 'ammonia_refrigeration']]],
    ['空分装置', { riskTags: ['air_separation'] }, 'B', [['start_air_separation', 'air_separation']]],
    ['重大危险源', { majorHazardInstallation: true }, 'B', [['start_major_hazard_installation', true]]],
    // Tags that are risks but not in the Shanxi B list keep the default.
    ['有限空间、天然气、喷涂: default C', { riskTags: ['confined_space', 'gas_use', 'spraying'] }, 'C', [[DEFAULT_START_RULE, null]]],
    [
      'several B profiles: each listed once, still B',
      { riskTags: ['molten_metal_lifting', 'metal_smelting'], majorHazardInstallation: true },
      'B',
      [
        ['start_metal_smelting', 'metal_smelting'],
        ['start_molten_metal_lifting', 'molten_metal_lifting'],
        ['start_major_hazard_installation', true],
      ],
    ],
  ];
  it.each(cases)('%s', (_name, changes, riskClass, entries) => {
    const result = classifyEnterprise(facts(changes), rules);
    expect(result.startClass).toBe(riskClass);
    expect(result.riskClass).toBe(riskClass);
    expect(result.adjustment).toBe(0);
    expect(result.explanation.map((e) => [e.rule, e.value])).toEqual(entries);
    expect(result.explanation.every((e) => e.kind === 'start' && e.effect === 0 && e.riskClass === riskClass)).toBe(true);
    expect(result.explanation.every((e) => e.source.length > 0)).toBe(true);
  });

  it('takes the highest-risk class when starting rules of different classes match', () => {
    const set: ClassificationRuleSet = {
      ...rules,
      startingRules: [
        ...rules.startingRules,
        {
          code: 'start_spraying_a',
          label: '喷涂（测试 A 类）',
          match: { riskTag: 'spraying' },
          riskClass: 'A',
          source: 'test',
          verified: false,
        },
      ],
    };
    const result = classifyEnterprise(facts({ riskTags: ['dust_explosion', 'spraying'] }), set);
    expect(result.startClass).toBe('A');
    expect(result.explanation.map((e) => [e.rule, e.riskClass])).toEqual([
      ['start_dust_explosion', 'B'],
      ['start_spraying_a', 'A'],
    ]);
  });
});

describe('each adjustment alone (start C, 三级)', () => {
  const cases: [string, Partial<ClassificationFacts>, RiskClass, [string, string | number | boolean, number][]][] = [
    ['open major hazard', { openMajorHazards: 1 }, 'B', [['open_major_hazard', 1, 1]]],
    ['three open major hazards: one rule, value 3', { openMajorHazards: 3 }, 'B', [['open_major_hazard', 3, 1]]],
    ['overdue major hazard', { overdueMajorHazards: 1 }, 'B', [['overdue_major_hazard', 1, 1]]],
    ['major hazard found in 12 months (closed since)', { majorHazardsFound: 2 }, 'B', [['major_hazard_found_12_months', 2, 1]]],
    ['one red alarm: not repeated', { redAlarms: 1 }, 'C', []],
    ['two red alarms: repeated', { redAlarms: 2 }, 'B', [['repeated_red_alarms', 2, 1]]],
    [
      'monitoring required, not connected',
      { monitoringRequired: true, monitoringConnected: false },
      'B',
      [['monitoring_not_connected', true, 1]],
    ],
    ['monitoring required and connected', { monitoringRequired: true, monitoringConnected: true }, 'C', []],
    ['monitoring not required, not connected', { monitoringRequired: false, monitoringConnected: false }, 'C', []],
    ['penalty in 12 months', { penalties: 1 }, 'B', [['penalized_12_months', 1, 1]]],
    ['accident in 12 months', { accidents: 1 }, 'B', [['accident_12_months', 1, 1]]],
    ['standardization 一级', { standardizationLevel: 'level1' }, 'D', [['standardization_level', 'level1', -1]]],
    ['standardization 二级', { standardizationLevel: 'level2' }, 'D', [['standardization_level', 'level2', -1]]],
    ['standardization 三级: no effect, not listed', { standardizationLevel: 'level3' }, 'C', []],
    ['standardization 未定级: no effect, not listed', { standardizationLevel: 'none' }, 'C', []],
  ];
  it.each(cases)('%s', (_name, changes, riskClass, adjustments) => {
    const result = classifyEnterprise(facts(changes), rules);
    expect(result.riskClass).toBe(riskClass);
    expect(result.clamped).toBe(false);
    expect(fired(facts(changes))).toEqual([[DEFAULT_START_RULE, null, 0], ...adjustments]);
  });

  it('labels the standardization entry with the level in Chinese', () => {
    const entry = classifyEnterprise(facts({ standardizationLevel: 'level1' }), rules).explanation[1];
    expect(entry).toMatchObject({ kind: 'adjustment', label: '安全生产标准化等级：一级', riskClass: null });
  });
});

describe('combinations and the A..D clamp', () => {
  it('adds the effects of every fired rule', () => {
    // A realistic overdue case: the overdue hazard is also open, so both rules fire.
    const f = facts({ openMajorHazards: 2, overdueMajorHazards: 1, standardizationLevel: 'level2' });
    const result = classifyEnterprise(f, rules);
    expect(result).toMatchObject({ startClass: 'C', adjustment: 1, computedClass: 'B', riskClass: 'B', clamped: false });
    expect(fired(f)).toEqual([
      [DEFAULT_START_RULE, null, 0],
      ['open_major_hazard', 2, 1],
      ['overdue_major_hazard', 1, 1],
      ['standardization_level', 'level2', -1],
    ]);
  });

  it('moves a B profile to A with one fired rule', () => {
    const f = facts({ riskTags: ['dust_explosion', 'dust_metal'], redAlarms: 5 });
    expect(classifyEnterprise(f, rules)).toMatchObject({ startClass: 'B', computedClass: 'A', clamped: false });
    expect(fired(f)).toEqual([
      ['start_dust_explosion', 'dust_explosion', 0],
      ['repeated_red_alarms', 5, 1],
    ]);
  });

  it('a B profile with 一级 and nothing else goes down to C', () => {
    expect(classifyEnterprise(facts({ riskTags: ['metal_smelting'], standardizationLevel: 'level1' }), rules).riskClass).toBe('C');
  });

  it('clamps at A, keeping every fired rule in the explanation', () => {
    const f = facts({
      riskTags: ['metal_smelting'],
      openMajorHazards: 1,
      overdueMajorHazards: 1,
      redAlarms: 3,
      monitoringRequired: true,
      penalties: 2,
      accidents: 1,
      standardizationLevel: 'none',
    });
    const result = classifyEnterprise(f, rules);
    expect(result).toMatchObject({ startClass: 'B', adjustment: 6, computedClass: 'A', riskClass: 'A', clamped: true });
    expect(result.explanation.map((e) => e.rule)).toEqual([
      'start_metal_smelting',
      'open_major_hazard',
      'overdue_major_hazard',
      'repeated_red_alarms',
      'monitoring_not_connected',
      'penalized_12_months',
      'accident_12_months',
    ]);
  });

  it('reaching exactly A from C is not a clamp', () => {
    const result = classifyEnterprise(facts({ openMajorHazards: 1, overdueMajorHazards: 1 }), rules);
    expect(result).toMatchObject({ computedClass: 'A', adjustment: 2, clamped: false });
  });

  it('clamps at D', () => {
    const set: ClassificationRuleSet = {
      ...rules,
      adjustments: [
        {
          kind: 'level',
          code: 'std',
          label: '标准化',
          fact: 'standardizationLevel',
          effects: { level1: -3, level2: -1, level3: 0, none: 0 },
          source: 'test',
          verified: false,
        },
      ],
    };
    expect(classifyEnterprise(facts({ standardizationLevel: 'level1' }), set)).toMatchObject({
      computedClass: 'D',
      adjustment: -3,
      clamped: true,
    });
    expect(classifyEnterprise(facts({ standardizationLevel: 'level2' }), set)).toMatchObject({
      computedClass: 'D',
      adjustment: -1,
      clamped: false,
    });
  });

  it('fired rules that cancel out are still listed', () => {
    const f = facts({ penalties: 1, standardizationLevel: 'level1' });
    expect(classifyEnterprise(f, rules)).toMatchObject({ computedClass: 'C', adjustment: 0 });
    expect(fired(f).map(([rule]) => rule)).toEqual([DEFAULT_START_RULE, 'penalized_12_months', 'standardization_level']);
  });
});

describe('manual override', () => {
  it('wins over the computed class and is listed last with its reason', () => {
    const result = classifyEnterprise(facts({ penalties: 1 }), rules, { riskClass: 'A', reason: '近期群众多次举报，列为重点' });
    expect(result).toMatchObject({ riskClass: 'A', computedClass: 'B' });
    expect(result.explanation.at(-1)).toMatchObject({
      rule: OVERRIDE_RULE,
      kind: 'override',
      value: 'A',
      effect: 1,
      riskClass: 'A',
      label: '人工调整：近期群众多次举报，列为重点',
    });
    expect(result.explanation.map((e) => e.rule)).toEqual([DEFAULT_START_RULE, 'penalized_12_months', OVERRIDE_RULE]);
  });

  it('can lower the class (negative effect) and is listed even when it equals the computed class', () => {
    expect(classifyEnterprise(quiet, rules, { riskClass: 'D', reason: '已停产' }).explanation.at(-1)).toMatchObject({
      effect: -1,
      riskClass: 'D',
    });
    const same = classifyEnterprise(quiet, rules, { riskClass: 'C', reason: '复核维持' });
    expect(same.riskClass).toBe('C');
    expect(same.explanation.at(-1)).toMatchObject({ rule: OVERRIDE_RULE, effect: 0 });
  });
});

describe('rule set as data', () => {
  it('evaluates an amended weight and threshold without code changes', () => {
    const amended = classificationRuleSetSchema.parse({
      ...rules,
      version: 2,
      adjustments: rules.adjustments.map((r) =>
        r.code === 'repeated_red_alarms' && r.kind === 'count' ? { ...r, atLeast: 4, effect: 2 } : r,
      ),
    });
    expect(classifyEnterprise(facts({ redAlarms: 3 }), amended).riskClass).toBe('C');
    const four = classifyEnterprise(facts({ redAlarms: 4 }), amended);
    expect(four).toMatchObject({ riskClass: 'A', ruleSetVersion: 2 });
    expect(four.explanation[1]).toMatchObject({ rule: 'repeated_red_alarms', value: 4, effect: 2 });
  });
});
