import type { Sector } from '@zhiben/contracts';
import { describe, expect, it } from 'vitest';
import { HAZARD_STANDARD_2023 } from '../../db/src/seed/hazard-standard-2023.data.js';
import { RISK_TAGS } from '../../db/src/seed/risk-tags.data.js';
import {
  type Applicability,
  type ApplicabilityProfile,
  applicabilityTagCodes,
  applicableItems,
  checkApplicability,
  describeApplicability,
  evaluateApplicability,
  explainApplicability,
} from './applicability.js';

const items = HAZARD_STANDARD_2023.items;
const tagNames = Object.fromEntries(RISK_TAGS.map((t) => [t.code, t.name]));
const keysFor = (profile: ApplicabilityProfile) => applicableItems(items, profile).map((a) => a.item.key);
const reasonFor = (key: string, profile: ApplicabilityProfile) => {
  const found = applicableItems(items, profile, tagNames).find((a) => a.item.key === key);
  if (found === undefined) throw new Error(`${key} does not apply`);
  return found.reason;
};
const profile = (sector: Sector | null, tags: string): ApplicabilityProfile => ({ sector, tags: tags.split(' ').filter(Boolean) });

const furniture = profile('light_industry', 'dust_explosion dust_wood spraying');
const deepWellCaster = profile('nonferrous', 'metal_smelting molten_metal_lifting aluminium_deep_well_casting gas_use');
const ammoniaColdStore = profile('commerce', 'ammonia_refrigeration');
const confinedWarehouse = profile('commerce', 'confined_space');
const carbideCement = profile('building_materials', 'carbide_slag_cement silo_storage coal_mill confined_space');
const metallurgyNoTags = profile('metallurgy', '');
const blastFurnaceWorks = profile('metallurgy', 'blast_furnace coal_gas metal_smelting molten_metal_lifting gas_use');

describe('applicable items per enterprise (expected keys written out by hand)', () => {
  it.each<[string, ApplicabilityProfile, string[]]>([
    [
      '木粉尘 furniture maker (轻工; 粉尘涉爆 + 木粉尘 + 喷涂)',
      furniture,
      ['3-1', '3-2', '8-6', '11-1', '11-2', '11-3', '11-4', '11-5', '11-6', '11-7', '11-8', '11-10', '14-0'],
    ],
    [
      'aluminium deep-well caster (有色; 金属冶炼, 熔融金属吊运, 深井铸造, 天然气)',
      deepWellCaster,
      ['3-1', '3-2', '3-3', '5-1', '5-2', '5-3', '5-4', '5-5', '5-6', '5-7', '5-8', '5-9', '5-10', '5-11', '5-12', '14-0'],
    ],
    ['cold store with ammonia (商贸; 涉氨制冷)', ammoniaColdStore, ['3-1', '3-2', '12-1', '12-2', '14-0']],
    ['商贸 warehouse with confined spaces', confinedWarehouse, ['3-1', '3-2', '13-1', '13-2', '14-0']],
    [
      'cement plant using carbide slag (建材; 电石渣, 筒仓, 煤磨, 有限空间)',
      carbideCement,
      ['3-1', '3-2', '6-1', '6-2', '6-3', '6-4', '13-1', '13-2', '14-0'],
    ],
    [
      'cement grinding plant with carbide slag only',
      profile('building_materials', 'carbide_slag_cement'),
      ['3-1', '3-2', '6-3', '6-4', '14-0'],
    ],
    ['metallurgy firm without any tags', metallurgyNoTags, ['3-1', '3-2', '4-1', '4-2', '14-0']],
    ['metallurgy rolling mill with 金属冶炼 only', profile('metallurgy', 'metal_smelting'), ['3-1', '3-2', '3-3', '4-1', '4-2', '14-0']],
    ['ironworks (冶金; 高炉, 工业煤气)', blastFurnaceWorks, ['3-1', '3-2', '3-3', '4-1', '4-2', '4-5', '4-6', '4-7', '4-8', '14-0']],
    [
      'steelworks that forgot the 金属冶炼 tag',
      profile('metallurgy', 'steelmaking'),
      ['3-1', '3-2', '3-3', '4-1', '4-2', '4-3', '4-4', '14-0'],
    ],
    ['有色 firm without tags', profile('nonferrous', ''), ['3-1', '3-2', '5-1', '5-2', '5-3', '5-4', '5-5', '5-11', '14-0']],
    [
      'magnesium smelter with 工业煤气 and 金属粉尘 (有色)',
      profile('nonferrous', 'dust_explosion dust_metal metal_smelting coal_gas gas_use'),
      [
        '3-1',
        '3-2',
        '3-3',
        '5-1',
        '5-2',
        '5-3',
        '5-4',
        '5-5',
        '5-11',
        '5-12',
        '5-13',
        '11-1',
        '11-2',
        '11-3',
        '11-4',
        '11-5',
        '11-6',
        '11-7',
        '11-8',
        '11-9',
        '11-10',
        '14-0',
      ],
    ],
    [
      'foundry (机械; 金属冶炼, 熔融金属吊运, 天然气, 溶剂清洗, 喷涂)',
      profile('machinery', 'metal_smelting molten_metal_lifting gas_use solvent_cleaning spraying'),
      ['3-1', '3-2', '3-3', '7-1', '7-2', '7-3', '7-4', '7-5', '7-6', '7-7', '14-0'],
    ],
    ['machinery assembler without tags', profile('machinery', ''), ['3-1', '3-2', '14-0']],
    [
      'bakery with flour dust (轻工; 其他可燃性粉尘, 烘制油炸)',
      profile('light_industry', 'dust_explosion dust_other food_baking_frying'),
      ['3-1', '3-2', '8-1', '11-1', '11-2', '11-3', '11-4', '11-5', '11-7', '11-8', '11-10', '14-0'],
    ],
    [
      'daily-glass maker (轻工; 预混燃烧窑炉, 玻璃窑炉)',
      profile('light_industry', 'premixed_gas_kiln glass_kiln'),
      ['3-1', '3-2', '8-4', '8-5', '14-0'],
    ],
    [
      'float-glass plant (建材; 预混燃烧窑炉, 制氢站, 玻璃窑炉)',
      profile('building_materials', 'premixed_gas_kiln hydrogen_station glass_kiln'),
      ['3-1', '3-2', '6-4', '6-5', '6-6', '6-8', '14-0'],
    ],
    [
      'dyeing mill (纺织; 热定型, 保险粉)',
      profile('textile', 'textile_heat_setting textile_chemicals'),
      ['3-1', '3-2', '9-1', '9-2', '14-0'],
    ],
    ['cigarette factory (烟草; 膨胀烟丝)', profile('tobacco', 'expanded_tobacco_co2'), ['3-1', '3-2', '10-2', '14-0']],
    ['tobacco warehouse (烟草; 熏蒸)', profile('tobacco', 'tobacco_fumigation'), ['3-1', '3-2', '10-1', '14-0']],
    ['enterprise without a sector, no tags', profile(null, ''), ['3-1', '3-2', '14-0']],
  ])('%s', (_name, p, expected) => {
    expect(keysFor(p)).toEqual(expected);
  });

  it('a 商贸 enterprise gets only 第三条, 第十一–十三条 and 第十四条, whatever its tags', () => {
    const everyTag = profile('commerce', RISK_TAGS.map((t) => t.code).join(' '));
    const articles = new Set(applicableItems(items, everyTag).map((a) => a.item.article));
    expect([...articles]).toEqual([3, 11, 12, 13, 14]);
  });

  it('sector-process tags do nothing outside their sector', () => {
    expect(keysFor(profile('light_industry', 'steelmaking blast_furnace aluminium_deep_well_casting coal_mill'))).toEqual([
      '3-1',
      '3-2',
      '3-3',
      '14-0',
    ]);
  });
});

