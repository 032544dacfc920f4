import { describe, expect, it } from 'vitest';
import {
  CREDIT_CODE_ALPHABET,
  checkCreditCode,
  creditCodeCheckChar,
  normalizeCreditCode,
  organizationCodeCheckChar,
  withCheckChar,
} from './credit-code.js';

/** Independent reference (GB 32100-2015 §4): weights computed as 3^i mod 31, not copied from the implementation. */
function referenceCheckChar(first17: string): string {
  let sum = 0;
  let weight = 1;
  for (const ch of first17) {
    sum += '0123456789ABCDEFGHJKLMNPQRTUWXY'.indexOf(ch) * weight;
    weight = (weight * 3) % 31;
  }
  return '0123456789ABCDEFGHJKLMNPQRTUWXY'.charAt((31 - (sum % 31)) % 31);
}

/** Codes of well-known enterprises as printed on their public licences; their check characters are recomputed below. */
const REAL_CODES = [
  '91330100799655058B',
  '914403001922038216',
  '91110108551385082Q',
  '91110000710925243K',
  '91440300708461136T',
  '9144030071526726XG',
  '911100007109250324',
  '91110000710935732K',
  '91110000717828315T',
];

/** Constructed codes, chosen so the check character covers the ends of the alphabet (0, A, X, Y) and non-enterprise types. */
const CONSTRUCTED_CODES = [
  ['91140404MA0DEM1X2', 'U'], // the demo accounts' enterprise
  ['91140404MA0100010', '0'],
  ['91140404MA0100023', 'A'],
  ['91140404MA0100039', 'X'],
  ['91140404MA0100000', 'Y'],
  ['52140404MJY123456', 'X'], // 民政 / 民办非企业单位
  ['12140404405812345', 'A'], // 机构编制 / 事业单位
  ['93140421MA0K7QW3P', 'P'], // 农民专业合作社, old 长治县 division code
] as const;

const VALID_CODES = [...REAL_CODES, ...CONSTRUCTED_CODES.map(([body, check]) => body + check)];
const EXCLUDED_LETTERS = ['I', 'O', 'Z', 'S', 'V'];

describe('check character', () => {
  it.each(REAL_CODES)('real code %s: the printed check character is the computed one', (code) => {
    expect(referenceCheckChar(code.slice(0, 17))).toBe(code[17]);
    expect(creditCodeCheckChar(code.slice(0, 17))).toBe(code[17]);
  });

  it.each(CONSTRUCTED_CODES)('withCheckChar(%s) appends %s', (body, check) => {
    expect(withCheckChar(body)).toBe(body + check);
    expect(referenceCheckChar(body)).toBe(check);
  });

  it('matches the reference on many pseudo-random bodies', () => {
    let seed = 7;
    for (let n = 0; n < 2000; n++) {
      let body = '';
      for (let i = 0; i < 17; i++) {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        body += CREDIT_CODE_ALPHABET.charAt(seed % 31);
      }
      expect(creditCodeCheckChar(body)).toBe(referenceCheckChar(body));
    }
  });

  it('throws on a body with a character outside the alphabet', () => {
    expect(() => creditCodeCheckChar('91140404MA0DEM1XO')).toThrow(/17/);
  });
});

describe('valid codes', () => {
  it.each(VALID_CODES)('%s is accepted as is', (code) => {
    expect(checkCreditCode(code)).toEqual({ ok: true, code });
  });

  it.each(VALID_CODES)('%s is accepted in lower case, spaced, full-width, with NBSP and zero-width characters', (code) => {
    const fullWidth = [...code].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('');
    const variants = [
      code.toLowerCase(),
      ` ${code.slice(0, 6)} ${code.slice(6, 12)} ${code.slice(12)} `,
      `\u3000${code}\u3000`,
      `${code.slice(0, 9)}\u00a0${code.slice(9)}`,
      `\ufeff${code}\u200b`,
      `\t${code}\n`,
      fullWidth,
      fullWidth.toLowerCase(),
      `${fullWidth.slice(0, 8)}\u3000${fullWidth.slice(8)}`,
    ];
    for (const v of variants) expect(checkCreditCode(v), JSON.stringify(v)).toEqual({ ok: true, code });
  });

  it('normalises full-width digits such as ９１１４…', () => {
    expect(normalizeCreditCode('９１１４０４０４ＭＡ０ＤＥＭ１Ｘ２Ｕ')).toBe('91140404MA0DEM1X2U');
    expect(normalizeCreditCode('９１１４ ０４０４ ｍａ０ｄｅｍ１ｘ２ｕ')).toBe('91140404MA0DEM1X2U');
  });
});

type Expected = { problem: 'character' | 'region' | 'checksum'; position: number | null };

/** The documented contract for a code with exactly one character replaced (after normalisation). */
function expectedFor(position: number, ch: string): Expected {
  if (!CREDIT_CODE_ALPHABET.includes(ch)) return { problem: 'character', position };
  if (position >= 3 && position <= 8 && !/\d/.test(ch)) return { problem: 'region', position };
  return { problem: 'checksum', position: null };
}

