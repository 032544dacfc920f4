import type { Dayjs } from 'dayjs';
import { APP_TZ, dayjs } from '../../lib/time';

/** 整改资金 is stored in fen (integer); the UI shows 元 with two decimals (UI.md "money in 元 with two decimals"). */
export function formatYuan(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '—';
  return `${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 元`;
}

/** 元 as typed (two decimals at most) → integer fen; rounding removes binary fractions (0.1 + 0.2). */
export function fenOf(yuan: number): number {
  return Math.round(yuan * 100);
}

export function yuanOf(fen: number | null | undefined): number | null {
  return fen === null || fen === undefined ? null : fen / 100;
}

/** A deadline instant as the calendar day it falls on in Asia/Shanghai (the pickers work in days). */
export function deadlineDay(value: string | null | undefined): Dayjs | null {
  return value ? dayjs(value).tz(APP_TZ) : null;
}

/** The calendar day the API expects ('YYYY-MM-DD' = by the end of that day, Asia/Shanghai). */
export function dayOf(value: Dayjs): string {
  return value.format('YYYY-MM-DD');
}

/** Days before today (Asia/Shanghai) cannot be picked: the server refuses deadlines in the past. */
export function beforeToday(day: Dayjs): boolean {
  return day.format('YYYY-MM-DD') < dayjs().tz(APP_TZ).format('YYYY-MM-DD');
}
