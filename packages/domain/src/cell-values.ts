/**
 * Normalisation of spreadsheet cell values for the Excel ledger import (台账导入). Officials' files mix full-width
 * digits, stray spaces (full-width, NBSP, zero-width), dates typed as text in half a dozen ways, "12 人" in number
 * columns and 是/否, √, Y/N in yes-no columns. Every parser returns a result with a Chinese reason, never throws.
 *
 * Values arrive as ExcelJS gives them: string, number, boolean, Date, null/undefined, or an object for rich text
 * (`{ richText: [{ text }] }`), formulas (`{ formula, result }`), hyperlinks (`{ text, hyperlink }`) and errors
 * (`{ error: '#N/A' }`). `cellPrimitive` unwraps those.
 */

export type CellResult<T> = { ok: true; value: T } | { ok: false; reason: string };

const ok = <T>(value: T): CellResult<T> => ({ ok: true, value });
const fail = <T = never>(reason: string): CellResult<T> => ({ ok: false, reason });

/** The primitive inside an ExcelJS cell value (rich text joined, formula result, hyperlink text); `null` when blank. */
export function cellPrimitive(value: unknown): string | number | boolean | Date | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) {
      return v.richText
        .map((run) => (typeof run === 'object' && run !== null ? String((run as { text?: unknown }).text ?? '') : ''))
        .join('');
    }
    if ('result' in v) return cellPrimitive(v.result);
    if ('text' in v) return cellPrimitive(v.text);
    if ('error' in v) return null;
  }
  return null;
}

/** True when the cell holds nothing but whitespace. */
export function isBlankCell(value: unknown): boolean {
  const v = cellPrimitive(value);
  return v === null || (typeof v === 'string' && cleanText(v) === '');
}

/** Full-width ASCII variants (U+FF01–U+FF5E) → ASCII; the ideographic space U+3000 → ' '. Folds everything, punctuation too. */
export function toHalfWidth(s: string): string {
  return s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/**
 * Full-width characters that are safe to fold anywhere, names included: digits, Latin letters and the symbols used
 * in codes, numbers, phones and e-mail addresses (＋－．／＠＿％＃). Chinese punctuation such as （）、，：；！？ is
 * left alone: "长治市鑫达木业有限公司（分厂）" is the registered name and must survive the import unchanged.
 */
const SAFE_FULL_WIDTH = /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff0b\uff0d\uff0e\uff0f\uff20\uff3f\uff05\uff03]/g;
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;

/**
 * Cleans free text: removes zero-width characters, folds full-width digits/letters/code symbols (see above),
 * turns every whitespace run (incl. U+3000, NBSP, line breaks from Alt+Enter) into one ASCII space, and trims.
 */
export function cleanText(s: string): string {
  return s
    .replace(ZERO_WIDTH, '')
    .replace(SAFE_FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, ' ')
    .trim();
}

/** Text of a cell for display in a reason (short, cleaned). */
function show(v: string | number | boolean | Date): string {
  const s = v instanceof Date ? (Number.isNaN(v.getTime()) ? 'Invalid Date' : v.toISOString()) : String(v);
  return s.length > 20 ? `${s.slice(0, 20)}…` : s;
}

// ---------------------------------------------------------------------------------------------------------------
// Dates