describe('every single-character corruption is rejected', () => {
  const replacements = [...CREDIT_CODE_ALPHABET, ...EXCLUDED_LETTERS];

  describe.each(VALID_CODES)('%s', (code) => {
    it.each(Array.from({ length: 18 }, (_, i) => i + 1))('position %i', (position) => {
      const original = code.charAt(position - 1);
      let checked = 0;
      for (const upper of replacements) {
        if (upper === original) continue;
        const expected = expectedFor(position, upper);
        // The upper-case letter, its lower-case form and its full-width form must all behave the same.
        for (const ch of new Set([upper, upper.toLowerCase(), String.fromCharCode(upper.charCodeAt(0) + 0xfee0)])) {
          const corrupted = code.slice(0, position - 1) + ch + code.slice(position);
          const result = checkCreditCode(corrupted);
          expect(result.ok, corrupted).toBe(false);
          if (result.ok) continue;
          expect({ problem: result.problem, position: result.position }, corrupted).toEqual(expected);
          expect(result.code).toBe(normalizeCreditCode(corrupted));
          if (expected.position !== null) expect(result.message).toContain(`第 ${position} 位`);
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(60);
    });

    it('a lower-case form of the original character is not a corruption', () => {
      for (let i = 0; i < 18; i++) {
        const lowered = code.slice(0, i) + code.charAt(i).toLowerCase() + code.slice(i + 1);
        expect(checkCreditCode(lowered).ok).toBe(true);
      }
    });

    it('every swap of two adjacent different characters is rejected', () => {
      for (let i = 0; i < 17; i++) {
        const a = code.charAt(i);
        const b = code.charAt(i + 1);
        if (a === b) continue;
        const swapped = code.slice(0, i) + b + a + code.slice(i + 2);
        expect(checkCreditCode(swapped).ok, swapped).toBe(false);
      }
    });
  });

  it('a checksum failure names no position and does not suggest a check character', () => {
    const result = checkCreditCode('91140404MA0DEM1X2A');
    expect(result).toMatchObject({ ok: false, problem: 'checksum', position: null });
    if (!result.ok) {
      expect(result.message).toContain('逐位核对');
      expect(result.message).not.toMatch(/应为「/);
    }
  });

  it.each([
    ['O', '0'],
    ['I', '1'],
    ['Z', '2'],
    ['S', '5'],
  ])('suggests the digit for the look-alike letter %s', (letter, digit) => {
    const result = checkCreditCode(`91140404MA${letter}DEM1X2U`);
    expect(result).toMatchObject({ ok: false, problem: 'character', position: 11 });
    if (!result.ok) expect(result.message).toContain(`是否应为数字「${digit}」`);
  });

  it('reports the first of several illegal characters', () => {
    expect(checkCreditCode('9114O404MA0DEM1XIU')).toMatchObject({ ok: false, problem: 'character', position: 5 });
    expect(checkCreditCode('91A4040BMA0DEM1X2U')).toMatchObject({ ok: false, problem: 'region', position: 3 });
    // An illegal character is reported before a letter among positions 3–8.
    expect(checkCreditCode('91A40404MA0DEM1XOU')).toMatchObject({ ok: false, problem: 'character', position: 17 });
  });

  it('reports punctuation and CJK characters as illegal at their position', () => {
    expect(checkCreditCode('91140404MA0-EM1X2U')).toMatchObject({ problem: 'character', position: 12 });
    expect(checkCreditCode('91140404MA0DEM1X2号')).toMatchObject({ problem: 'character', position: 18 });
  });
});

describe('wrong length', () => {
  it.each([
    ['', 'empty', /请输入/],
    ['   \u3000 ', 'empty', /请输入/],
    ['91140404MA0DEM1X2', 'length', /当前为 17 位/],
    ['91140404MA0DEM1X2UU', 'length', /当前为 19 位/],
    ['140404600012345', 'length', /15 位工商注册号/],
    ['MA0DEM1X-2', 'length', /9 位组织机构代码/],
    ['79965505-8', 'length', /9 位组织机构代码/],
  ] as const)('%j → %s', (raw, problem, message) => {
    const result = checkCreditCode(raw);
    expect(result).toMatchObject({ ok: false, problem, position: null });
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it('a space typed inside the code is removed, not counted', () => {
    expect(checkCreditCode('91140404 MA0DEM1X2U').ok).toBe(true);
  });
});

describe('organizationCodeCheckChar (GB 11714)', () => {
  it.each(REAL_CODES)('matches position 17 of the real code %s', (code) => {
    expect(organizationCodeCheckChar(code.slice(8, 16))).toBe(code[16]);
  });

  it.each([
    ['00000000', '0'], // 11 − 0 = 11 → '0'
    ['71526726', 'X'], // → 10 → 'X'
  ])('%s → %s', (body, check) => {
    expect(organizationCodeCheckChar(body)).toBe(check);
  });

  it('rejects malformed bodies', () => {
    expect(() => organizationCodeCheckChar('1234567')).toThrow();
    expect(() => organizationCodeCheckChar('ma0dem1x')).toThrow();
  });
});
