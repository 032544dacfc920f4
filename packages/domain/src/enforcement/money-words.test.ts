import { describe, expect, it } from 'vitest';
import { fenToChineseUppercase, formatYuan } from './money-words.js';

describe('fenToChineseUppercase', () => {
  it.each([
    [0, '零元整'],
    [5, '伍分'],
    [50, '伍角整'],
    [55, '伍角伍分'],
    [100, '壹元整'],
    [1000, '壹拾元整'],
    [10_050, '壹佰元伍角整'],
    [10_005, '壹佰元零伍分'],
    [101_000, '壹仟零壹拾元整'],
    [3_000_000, '叁万元整'],
    [5_000_000, '伍万元整'],
    [10_000_100, '壹拾万零壹元整'],
    [168_032, '壹仟陆佰捌拾元叁角贰分'],
    [100_000_000, '壹佰万元整'],
    [10_001_000_000, '壹亿零壹万元整'],
    [123_456_789_00, '壹亿贰仟叁佰肆拾伍万陆仟柒佰捌拾玖元整'],
    [100_000_000_000, '壹拾亿元整'],
  ])('%i fen → %s', (fen, words) => {
    expect(fenToChineseUppercase(fen)).toBe(words);
  });

  it('refuses negative and fractional fen', () => {
    expect(() => fenToChineseUppercase(-1)).toThrow(RangeError);
    expect(() => fenToChineseUppercase(1.5)).toThrow(RangeError);
  });
});

describe('formatYuan', () => {
  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [3_000_000, '30,000.00'],
    [123_456_789, '1,234,567.89'],
  ])('%i fen → %s', (fen, text) => {
    expect(formatYuan(fen)).toBe(text);
  });
});