/** Last Excel 1900-system serial: 9999-12-31. */
const MAX_EXCEL_SERIAL = 2_958_465;
const DAY_MS = 86_400_000;

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeap(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function ymd(y: number, m: number, d: number): CellResult<string> {
  if (![y, m, d].every(Number.isInteger)) return fail('日期无效');
  if (y < 1900 || y > 9999) return fail(`年份 ${y} 不合理`);
  if (m < 1 || m > 12) return fail(`月份 ${m} 不存在`);
  if (d < 1 || d > daysInMonth(y, m)) return fail(`${y} 年 ${m} 月没有 ${d} 日`);
  return ok(`${pad(y, 4)}-${pad(m)}-${pad(d)}`);
}

/** An Excel serial day number (1900 date system, as Windows Excel and WPS write it) → 'YYYY-MM-DD'. */
export function excelSerialToDate(serial: number): CellResult<string> {
  if (!Number.isFinite(serial)) return fail('日期数值无效');
  const day = Math.floor(serial); // the fraction is the time of day
  if (day < 1) return fail(`日期序号 ${serial} 无效（应为正数）`);
  if (day > MAX_EXCEL_SERIAL) return fail(`日期序号 ${serial} 超出 Excel 日期范围`);
  // Excel keeps Lotus 1-2-3's phantom 1900-02-29 as serial 60: serials 1–59 are 1900-01-01…02-28, 61 is 03-01.
  if (day === 60) return fail('1900-02-29 不存在（Excel 1900 日期系统的已知错误），请核对日期');
  const epoch = day < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  const date = new Date(epoch + day * DAY_MS);
  return ok(`${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`);
}

const DATE_PATTERNS: readonly RegExp[] = [
  /^(?<y>\d{4})(?<sep>[-/.])(?<m>\d{1,2})\k<sep>(?<d>\d{1,2})$/, // 2024-01-05, 2024/1/5, 2024.1.5
  /^(?<y>\d{4})年(?<m>\d{1,2})月(?<d>\d{1,2})[日号]?$/, // 2024年1月5日
  /^(?<y>\d{4})(?<m>\d{2})(?<d>\d{2})$/, // 20240105
];

/**
 * A date cell → 'YYYY-MM-DD'. Accepts an Excel serial number (1900 system, time of day ignored), a JS Date
 * (read in UTC, as ExcelJS builds dates from serials) and text: 2024-01-05, 2024/1/5, 2024.1.5, 2024年1月5日,
 * 20240105, optionally followed by a time (" 08:30" or " 08:30:00") which is ignored; full-width digits and
 * spaces are tolerated. Two-digit years are refused rather than guessed.
 */
export function parseExcelDate(value: unknown): CellResult<string> {
  const v = cellPrimitive(value);
  if (v === null) return fail('未填写日期');
  if (typeof v === 'boolean') return fail(`「${show(v)}」不是日期`);
  if (typeof v === 'number') return excelSerialToDate(v);
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return fail('日期无效');
    return ymd(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate());
  }
  const text = toHalfWidth(cleanText(v))
    .replace(/(?:\s+|T)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/, '') // trailing time of day
    .replace(/\s+/g, '');
  if (text === '') return fail('未填写日期');
  for (const pattern of DATE_PATTERNS) {
    const g = pattern.exec(text)?.groups;
    if (g) return ymd(Number(g.y), Number(g.m), Number(g.d));
  }
  if (/^\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}日?$/.test(text)) return fail(`「${show(v)}」年份应写 4 位，如 2024-01-05`);
  return fail(`「${show(v)}」不是可识别的日期，请写成 2024-01-05 或 2024年1月5日`);
}

// ---------------------------------------------------------------------------------------------------------------
// Numbers

/** Units officials append to head counts and quantities ("12 人", "3台"). */
const UNIT_SUFFIX = /\s*(人次|人|名|个|位|家|台|套|处|座|次|辆)$/;

/**
 * A non-negative whole number: 12, 12.0, '12', '１２', '12 人', '1,200'. Refuses fractions (12.5), negatives,
 * Chinese numerals and anything else, with a Chinese reason.
 */
