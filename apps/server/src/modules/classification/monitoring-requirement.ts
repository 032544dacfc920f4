/**
 * Who must be connected to the dust-explosion monitoring and early-warning system: seed §三(六)11 — 涉粉作业人数
 * 30 人以上的企业 2024 年底前、10 人以上的 2025 年底前完成接入. An operating 粉尘涉爆 enterprise past its deadline
 * must be connected; "connected" (已接入) is having at least one registered, active collector.
 */
const DUST_TAG = 'dust_explosion';
const STEPS = [
  { minWorkers: 30, from: Date.parse('2025-01-01T00:00:00+08:00') },
  { minWorkers: 10, from: Date.parse('2026-01-01T00:00:00+08:00') },
];

export function monitoringRequired(enterprise: { riskTags: readonly string[]; dustWorkers: number; status: string }, now: Date): boolean {
  if (enterprise.status !== 'operating' || !enterprise.riskTags.includes(DUST_TAG)) return false;
  return STEPS.some((s) => enterprise.dustWorkers >= s.minWorkers && now.getTime() >= s.from);
}
