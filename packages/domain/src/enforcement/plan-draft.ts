import type { QuarterNumber, RiskClass, StandardizationLevel } from '@zhiben/contracts';
import { type CapBasis, capFor, type InspectionCapTable, SHANXI_INSPECTION_CAPS_2025 } from './inspection-caps.js';
import { riskRank } from './risk-class.js';

export interface PlanCandidate extends CapBasis {
  enterpriseId: string;
  riskClass: RiskClass;
  standardizationLevel: StandardizationLevel;
  /** Date (YYYY-MM-DD) or instant of the last administrative inspection; null = never inspected. */
  lastInspectedAt: string | null;
}

export interface PlanDraftOptions {
  /** Inspections proposed per class before the cap (重点检查 A/B more often). */
  countsByClass: Record<RiskClass, number>;
  /** A class with 0 proposed still gets one inspection when not inspected for this many years (or never). */
  revisitAfterYears: number;
  caps: InspectionCapTable;
}

export const DEFAULT_PLAN_DRAFT_OPTIONS: PlanDraftOptions = {
  countsByClass: { A: 4, B: 2, C: 1, D: 0 },
  revisitAfterYears: 3,
  caps: SHANXI_INSPECTION_CAPS_2025,
};

export interface PlanDraftEntry {
  enterpriseId: string;
  riskClass: RiskClass;
  cap: number;
  plannedCount: number;
  /** One quarter per planned inspection, ascending. */
  quarters: QuarterNumber[];
  /** On the key-inspection list (重点检查企业名单). */
  key: boolean;
  overCapReason: null;
}

export interface PlanDraft {
  year: number;
  /** In priority order: A, B, C, D; within a class never inspected first, then the longest since the last one. */
  entries: PlanDraftEntry[];
  /** 重点检查企业名单 (seed §三(八)18: 分级确定重点检查企业名单): class A then B. */
  keyList: string[];
  /** Planned inspections per quarter (Q1..Q4). */
  quarterLoad: [number, number, number, number];
}

/** Classes whose enterprises are on the key-inspection list. */
export const KEY_CLASSES: readonly RiskClass[] = ['A', 'B'];

/**
 * Quarter indexes (0..3) of `count` inspections spread evenly over the year, the first at quarter `offset`:
 * floor(count/4) in every quarter, the remainder r at round(i·4/r) after the offset (2 → Q1,Q3; 3 → Q1,Q2,Q4).
 */
export function spreadQuarters(count: number, offset = 0): number[] {
  const perQuarter = Math.floor(count / 4);
  const remainder = count % 4;
  const result: number[] = [];
  for (let q = 0; q < 4; q++) for (let i = 0; i < perQuarter; i++) result.push(q);
  for (let i = 0; i < remainder; i++) result.push((Math.round((i * 4) / remainder) + offset) % 4);
  return result.sort((a, b) => a - b);
}

/** Milliseconds of a date or instant; never inspected sorts first. */
const inspectedTime = (at: string | null) =>
  at === null ? Number.NEGATIVE_INFINITY : Date.parse(at.length === 10 ? `${at}T00:00:00+08:00` : at);

function proposedCount(c: PlanCandidate, year: number, options: PlanDraftOptions): number {
  const byClass = options.countsByClass[c.riskClass];
  if (byClass > 0) return byClass;
  const revisitBefore = Date.parse(`${year - options.revisitAfterYears}-01-01T00:00:00+08:00`);
  return inspectedTime(c.lastInspectedAt) < revisitBefore ? 1 : 0;
}

/**
 * Drafts the annual enforcement plan (年度执法计划, seed §三(八)18). Each enterprise gets the count of its class,
 * never more than its cap (regulations.md §5.3), spread evenly over the quarters. A and B go first and start in
 * the first half of the year; every enterprise takes the quarter offset that keeps the busiest quarter lowest
 * (then the fewest inspections in the quarters it uses, then the earliest), so the workload is level.
 */
export function draftAnnualPlan(
  year: number,
  candidates: readonly PlanCandidate[],
  options: PlanDraftOptions = DEFAULT_PLAN_DRAFT_OPTIONS,
): PlanDraft {
  const ordered = [...candidates].sort(
    (a, b) =>
      riskRank(a.riskClass) - riskRank(b.riskClass) ||
      inspectedTime(a.lastInspectedAt) - inspectedTime(b.lastInspectedAt) ||
      a.enterpriseId.localeCompare(b.enterpriseId),
  );
  const load: [number, number, number, number] = [0, 0, 0, 0];
  const entries: PlanDraftEntry[] = [];
  for (const c of ordered) {
    const cap = capFor(c, options.caps);
    const plannedCount = Math.min(cap, proposedCount(c, year, options));
    const key = KEY_CLASSES.includes(c.riskClass);
    const offsets = key ? [0, 1] : [0, 1, 2, 3];
    let best: number[] = [];
    let bestScore: [number, number] | null = null;
    for (const offset of offsets) {
      const qs = spreadQuarters(plannedCount, offset);
      const trial = [...load];
      for (const q of qs) trial[q] = (trial[q] ?? 0) + 1;
      const score: [number, number] = [Math.max(...trial), qs.reduce((sum, q) => sum + (load[q] ?? 0), 0)];
      if (bestScore === null || score[0] < bestScore[0] || (score[0] === bestScore[0] && score[1] < bestScore[1])) {
        best = qs;
        bestScore = score;
      }
    }
    for (const q of best) load[q as 0 | 1 | 2 | 3] += 1;
    entries.push({
      enterpriseId: c.enterpriseId,
      riskClass: c.riskClass,
      cap,
      plannedCount,
      quarters: best.map((q) => (q + 1) as QuarterNumber),
      key,
      overCapReason: null,
    });
  }
  return { year, entries, keyList: entries.filter((e) => e.key).map((e) => e.enterpriseId), quarterLoad: load };
}
