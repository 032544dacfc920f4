import type { ENTERPRISE_STATUSES, SCALES, StandardizationLevel } from '@zhiben/contracts';
import { organizationCodeCheckChar, withCheckChar } from '@zhiben/domain';

/**
 * Demo enterprises for 长治市上党区 (fictitious: names, people, phones, credit codes, addresses and coordinates are
 * invented; village and road names are illustrative). Deterministic: a seeded PRNG, never Math.random, so every
 * seed run and every test sees the same ~150 records. Industry codes follow GB/T 4754-2017 and derive a sector
 * through sector-rules.data.ts; risk tags follow risk-tags.data.ts.
 */
export interface DemoEnterprise {
  name: string;
  creditCode: string;
  /** GB/T 4754-2017 小类, digits only. */
  industryCode: string;
  /** A code of regions.data.ts. */
  regionCode: string;
  address: string;
  scale: (typeof SCALES)[number];
  employees: number;
  /** 涉粉作业人数: 0 unless the enterprise carries `dust_explosion`. */
  dustWorkers: number;
  principalName: string;
  principalPhone: string;
  safetyManagerName: string;
  safetyManagerPhone: string;
  status: (typeof ENTERPRISE_STATUSES)[number];
  standardizationLevel: StandardizationLevel;
  /** YYYY-MM-DD; null when `standardizationLevel` is 'none'. */
  standardizationExpiry: string | null;
  stateOwned: boolean;
  labourIntensive: boolean;
  factoryInFactory: boolean;
  longitude: number;
  latitude: number;
  /** Codes of the risk-tag catalog. */
  riskTags: string[];
}

/** The enterprise the demo enterprise accounts belong to; always the first record of `demoEnterprises()`. */
export const DEMO_ACCOUNT_ENTERPRISE_NAME = '长治市上党区鑫源木业有限公司';
export const DEMO_ACCOUNT_ENTERPRISE_CREDIT_CODE = withCheckChar('91140404MA0DEM1X2');
export const DEMO_ACCOUNT_ENTERPRISE_REGION_CODE = '140404001';

// -----------------------------------------------------------------------------------------------------------------
// Regions: code, name, approximate centre (illustrative, inside 113.05–113.25 E, 35.95–36.15 N) and place names.

type RegionKey = 'HD' | 'SD' | 'YC' | 'XH' | 'BY' | 'HJZ' | 'NS' | 'DH' | 'BC' | 'XC' | 'ZX' | 'KFQ';

interface RegionInfo {
  code: string;
  name: string;
  lng: number;
  lat: number;
  /** Villages of a town (addresses "…镇XX村"), or roads of the subdistrict / zones (addresses "…XX路 12 号"). */
  places: readonly string[];
  roads: boolean;
}

const REGIONS: Record<RegionKey, RegionInfo> = {
  HD: {
    code: '140404001',
    name: '韩店街道',
    lng: 113.065,
    lat: 36.05,
    places: ['迎宾西街', '迎宾东街', '府后街', '长宁路', '太行西街'],
    roads: true,
  },
  SD: { code: '140404101', name: '苏店镇', lng: 113.09, lat: 36.1, places: ['苏店村', '南董村', '三家村', '北天河村'], roads: false },
  YC: { code: '140404102', name: '荫城镇', lng: 113.18, lat: 35.99, places: ['荫城村', '桑梓村', '横河村', '李坊村'], roads: false },
  XH: { code: '140404103', name: '西火镇', lng: 113.22, lat: 35.975, places: ['西火村', '东火村', '南庄村', '石圪节村'], roads: false },
  BY: { code: '140404104', name: '八义镇', lng: 113.15, lat: 36.07, places: ['八义村', '北楼底村', '窑头村', '东八义村'], roads: false },
  HJZ: { code: '140404105', name: '郝家庄镇', lng: 113.12, lat: 36.03, places: ['郝家庄村', '高河村', '西旺村', '东旺村'], roads: false },
  NS: { code: '140404106', name: '南宋镇', lng: 113.2, lat: 36.1, places: ['南宋村', '北宋村', '河西村', '郭家庄村'], roads: false },
  DH: { code: '140404201', name: '东和乡', lng: 113.23, lat: 36.13, places: ['东和村', '中和村', '北和村', '寨上村'], roads: false },
  BC: { code: '140404202', name: '北呈乡', lng: 113.09, lat: 36.135, places: ['北呈村', '南呈村', '大天贡村', '小天贡村'], roads: false },
  XC: { code: '140404203', name: '西池乡', lng: 113.075, lat: 35.975, places: ['西池村', '东池村', '羊头山村', '北池村'], roads: false },
  ZX: { code: '140404401', name: '振兴新区', lng: 113.11, lat: 36.075, places: ['振兴大道', '长兴路', '新兴街', '创业路'], roads: true },
  KFQ: {
    code: '140404402',
    name: '上党经济技术开发区',
    lng: 113.145,
    lat: 36.12,
    places: ['漳泽路', '工业大道', '科创路', '上党大道'],
    roads: true,
  },
};

