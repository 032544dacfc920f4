import { RISK_CLASSES, type RiskClass } from '@zhiben/contracts';

/** 0 for A (重大风险) … 3 for D (低风险): a lower rank is a higher risk. */
export const riskRank = (riskClass: RiskClass): number => RISK_CLASSES.indexOf(riskClass);

/** The higher-risk class of two. */
export const higherRisk = (a: RiskClass, b: RiskClass): RiskClass => (riskRank(a) <= riskRank(b) ? a : b);

/**
 * Moves a class by `steps` (positive = towards A, higher risk) and clamps to A..D; `clamped` tells that the
 * adjustment reached beyond the scale, so the explanation can say why the rules' sum and the class differ.
 */
export function moveClass(from: RiskClass, steps: number): { riskClass: RiskClass; clamped: boolean } {
  const target = riskRank(from) - steps;
  const rank = Math.min(RISK_CLASSES.length - 1, Math.max(0, target));
  return { riskClass: RISK_CLASSES[rank] ?? from, clamped: rank !== target };
}

/** Signed distance from one class to another, positive when `to` is the higher risk. */
export const classDistance = (from: RiskClass, to: RiskClass): number => riskRank(from) - riskRank(to);
