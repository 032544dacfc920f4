import { SECTORS, type Sector } from '@zhiben/contracts';
import { describe, expect, it } from 'vitest';
import { SECTOR_RULE_SET, SECTOR_RULES } from '../../db/src/seed/sector-rules.data.js';
import { deriveSector, industrySection, matchSectorRule, normalizeIndustryCode, type SectorRule, validateSectorRules } from './sector.js';

describe('normalizeIndustryCode', () => {
  it.each([
    ['2021', '2021'],
    ['C2021', '2021'],
    ['c2021', '2021'],
    [' 2021 ', '2021'],
    ['C 2021', '2021'],
    ['２０２１', '2021'],
    ['Ｃ２０２１', '2021'],
    ['ｃ２０２１', '2021'],
    ['\u30002021\u3000', '2021'],
    ['2021\u00a0', '2021'],
    ['20 21', '2021'],
    ['20', '20'],
    ['C20', '20'],
    ['305', '305'],
    ['F5124', '5124'],
    ['G5930', '5930'],
    ['A0111', '0111'],
    ['0511', '0511'],
    [2021, '2021'],
    [31, '31'],
  ] as const)('%j → %s', (raw, expected) => {
    expect(normalizeIndustryCode(raw)).toBe(expected);
  });

  it.each([
    [''],
    ['   '],
    ['2'],
    ['20211'],
    ['abc'],
    ['C'],
    ['00'],
    ['0099'],
    ['98'],
    ['9901'],
    ['F2021'], // 20 is in 门类 C, not F
    ['C5124'], // 51 is in 门类 F
    ['U2021'], // no 门类 U
    ['20-21'],
    ['2021.0'],
    ['C-2021'],
    ['二〇二一'],
    [20.5],
    [-2021],
    [99],
  ] as const)('%j → null', (raw) => {
    expect(normalizeIndustryCode(raw)).toBeNull();
  });
});

describe('industrySection', () => {
  it.each([
    ['0111', 'A'],
    ['05', 'A'],
    ['0610', 'B'],
    ['12', 'B'],
    ['1310', 'C'],
    ['4330', 'C'],
    ['4411', 'D'],
    ['50', 'E'],
    ['5124', 'F'],
    ['5212', 'F'],
    ['5310', 'G'],
    ['5930', 'G'],
    ['60', 'G'],
    ['61', 'H'],
    ['70', 'K'],
    ['83', 'P'],
    ['9700', 'T'],
    ['00', null],
    ['98', null],
  ] as const)('%s → %s', (code, letter) => {
    expect(industrySection(code)).toBe(letter);
  });
});

