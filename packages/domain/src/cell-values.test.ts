import { describe, expect, it } from 'vitest';
import {
  cellPrimitive,
  cleanText,
  excelSerialToDate,
  isBlankCell,
  parseBoolCell,
  parseEnumCell,
  parseExcelDate,
  parseIntCell,
  toHalfWidth,
} from './cell-values.js';

describe('toHalfWidth', () => {
  it.each([
    ['９１１４０４', '911404'],
    ['ＡＢＣａｂｃ', 'ABCabc'],
    ['１２\u3000人', '12 人'],
    ['（１）', '(1)'],
    ['０３５５－１２３４５６７', '0355-1234567'],
    ['～！＠＃', '~!@#'],
    ['木业有限公司', '木业有限公司'],
    ['、。「」', '、。「」'], // CJK punctuation outside U+FF01–FF5E is not ASCII-like
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(toHalfWidth(input)).toBe(expected);
  });
});

describe('cleanText', () => {
  it.each([
    ['  长治市上党区鑫达木业有限公司  ', '长治市上党区鑫达木业有限公司'],
    ['\u3000长治市上党区鑫达木业有限公司\u3000', '长治市上党区鑫达木业有限公司'],
    ['\u00a0鑫达木业\u00a0', '鑫达木业'],
    ['鑫达  \u3000\t木业', '鑫达 木业'],
    ['第一行\n第二行', '第一行 第二行'],
    ['\ufeff鑫达\u200b木业', '鑫达木业'],
    // Chinese punctuation inside names is kept as registered.
    ['长治市鑫达木业有限公司（分厂）', '长治市鑫达木业有限公司（分厂）'],
    ['张三、李四；王五：赵六，钱七！？', '张三、李四；王五：赵六，钱七！？'],
    // Digits, letters and code symbols fold.
    ['９１１４０４０４ＭＡ０ＤＥＭ１Ｘ２Ｕ', '91140404MA0DEM1X2U'],
    ['长治市第２机械厂', '长治市第2机械厂'],
    ['０３５５－１２３４５６７', '0355-1234567'],
    ['１２．５％', '12.5%'],
    ['ａｂｃ＠ｅｘａｍｐｌｅ．ｃｏｍ', 'abc@example.com'],
    ['', ''],
    [' \u3000 \u00a0 ', ''],
  ])('%j → %j', (input, expected) => {
    expect(cleanText(input)).toBe(expected);
  });
});

describe('cellPrimitive / isBlankCell', () => {
  it.each([
    [null, null],
    [undefined, null],
    ['a', 'a'],
    [3, 3],
    [true, true],
    [{ richText: [{ text: '鑫达' }, { text: '木业' }] }, '鑫达木业'],
    [{ formula: 'A1+1', result: 12 }, 12],
    [{ sharedFormula: 'A1', result: { richText: [{ text: 'x' }] } }, 'x'],
    [{ text: '鑫达木业', hyperlink: 'https://example.com' }, '鑫达木业'],
    [{ error: '#N/A' }, null],
    [{ something: 1 }, null],
  ])('%j → %j', (input, expected) => {
    expect(cellPrimitive(input)).toEqual(expected);
  });

  it('keeps Date objects', () => {
    const d = new Date(Date.UTC(2024, 0, 5));
    expect(cellPrimitive(d)).toBe(d);
  });

  it.each([
    [null, true],
    ['', true],
    ['\u3000 \u00a0', true],
    [{ richText: [] }, true],
    [{ error: '#REF!' }, true],
    [0, false],
    ['0', false],
    [false, false],
  ])('isBlankCell(%j) → %s', (input, expected) => {
    expect(isBlankCell(input)).toBe(expected);
  });
});