// -----------------------------------------------------------------------------------------------------------------
// The enterprises. Size: L = 规上, 200–900 staff; M = 规上, 60–250; S = 规下, 15–90; X = 规下, 4–30.

type Size = 'L' | 'M' | 'S' | 'X';
type Status = DemoEnterprise['status'];

interface Spec {
  name: string;
  industryCode: string;
  region: RegionKey;
  size: Size;
  tags: string[];
  dustWorkers?: number;
  stateOwned?: boolean;
  status?: Status;
  level?: StandardizationLevel;
}

/** [name, industry code, region, size, tags (space-separated), dust workers?, options?] */
type Row = [string, string, RegionKey, Size, string, number?, Partial<Pick<Spec, 'stateOwned' | 'status' | 'level'>>?];

const D_WOOD = 'dust_explosion dust_wood';
const D_METAL = 'dust_explosion dust_metal';
const D_OTHER = 'dust_explosion dust_other';
const MOLTEN = 'metal_smelting molten_metal_lifting';

const ROWS: Row[] = [
  // 轻工 — wood and furniture (木粉尘): ≥30, 10–29 and <10 dust workers
  [DEMO_ACCOUNT_ENTERPRISE_NAME, '2021', 'HD', 'M', D_WOOD, 40],
  ['长治市上党区鑫达木业有限公司', '2021', 'SD', 'M', `${D_WOOD} gas_use`, 36],
  ['山西上党华林木业有限公司', '2022', 'KFQ', 'L', `${D_WOOD} gas_use confined_space outsourced_maintenance`, 52, { level: 'level2' }],
  ['长治市上党区宏森家具有限公司', '2110', 'SD', 'M', `${D_WOOD} spraying`, 33],
  ['长治市上党区恒泰木门有限公司', '2032', 'ZX', 'M', `${D_WOOD} spraying`, 31],
  ['山西晋林人造板有限公司', '2023', 'DH', 'L', `${D_WOOD} gas_use`, 45],
  ['长治市上党区盛世家具制造有限公司', '2110', 'BC', 'M', `${D_WOOD} spraying gas_use`, 38],
  ['长治市上党区永丰木制品厂', '2039', 'XC', 'S', D_WOOD, 18],
  ['长治市上党区福瑞木业有限公司', '2011', 'NS', 'S', D_WOOD, 12],
  ['长治市上党区兴旺家具厂', '2110', 'HJZ', 'S', `${D_WOOD} spraying`, 22],
  ['长治市上党区金盾木门厂', '2032', 'BY', 'S', `${D_WOOD} spraying`, 15],
  ['长治市上党区鸿运木质包装有限公司', '2039', 'SD', 'S', D_WOOD, 11],
  ['长治市上党区林海木材加工厂', '2011', 'XC', 'X', D_WOOD, 6],
  ['长治市上党区巧匠木艺加工厂', '2039', 'DH', 'X', D_WOOD, 4],
  ['长治市上党区顺达木托盘厂', '2039', 'NS', 'X', D_WOOD, 8],
  ['长治市上党区嘉木装饰材料有限公司', '2021', 'ZX', 'M', D_WOOD, 27],
  ['长治市上党区佳美橱柜有限公司', '2110', 'HD', 'X', `${D_WOOD} spraying`, 9],
  ['长治市上党区华艺竹木制品厂', '2041', 'BC', 'X', D_WOOD, 5],
  ['长治市上党区万家福家具有限公司', '2110', 'KFQ', 'M', `${D_WOOD} spraying gas_use`, 16],

  // 轻工 — food, drink
  ['长治市上党区金谷面粉有限公司', '1312', 'NS', 'M', `${D_OTHER} silo_storage confined_space`, 14],
  ['长治市上党区丰源饲料有限公司', '1329', 'BC', 'S', `${D_OTHER} silo_storage`, 9],
  ['长治市上党区润丰肉类加工有限公司', '1351', 'NS', 'M', 'ammonia_refrigeration confined_space gas_use'],
  ['山西上党鑫康食品有限公司', '1411', 'HD', 'M', 'food_baking_frying gas_use'],
  ['长治市上党区香满园食品厂', '1419', 'BC', 'S', 'food_baking_frying gas_use'],
  ['长治市上党区百味源速冻食品有限公司', '1432', 'ZX', 'M', 'ammonia_refrigeration gas_use'],
  ['长治市上党区上党红酒业有限公司', '1512', 'XC', 'M', 'baijiu confined_space gas_use'],
  ['长治市上党区太行山泉饮品有限公司', '1522', 'DH', 'S', 'gas_use'],
  ['长治市上党区晋味醋业有限公司', '1462', 'SD', 'S', 'confined_space'],
  ['长治市上党区乳香源乳业有限公司', '1441', 'NS', 'M', 'ammonia_refrigeration confined_space gas_use'],
  ['长治市上党区康源淀粉有限公司', '1391', 'HJZ', 'M', `${D_OTHER} confined_space`, 21],
  ['长治市上党区北呈食用菌加工有限公司', '1372', 'BC', 'X', ''],
  ['长治市上党区西池小米加工厂', '1314', 'XC', 'X', D_OTHER, 5],
  ['长治市上党区金麦源面业有限公司', '1431', 'HD', 'S', 'gas_use'],

  // 轻工 — paper, printing, plastics, rubber, crafts, leather, glass and ceramics, batteries
  ['长治市上党区金穗纸业有限公司', '2212', 'XC', 'M', 'liquid_chlorine_paper confined_space gas_use'],
  ['长治市上党区恒丰纸业有限公司', '2221', 'NS', 'M', 'confined_space gas_use'],
  ['长治市上党区瑞通纸箱包装有限公司', '2231', 'SD', 'S', ''],
  ['长治市上党区华印彩印有限公司', '2319', 'HD', 'S', 'outsourced_maintenance'],
  ['长治市上党区宏塑塑料制品有限公司', '2927', 'BC', 'S', ''],
  ['长治市上党区联创管业有限公司', '2922', 'ZX', 'S', ''],
  ['山西上党中兴输送带有限公司', '2912', 'KFQ', 'M', 'gas_use confined_space'],
  ['长治市上党区八义窑陶瓷有限公司', '3074', 'BY', 'M', 'premixed_gas_kiln gas_use'],
  ['长治市上党区八义红绿彩陶艺有限公司', '3075', 'BY', 'X', 'gas_use'],
  ['长治市上党区晶华玻璃制品有限公司', '3054', 'KFQ', 'M', 'glass_kiln premixed_gas_kiln gas_use'],
  ['山西上党新锂源电池有限公司', '3841', 'KFQ', 'L', 'lithium_battery_storage outsourced_maintenance'],
  ['长治市上党区堆锦工艺品有限公司', '2439', 'HD', 'X', ''],
  ['长治市上党区步步高鞋业有限公司', '1952', 'ZX', 'S', ''],
  ['长治市上党区文星文具有限公司', '2411', 'SD', 'X', ''],

  // 纺织
  ['长治市上党区晋纺棉业有限公司', '1711', 'SD', 'M', `${D_OTHER} outsourced_maintenance`, 28],
  ['长治市上党区华纺织造有限公司', '1712', 'HJZ', 'M', ''],
  ['长治市上党区彩虹印染有限公司', '1713', 'KFQ', 'M', 'textile_heat_setting textile_chemicals gas_use confined_space'],
  ['长治市上党区金羊毛纺有限公司', '1721', 'NS', 'S', 'gas_use'],
  ['长治市上党区锦程服饰有限公司', '1819', 'ZX', 'M', ''],
  ['长治市上党区美佳制衣有限公司', '1829', 'HD', 'M', ''],
  ['长治市上党区鑫盛帽业有限公司', '1830', 'BY', 'S', ''],
  ['长治市上党区绿洲无纺布有限公司', '1781', 'KFQ', 'S', 'gas_use', undefined, { status: 'preparing', level: 'none' }],
  ['长治市上党区金盾篷布有限公司', '1784', 'DH', 'X', ''],

  // 烟草
  [
    '长治市上党区金叶烟叶复烤有限公司',
    '1610',
    'NS',
    'L',
    `${D_OTHER} tobacco_fumigation gas_use`,
    24,
    { stateOwned: true, level: 'level2' },
  ],
  [
    '山西上党金穗卷烟有限责任公司',
    '1620',
    'KFQ',
    'L',
    `${D_OTHER} expanded_tobacco_co2 tobacco_fumigation confined_space`,
    35,
    { stateOwned: true, level: 'level1' },
  ],
  ['长治市上党区晋烟再造烟叶有限公司', '1690', 'ZX', 'M', 'confined_space gas_use', undefined, { stateOwned: true }],

  // 冶金
  [
    '山西上党华晟钢铁有限公司',
    '3110',
    'YC',
    'L',
    `blast_furnace coal_gas ${MOLTEN} gas_use confined_space outsourced_maintenance`,
    undefined,
    { level: 'level1' },
  ],
  ['长治市上党区鑫汇特钢有限公司', '3120', 'YC', 'L', `steelmaking ${MOLTEN} gas_use confined_space outsourced_maintenance`],
  ['长治市上党区荫城铁业有限公司', '3110', 'YC', 'M', `blast_furnace coal_gas ${MOLTEN}`, undefined, { status: 'suspended' }],
  ['长治市上党区宏达轧钢有限公司', '3130', 'XH', 'M', 'gas_use confined_space'],
  ['长治市上党区金泰型钢有限公司', '3130', 'KFQ', 'M', 'gas_use'],
  ['长治市上党区华鑫铁合金有限公司', '3140', 'HJZ', 'M', `${MOLTEN} coal_gas confined_space outsourced_maintenance`],
  ['长治市上党区恒通精密带钢有限公司', '3130', 'ZX', 'S', 'gas_use'],
  ['长治市上党区聚鑫焊管有限公司', '3130', 'SD', 'S', 'gas_use'],
  ['长治市上党区晋钢冷轧板有限公司', '3130', 'SD', 'M', 'confined_space gas_use'],

  // 有色
  [
    '长治市上党区华旭铝业有限公司',
    '3252',
    'KFQ',
    'L',
    `aluminium_deep_well_casting ${MOLTEN} gas_use confined_space outsourced_maintenance`,
    undefined,
    { level: 'level2' },
  ],
  ['长治市上党区鑫泰铝型材有限公司', '3252', 'ZX', 'M', `aluminium_deep_well_casting ${MOLTEN} gas_use spraying`],
  ['长治市上党区金源镁业有限公司', '3217', 'XH', 'M', `${D_METAL} metal_smelting coal_gas gas_use`, 12],
  ['长治市上党区晶硅新材料有限公司', '3218', 'HJZ', 'M', `${MOLTEN} gas_use`],
  ['长治市上党区恒昌铜业有限公司', '3251', 'SD', 'S', 'metal_smelting gas_use'],
  ['长治市上党区鑫鼎铝合金有限公司', '3240', 'BY', 'S', `${MOLTEN} gas_use`],
  ['长治市上党区金盛锌业有限公司', '3212', 'XC', 'M', 'metal_smelting confined_space', undefined, { status: 'closed', level: 'none' }],
  ['长治市上党区华兴铝箔有限公司', '3252', 'KFQ', 'M', 'gas_use'],

  // 建材
  [
    '长治市上党区太行水泥有限公司',
    '3011',
    'XH',
    'L',
    'silo_storage coal_mill confined_space outsourced_maintenance',
    undefined,
    { stateOwned: true, level: 'level2' },
  ],
  ['长治市上党区晋东水泥有限公司', '3011', 'HJZ', 'L', 'silo_storage coal_mill carbide_slag_cement confined_space'],
  ['长治市上党区鑫磊水泥粉磨有限公司', '3011', 'BC', 'M', 'silo_storage confined_space'],
  ['长治市上党区宏建商品混凝土有限公司', '3021', 'HD', 'M', 'silo_storage confined_space'],
  ['长治市上党区华建混凝土有限公司', '3021', 'ZX', 'M', 'silo_storage'],
  ['长治市上党区恒力管桩有限公司', '3022', 'KFQ', 'M', 'silo_storage gas_use'],
  ['长治市上党区永固建材有限公司', '3024', 'SD', 'S', 'silo_storage gas_use'],
  ['长治市上党区红旗砖厂', '3031', 'DH', 'S', ''],
  ['长治市上党区兴业页岩砖有限公司', '3031', 'XC', 'S', ''],
  ['长治市上党区太行石材加工厂', '3032', 'NS', 'X', ''],
  ['长治市上党区晶科玻璃有限公司', '3041', 'KFQ', 'L', 'glass_kiln hydrogen_station gas_use silo_storage'],
  ['长治市上党区八义建陶有限公司', '3071', 'BY', 'M', 'premixed_gas_kiln gas_use'],
  ['长治市上党区洁美卫浴陶瓷有限公司', '3072', 'BY', 'M', 'premixed_gas_kiln gas_use'],
  ['长治市上党区鑫宇耐火材料有限公司', '3089', 'YC', 'M', 'fused_cast_furnace gas_use'],
  ['长治市上党区华通耐材有限公司', '3089', 'XH', 'S', 'coal_gas gas_use'],
  ['长治市上党区晋华石墨制品有限公司', '3091', 'KFQ', 'M', `${D_OTHER} gas_use confined_space`, 19],
  ['长治市上党区宏宇保温材料有限公司', '3034', 'ZX', 'S', '', undefined, { status: 'preparing', level: 'none' }],
  ['长治市上党区鑫光石灰厂', '3012', 'XH', 'X', '', undefined, { status: 'suspended' }],
  ['长治市上党区金石防水材料有限公司', '3033', 'SD', 'S', 'gas_use'],
  ['长治市上党区东和石料加工厂', '3032', 'DH', 'X', '', undefined, { status: 'closed', level: 'none' }],

  // 机械 — foundries (荫城 "千年铁府")
  ['山西上党荫城铸造有限公司', '3391', 'YC', 'M', `${MOLTEN} gas_use spraying outsourced_maintenance`],
  ['长治市上党区荫城鑫隆铸造厂', '3391', 'YC', 'S', MOLTEN],
  ['长治市上党区兴荫铸业有限公司', '3391', 'YC', 'S', `${MOLTEN} gas_use`],
  ['长治市上党区铁府铸造有限公司', '3391', 'YC', 'M', `${MOLTEN} spraying`],
  ['长治市上党区精工铸件有限公司', '3391', 'XH', 'S', MOLTEN],
  ['长治市上党区华强压铸有限公司', '3392', 'KFQ', 'M', `metal_smelting gas_use ${D_METAL} solvent_cleaning`, 14],
  ['长治市上党区恒通球墨铸管有限公司', '3391', 'SD', 'L', `${MOLTEN} gas_use spraying confined_space`],
  ['长治市上党区通达铁路配件有限公司', '3715', 'SD', 'M', `${MOLTEN} spraying`],

  // 机械 — metal products, polishing (金属粉尘)
  ['长治市上党区宏远钢结构有限公司', '3311', 'SD', 'M', 'spraying gas_use'],
  ['长治市上党区华建钢构工程有限公司', '3311', 'ZX', 'S', 'spraying'],
  ['长治市上党区鑫盛门窗有限公司', '3312', 'HD', 'X', 'spraying'],
  ['长治市上党区精磨抛光加工厂', '3360', 'HJZ', 'S', D_METAL, 26],
  ['长治市上党区亮晶金属表面处理有限公司', '3360', 'KFQ', 'M', `${D_METAL} confined_space`, 34],
  ['长治市上党区鑫美厨具有限公司', '3381', 'SD', 'S', D_METAL, 9],
  ['长治市上党区金辉铝制品厂', '3382', 'BY', 'S', D_METAL, 17],
  ['长治市上党区德润汽车配件有限公司', '3670', 'KFQ', 'M', `${D_METAL} spraying`, 29],
  ['长治市上党区恒信紧固件有限公司', '3482', 'ZX', 'S', 'gas_use'],
  ['长治市上党区晋安消防器材有限公司', '3353', 'HD', 'S', 'spraying'],
  ['长治市上党区铁匠坊农具厂', '3323', 'XC', 'X', ''],
  ['长治市上党区宏达钢丝绳有限公司', '3340', 'SD', 'M', 'confined_space gas_use'],

  // 机械 — equipment (coal-mining machinery is the local staple)
  ['长治市上党区太行锅炉制造有限公司', '3411', 'KFQ', 'M', 'spraying gas_use'],
  ['长治市上党区金泵机械有限公司', '3441', 'ZX', 'S', 'spraying'],
  ['长治市上党区华瑞阀门有限公司', '3443', 'SD', 'S', 'spraying'],
  ['长治市上党区精诚轴承有限公司', '3451', 'KFQ', 'M', 'gas_use solvent_cleaning'],
  ['长治市上党区恒力齿轮有限公司', '3453', 'ZX', 'M', 'gas_use'],
  [
    '山西上党煤矿机械制造有限公司',
    '3511',
    'HJZ',
    'L',
    'spraying gas_use solvent_cleaning outsourced_maintenance',
    undefined,
    { level: 'level2' },
  ],
  ['长治市上党区矿安液压支架有限公司', '3511', 'HJZ', 'M', 'spraying'],
  ['长治市上党区掘进机械厂', '3511', 'XH', 'S', 'spraying', undefined, { status: 'suspended' }],
  ['长治市上党区丰收农机有限公司', '3572', 'NS', 'S', 'spraying'],
  ['长治市上党区华运专用车有限公司', '3630', 'ZX', 'M', 'spraying gas_use'],
  ['长治市上党区鑫达电机有限公司', '3812', 'SD', 'M', 'spraying solvent_cleaning'],
  ['长治市上党区华光电缆有限公司', '3831', 'KFQ', 'M', 'gas_use'],
  ['长治市上党区明亮灯具有限公司', '3872', 'ZX', 'S', 'spraying'],
  ['长治市上党区晋电开关设备有限公司', '3823', 'KFQ', 'M', 'spraying'],
  ['长治市上党区晶阳光伏科技有限公司', '3825', 'KFQ', 'M', '', undefined, { status: 'preparing', level: 'none' }],
  ['长治市上党区华测仪表有限公司', '4011', 'ZX', 'S', ''],
  ['长治市上党区华芯电子元件有限公司', '3981', 'KFQ', 'S', 'solvent_cleaning'],
  ['长治市上党区矿通设备维修有限公司', '4330', 'HJZ', 'S', 'spraying gas_use'],
  ['长治市上党区宏运机电设备修理厂', '4320', 'HD', 'X', ''],

  // 商贸
  ['长治市上党区宏源冷链物流有限公司', '5930', 'ZX', 'M', 'ammonia_refrigeration confined_space outsourced_maintenance'],
  ['长治市上党区鲜达冷藏有限公司', '5930', 'NS', 'S', 'ammonia_refrigeration'],
  ['长治市上党区粮食储备有限公司', '5951', 'BC', 'M', `silo_storage ${D_OTHER} confined_space`, 6, { stateOwned: true }],
  ['长治市上党区万隆仓储物流有限公司', '5920', 'KFQ', 'M', 'outsourced_maintenance'],
  ['长治市上党区顺通装卸服务有限公司', '5910', 'HD', 'S', ''],
  ['长治市上党区华联超市有限公司', '5212', 'HD', 'M', ''],
  ['长治市上党区家家乐购物广场有限公司', '5212', 'HJZ', 'S', ''],
  ['长治市上党区百货大楼有限公司', '5211', 'HD', 'M', '', undefined, { stateOwned: true }],
  ['长治市上党区宏基建材批发有限公司', '5165', 'SD', 'S', ''],
  ['长治市上党区丰谷粮油贸易有限公司', '5111', 'NS', 'S', ''],
  ['长治市上党区鲜丰果蔬批发有限公司', '5123', 'ZX', 'S', 'ammonia_refrigeration'],
  ['长治市上党区晋鑫钢材贸易有限公司', '5164', 'KFQ', 'S', ''],
  ['长治市上党区通达汽车销售服务有限公司', '5261', 'HD', 'S', 'spraying'],
  ['长治市上党区美居家具城有限公司', '5283', 'ZX', 'S', ''],
];