describe('deriveSector with the 2019-17 rule set', () => {
  const table: readonly (readonly [string | number, Sector | null])[] = [
    // 冶金 = 31
    ['3110', 'metallurgy'],
    ['3120', 'metallurgy'],
    ['3130', 'metallurgy'],
    ['3140', 'metallurgy'],
    ['31', 'metallurgy'],
    ['C3120', 'metallurgy'],
    // 有色 = 32
    ['3216', 'nonferrous'],
    ['3217', 'nonferrous'],
    ['3240', 'nonferrous'],
    ['3251', 'nonferrous'],
    ['3252', 'nonferrous'],
    ['32', 'nonferrous'],
    // 建材 = 30 …
    ['3011', 'building_materials'],
    ['3012', 'building_materials'],
    ['3021', 'building_materials'],
    ['3022', 'building_materials'],
    ['3031', 'building_materials'],
    ['3041', 'building_materials'], // 平板玻璃 stays 建材: only 305 glass *products* are excluded
    ['3042', 'building_materials'],
    ['304', 'building_materials'],
    ['3061', 'building_materials'],
    ['3071', 'building_materials'], // 建筑陶瓷
    ['3072', 'building_materials'], // 卫生陶瓷
    ['3089', 'building_materials'],
    ['3091', 'building_materials'],
    ['301', 'building_materials'],
    // … except 305 and 3073/3074/3075/3076/3079 (→ 轻工, unverified)
    ['3051', 'light_industry'],
    ['3052', 'light_industry'],
    ['3054', 'light_industry'],
    ['3055', 'light_industry'],
    ['3059', 'light_industry'],
    ['305', 'light_industry'],
    ['C3054', 'light_industry'],
    ['3073', 'light_industry'],
    ['3074', 'light_industry'],
    ['3075', 'light_industry'],
    ['3076', 'light_industry'],
    ['3079', 'light_industry'],
    // 机械 = 33–40, 43
    ['3311', 'machinery'],
    ['3360', 'machinery'],
    ['3391', 'machinery'],
    ['3392', 'machinery'],
    ['3411', 'machinery'],
    ['3453', 'machinery'],
    ['3511', 'machinery'],
    ['3670', 'machinery'],
    ['3711', 'machinery'],
    ['3811', 'machinery'],
    ['3831', 'machinery'],
    ['3851', 'machinery'],
    ['3911', 'machinery'],
    ['4011', 'machinery'],
    ['4310', 'machinery'],
    ['4330', 'machinery'],
    ['33', 'machinery'],
    ['43', 'machinery'],
    // … except 384 电池 (→ 轻工, unverified)
    ['3841', 'light_industry'],
    ['3849', 'light_industry'],
    ['384', 'light_industry'],
    // 轻工
    ['1310', 'light_industry'],
    ['1351', 'light_industry'],
    ['1411', 'light_industry'],
    ['1512', 'light_industry'],
    ['1910', 'light_industry'],
    ['1941', 'light_industry'],
    ['1951', 'light_industry'],
    ['2011', 'light_industry'],
    ['2021', 'light_industry'],
    ['2039', 'light_industry'],
    ['2110', 'light_industry'],
    ['2221', 'light_industry'],
    ['2231', 'light_industry'],
    ['2319', 'light_industry'],
    ['2411', 'light_industry'],
    ['2927', 'light_industry'],
    ['20', 'light_industry'],
    ['２０', 'light_industry'],
    ['C20', 'light_industry'],
    [2021, 'light_industry'],
    // 纺织
    ['1711', 'textile'],
    ['1713', 'textile'],
    ['1810', 'textile'],
    ['1830', 'textile'],
    ['17', 'textile'],
    ['18', 'textile'],
    // 烟草
    ['1610', 'tobacco'],
    ['1620', 'tobacco'],
    ['1690', 'tobacco'],
    ['16', 'tobacco'],
    // 商贸
    ['5124', 'commerce'],
    ['5212', 'commerce'],
    ['5930', 'commerce'],
    ['G5930', 'commerce'],
    ['5951', 'commerce'],
    ['51', 'commerce'],
    ['59', 'commerce'],
    // not a 工贸 sector under these rules
    ['2511', null],
    ['2611', null],
    ['2710', null],
    ['2811', null],
    ['4111', null],
    ['4210', null],
    ['0511', null],
    ['0610', null],
    ['4411', null],
    ['5310', null],
    ['5411', null],
    ['7010', null],
    ['26', null],
    // too coarse: could be 建材 or 轻工, 机械 or 轻工
    ['30', null],
    ['C30', null],
    ['307', null],
    ['38', null],
    // unreadable
    ['', null],
    ['F2021', null],
    ['20211', null],
  ];

  it.each(table)('%j → %s', (code, sector) => {
    expect(deriveSector(code, SECTOR_RULES)).toBe(sector);
  });

  it('explains a coarse code with the rules it could fall under', () => {
    const m = matchSectorRule('307', SECTOR_RULES);
    expect(m.kind).toBe('ambiguous');
    if (m.kind === 'ambiguous') {
      expect(m.code).toBe('307');
      expect(m.candidates.map((r) => r.prefix).sort()).toEqual(['30', '3073', '3074', '3075', '3076', '3079']);
    }
    const m38 = matchSectorRule('38', SECTOR_RULES);
    expect(m38.kind === 'ambiguous' && m38.candidates.map((r) => r.prefix)).toEqual(['38', '384']);
  });

  it('distinguishes invalid, uncovered and matched codes', () => {
    expect(matchSectorRule('abc', SECTOR_RULES)).toEqual({ kind: 'invalid' });
    expect(matchSectorRule('C2611', SECTOR_RULES)).toEqual({ kind: 'none', code: '2611' });
    const m = matchSectorRule('Ｃ３０５４', SECTOR_RULES);
    expect(m.kind).toBe('matched');
    if (m.kind === 'matched') {
      expect(m.code).toBe('3054');
      expect(m.rule).toMatchObject({ prefix: '305', sector: 'light_industry', verified: false });
    }
  });

  it('every rule decides the 4-digit codes below it that no longer rule claims', () => {
    for (const rule of SECTOR_RULES) {
      const width = 4 - rule.prefix.length;
      const codes =
        width === 0 ? [rule.prefix] : Array.from({ length: 10 ** width }, (_, n) => rule.prefix + String(n).padStart(width, '0'));
      const own = codes.filter((code) => !SECTOR_RULES.some((r) => r.prefix.length > rule.prefix.length && code.startsWith(r.prefix)));
      expect(own.length, rule.prefix).toBeGreaterThan(0);
      for (const code of own) {
        const m = matchSectorRule(code, SECTOR_RULES);
        expect(m.kind === 'matched' && m.rule, code).toBe(rule);
        expect(deriveSector(code, SECTOR_RULES), code).toBe(rule.sector);
      }
    }
  });

  it('reaches every sector', () => {
    const reached = new Set(SECTOR_RULES.map((r) => r.sector));
    for (const sector of SECTORS) expect(reached.has(sector), sector).toBe(true);
  });

  it('marks as verified exactly the ranges read in the standard (§6: 31, 32, 30, 33–40, 43)', () => {
    const verified = SECTOR_RULES.filter((r) => r.verified)
      .map((r) => r.prefix)
      .sort();
    expect(verified).toEqual(['30', '31', '32', '33', '34', '35', '36', '37', '38', '39', '40', '43']);
    for (const rule of SECTOR_RULES) {
      expect(rule.source, rule.prefix).toContain('应急厅〔2019〕17号');
      if (!rule.verified) expect(rule.note, rule.prefix).toBeTruthy();
    }
  });

  it('is a consistent rule set', () => {
    expect(validateSectorRules(SECTOR_RULES)).toEqual([]);
    expect(SECTOR_RULE_SET.version).toMatch(/\S/);
  });
});

