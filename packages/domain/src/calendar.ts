/**
 * Calendar periods and deadlines in China Standard Time (Asia/Shanghai, UTC+8, no daylight saving). Instants are
 * stored in UTC; "this month" and "this year" on the 动态清零 board, and a deadline given as a date, are local.
 */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

export interface Period {
  /** e.g. '2026-07' or '2026'. */
  label: string;
  /** [start, end) as UTC instants. */
  start: Date;
  end: Date;
}

/** The local calendar parts of an instant. */
export function shanghaiParts(instant: Date): { year: number; month: number; day: number } {
  const local = new Date(instant.getTime() + SHANGHAI_OFFSET_MS);
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate() };
}

/** The local date of an instant, 'YYYY-MM-DD'. */
export function shanghaiDate(instant: Date): string {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The local calendar month containing `instant`. */
export function monthOf(instant: Date): Period {
  const { year, month } = shanghaiParts(instant);
  return {
    label: `${year}-${String(month).padStart(2, '0')}`,
    start: new Date(Date.UTC(year, month - 1, 1) - SHANGHAI_OFFSET_MS),
    end: new Date(Date.UTC(year, month, 1) - SHANGHAI_OFFSET_MS),
  };
}

/** The local calendar year containing `instant`. */
export function yearOf(instant: Date): Period {
  const { year } = shanghaiParts(instant);
  return {
    label: String(year),
    start: new Date(Date.UTC(year, 0, 1) - SHANGHAI_OFFSET_MS),
    end: new Date(Date.UTC(year + 1, 0, 1) - SHANGHAI_OFFSET_MS),
  };
}

/**
 * A deadline given as a local date means "by the end of that day": 2026-12-31 → 2026-12-31 23:59:59.999 +08:00.
 * Returns null for a string that is not a real calendar date.
 */
export function endOfShanghaiDay(date: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const start = Date.UTC(year, month - 1, day);
  const check = new Date(start);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return new Date(start + DAY_MS - 1 - SHANGHAI_OFFSET_MS);
}

/** Whole days from `from` to `to` (fractional days rounded to one decimal), for "average days to close". */
export function daysBetween(from: Date, to: Date): number {
  return Math.round(((to.getTime() - from.getTime()) / DAY_MS) * 10) / 10;
}