// A few more small firms per rural township so every township has a realistic spread.
const MORE_ROWS: Row[] = [
  ['长治市上党区东和农副产品加工厂', '1373', 'DH', 'X', ''],
  ['长治市上党区东和木制品加工厂', '2039', 'DH', 'X', D_WOOD, 7],
  ['长治市上党区北呈机械加工厂', '3484', 'BC', 'X', ''],
  ['长治市上党区西池铸造厂', '3391', 'XC', 'X', MOLTEN, undefined, { status: 'suspended' }],
  ['长治市上党区南宋粉条加工厂', '1391', 'NS', 'X', ''],
  ['长治市上党区八义五金制品厂', '3389', 'BY', 'X', ''],
  ['长治市上党区郝家庄煤机配件厂', '3511', 'HJZ', 'X', 'spraying'],
  ['长治市上党区苏店包装印刷有限公司', '2319', 'SD', 'X', ''],
  ['长治市上党区荫城铁艺制品厂', '3399', 'YC', 'X', 'spraying'],
  ['长治市上党区西火预制构件厂', '3022', 'XH', 'X', 'silo_storage'],
];

// -----------------------------------------------------------------------------------------------------------------
// Generation

/** mulberry32: small, fast, deterministic. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES = '王李张刘陈杨赵郭牛申宋秦段崔郝冯程贾常连史田韩武暴苗侯靳任'.split('');
const GIVEN_TWO = [
  '建国',
  '红军',
  '海涛',
  '志强',
  '晓东',
  '丽娟',
  '文斌',
  '永红',
  '俊杰',
  '国平',
  '建华',
  '小军',
  '利民',
  '玉兰',
  '春生',
  '秀英',
  '振华',
  '伟东',
  '海燕',
  '鹏飞',
  '晋生',
  '长青',
  '保平',
  '富贵',
  '素芳',
  '晋军',
  '宏伟',
  '爱萍',
  '继红',
  '卫东',
  '雪梅',
  '慧敏',
  '鹏程',
  '晓燕',
  '志刚',
  '文杰',
  '亚楠',
  '瑞峰',
  '少华',
  '新民',
];
const GIVEN_ONE = ['军', '伟', '勇', '静', '敏', '涛', '斌', '强', '磊', '娜', '峰', '霞'];
const MOBILE_PREFIXES = [
  '130',
  '131',
  '132',
  '133',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '155',
  '157',
  '158',
  '159',
  '180',
  '181',
  '183',
  '185',
  '186',
  '187',
  '188',
  '189',
];
const CODE_LETTERS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

function pick<T>(rand: () => number, list: readonly T[]): T {
  const item = list[Math.floor(rand() * list.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

function intBetween(rand: () => number, min: number, max: number): number {
  return min + Math.floor(rand() * (max - min + 1));
}

function personName(rand: () => number): string {
  const given = rand() < 0.25 ? pick(rand, GIVEN_ONE) : pick(rand, GIVEN_TWO);
  return pick(rand, SURNAMES) + given;
}

function mobile(rand: () => number): string {
  return pick(rand, MOBILE_PREFIXES) + String(intBetween(rand, 0, 99_999_999)).padStart(8, '0');
}

/**
 * A credit code '91' + division + 组织机构代码 (with its GB 11714 check character) + check character. Division
 * 140404 (上党区) mostly; 140421 (the former 长治县, for firms registered before 2018) and 140400 (市级) for some.
 */