describe('longest prefix wins, independent of rule order', () => {
  const rules: SectorRule[] = [
    { prefix: '3073', sector: 'light_industry', source: 's', verified: false },
    { prefix: '30', sector: 'building_materials', source: 's', verified: true },
    { prefix: '305', sector: null, source: 's', verified: false },
  ];

  it.each([
    ['3011', 'building_materials'],
    ['3073', 'light_industry'],
    ['3051', null],
    ['3071', 'building_materials'],
  ] as const)('%s → %s (in both orders)', (code, sector) => {
    expect(deriveSector(code, rules)).toBe(sector);
    expect(deriveSector(code, [...rules].reverse())).toBe(sector);
  });

  it('an excluded prefix (sector null) is a match, not a miss', () => {
    expect(matchSectorRule('3051', rules)).toMatchObject({ kind: 'matched', rule: { prefix: '305', sector: null } });
  });

  it('a code above an uncovered narrower rule is ambiguous', () => {
    expect(matchSectorRule('38', [{ prefix: '3841', sector: 'light_industry', source: 's', verified: false }]).kind).toBe('ambiguous');
  });

  it('a code above narrower rules with the same result is not ambiguous', () => {
    const same: SectorRule[] = [
      { prefix: '30', sector: 'building_materials', source: 's', verified: true },
      { prefix: '3071', sector: 'building_materials', source: 's', verified: false },
    ];
    expect(deriveSector('30', same)).toBe('building_materials');
  });

  it('an empty rule set derives nothing', () => {
    expect(deriveSector('2021', [])).toBeNull();
  });
});

describe('validateSectorRules', () => {
  it('reports malformed, duplicate, unsourced, unknown-sector and redundant rules', () => {
    const problems = validateSectorRules([
      { prefix: '20', sector: 'light_industry', source: 's', verified: false },
      { prefix: '20', sector: 'light_industry', source: 's', verified: false },
      { prefix: '2', sector: 'light_industry', source: 's', verified: false },
      { prefix: '98', sector: 'light_industry', source: 's', verified: false },
      { prefix: 'C20', sector: 'light_industry', source: 's', verified: false },
      { prefix: '21', sector: 'furniture' as Sector, source: 's', verified: false },
      { prefix: '22', sector: 'light_industry', source: '  ', verified: false },
      { prefix: '2011', sector: 'light_industry', source: 's', verified: false },
    ]);
    expect(problems).toEqual([
      '规则「20」：前缀重复',
      '规则「2」：行业代码前缀应为 01–97 开头的 2–4 位数字',
      '规则「98」：行业代码前缀应为 01–97 开头的 2–4 位数字',
      '规则「C20」：行业代码前缀应为 01–97 开头的 2–4 位数字',
      '规则「21」：未知的监管行业「furniture」',
      '规则「22」：未注明依据',
      '规则「2011」与上级规则「20」结果相同，属于多余规则',
    ]);
  });

  it('accepts a narrower rule that repeats the sector with a different verified flag', () => {
    expect(
      validateSectorRules([
        { prefix: '30', sector: 'building_materials', source: 's', verified: true },
        { prefix: '3071', sector: 'building_materials', source: 's', verified: false },
      ]),
    ).toEqual([]);
  });
});