describe('explanations', () => {
  it.each<[string, ApplicabilityProfile, string]>([
    ['3-1', furniture, '适用于全部工贸企业'],
    ['14-0', confinedWarehouse, '适用于全部工贸企业'],
    ['8-6', furniture, '监管行业为「轻工」且企业标注「喷涂作业」'],
    ['11-1', furniture, '企业标注「粉尘涉爆」'],
    ['11-6', furniture, '企业标注「粉尘涉爆」且粉尘类别为「木粉尘」'],
    ['11-8', furniture, '企业标注「粉尘涉爆」；粉尘类别为「木粉尘」（木制品加工企业分项：与砂光机连接的风管须设置火花探测消除装置）'],
    [
      '11-4',
      furniture,
      '企业标注「粉尘涉爆」；粉尘类别为「木粉尘」（其他可燃性粉尘分项：正压吹送粉尘时须采取火花探测消除等防范点燃源措施）',
    ],
    ['4-5', blastFurnaceWorks, '监管行业为「冶金」且具有「高炉炼铁」工艺'],
    ['4-1', metallurgyNoTags, '监管行业为「冶金」'],
    ['3-3', deepWellCaster, '企业标注「金属冶炼」'],
    ['5-6', deepWellCaster, '监管行业为「有色」且具有「铝加工深井铸造」工艺'],
    ['5-12', deepWellCaster, '监管行业为「有色」且企业标注「使用天然气/煤气」'],
    ['6-3', carbideCement, '监管行业为「建材」且具有「电石渣原料水泥」工艺'],
    ['12-2', ammoniaColdStore, '企业标注「涉氨制冷」'],
    ['13-1', confinedWarehouse, '企业标注「有限空间作业」'],
  ])('%s', (key, p, expected) => {
    expect(reasonFor(key, p)).toBe(expected);
  });

  it('names only the tags the enterprise has', () => {
    const p = profile('machinery', 'molten_metal_lifting');
    expect(reasonFor('7-1', p)).toBe('监管行业为「机械」且企业标注「高温熔融金属吊运」');
  });

  it('falls back to the tag code without names', () => {
    const cond: Applicability = { tagsAny: ['ammonia_refrigeration'] };
    expect(explainApplicability(cond, ammoniaColdStore)).toBe('企业标注「ammonia_refrigeration」');
  });

  it('says why not, when the item does not apply', () => {
    const cond: Applicability = { and: [{ sectors: ['metallurgy'] }, { tagsAny: ['blast_furnace'], role: 'process' }] };
    expect(explainApplicability(cond, metallurgyNoTags, tagNames)).toBe('不适用：须满足监管行业为「冶金」且具有「高炉炼铁」工艺');
  });
});

