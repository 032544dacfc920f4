import { DOCUMENT_PREFIX_FORBIDDEN } from '@zhiben/contracts';

/**
 * Enforcement document numbers (文号), e.g. 上应急责改〔2026〕12号, per GB/T 9704-2012 §7.2.4: the year in full
 * inside 六角括号〔〕, the sequence in Arabic numerals without leading zeros (不编虚位) and without 第, followed by 号.
 * The gap-free per-(year, type) sequence itself is allocated by the server in the database.
 */
export interface DocumentNumber {
  prefix: string;
  year: number;
  sequence: number;
}

/** Formats a number; throws RangeError for parts that would not parse back (a programming error, not user input). */
export function formatDocumentNumber({ prefix, year, sequence }: DocumentNumber): string {
  if (prefix === '' || DOCUMENT_PREFIX_FORBIDDEN.test(prefix)) throw new RangeError(`文号前缀不合法：${prefix}`);
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`年份不合法：${year}`);
  if (!Number.isSafeInteger(sequence) || sequence < 1) throw new RangeError(`顺序号不合法：${sequence}`);
  return `${prefix}〔${year}〕${sequence}号`;
}

const NUMBER_PATTERN = /^(.+?)[〔[［](\d{4})[〕\]］]([1-9]\d*)号$/;

/**
 * Parses a number as typed: spaces are ignored and the half-width [ ] and full-width ［ ］ brackets people type for
 * 〔 〕 are accepted. Returns null when it is not a number (no prefix, two-digit year, 第, leading zeros, no 号).
 * `formatDocumentNumber(parse(x))` gives the canonical spelling.
 */
export function parseDocumentNumber(text: string): DocumentNumber | null {
  const m = NUMBER_PATTERN.exec(text.replace(/\s+/g, ''));
  if (!m) return null;
  const [, prefix = '', year, sequence] = m;
  const parsed = { prefix, year: Number(year), sequence: Number(sequence) };
  return Number.isSafeInteger(parsed.sequence) ? parsed : null;
}

/**
 * Duplicates and gaps in the sequences issued for one (year, type), for the check that numbering never repeats and
 * never skips: sequences must be exactly 1..n.
 */
export function sequenceProblems(sequences: readonly number[]): { duplicates: number[]; gaps: number[] } {
  const counts = new Map<number, number>();
  for (const s of sequences) counts.set(s, (counts.get(s) ?? 0) + 1);
  const duplicates = [...counts]
    .filter(([, n]) => n > 1)
    .map(([s]) => s)
    .sort((a, b) => a - b);
  const max = Math.max(0, ...counts.keys());
  const gaps: number[] = [];
  for (let s = 1; s <= max; s++) if (!counts.has(s)) gaps.push(s);
  return { duplicates, gaps };
}
