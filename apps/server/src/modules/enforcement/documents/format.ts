const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** '2026-03-05' → '2026年3月5日' (GB/T 9704: dates in Arabic numerals, no leading zeros). */
export function chineseDate(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new RangeError(`日期格式不正确：${date}`);
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

function shanghai(instant: string): Date {
  const t = Date.parse(instant);
  if (Number.isNaN(t)) throw new RangeError(`时间格式不正确：${instant}`);
  return new Date(t + SHANGHAI_OFFSET_MS);
}

/** An instant in Asia/Shanghai: '2026-03-05T01:30:00Z' → '2026年3月5日9时30分'. */
export function chineseDateTime(instant: string): string {
  const d = shanghai(instant);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日${d.getUTCHours()}时${String(d.getUTCMinutes()).padStart(2, '0')}分`;
}

/** The time of day only (for "至11时05分" on the same day). */
export function chineseTime(instant: string): string {
  const d = shanghai(instant);
  return `${d.getUTCHours()}时${String(d.getUTCMinutes()).padStart(2, '0')}分`;
}

export const sameShanghaiDay = (a: string, b: string) => shanghai(a).toISOString().slice(0, 10) === shanghai(b).toISOString().slice(0, 10);
