import { riskTagDto } from '@zhiben/contracts';
import { describe, expect, it } from 'vitest';
import { RISK_TAGS } from '../../db/src/seed/risk-tags.data.js';
import { type RiskTagDefinition, validateRiskTagCatalog, validateRiskTags } from './risk-tags.js';

describe('validateRiskTags with the seed catalog', () => {
  it.each([
    [[]],
    [['dust_explosion', 'dust_wood']],
    [['dust_wood', 'dust_explosion']],
    [['dust_explosion', 'dust_metal', 'confined_space']],
    [['dust_explosion', 'dust_other', 'gas_use', 'spraying']],
    [['ammonia_refrigeration', 'confined_space']],
    [['metal_smelting', 'molten_metal_lifting', 'aluminium_deep_well_casting', 'gas_use']],
    [['silo_storage', 'carbide_slag_cement', 'coal_mill']],
    [['outsourced_maintenance']],
  ])('%j is valid', (codes) => {
    expect(validateRiskTags(codes, RISK_TAGS)).toEqual([]);
  });

  it.each([
    [
      ['dust_explosion'],
      [['missing_child', 'dust_explosion', '「粉尘涉爆」须选择一个具体类别（木粉尘、金属粉尘（铝镁）、其他可燃性粉尘），当前未选择']],
    ],
    [['dust_wood'], [['missing_parent', 'dust_wood', '选择「木粉尘」时须同时选择其上级标签「粉尘涉爆」']]],
    [
      ['dust_metal', 'dust_wood'],
      [
        ['missing_parent', 'dust_metal', '选择「金属粉尘（铝镁）」时须同时选择其上级标签「粉尘涉爆」'],
        ['missing_parent', 'dust_wood', '选择「木粉尘」时须同时选择其上级标签「粉尘涉爆」'],
      ],
    ],
    [
      ['dust_explosion', 'dust_wood', 'dust_metal'],
      [['multiple_children', 'dust_explosion', '「粉尘涉爆」只能选择一个具体类别，当前选择了 2 个：木粉尘、金属粉尘（铝镁）']],
    ],
    [
      ['dust_explosion', 'dust_wood', 'dust_metal', 'dust_other'],
      [
        [
          'multiple_children',
          'dust_explosion',
          '「粉尘涉爆」只能选择一个具体类别，当前选择了 3 个：木粉尘、金属粉尘（铝镁）、其他可燃性粉尘',
        ],
      ],
    ],
    [['asbestos'], [['unknown', 'asbestos', '未知的风险标签「asbestos」']]],
    [['Dust_Explosion'], [['unknown', 'Dust_Explosion', '未知的风险标签「Dust_Explosion」']]],
    [['gas_use', 'gas_use'], [['duplicate', 'gas_use', '风险标签「使用天然气/煤气」重复']]],
    [['nope', 'nope'], [['unknown', 'nope', '未知的风险标签「nope」']]],
    [
      ['dust_explosion', 'dust_wood', 'dust_wood', 'x'],
      [
        ['duplicate', 'dust_wood', '风险标签「木粉尘」重复'],
        ['unknown', 'x', '未知的风险标签「x」'],
      ],
    ],
  ] as const)('%j → problems', (codes, expected) => {
    const problems = validateRiskTags(codes, RISK_TAGS);
    expect(problems.map((p) => [p.kind, p.code, p.message])).toEqual(expected);
  });
});

describe('validateRiskTags with a small catalog', () => {
  const catalog: RiskTagDefinition[] = [
    { code: 'p', name: '父', parentCode: null, requiresOneChild: true },
    { code: 'a', name: '甲', parentCode: 'p', requiresOneChild: false },
    { code: 'b', name: '乙', parentCode: 'p', requiresOneChild: false },
    { code: 'q', name: '可选父', parentCode: null, requiresOneChild: false },
    { code: 'c', name: '丙', parentCode: 'q', requiresOneChild: false },
    { code: 'd', name: '丁', parentCode: 'q', requiresOneChild: false },
  ];

  it.each([
    [['q'], []],
    [['q', 'c', 'd'], []], // no exactly-one rule without requiresOneChild
    [['c', 'q'], []],
    [['c'], ['missing_parent']],
    [['p'], ['missing_child']],
    [['p', 'a', 'b'], ['multiple_children']],
    [
      ['a', 'b'],
      ['missing_parent', 'missing_parent'],
    ],
    [
      ['p', 'c'],
      ['missing_parent', 'missing_child'],
    ],
  ])('%j → %j', (codes, kinds) => {
    expect(validateRiskTags(codes, catalog).map((p) => p.kind)).toEqual(kinds);
  });

  it('an empty catalog makes every code unknown', () => {
    expect(validateRiskTags(['a'], []).map((p) => p.kind)).toEqual(['unknown']);
  });
});