describe('parseExcelDate', () => {
  it.each([
    [1, '1900-01-01'],
    [31, '1900-01-31'],
    [59, '1900-02-28'],
    [61, '1900-03-01'],
    [25569, '1970-01-01'],
    [36526, '2000-01-01'],
    [43831, '2020-01-01'],
    [45292, '2024-01-01'],
    [45296, '2024-01-05'],
    [45351, '2024-02-29'],
    [45352, '2024-03-01'],
    [45292.75, '2024-01-01'], // 18:00 the same day
    [45292.999988, '2024-01-01'],
    [2958465, '9999-12-31'],
  ])('serial %s → %s', (serial, expected) => {
    expect(parseExcelDate(serial)).toEqual({ ok: true, value: expected });
    expect(excelSerialToDate(serial)).toEqual({ ok: true, value: expected });
  });

  it.each([
    [60, /1900-02-29 不存在/],
    [0, /无效/],
    [-5, /无效/],
    [0.5, /无效/],
    [2958466, /超出/],
    [Number.NaN, /无效/],
    [Number.POSITIVE_INFINITY, /无效/],
  ])('serial %s fails', (serial, reason) => {
    const r = parseExcelDate(serial);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });

  it('reads Date objects in UTC, as ExcelJS builds them from serials', () => {
    const fromSerial = (serial: number) => new Date(Math.round((serial - 25569) * 86_400_000));
    expect(parseExcelDate(fromSerial(45296))).toEqual({ ok: true, value: '2024-01-05' });
    expect(parseExcelDate(fromSerial(45296.99))).toEqual({ ok: true, value: '2024-01-05' });
    expect(parseExcelDate(new Date(Date.UTC(2024, 1, 29)))).toEqual({ ok: true, value: '2024-02-29' });
    expect(parseExcelDate(new Date(Number.NaN))).toMatchObject({ ok: false });
  });

  it.each([
    ['2024-01-05', '2024-01-05'],
    ['2024-1-5', '2024-01-05'],
    ['2024/1/5', '2024-01-05'],
    ['2024/01/05', '2024-01-05'],
    ['2024.1.5', '2024-01-05'],
    ['2024年1月5日', '2024-01-05'],
    ['2024年01月05日', '2024-01-05'],
    ['2024年1月5号', '2024-01-05'],
    ['2024年1月5', '2024-01-05'],
    ['2024 年 1 月 5 日', '2024-01-05'],
    ['20240105', '2024-01-05'],
    ['２０２４－０１－０５', '2024-01-05'],
    ['２０２４年１月５日', '2024-01-05'],
    ['\u3000 2024-01-05 \u00a0', '2024-01-05'],
    ['2024-01-05 08:30', '2024-01-05'],
    ['2024/1/5 8:30:15', '2024-01-05'],
    ['2024-01-05T08:30:00', '2024-01-05'],
    ['2024-02-29', '2024-02-29'],
    ['2000-02-29', '2000-02-29'],
    [{ richText: [{ text: '2024年1月5日' }] }, '2024-01-05'],
    [{ formula: 'DATE(2024,1,5)', result: 45296 }, '2024-01-05'],
  ])('text %j → %s', (input, expected) => {
    expect(parseExcelDate(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['', /未填写/],
    [null, /未填写/],
    ['   ', /未填写/],
    ['2023-02-29', /2023 年 2 月没有 29 日/],
    ['1900-02-29', /1900 年 2 月没有 29 日/],
    ['2024-04-31', /没有 31 日/],
    ['2024-13-01', /月份 13 不存在/],
    ['2024-00-10', /月份 0 不存在/],
    ['2024-01-00', /没有 0 日/],
    ['20241301', /月份 13 不存在/],
    ['1899-12-31', /年份 1899 不合理/],
    ['24-1-5', /年份应写 4 位/],
    ['24年1月5日', /年份应写 4 位/],
    ['2024-1/5', /不是可识别的日期/], // mixed separators
    ['2024年1月', /不是可识别的日期/],
    ['明年一月', /不是可识别的日期/],
    ['45292', /不是可识别的日期/], // a serial typed as text is not guessed
    [true, /不是日期/],
    [{ error: '#VALUE!' }, /未填写/],
  ])('text %j fails', (input, reason) => {
    const r = parseExcelDate(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});

describe('parseIntCell', () => {
  it.each([
    [12, 12],
    [12.0, 12],
    [0, 0],
    [-0, 0],
    [11.999999999998, 12], // formula noise
    ['12', 12],
    ['１２', 12],
    ['12 人', 12],
    ['12人', 12],
    ['１２\u3000人', 12],
    ['3台', 3],
    ['120人次', 120],
    ['1,200', 1200],
    ['１，２００', 1200],
    ['12.0', 12],
    ['+12', 12],
    [' 45 ', 45],
    [{ formula: 'SUM(A1:A3)', result: 30 }, 30],
  ])('%j → %i', (input, expected) => {
    const r = parseIntCell(input);
    expect(r).toEqual({ ok: true, value: expected });
    if (r.ok) expect(Object.is(r.value, -0)).toBe(false);
  });

  it.each([
    [12.5, /应为整数/],
    ['12.5', /应为整数/],
    ['12.5 人', /应为整数/],
    [-3, /不能为负数/],
    ['-3', /不能为负数/],
    ['－３', /不能为负数/],
    ['十二', /阿拉伯数字/],
    ['约12人', /不是数值/],
    ['12人以上', /不是数值/],
    ['1,20', /不是数值/],
    ['12 3', /不是数值/], // not silently joined into 123
    ['abc', /不是数值/],
    ['1e3', /不是数值/],
    ['', /未填写/],
    [null, /未填写/],
    [true, /不是数值/],
    [Number.NaN, /无效/],
    [1e20, /数值过大/],
  ])('%j fails', (input, reason) => {
    const r = parseIntCell(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});

describe('parseBoolCell', () => {
  it.each([
    ['是', true],
    ['否', false],
    [' 是 ', true],
    ['有', true],
    ['无', false],
    ['涉及', true],
    ['不涉及', false],
    ['Y', true],
    ['y', true],
    ['N', false],
    ['Ｙ', true],
    ['yes', true],
    ['No', false],
    ['TRUE', true],
    ['false', false],
    ['1', true],
    ['0', false],
    ['１', true],
    [1, true],
    [0, false],
    ['√', true],
    ['✓', true],
    ['×', false],
    [true, true],
    [false, false],
    [{ formula: 'A1>0', result: true }, true],
  ])('%j → %s', (input, expected) => {
    expect(parseBoolCell(input)).toEqual({ ok: true, value: expected });
  });

  it.each([[''], [null], ['可能'], [2], ['是的吧'], ['X'], [new Date(0)]])('%j fails', (input) => {
    const r = parseBoolCell(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/是|否|日期/);
  });
});

describe('parseEnumCell', () => {
  const levels = { level1: '一级', level2: '二级', level3: '三级', none: '未定级' } as const;
  const scales = { above: '规模以上', below: '规模以下' } as const;
  const withParens = { a: '粉尘涉爆（木粉尘）', b: '粉尘涉爆（金属粉尘）' } as const;

  it.each([
    ['三级', levels, 'level3'],
    [' 三 级 ', levels, 'level3'],
    ['\u3000三级\u3000', levels, 'level3'],
    ['level3', levels, 'level3'],
    ['LEVEL3', levels, 'level3'],
    ['ｌｅｖｅｌ３', levels, 'level3'],
    ['未定级', levels, 'none'],
    ['none', levels, 'none'],
    ['规模以上', scales, 'above'],
    ['below', scales, 'below'],
    ['粉尘涉爆(木粉尘)', withParens, 'a'],
    ['粉尘涉爆（金属粉尘）', withParens, 'b'],
    [{ richText: [{ text: '二级' }] }, levels, 'level2'],
  ] as const)('%j → %s', (input, labels, expected) => {
    expect(parseEnumCell(input, labels as Record<string, string>)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['四级', /「四级」不是有效选项（可选：一级、二级、三级、未定级）/],
    ['三', /不是有效选项/],
    ['', /未填写（可选：一级、二级、三级、未定级）/],
    [null, /未填写/],
    [3, /不是有效选项/],
    [true, /不是有效选项/],
  ])('%j fails', (input, reason) => {
    const r = parseEnumCell(input, levels);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });

  it('fails instead of guessing when the text matches two options', () => {
    const r = parseEnumCell('甲 乙', { x: '甲乙', y: '甲 乙' });
    expect(r).toMatchObject({ ok: false });
    if (!r.ok) expect(r.reason).toMatch(/同时匹配多个选项/);
  });

  it('prefers a label over a code that happens to spell the same', () => {
    expect(parseEnumCell('b', { a: 'b', b: '乙' })).toEqual({ ok: true, value: 'a' });
  });

  it('is typed by the codes of the label record', () => {
    const r = parseEnumCell('二级', levels);
    if (r.ok) {
      const v: 'level1' | 'level2' | 'level3' | 'none' = r.value;
      expect(v).toBe('level2');
    }
  });
});