export function parseIntCell(value: unknown): CellResult<number> {
  const v = cellPrimitive(value);
  if (v === null) return fail('未填写数值');
  if (typeof v === 'boolean' || v instanceof Date) return fail(`「${show(v)}」不是数值`);
  let n: number;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return fail('数值无效');
    n = v;
  } else {
    // Spaces are not removed inside the number: "12 3" is a typo to report, not 123.
    const text = toHalfWidth(cleanText(v)).replace(UNIT_SUFFIX, '').trim();
    if (text === '') return fail('未填写数值');
    if (!/^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/.test(text)) {
      if (/^[零〇一二三四五六七八九十百千万两]+$/.test(text)) return fail(`「${show(v)}」请填写阿拉伯数字`);
      return fail(`「${show(v)}」不是数值`);
    }
    n = Number(text.replace(/,/g, ''));
  }
  const rounded = Math.round(n);
  // Formula results can carry binary noise (11.999999999998); a real fraction cannot.
  if (Math.abs(n - rounded) > 1e-9) return fail(`「${show(v)}」应为整数`);
  if (rounded < 0) return fail(`「${show(v)}」不能为负数`);
  if (!Number.isSafeInteger(rounded)) return fail(`「${show(v)}」数值过大`);
  return ok(rounded === 0 ? 0 : rounded); // no -0
}

// ---------------------------------------------------------------------------------------------------------------
// Yes / no

const TRUE_WORDS = new Set(['是', '有', '涉及', 'Y', 'YES', 'TRUE', 'T', '1', '√', '✓', '✔', '☑']);
const FALSE_WORDS = new Set(['否', '无', '不涉及', 'N', 'NO', 'FALSE', 'F', '0', '×', '✗', '✘', '☐']);

/** 是/否, 有/无, 涉及/不涉及, Y/N, Yes/No, TRUE/FALSE, 1/0, √/×, or a boolean. A blank cell is not "no": it fails. */
export function parseBoolCell(value: unknown): CellResult<boolean> {
  const v = cellPrimitive(value);
  if (v === null) return fail('未填写（应为 是 或 否）');
  if (typeof v === 'boolean') return ok(v);
  if (typeof v === 'number') {
    if (v === 1) return ok(true);
    if (v === 0) return ok(false);
    return fail(`「${show(v)}」应为 是 或 否`);
  }
  if (v instanceof Date) return fail('日期不能作为 是/否');
  const text = toHalfWidth(cleanText(v)).replace(/\s+/g, '').toUpperCase();
  if (text === '') return fail('未填写（应为 是 或 否）');
  if (TRUE_WORDS.has(text)) return ok(true);
  if (FALSE_WORDS.has(text)) return ok(false);
  return fail(`「${show(v)}」应为 是 或 否`);
}

// ---------------------------------------------------------------------------------------------------------------
// Enumerations

/** Comparison key: half-width, no whitespace at all, upper case. '三 级' ≡ '三级', 'Level3' ≡ 'level3', （）≡ (). */
function enumKey(s: string): string {
  return toHalfWidth(s.replace(ZERO_WIDTH, '')).replace(/\s+/g, '').toUpperCase();
}

/**
 * Matches a cell against an enumeration given as `{ code: 中文标签 }` (e.g. STANDARDIZATION_LEVEL_LABELS): the
 * Chinese label or the code, ignoring spaces, full-width forms and letter case. Fails when nothing matches, or
 * when the text would match two different codes (labels that differ only in spacing or width).
 */
export function parseEnumCell<T extends string>(value: unknown, labels: Readonly<Record<T, string>>): CellResult<T> {
  const v = cellPrimitive(value);
  const options = (Object.keys(labels) as T[]).map((code) => ({ code, label: labels[code] }));
  const list = options.map((o) => o.label).join('、');
  if (v === null) return fail(`未填写（可选：${list}）`);
  if (v instanceof Date || typeof v === 'boolean') return fail(`「${show(v)}」不是有效选项（可选：${list}）`);
  const key = enumKey(String(v));
  if (key === '') return fail(`未填写（可选：${list}）`);
  const byLabel = options.filter((o) => enumKey(o.label) === key);
  const matches = byLabel.length > 0 ? byLabel : options.filter((o) => enumKey(o.code) === key);
  const first = matches[0];
  if (first === undefined) return fail(`「${show(v)}」不是有效选项（可选：${list}）`);
  if (matches.length > 1) return fail(`「${show(v)}」同时匹配多个选项（${matches.map((m) => m.label).join('、')}），请填写准确名称`);
  return ok(first.code);
}
