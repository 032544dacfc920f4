/**
 * Calendar quarters in China Standard Time. The seed requires the principal to lead an inspection 每季度至少1次
 * (§三(四)6); a quarter is a local (Asia/Shanghai, UTC+8, no daylight saving) calendar quarter, so an inspection
 * at 2026-12-31 23:59 local belongs to 2026Q4 even though it is 15:59 UTC.
 */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

export interface Quarter {
  year: number;
  quarter: 1 | 2 | 3 | 4;
}

export function quarterOf(instant: Date): Quarter {
  const local = new Date(instant.getTime() + SHANGHAI_OFFSET_MS);
  return { year: local.getUTCFullYear(), quarter: (Math.floor(local.getUTCMonth() / 3) + 1) as Quarter['quarter'] };
}

export const formatQuarter = (q: Quarter) => `${q.year}Q${q.quarter}`;

export function parseQuarter(text: string): Quarter | null {
  const m = /^(\d{4})Q([1-4])$/.exec(text.trim().toUpperCase());
  return m ? { year: Number(m[1]), quarter: Number(m[2]) as Quarter['quarter'] } : null;
}

/** [start, end) of a quarter as UTC instants. */
export function quarterRange(q: Quarter): { start: Date; end: Date } {
  const startMonth = (q.quarter - 1) * 3;
  const start = new Date(Date.UTC(q.year, startMonth, 1) - SHANGHAI_OFFSET_MS);
  const end = new Date(Date.UTC(q.year, startMonth + 3, 1) - SHANGHAI_OFFSET_MS);
  return { start, end };
}

/** Whole local days left in the quarter containing `instant` (1 on its last day). */
export function daysLeftInQuarter(instant: Date): number {
  const { end } = quarterRange(quarterOf(instant));
  return Math.ceil((end.getTime() - instant.getTime()) / 86_400_000);
}

/** The last 15 days of a quarter, when enterprises whose principal has not yet led an inspection are reminded. */
export const QUARTER_REMINDER_DAYS = 15;
export const inReminderWindow = (instant: Date) => daysLeftInQuarter(instant) <= QUARTER_REMINDER_DAYS;
