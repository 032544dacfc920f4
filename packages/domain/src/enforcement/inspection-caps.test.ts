import { STANDARDIZATION_LEVELS } from '@zhiben/contracts';
import { describe, expect, it } from 'vitest';
import { RISK_TAGS } from '../../../db/src/seed/risk-tags.data.js';
import { capFor, HIGH_RISK_CAP_TAGS, isHighRiskForCaps, SHANXI_INSPECTION_CAPS_2025 } from './inspection-caps.js';

describe('Shanxi 2025 inspection caps (regulations.md §5.3)', () => {
  it.each([
    [true, [2, 4, 8, 12]],
    [false, [1, 2, 4, 6]],
  ] as const)('high risk %s: 一级/二级/三级/未定级 = %j', (highRisk, caps) => {
    expect(STANDARDIZATION_LEVELS.map((standardizationLevel) => capFor({ highRisk, standardizationLevel }))).toEqual(caps);
  });

  it('cites its source and verification status', () => {
    expect(SHANXI_INSPECTION_CAPS_2025).toMatchObject({
      verification: 'confirmed',
      publishedOn: '2025-04-23',
      supervisoryVisitsPerYear: 3,
    });
    expect(SHANXI_INSPECTION_CAPS_2025.source).toContain('regulations.md §5.3');
  });

  it('puts 金属冶炼 in the high-risk row, and other tags in the other row', () => {
    expect(isHighRiskForCaps(['dust_explosion', 'metal_smelting'])).toBe(true);
    expect(isHighRiskForCaps(['dust_explosion', 'ammonia_refrigeration', 'molten_metal_lifting'])).toBe(false);
    expect(HIGH_RISK_CAP_TAGS.every((t) => RISK_TAGS.some((r) => r.code === t))).toBe(true);
  });

  it('uses another table when given one', () => {
    const table = { ...SHANXI_INSPECTION_CAPS_2025, other: { label: 'x', caps: { level1: 9, level2: 9, level3: 9, none: 10 } } };
    expect(capFor({ highRisk: false, standardizationLevel: 'none' }, table)).toBe(10);
  });
});