describe('the condition language', () => {
  const p = profile('nonferrous', 'gas_use metal_smelting');

  it.each<[string, Applicability, boolean]>([
    ['all', { all: true }, true],
    ['sector match', { sectors: ['metallurgy', 'nonferrous'] }, true],
    ['sector mismatch', { sectors: ['metallurgy'] }, false],
    ['tagsAny hit', { tagsAny: ['coal_gas', 'gas_use'] }, true],
    ['tagsAny miss', { tagsAny: ['coal_gas'] }, false],
    ['tagsAll hit', { tagsAll: ['gas_use', 'metal_smelting'] }, true],
    ['tagsAll partial', { tagsAll: ['gas_use', 'coal_gas'] }, false],
    ['and', { and: [{ sectors: ['nonferrous'] }, { tagsAny: ['gas_use'] }] }, true],
    ['and with a false part', { and: [{ sectors: ['nonferrous'] }, { tagsAny: ['coal_gas'] }] }, false],
    ['or', { or: [{ tagsAny: ['coal_gas'] }, { tagsAny: ['gas_use'] }] }, true],
    ['not', { not: { tagsAny: ['coal_gas'] } }, true],
    ['not of a true condition', { not: { sectors: ['nonferrous'] } }, false],
  ])('%s', (_name, cond, expected) => {
    expect(evaluateApplicability(cond, p)).toBe(expected);
  });

  it('never matches a sector condition for an enterprise without a sector', () => {
    expect(evaluateApplicability({ sectors: ['commerce'] }, profile(null, ''))).toBe(false);
  });

  it('describes conditions independently of an enterprise', () => {
    const cond: Applicability = {
      and: [{ sectors: ['machinery'] }, { or: [{ tagsAny: ['gas_use', 'coal_gas'] }, { not: { tagsAny: ['spraying'] } }] }],
    };
    expect(describeApplicability(cond, tagNames)).toBe(
      '监管行业为「机械」且（企业标注「使用天然气/煤气」或「煤气生产/使用（工业煤气）」或企业未标注「喷涂作业」）',
    );
    expect(describeApplicability({ tagsAll: ['dust_explosion', 'dust_wood'] }, tagNames)).toBe('企业同时标注「粉尘涉爆」、「木粉尘」');
  });

  it('explains a negation', () => {
    const cond: Applicability = { and: [{ sectors: ['machinery'] }, { not: { tagsAny: ['spraying'] } }] };
    expect(explainApplicability(cond, profile('machinery', ''), tagNames)).toBe('监管行业为「机械」且企业未标注「喷涂作业」');
  });

  it('lists the tags a condition refers to', () => {
    expect(
      applicabilityTagCodes({
        or: [{ tagsAny: ['dust_explosion'] }, { and: [{ tagsAll: ['dust_wood', 'dust_explosion'] }, { not: { tagsAny: ['spraying'] } }] }],
      }),
    ).toEqual(['dust_explosion', 'dust_wood', 'spraying']);
  });

  it('checks stored values', () => {
    const known = ['gas_use', 'coal_gas'];
    expect(
      checkApplicability({ and: [{ sectors: ['machinery'] }, { tagsAny: ['gas_use'], role: 'process', note: '说明' }] }, known),
    ).toEqual([]);
    expect(checkApplicability(null, known)).toEqual(['适用条件 须为对象']);
    expect(checkApplicability({}, known)).toEqual(['适用条件 须且只能有一个条件（all、sectors、tagsAny、tagsAll、and、or、not）']);
    expect(checkApplicability({ all: true, sectors: ['machinery'] }, known)).toEqual([
      '适用条件 须且只能有一个条件（all、sectors、tagsAny、tagsAll、and、or、not）',
    ]);
    expect(checkApplicability({ all: false }, known)).toEqual(['适用条件 all 须为 true']);
    expect(checkApplicability({ sectors: ['mining'] }, known)).toEqual(['适用条件 sectors 未知的监管行业「mining」']);
    expect(checkApplicability({ or: [{ tagsAny: ['gas_use', 'gas_use', 'hydrogen'] }] }, known)).toEqual([
      '适用条件 or[0].tagsAny 重复「gas_use」',
      '适用条件 or[0].tagsAny 未知的风险标签「hydrogen」',
    ]);
    expect(checkApplicability({ and: [] }, known)).toEqual(['适用条件 and 须为非空列表']);
    expect(checkApplicability({ sectors: ['machinery'], role: 'process' }, known)).toEqual(['适用条件 含有未知字段「role」']);
    expect(checkApplicability({ tagsAny: ['gas_use'], role: 'x' }, known)).toEqual([
      '适用条件 的 role 须为 risk、process、dust_category 之一',
    ]);
    expect(checkApplicability({ not: { tagsAll: [] } }, known)).toEqual(['适用条件 not.tagsAll 须为非空列表']);
  });
});