describe('the seed catalog', () => {
  it('passes the catalog checks and the contracts schema', () => {
    expect(validateRiskTagCatalog(RISK_TAGS)).toEqual([]);
    for (const tag of RISK_TAGS) expect(riskTagDto.parse(tag)).toEqual(tag);
  });

  it.each([
    ['dust_explosion', '粉尘涉爆', 'risk', null, true],
    ['dust_wood', '木粉尘', 'risk', 'dust_explosion', false],
    ['dust_metal', '金属粉尘（铝镁）', 'risk', 'dust_explosion', false],
    ['dust_other', '其他可燃性粉尘', 'risk', 'dust_explosion', false],
    ['ammonia_refrigeration', '涉氨制冷', 'risk', null, false],
    ['confined_space', '有限空间作业', 'risk', null, false],
    ['gas_use', '使用天然气/煤气', 'risk', null, false],
    ['spraying', '喷涂作业', 'risk', null, false],
    ['silo_storage', '筒仓储存', 'risk', null, false],
    ['metal_smelting', '金属冶炼', 'risk', null, false],
    ['molten_metal_lifting', '高温熔融金属吊运', 'risk', null, false],
    ['outsourced_maintenance', '检维修外包', 'risk', null, false],
    ['aluminium_deep_well_casting', '铝加工深井铸造', 'process', null, false],
    ['liquid_chlorine_paper', '纸浆制造/造纸使用液氯', 'process', null, false],
    ['expanded_tobacco_co2', '液态二氧化碳膨胀烟丝', 'process', null, false],
    ['carbide_slag_cement', '电石渣原料水泥', 'process', null, false],
  ] as const)('has %s (%s)', (code, name, category, parentCode, requiresOneChild) => {
    expect(RISK_TAGS.find((t) => t.code === code)).toMatchObject({ name, category, parentCode, requiresOneChild });
  });

  it.each([
    ['aluminium_deep_well_casting', '第五条(六)–(十)'],
    ['liquid_chlorine_paper', '第八条(三)'],
    ['expanded_tobacco_co2', '第十条(二)'],
    ['carbide_slag_cement', '第六条(三)'],
    ['coal_gas', '第四条(六)'],
    ['ammonia_refrigeration', '第十二条'],
    ['confined_space', '第十三条'],
    ['dust_explosion', '第十一条'],
  ])('%s cites %s', (code, article) => {
    expect(RISK_TAGS.find((t) => t.code === code)?.description).toContain(article);
  });

  it('every process tag cites an article of 令10', () => {
    for (const tag of RISK_TAGS.filter((t) => t.category === 'process'))
      expect(tag.description, tag.code).toMatch(/令10第[一二三四五六七八九十]+条/);
  });

  it('has unique sort keys, risk tags before process tags', () => {
    const sorts = RISK_TAGS.map((t) => t.sort);
    expect(new Set(sorts).size).toBe(sorts.length);
    const maxRisk = Math.max(...RISK_TAGS.filter((t) => t.category === 'risk').map((t) => t.sort));
    const minProcess = Math.min(...RISK_TAGS.filter((t) => t.category === 'process').map((t) => t.sort));
    expect(maxRisk).toBeLessThan(minProcess);
  });
});

describe('validateRiskTagCatalog', () => {
  it('reports catalog mistakes', () => {
    expect(
      validateRiskTagCatalog([
        { code: 'p', name: '父', parentCode: null, requiresOneChild: true },
        { code: 'p', name: '父2', parentCode: null, requiresOneChild: false },
        { code: 'Bad-Code', name: '坏', parentCode: null, requiresOneChild: false },
        { code: 'orphan', name: '孤', parentCode: 'missing', requiresOneChild: false },
        { code: 'child', name: '子', parentCode: 'orphan', requiresOneChild: false },
        { code: 'blank', name: ' ', parentCode: null, requiresOneChild: false },
      ]),
    ).toEqual([
      '标签代码「p」重复',
      '标签代码「Bad-Code」格式不正确（小写字母、数字、下划线，最长 40 位）',
      '标签「blank」缺少名称',
      '标签「孤」的上级「missing」不存在',
      '标签「子」的上级「孤」本身是子类（只支持一级）',
      '标签「父」要求选择一个子类，但没有子类',
    ]);
  });
});