function creditCode(rand: () => number, taken: Set<string>): string {
  for (;;) {
    const r = rand();
    const division = r < 0.8 ? '140404' : r < 0.92 ? '140421' : '140400';
    let body8: string;
    if (rand() < 0.6) {
      body8 = 'MA';
      for (let i = 0; i < 6; i++) body8 += pick(rand, [...CODE_LETTERS]);
    } else {
      body8 = String(intBetween(rand, 10_000_000, 99_999_999));
    }
    const code = withCheckChar(`91${division}${body8}${organizationCodeCheckChar(body8)}`);
    if (!taken.has(code)) {
      taken.add(code);
      return code;
    }
  }
}

const EMPLOYEES: Record<Size, readonly [number, number]> = { L: [200, 900], M: [60, 250], S: [15, 90], X: [4, 30] };

function standardization(rand: () => number, size: Size, fixed: StandardizationLevel | undefined): StandardizationLevel {
  if (fixed) return fixed;
  const r = rand();
  switch (size) {
    case 'L':
      return r < 0.5 ? 'level2' : 'level3';
    case 'M':
      return r < 0.15 ? 'level2' : r < 0.8 ? 'level3' : 'none';
    case 'S':
      return r < 0.5 ? 'level3' : 'none';
    case 'X':
      return r < 0.15 ? 'level3' : 'none';
  }
}

