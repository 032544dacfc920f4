import type { InspectionDto, ItemResult } from '@zhiben/contracts';

/** UI.md status colours: 进行中 blue, 已完成 green, 待处理 orange. */
export const INSPECTION_STATUS_COLORS: Record<InspectionDto['status'], string> = {
  planned: 'orange',
  in_progress: 'blue',
  completed: 'green',
};

export const RESULT_COLORS: Record<ItemResult, string> = {
  pending: 'default',
  compliant: 'green',
  non_compliant: 'red',
  not_applicable: 'default',
};

/** The current quarter in Asia/Shanghai as `2026Q4`. */
export function quarterOf(date: { year(): number; month(): number }): string {
  return `${date.year()}Q${Math.floor(date.month() / 3) + 1}`;
}
