import { DEFAULT_DOCUMENT_NUMBER_PREFIXES } from '@zhiben/contracts';
import { describe, expect, it } from 'vitest';
import { formatDocumentNumber, parseDocumentNumber, sequenceProblems } from './document-number.js';

describe('formatDocumentNumber', () => {
  it('writes prefix〔year〕n号 without leading zeros', () => {
    expect(formatDocumentNumber({ prefix: '上应急责改', year: 2026, sequence: 12 })).toBe('上应急责改〔2026〕12号');
    expect(formatDocumentNumber({ prefix: '（上）应急罚', year: 2026, sequence: 1 })).toBe('（上）应急罚〔2026〕1号');
  });

  it.each([
    [{ prefix: '', year: 2026, sequence: 1 }],
    [{ prefix: '上应急〔罚', year: 2026, sequence: 1 }],
    [{ prefix: '上应急罚2', year: 2026, sequence: 1 }],
    [{ prefix: '上应急罚', year: 26, sequence: 1 }],
    [{ prefix: '上应急罚', year: 2026, sequence: 0 }],
    [{ prefix: '上应急罚', year: 2026, sequence: 1.5 }],
  ])('refuses parts that would not parse back: %j', (parts) => {
    expect(() => formatDocumentNumber(parts)).toThrow(RangeError);
  });
});

describe('parseDocumentNumber', () => {
  it('parses the canonical spelling, round trip', () => {
    const parsed = parseDocumentNumber('上应急责改〔2026〕12号');
    expect(parsed).toEqual({ prefix: '上应急责改', year: 2026, sequence: 12 });
    expect(parsed && formatDocumentNumber(parsed)).toBe('上应急责改〔2026〕12号');
  });

  it.each([
    ['上应急责改[2026]12号', '上应急责改〔2026〕12号'],
    ['上应急责改［2026］12号', '上应急责改〔2026〕12号'],
    [' 上应急复查 〔2026〕 3 号', '上应急复查〔2026〕3号'],
    ['（上）应急罚〔2027〕105号', '（上）应急罚〔2027〕105号'],
  ])('accepts %s as %s', (typed, canonical) => {
    const parsed = parseDocumentNumber(typed);
    expect(parsed && formatDocumentNumber(parsed)).toBe(canonical);
  });

  it.each([
    '〔2026〕12号',
    '上应急责改〔26〕12号',
    '上应急责改〔2026〕012号',
    '上应急责改〔2026〕第12号',
    '上应急责改〔2026〕12',
    '上应急责改2026-12号',
    '',
  ])('refuses %s', (text) => {
    expect(parseDocumentNumber(text)).toBeNull();
  });
});

describe('sequenceProblems', () => {
  it('is clean for exactly 1..n in any order', () => {
    expect(sequenceProblems([3, 1, 2, 4])).toEqual({ duplicates: [], gaps: [] });
    expect(sequenceProblems([])).toEqual({ duplicates: [], gaps: [] });
  });

  it('reports duplicates and gaps', () => {
    expect(sequenceProblems([1, 2, 2, 5, 5, 5])).toEqual({ duplicates: [2, 5], gaps: [3, 4] });
    expect(sequenceProblems([2])).toEqual({ duplicates: [], gaps: [1] });
  });
});

describe('the default prefixes of the four documents', () => {
  it('format and parse back', () => {
    for (const prefix of Object.values(DEFAULT_DOCUMENT_NUMBER_PREFIXES)) {
      const text = formatDocumentNumber({ prefix, year: 2026, sequence: 12 });
      expect(parseDocumentNumber(text)).toEqual({ prefix, year: 2026, sequence: 12 });
    }
    expect(formatDocumentNumber({ prefix: DEFAULT_DOCUMENT_NUMBER_PREFIXES.rectification_order, year: 2026, sequence: 12 })).toBe(
      '上应急责改〔2026〕12号',
    );
  });
});
