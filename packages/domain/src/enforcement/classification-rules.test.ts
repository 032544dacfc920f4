import { classificationRuleSetSchema } from '@zhiben/contracts';
import { describe, expect, it } from 'vitest';
import { RISK_TAGS } from '../../../db/src/seed/risk-tags.data.js';
import { DEFAULT_CLASSIFICATION_RULES } from './classification-rules.js';
import { unknownStartingRuleTags } from './classify.js';

describe('DEFAULT_CLASSIFICATION_RULES', () => {
  it('is a valid rule set', () => {
    expect(classificationRuleSetSchema.safeParse(DEFAULT_CLASSIFICATION_RULES).success).toBe(true);
  });

  it('starts the Shanxi B list at B and everything else at C (regulations.md §6)', () => {
    expect(DEFAULT_CLASSIFICATION_RULES.defaultClass).toBe('C');
    expect(DEFAULT_CLASSIFICATION_RULES.startingRules.every((r) => r.riskClass === 'B' && r.verified)).toBe(true);
    expect(DEFAULT_CLASSIFICATION_RULES.startingRules.map((r) => r.label)).toEqual([
      '金属冶炼',
      '高温熔融金属吊运（浇注）',
      '工业煤气生产（使用）',
      '爆炸性粉尘（粉尘涉爆）',
      '涉氨制冷',
      '空分装置',
      '构成重大危险源',
    ]);
  });

  it('names catalog tags, except 空分装置 whose tag the catalog does not have yet', () => {
    const codes = RISK_TAGS.map((t) => t.code);
    expect(unknownStartingRuleTags(DEFAULT_CLASSIFICATION_RULES, codes).every((c) => c === 'air_separation')).toBe(true);
    expect(unknownStartingRuleTags(DEFAULT_CLASSIFICATION_RULES, [])).toEqual([
      'metal_smelting',
      'molten_metal_lifting',
      'coal_gas',
      'dust_explosion',
      'ammonia_refrigeration',
      'air_separation',
    ]);
  });

  it('marks every adjustment as not verified (Shanxi has not published them) and cites a source', () => {
    expect(DEFAULT_CLASSIFICATION_RULES.adjustments.every((r) => !r.verified && r.source.includes('UNCONFIRMED'))).toBe(true);
  });

  it('looks back 30 days for red alarms and 12 months for major hazards found, penalties and accidents', () => {
    expect(DEFAULT_CLASSIFICATION_RULES.windows).toEqual({
      majorHazardsFound: { months: 12 },
      redAlarms: { days: 30 },
      penalties: { months: 12 },
      accidents: { months: 12 },
    });
  });
});

describe('classificationRuleSetSchema', () => {
  const base = DEFAULT_CLASSIFICATION_RULES;
  const messages = (value: unknown) => {
    const r = classificationRuleSetSchema.safeParse(value);
    return r.success ? [] : r.error.issues.map((i) => i.message);
  };

  it('refuses duplicate rule codes', () => {
    const first = base.adjustments[0];
    expect(messages({ ...base, adjustments: [...base.adjustments, first] })).toContain('规则代码「open_major_hazard」重复');
  });

  it('refuses a zero or out-of-range effect and an unknown fact', () => {
    const rule = {
      kind: 'count',
      code: 'x_rule',
      label: '测试规则',
      fact: 'penalties',
      atLeast: 1,
      effect: 0,
      source: '测试来源',
      verified: false,
    };
    expect(messages({ ...base, adjustments: [rule] })).toContain('调整档数不能为 0');
    expect(messages({ ...base, adjustments: [{ ...rule, effect: 4 }] })).toContain('调整档数在 -3 到 3 之间');
    expect(messages({ ...base, adjustments: [{ ...rule, fact: 'complaints', effect: 1 }] }).length).toBeGreaterThan(0);
  });

  it('requires an effect for every standardization level', () => {
    const rule = {
      kind: 'level',
      code: 'std',
      label: '标准化',
      fact: 'standardizationLevel',
      effects: { level1: -1 },
      source: '测试来源',
      verified: false,
    };
    expect(messages({ ...base, adjustments: [rule] }).length).toBeGreaterThan(0);
  });
});
