import {
  ENTERPRISE_STATUS_LABELS,
  ENTERPRISE_STATUSES,
  type EnterpriseDto,
  SCALE_LABELS,
  SCALES,
  SECTOR_LABELS,
  SECTORS,
  STANDARDIZATION_LEVEL_LABELS,
  STANDARDIZATION_LEVELS,
} from '@zhiben/contracts';
import { dayjs } from '../../lib/time';

export const SECTOR_OPTIONS = SECTORS.map((s) => ({ value: s, label: SECTOR_LABELS[s] }));
export const SCALE_OPTIONS = SCALES.map((s) => ({ value: s, label: SCALE_LABELS[s] }));
export const STATUS_OPTIONS = ENTERPRISE_STATUSES.map((s) => ({ value: s, label: ENTERPRISE_STATUS_LABELS[s] }));
export const STANDARDIZATION_OPTIONS = STANDARDIZATION_LEVELS.map((s) => ({ value: s, label: STANDARDIZATION_LEVEL_LABELS[s] }));

/** 涉粉作业人数 bands of the monitoring roll-out (seed §三(六)11), as the API names them. */
export const DUST_BANDS = ['30plus', '10to29', 'under10'] as const;
export type DustBand = (typeof DUST_BANDS)[number];
export const DUST_BAND_LABELS: Record<DustBand, string> = {
  '30plus': '30 人以上',
  '10to29': '10–29 人',
  under10: '10 人以下',
};
/** Short form for chart axes. */
export const DUST_BAND_SHORT: Record<DustBand, string> = { '30plus': '≥30 人', '10to29': '10–29 人', under10: '<10 人' };
export const DUST_BAND_OPTIONS = DUST_BANDS.map((b) => ({ value: b, label: DUST_BAND_LABELS[b] }));

/** National convention (UI.md): the highest-priority band red, then orange, then yellow. */
export const DUST_BAND_COLORS: Record<DustBand, string> = { '30plus': '#cf1322', '10to29': '#fa8c16', under10: '#d4b106' };

/** The roll-out targets for dust-explosion monitoring, verbatim from the district plan (实施方案 三(六)11). */
export const DUST_TARGET_TEXT = '2024年底前实现涉粉作业30人以上木粉尘企业接入系统，2025年底前完成所有涉粉作业10人以上木粉尘企业接入系统';
export const DUST_TARGET_SOURCE = '《全区工贸行业安全生产治本攻坚三年行动实施方案（2024—2026年）》三(六)11';

export function dustBandOf(dustWorkers: number): DustBand {
  if (dustWorkers >= 30) return '30plus';
  if (dustWorkers >= 10) return '10to29';
  return 'under10';
}

/** Dashboard counts leave closed enterprises out; links add this status filter so the list shows the same number. */
export const ACTIVE_STATUSES = ENTERPRISE_STATUSES.filter((s) => s !== 'closed').join(',');

export function sectorLabel(sector: EnterpriseDto['sector'] | string | null | undefined): string {
  return sector ? (SECTOR_LABELS[sector as keyof typeof SECTOR_LABELS] ?? sector) : '未归类';
}

/** Whether a standardization certificate has expired (compared by calendar day in Asia/Shanghai). */
export function isExpired(expiry: string | null | undefined): boolean {
  if (!expiry) return false;
  return expiry < dayjs().tz('Asia/Shanghai').format('YYYY-MM-DD');
}

/** Splits a comma-separated URL filter into its values. */
export function splitCsv(value: string | undefined): string[] {
  return value ? value.split(',').filter(Boolean) : [];
}
