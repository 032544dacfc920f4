import type { RiskClass, StandardizationLevel } from '@zhiben/contracts';
import { describe, expect, it } from 'vitest';
import { capFor } from './inspection-caps.js';
import { draftAnnualPlan, type PlanCandidate, spreadQuarters } from './plan-draft.js';
import { validatePlan } from './plan-validate.js';

const candidate = (
  enterpriseId: string,
  riskClass: RiskClass,
  standardizationLevel: StandardizationLevel = 'none',
  highRisk = false,
  lastInspectedAt: string | null = '2025-06-01',
): PlanCandidate => ({ enterpriseId, riskClass, standardizationLevel, highRisk, lastInspectedAt });

describe('spreadQuarters', () => {
  it.each([
    [0, 0, []],
    [1, 0, [0]],
    [2, 0, [0, 2]],
    [3, 0, [0, 1, 3]],
    [4, 0, [0, 1, 2, 3]],
    [6, 0, [0, 0, 1, 2, 2, 3]],
    [12, 0, [0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3]],
    [2, 1, [1, 3]],
    [1, 3, [3]],
    [3, 2, [1, 2, 3]],
  ])('%i inspections from quarter index %i → %j', (count, offset, quarters) => {
    expect(spreadQuarters(count, offset)).toEqual(quarters);
  });
});

describe('draftAnnualPlan', () => {
  it('proposes by class within the cap', () => {
    const draft = draftAnnualPlan(2026, [
      candidate('a-high', 'A', 'none', true), // 4, cap 12
      candidate('a-level1', 'A', 'level1'), // 4 proposed, cap 1
      candidate('b-level2', 'B', 'level2'), // 2, cap 2
      candidate('b-level1', 'B', 'level1'), // 2 proposed, cap 1
      candidate('c', 'C', 'level3'), // 1
    ]);
    const count = Object.fromEntries(draft.entries.map((e) => [e.enterpriseId, [e.plannedCount, e.cap]]));
    expect(count).toEqual({ 'a-high': [4, 12], 'a-level1': [1, 1], 'b-level2': [2, 2], 'b-level1': [1, 1], c: [1, 4] });
  });

  it('never exceeds a cap and produces a plan that validates', () => {
    const classes: RiskClass[] = ['A', 'B', 'C', 'D'];
    const levels: StandardizationLevel[] = ['level1', 'level2', 'level3', 'none'];
    const candidates: PlanCandidate[] = [];
    for (const riskClass of classes)
      for (const level of levels)
        for (const highRisk of [true, false])
          candidates.push(candidate(`${riskClass}-${level}-${highRisk}`, riskClass, level, highRisk, null));
    const draft = draftAnnualPlan(2026, candidates);
    for (const e of draft.entries) {
      const c = candidates.find((x) => x.enterpriseId === e.enterpriseId);
      if (c === undefined) throw new Error('entry without candidate');
      expect(e.plannedCount).toBeLessThanOrEqual(capFor(c));
      expect(e.quarters).toHaveLength(e.plannedCount);
    }
    const enterprises = candidates.map((c) => ({ ...c, name: c.enterpriseId }));
    expect(validatePlan(draft.entries, enterprises)).toEqual({ ok: true, issues: [], overCap: [] });
    expect(draft.quarterLoad.reduce((a, b) => a + b, 0)).toBe(draft.entries.reduce((a, e) => a + e.plannedCount, 0));
  });

  it('lists A and B first and makes them the key-inspection list (重点检查企业名单)', () => {
    const draft = draftAnnualPlan(2026, [
      candidate('c1', 'C'),
      candidate('b1', 'B'),
      candidate('d1', 'D'),
      candidate('a1', 'A'),
      candidate('b2', 'B'),
    ]);
    expect(draft.entries.map((e) => e.enterpriseId)).toEqual(['a1', 'b1', 'b2', 'c1', 'd1']);
    expect(draft.keyList).toEqual(['a1', 'b1', 'b2']);
    expect(draft.entries.map((e) => e.key)).toEqual([true, true, true, false, false]);
  });

  it('puts never-inspected enterprises first within a class, then the longest since the last inspection', () => {
    const draft = draftAnnualPlan(2026, [
      candidate('c-recent', 'C', 'none', false, '2025-11-20'),
      candidate('c-old', 'C', 'none', false, '2024-03-01T10:00:00+08:00'),
      candidate('c-never', 'C', 'none', false, null),
    ]);
    expect(draft.entries.map((e) => e.enterpriseId)).toEqual(['c-never', 'c-old', 'c-recent']);
  });

  it('plans class D only when not inspected for three years', () => {
    const draft = draftAnnualPlan(2026, [
      candidate('d-never', 'D', 'level3', false, null),
      candidate('d-2022', 'D', 'level3', false, '2022-12-31'),
      candidate('d-2023', 'D', 'level3', false, '2023-01-01'),
      candidate('d-2025', 'D', 'level3', false, '2025-05-01'),
    ]);
    expect(Object.fromEntries(draft.entries.map((e) => [e.enterpriseId, e.plannedCount]))).toEqual({
      'd-never': 1,
      'd-2022': 1,
      'd-2023': 0,
      'd-2025': 0,
    });
  });

  it('starts A and B in the first half of the year', () => {
    const many = Array.from({ length: 9 }, (_, i) => candidate(`b${i}`, 'B'));
    const draft = draftAnnualPlan(2026, [...many, candidate('a', 'A', 'none', true)]);
    for (const e of draft.entries) expect(e.quarters[0]).toBeLessThanOrEqual(2);
    expect(draft.entries[0]?.quarters).toEqual([1, 2, 3, 4]);
  });

  it('levels the quarterly workload', () => {
    const cs = Array.from({ length: 10 }, (_, i) => candidate(`c${i}`, 'C', 'none', false, null));
    const draft = draftAnnualPlan(2026, [candidate('b', 'B'), ...cs]);
    // B takes Q1 and Q3; the ten C inspections fill Q2 and Q4 first, then round-robin.
    expect(draft.quarterLoad).toEqual([3, 3, 3, 3]);
    expect(draft.entries.find((e) => e.enterpriseId === 'b')?.quarters).toEqual([1, 3]);
  });

  it('takes other counts per class as options', () => {
    const draft = draftAnnualPlan(2026, [candidate('c', 'C', 'none', true)], {
      countsByClass: { A: 12, B: 6, C: 3, D: 1 },
      revisitAfterYears: 1,
      caps: draftAnnualPlanCaps(),
    });
    expect(draft.entries[0]).toMatchObject({ plannedCount: 3, quarters: [1, 2, 4] });
  });
});

function draftAnnualPlanCaps() {
  return {
    source: 'test',
    verification: 'unconfirmed' as const,
    verificationNote: 'test',
    publishedOn: '2026-01-01',
    highRisk: { label: 'h', caps: { level1: 3, level2: 3, level3: 3, none: 3 } },
    other: { label: 'o', caps: { level1: 1, level2: 1, level3: 1, none: 1 } },
    supervisoryVisitsPerYear: 3,
  };
}