function address(rand: () => number, region: RegionInfo): string {
  const place = pick(rand, region.places);
  if (region.roads) return `山西省长治市上党区${region.name}${place}${intBetween(rand, 1, 399)}号`;
  const suffix = pick(rand, ['', '东', '西', '南', '北', '工业园区']);
  return `山西省长治市上党区${region.name}${place}${suffix}`;
}

const round5 = (x: number) => Math.round(x * 100_000) / 100_000;
const clamp = (x: number, min: number, max: number) => Math.min(max, Math.max(min, x));

/** The ~150 demo enterprises, always the same, the demo accounts' enterprise first. */
export function demoEnterprises(): DemoEnterprise[] {
  const rand = prng(0x5eed_2024);
  const takenCodes = new Set<string>([DEMO_ACCOUNT_ENTERPRISE_CREDIT_CODE]);
  return [...ROWS, ...MORE_ROWS].map(([name, industryCode, regionKey, size, tagText, dust, options], index): DemoEnterprise => {
    const region = REGIONS[regionKey];
    const tags = tagText.split(' ').filter(Boolean);
    const dustWorkers = tags.includes('dust_explosion') ? (dust ?? 0) : 0;
    const [minStaff, maxStaff] = EMPLOYEES[size];
    const employees = Math.max(intBetween(rand, minStaff, maxStaff), dustWorkers + intBetween(rand, 3, 25));
    const level = standardization(rand, size, options?.level);
    // Certificates run three years; some have lapsed (2025) so the expiry reminders have something to show.
    const expiry =
      level === 'none'
        ? null
        : `${intBetween(rand, 2025, 2028)}-${String(intBetween(rand, 1, 12)).padStart(2, '0')}-${String(intBetween(rand, 1, 28)).padStart(2, '0')}`;
    const principalName = personName(rand);
    let safetyManagerName = personName(rand);
    while (safetyManagerName === principalName) safetyManagerName = personName(rand);
    const major = industryCode.slice(0, 2);
    const labourIntensive = employees >= 100 && ['13', '14', '17', '18', '19', '20', '21', '24'].includes(major);
    const inZone = regionKey === 'KFQ' || regionKey === 'ZX' || regionKey === 'SD';
    const factoryInFactory = (size === 'X' || size === 'S') && inZone && rand() < 0.3;
    const first = index === 0;
    return {
      name,
      creditCode: first ? DEMO_ACCOUNT_ENTERPRISE_CREDIT_CODE : creditCode(rand, takenCodes),
      industryCode,
      regionCode: region.code,
      address: address(rand, region),
      scale: size === 'L' || size === 'M' ? 'above' : 'below',
      employees,
      dustWorkers,
      principalName,
      principalPhone: mobile(rand),
      safetyManagerName,
      safetyManagerPhone: mobile(rand),
      status: options?.status ?? 'operating',
      standardizationLevel: level,
      standardizationExpiry: expiry,
      stateOwned: options?.stateOwned ?? false,
      labourIntensive,
      factoryInFactory,
      longitude: round5(clamp(region.lng + (rand() - 0.5) * 0.024, 113.05, 113.25)),
      latitude: round5(clamp(region.lat + (rand() - 0.5) * 0.024, 35.95, 36.15)),
      riskTags: tags,
    };
  });
}
