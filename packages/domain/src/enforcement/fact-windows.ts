import type { FactWindow } from '@zhiben/contracts';

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/**
 * The start of a look-back window ending at `now`: `{ days: 30 }` is the last 30 × 24 h; `{ months: 12 }` is the
 * same local (Asia/Shanghai) wall-clock time 12 calendar months earlier, on the last day of that month when the
 * day does not exist there (2026-03-31 minus 1 month → 2026-02-28). The server counts a fact over [start, now].
 */
export function factWindowStart(now: Date, window: FactWindow): Date {
  if ('days' in window) return new Date(now.getTime() - window.days * DAY_MS);
  const local = new Date(now.getTime() + SHANGHAI_OFFSET_MS);
  const monthIndex = local.getUTCFullYear() * 12 + local.getUTCMonth() - window.months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(local.getUTCDate(), lastDay);
  const timeOfDay = local.getTime() - Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
  return new Date(Date.UTC(year, month, day) + timeOfDay - SHANGHAI_OFFSET_MS);
}
