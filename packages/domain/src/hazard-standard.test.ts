import { SECTORS } from '@zhiben/contracts';
import { describe, expect, it } from 'vitest';
import { HAZARD_STANDARD_2023 } from '../../db/src/seed/hazard-standard-2023.data.js';
import { RISK_TAGS } from '../../db/src/seed/risk-tags.data.js';
import { applicabilityTagCodes, checkApplicability } from './applicability.js';

const items = HAZARD_STANDARD_2023.items;
const byKey = (key: string) => {
  const item = items.find((i) => i.key === key);
  if (item === undefined) throw new Error(`no item ${key}`);
  return item;
};

describe('HAZARD_STANDARD_2023 (令10)', () => {
  it('has the metadata of the 2023 order', () => {
    expect(HAZARD_STANDARD_2023).toMatchObject({
      code: 'MEM-10-2023',
      title: '工贸企业重大事故隐患判定标准（应急管理部令第10号）',
      effectiveFrom: '2023-05-15',
      version: 1,
    });
  });

  it('has the official number of items per article (3/8/13/8/7/7/2/2/10/2/2 = 64) plus 第十四条', () => {
    const counts: Record<number, number> = {};
    for (const item of items) counts[item.article] = (counts[item.article] ?? 0) + 1;
    expect(counts).toEqual({ 3: 3, 4: 8, 5: 13, 6: 8, 7: 7, 8: 7, 9: 2, 10: 2, 11: 10, 12: 2, 13: 2, 14: 1 });
    expect(items.filter((i) => i.article <= 13)).toHaveLength(64);
    expect(items).toHaveLength(65);
  });

  it('groups into 管理类 3, 行业类 47, 专项类 14', () => {
    expect(items.filter((i) => i.topic === 'general')).toHaveLength(3);
    expect(items.filter((i) => i.topic === 'sector')).toHaveLength(47);
    expect(items.filter((i) => ['dust', 'ammonia', 'confined_space'].includes(i.topic))).toHaveLength(14);
    expect(items.filter((i) => i.topic === 'monitoring').map((i) => i.key)).toEqual(['14-0']);
  });

  it('numbers items 1..n within each article, in order, with unique keys and labels', () => {
    expect(new Set(items.map((i) => i.key)).size).toBe(items.length);
    let previous = { article: 0, item: 0 };
    for (const item of items) {
      const expected = item.article === previous.article ? previous.item + 1 : item.article === 14 ? 0 : 1;
      expect(item.item, item.key).toBe(expected);
      expect(item.key).toBe(`${item.article}-${item.item}`);
      previous = item;
    }
    expect(byKey('3-1')).toMatchObject({ articleLabel: '第三条', itemLabel: '(一)' });
    expect(byKey('5-13')).toMatchObject({ articleLabel: '第五条', itemLabel: '(十三)' });
    expect(byKey('11-10')).toMatchObject({ articleLabel: '第十一条', itemLabel: '(十)' });
    expect(byKey('14-0')).toMatchObject({ article: 14, item: 0, articleLabel: '第十四条', itemLabel: '' });
  });

  it('every item has text without a trailing separator, a source, a boolean verified flag and keywords', () => {
    for (const item of items) {
      expect(item.text.trim(), item.key).not.toBe('');
      expect(item.text, item.key).not.toMatch(/[；;。.，,\s]$/);
      expect(item.source.trim(), item.key).not.toBe('');
      expect(typeof item.verified, item.key).toBe('boolean');
      expect(item.keywords.length, item.key).toBeGreaterThan(0);
      expect(item.penaltyBasis === null || item.penaltyBasis.trim() !== '', item.key).toBe(true);
    }
  });

  it('uses Chinese punctuation (no half-width comma, semicolon or brackets in the texts)', () => {
    for (const item of items) expect(item.text, item.key).not.toMatch(/[,;()"]/);
  });

  it('contains no 2017-only wording', () => {
    for (const item of items) {
      expect(item.text, item.key).not.toContain('耳轴');
      // 2017 wording of 第八条(一) and 第十一条(八)
      expect(item.text, item.key).not.toContain('防过热自动报警切断装置');
      expect(item.text, item.key).not.toContain('未规范设置火花探测报警装置');
    }
  });

  it('has the §1A wording where it corrected §1', () => {
    expect(byKey('4-4').text.endsWith('电极自动断电和升起装置联锁的')).toBe(true);
    expect(byKey('5-2').text).toContain('非生产性积水');
    expect(byKey('5-12').text).toContain('并强制送风');
    expect(byKey('7-3').text).toContain('炉基区域、造型地坑');
    expect(byKey('7-4').text.endsWith('输送控制系统联锁的')).toBe(true);
    expect(byKey('8-1').text).toBe('食品制造企业烘制、油炸设备未设置防过热自动切断装置的');
    expect(byKey('8-3').text).toContain('使用蒸气、明火直接加热');
    expect(byKey('9-1').text).toContain('燃气贮罐');
    expect(byKey('9-2').text).not.toContain('露天堆放');
  });

  it('puts the aluminium deep-well casting block at 第五条(六)–(十) and the general 有色 items around it', () => {
    const deepWell = items.filter((i) => i.article === 5 && i.text.startsWith('铝加工深井铸造')).map((i) => i.key);
    expect(deepWell).toEqual(['5-6', '5-7', '5-8', '5-9', '5-10']);
    expect(byKey('5-4').text).toContain('应急水源');
    expect(byKey('5-11').text).toContain('砷化氢');
    expect(byKey('5-13').text).toBe(byKey('4-8').text);
  });

  it('documents the exclusions', () => {
    expect(byKey('11-2').exclusions).toHaveLength(4);
    expect(byKey('5-3').exclusions).toEqual(['倾动式熔炼炉', '倾动式保温炉', '倾动式熔保一体炉', '带保温炉的固定式熔炼炉']);
    expect(byKey('5-4').exclusions).toEqual(['铝加工深井铸造工艺的结晶器']);
    expect(byKey('6-5').exclusions).toEqual(['热发生炉煤气窑炉']);
    expect(byKey('8-4').exclusions).toEqual(['热发生炉煤气窑炉']);
    const withExclusions = items.filter((i) => i.exclusions.length > 0).map((i) => i.key);
    expect(withExclusions).toEqual(['5-3', '5-4', '6-5', '8-4', '11-2']);
  });

  it('gives the penalty basis only where regulations.md does', () => {
    expect(byKey('3-1').penaltyBasis).toBe('《中华人民共和国安全生产法》第一百零三条');
    expect(byKey('3-2').penaltyBasis).toBe('《中华人民共和国安全生产法》第九十七条');
    expect(byKey('3-3').penaltyBasis).toBe('《中华人民共和国安全生产法》第九十七条');
    const withBasis = items.filter((i) => i.penaltyBasis !== null).map((i) => i.key);
    expect(withBasis).toEqual(['3-1', '3-2', '3-3', '11-5', '11-10', '13-1', '13-2']);
  });

  it('marks every item verified (all [C] after regulations.md §1A)', () => {
    expect(items.filter((i) => !i.verified).map((i) => i.key)).toEqual([]);
  });

  it('sets sector for 第四条–第十条 only, and topics by article', () => {
    const sectorOf: Record<number, string | null> = {
      3: null,
      4: 'metallurgy',
      5: 'nonferrous',
      6: 'building_materials',
      7: 'machinery',
      8: 'light_industry',
      9: 'textile',
      10: 'tobacco',
      11: null,
      12: null,
      13: null,
      14: null,
    };
    for (const item of items) expect(item.sector, item.key).toBe(sectorOf[item.article]);
    expect(SECTORS.filter((s) => !items.some((i) => i.sector === s))).toEqual(['commerce']);
  });

  it('has valid applicability conditions whose tags all exist in RISK_TAGS', () => {
    const codes = RISK_TAGS.map((t) => t.code);
    for (const item of items) {
      expect(checkApplicability(item.applicability, codes), item.key).toEqual([]);
      for (const code of applicabilityTagCodes(item.applicability)) expect(codes, `${item.key} → ${code}`).toContain(code);
    }
  });

  it('is plain JSON (stored in a jsonb column)', () => {
    expect(JSON.parse(JSON.stringify(HAZARD_STANDARD_2023))).toEqual(HAZARD_STANDARD_2023);
  });
});
