import type { StandardizationLevel } from '@zhiben/contracts';

/** The verification marks of regulations.md: [C] confirmed, [P] partially confirmed, UNCONFIRMED. */
export type VerificationStatus = 'confirmed' | 'partial' | 'unconfirmed';

export interface InspectionCapTable {
  /** Where the figures were read. */
  source: string;
  verification: VerificationStatus;
  verificationNote: string;
  publishedOn: string;
  /** Yearly maximum of administrative inspections per enterprise, by standardization level. */
  highRisk: { label: string; caps: Record<StandardizationLevel, number> };
  other: { label: string; caps: Record<StandardizationLevel, number> };
  /** 督导检查 (supervisory visits) are capped separately. */
  supervisoryVisitsPerYear: number;
}

/**
 * 山西省应急管理厅, maximum administrative inspection frequency per enterprise per year (2025-04-23),
 * regulations.md §5.3 [C]. Data: a new provincial table replaces this object, not code.
 */
export const SHANXI_INSPECTION_CAPS_2025: InspectionCapTable = {
  source: '山西省应急管理厅 2025-04-23 公布的涉企行政检查频次上限；aqsx.sxkjnews.com/news/show.php?itemid=5199（regulations.md §5.3）',
  verification: 'confirmed',
  verificationNote: 'regulations.md §5.3 标注 [C]：在转载页读到表格原文，应急管理厅官网原文未读',
  publishedOn: '2025-04-23',
  highRisk: { label: '危险化学品、金属冶炼', caps: { level1: 2, level2: 4, level3: 8, none: 12 } },
  other: { label: '非高危行业', caps: { level1: 1, level2: 2, level3: 4, none: 6 } },
  supervisoryVisitsPerYear: 3,
};

/**
 * Risk tags that put a 工贸 enterprise in the high-risk row. Of 危险化学品 & 金属冶炼 only 金属冶炼 is a 工贸 tag
 * (catalog `metal_smelting`: "执法检查频次按金属冶炼上限").
 */
export const HIGH_RISK_CAP_TAGS: readonly string[] = ['metal_smelting'];

export const isHighRiskForCaps = (riskTags: readonly string[], tags: readonly string[] = HIGH_RISK_CAP_TAGS): boolean =>
  riskTags.some((t) => tags.includes(t));

export interface CapBasis {
  highRisk: boolean;
  /** The level in force (see effectiveStandardizationLevel). */
  standardizationLevel: StandardizationLevel;
}

/** The yearly maximum of administrative inspections of one enterprise. */
export function capFor(enterprise: CapBasis, table: InspectionCapTable = SHANXI_INSPECTION_CAPS_2025): number {
  return (enterprise.highRisk ? table.highRisk : table.other).caps[enterprise.standardizationLevel];
}
