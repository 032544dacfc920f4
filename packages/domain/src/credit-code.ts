/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character alphabet (no I, O, Z, S, V);
 * the 18th is a check character computed with weights 3^(i) mod 31. Because 31 is prime and every weight is
 * non-zero mod 31, any single changed character changes the checksum: single-character typos are always caught.
 */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

export type CreditCodeCheck = { ok: true; code: string } | { ok: false; code: string; position: number | null; message: string };

/** Upper-cases, strips spaces (incl. full-width) and folds full-width letters/digits to ASCII. */
export function normalizeCreditCode(raw: string): string {
  return raw
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]/g, '')
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

/** Validates a code, reporting the 1-based position of the first problem in a Chinese message. */
export function checkCreditCode(raw: string): CreditCodeCheck {
  const code = normalizeCreditCode(raw);
  if (code.length !== 18) {
    return { ok: false, code, position: null, message: `统一社会信用代码应为 18 位，当前为 ${code.length} 位` };
  }
  for (let i = 0; i < 18; i++) {
    const ch = code[i] ?? '';
    if (!CREDIT_CODE_ALPHABET.includes(ch)) {
      return { ok: false, code, position: i + 1, message: `统一社会信用代码第 ${i + 1} 位「${ch}」不是有效字符（不使用 I、O、Z、S、V）` };
    }
  }
  // Positions 3–8 are the administrative-division code of the registering authority: digits only.
  for (let i = 2; i < 8; i++) {
    if (!/\d/.test(code[i] ?? '')) {
      return { ok: false, code, position: i + 1, message: `统一社会信用代码第 ${i + 1} 位应为数字（第 3–8 位为登记管理机关行政区划码）` };
    }
  }
  const expected = creditCodeCheckChar(code.slice(0, 17));
  if (code[17] !== expected) {
    return {
      ok: false,
      code,
      position: 18,
      message: `统一社会信用代码第 18 位校验码不正确（应为「${expected}」），请核对前 17 位是否有误`,
    };
  }
  return { ok: true, code };
}

/** Builds a valid code from its first 17 characters (demo data, tests). */
export function withCheckChar(first17: string): string {
  return first17 + creditCodeCheckChar(first17);
}
