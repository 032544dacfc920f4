/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character alphabet (no I, O, Z, S, V);
 * the 18th is a check character computed with weights 3^(i) mod 31. Because 31 is prime and every weight is
 * non-zero mod 31, any single changed character changes the checksum: single-character typos are always caught.
 * So is every swap of two adjacent different characters (neighbouring weights differ by a factor 3, and 3 − 1 is
 * non-zero mod 31).
 *
 * Layout: 1 登记管理部门代码 (9 = 市场监管/工商), 2 机构类别代码 (1 = 企业), 3–8 登记管理机关行政区划码,
 * 9–17 主体标识码 (组织机构代码, GB 11714, whose 9th character is its own check character), 18 校验码.
 */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/**
 * What failed, in the order the checks run:
 * - `empty`: nothing entered;
 * - `length`: not 18 characters after normalisation;
 * - `character`: a character outside the alphabet (`position` = the first such character);
 * - `region`: a non-digit among positions 3–8 (`position` = the first such character);
 * - `checksum`: every character is legal but the 18th does not match the first 17. **`position` is `null`**:
 *   a single wrong character anywhere (positions 1–18) produces this, and nothing tells which one. Pointing at
 *   the 18th character (as the first version did, with "应为「X」") led officials to "fix" the check character,
 *   which turns a typo into a valid-looking code of another enterprise.
 */
export type CreditCodeProblem = 'empty' | 'length' | 'character' | 'region' | 'checksum';

export type CreditCodeCheck =
  | { ok: true; code: string }
  | { ok: false; code: string; problem: CreditCodeProblem; position: number | null; message: string };

/**
 * Upper-cases, strips whitespace (ASCII, full-width U+3000, NBSP) and zero-width characters, and folds
 * full-width letters/digits to ASCII.
 */
export function normalizeCreditCode(raw: string): string {
  return raw
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000\u200b-\u200d\u2060\ufeff]/g, '')
    .toUpperCase();
}

export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CODE_ALPHABET.indexOf(first17[i] ?? '');
    if (value < 0) throw new Error(`invalid character at ${i + 1}`);
    sum += value * (WEIGHTS[i] ?? 0);
  }
  const check = (31 - (sum % 31)) % 31;
  return CREDIT_CODE_ALPHABET[check] ?? '0';
}

/** Characters officials commonly type for a digit the alphabet excludes on purpose. */
const LOOKALIKE_DIGIT: Record<string, string> = { O: '0', I: '1', Z: '2', S: '5' };

/** Validates a code, reporting the problem and, where it can be known, the 1-based position, in a Chinese message. */
export function checkCreditCode(raw: string): CreditCodeCheck {
  const code = normalizeCreditCode(raw);
  if (code.length === 0) {
    return { ok: false, code, problem: 'empty', position: null, message: '请输入统一社会信用代码' };
  }
  if (code.length !== 18) {
    let hint = '';
    if (/^\d{15}$/.test(code)) hint = '（疑似旧版 15 位工商注册号，请填写营业执照上的 18 位统一社会信用代码）';
    else if (/^[0-9A-Z]{8}-?[0-9X]$/.test(code)) hint = '（疑似 9 位组织机构代码，请填写 18 位统一社会信用代码）';
    return {
      ok: false,
      code,
      problem: 'length',
      position: null,
      message: `统一社会信用代码应为 18 位，当前为 ${code.length} 位${hint}`,
    };
  }
  for (let i = 0; i < 18; i++) {
    const ch = code[i] ?? '';
    if (!CREDIT_CODE_ALPHABET.includes(ch)) {
      const digit = LOOKALIKE_DIGIT[ch];
      const hint = digit === undefined ? '' : `，是否应为数字「${digit}」`;
      return {
        ok: false,
        code,
        problem: 'character',
        position: i + 1,
        message: `统一社会信用代码第 ${i + 1} 位「${ch}」不是有效字符（不使用 I、O、Z、S、V${hint}）`,
      };
    }
  }
  // Positions 3–8 are the administrative-division code of the registering authority: digits only.
  for (let i = 2; i < 8; i++) {
    if (!/\d/.test(code[i] ?? '')) {
      return {
        ok: false,
        code,
        problem: 'region',
        position: i + 1,
        message: `统一社会信用代码第 ${i + 1} 位应为数字（第 3–8 位为登记管理机关行政区划码）`,
      };
    }
  }
  if (code[17] !== creditCodeCheckChar(code.slice(0, 17))) {
    return {
      ok: false,
      code,
      problem: 'checksum',
      position: null,
      message: '统一社会信用代码校验不通过：18 位中至少有一位录入有误（任何一位都可能），请对照营业执照逐位核对，不要只改最后一位',
    };
  }
  return { ok: true, code };
}

/** Builds a valid code from its first 17 characters (demo data, tests). */
export function withCheckChar(first17: string): string {
  return first17 + creditCodeCheckChar(first17);
}

const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

/**
 * The check character of a GB 11714 组织机构代码 (positions 9–17 of a credit code) from its first 8 characters:
 * digits count 0–9, letters A–Z count 10–35; 11 − (Σ mod 11), written 'X' for 10 and '0' for 11.
 * Informational only: `checkCreditCode` does not require it (codes issued without a prior 组织机构代码 are not
 * known to follow it everywhere, and the demo accounts' code does not).
 */
export function organizationCodeCheckChar(first8: string): string {
  if (!/^[0-9A-Z]{8}$/.test(first8)) throw new Error('organization code body must be 8 characters 0-9/A-Z');
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = first8.charCodeAt(i);
    const value = ch <= 57 ? ch - 48 : ch - 55;
    sum += value * (ORG_WEIGHTS[i] ?? 0);
  }
  const r = 11 - (sum % 11);
  return r === 10 ? 'X' : r === 11 ? '0' : String(r);
}
