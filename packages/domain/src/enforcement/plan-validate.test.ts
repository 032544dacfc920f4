import { describe, expect, it } from 'vitest';
import { type PlanEnterprise, validatePlan } from './plan-validate.js';

const enterprises: PlanEnterprise[] = [
  { enterpriseId: 'foundry', name: '上党区示范铸造有限公司', highRisk: true, standardizationLevel: 'level3' }, // cap 8
  { enterpriseId: 'mill', name: '上党区木制品厂', highRisk: false, standardizationLevel: 'level2' }, // cap 2
];

describe('validatePlan', () => {
  it('accepts entries at or under the cap', () => {
    const result = validatePlan(
      [
        { enterpriseId: 'foundry', plannedCount: 8, quarters: [1, 1, 2, 2, 3, 3, 4, 4] },
        { enterpriseId: 'mill', plannedCount: 2, quarters: [2, 4], overCapReason: null },
      ],
      enterprises,
    );
    expect(result).toEqual({ ok: true, issues: [], overCap: [] });
  });

  it('refuses an entry over the cap without a reason, in Chinese, naming the enterprise', () => {
    for (const overCapReason of [undefined, null, '', '   ']) {
      const result = validatePlan([{ enterpriseId: 'mill', plannedCount: 3, quarters: [1, 2, 3], overCapReason }], enterprises);
      expect(result.ok).toBe(false);
      expect(result.overCap).toEqual([]);
      expect(result.issues).toEqual([
        {
          path: ['entries', 0, 'overCapReason'],
          code: 'OVER_CAP_WITHOUT_REASON',
          enterpriseId: 'mill',
          message: '「上党区木制品厂」计划检查 3 次，超过年度上限 2 次，须填写理由',
        },
      ]);
    }
  });

  it('accepts an entry over the cap with a reason and flags it for the audit', () => {
    const result = validatePlan(
      [{ enterpriseId: 'mill', plannedCount: 4, quarters: [1, 2, 3, 4], overCapReason: ' 2026年发生较大涉险事故，需加密检查 ' }],
      enterprises,
    );
    expect(result).toEqual({
      ok: true,
      issues: [],
      overCap: [{ enterpriseId: 'mill', plannedCount: 4, cap: 2, reason: '2026年发生较大涉险事故，需加密检查' }],
    });
  });

  it('refuses unknown enterprises, duplicates and quarter lists that do not match the count', () => {
    const result = validatePlan(
      [
        { enterpriseId: 'elsewhere', plannedCount: 1, quarters: [1] },
        { enterpriseId: 'foundry', plannedCount: 2, quarters: [1] },
        { enterpriseId: 'foundry', plannedCount: 1, quarters: [1] },
      ],
      enterprises,
    );
    expect(result.ok).toBe(false);
    expect(result.issues.map((i) => [i.path, i.code])).toEqual([
      [['entries', 0, 'enterpriseId'], 'UNKNOWN_ENTERPRISE'],
      [['entries', 1, 'quarters'], 'QUARTERS_MISMATCH'],
      [['entries', 2, 'enterpriseId'], 'DUPLICATE_ENTERPRISE'],
    ]);
    expect(result.issues[1]?.message).toBe('「上党区示范铸造有限公司」计划检查 2 次，但安排了 1 个季度');
  });
});
