import type { Sector } from '@zhiben/contracts';
import type { Applicability } from '@zhiben/domain';

/**
 * 《工贸企业重大事故隐患判定标准》(应急管理部令第10号, 2023) as data: the 64 items of 第三条–第十三条 plus 第十四条,
 * seeded as version 1 of standard `MEM-10-2023` (tables `hazard_standard_versions` / `standard_items`).
 *
 * Wording: regulations.md §1 and its addendum §1A (where they differ, §1A wins). Every text was compared with the
 * transcript §1A rests on, An-0726/safety-basis `knowledge/clauses/C_PDDB_<article>.json` (commits fdcf9ad… for
 * articles 4, 6, 7, 8, 10, 13 and e1d4aa4… for 3, 5, 9, 11, 12, 14), which gives the official MEM page
 * (https://www.mem.gov.cn/gk/zfxxgkpt/fdzdgknr/gz11/202305/t20230523_451578.shtml, not read) as its source. Two
 * half-width transcription artefacts noted in §1A are entered full-width (第四条(一) '，以及', 第十一条(一) '建（构）筑物').
 * The 2017 有色 耳轴 item is not part of the 2023 standard and is deliberately absent (§1A).
 *
 * Applicability decisions (the condition language is `Applicability` in packages/domain/src/applicability.ts):
 * - Sector articles (第四条–第十条) always require the sector; a process tag narrows an item only where its text is
 *   about one process. Items written for the whole sector stay sector-wide, so a 冶金 enterprise without process tags
 *   still gets 第四条(一)(二), an 有色 one 第五条(一)–(五)(十一), a 建材 one 第六条(四).
 * - 第三条(三) 金属冶炼企业: tag 金属冶炼, or 高炉炼铁 / 炼钢 (which are smelting by definition). The sector alone is
 *   not enough: 冶金 / 有色 include rolling-only (压延加工) firms that are not 金属冶炼企业.
 * - 第五条(十二) and 第七条(五) (燃烧装置使用煤气（天然气）): 使用天然气/煤气 or 工业煤气 (a firm producing or using
 *   industrial coal gas burns it).
 * - 第六条(二) 筒型储库人工清库: 筒仓储存. 第六条(四) lists 筒型储库 beside 焙烧窑、预热器旋风筒、分解炉、竖炉、
 *   篦冷机、磨机、破碎机 — nearly every 建材 plant has one of these — so it is sector-wide.
 * - 第七条(一)–(四) (熔融金属吊运/浇注跨、铸造用熔炼炉、精炼炉、保温炉、压铸机): 金属冶炼 or 高温熔融金属吊运; the
 *   catalog's 金属冶炼 covers 铸造用熔炼炉、精炼炉、保温炉, and a firm pouring bought-in molten metal has the lifting tag.
 * - 第十一条 applies to 粉尘涉爆 in any sector (商贸 and enterprises without a sector included). (四) covers every
 *   combustible dust (铝镁等金属粉尘 branch + 其他可燃性粉尘 branch), so it applies to all 粉尘涉爆 with the branch
 *   noted; (六) only 金属粉尘（铝镁）/ 木粉尘; (八) all 粉尘涉爆, the 木制品加工 branch noted for 木粉尘; (九) 遇湿自燃金属粉尘
 *   → 金属粉尘（铝镁）.
 * - 商贸 has no article of its own (regulations.md §1.0): only 第三条, 第十一–十三条 and 第十四条 can apply.
 */

export type StandardItemTopic = 'general' | 'sector' | 'dust' | 'ammonia' | 'confined_space' | 'monitoring';

export interface StandardItemSeed {
  /** 3–14. */
  article: number;
  /** 1-based; 0 for 第十四条, a single rule. */
  item: number;
  /** `${article}-${item}`: '11-8', '14-0'. Stable across versions. */
  key: string;
  /** '第十一条'. */
  articleLabel: string;
  /** '(八)'; '' for 第十四条. */
  itemLabel: string;
  /** The 2023 wording, Chinese punctuation, without the trailing '；' / '。'. */
  text: string;
  topic: StandardItemTopic;
  /** The sector of 第四条–第十条; null for the cross-sector articles. */
  sector: Sector | null;
  applicability: Applicability;
  /** Documented 除外情形 (not judged a major hazard). */
  exclusions: string[];
  /** Legal basis for the penalty where regulations.md gives it; null otherwise. */
  penaltyBasis: string | null;
  /** Where the wording was read. */
  source: string;
  /** true = the wording is marked [C] in regulations.md §1A/§1; false = still [P]/UNCONFIRMED (shown as 待核实). */
  verified: boolean;
  keywords: string[];
}

export interface HazardStandardSeed {
  code: string;
  title: string;
  effectiveFrom: string;
  version: number;
  items: StandardItemSeed[];
}

// ---- condition helpers (they return plain JSON) ---------------------------------------------------------------

const ALL: Applicability = { all: true };
const tag = (...codes: string[]): Applicability => ({ tagsAny: codes });
const proc = (...codes: string[]): Applicability => ({ tagsAny: codes, role: 'process' });
const dustClass = (codes: string[], note?: string): Applicability =>
  note === undefined ? { tagsAny: codes, role: 'dust_category' } : { tagsAny: codes, role: 'dust_category', note };
const inSector = (sector: Sector, cond?: Applicability): Applicability =>
  cond === undefined ? { sectors: [sector] } : { and: [{ sectors: [sector] }, cond] };
const DUST = tag('dust_explosion');

// ---- sources --------------------------------------------------------------------------------------------------

const COMMIT_A = 'fdcf9ad799d438ae7a2243c7656bc3a5338d5d84';
const COMMIT_B = 'e1d4aa469106c63e1a3af8a0172430da6207a046';
const transcript = (article: number) =>
  `An-0726/safety-basis knowledge/clauses/C_PDDB_${article}.json@${([3, 5, 9, 11, 12, 14].includes(article) ? COMMIT_B : COMMIT_A).slice(0, 7)}`;
const addendum = (article: number) => `regulations.md §1A [C]：${transcript(article)}`;
const confirmed = (section: string, where: string, article: number) =>
  `regulations.md ${section} [C]：${where}；§1A 核对：${transcript(article)} 逐字一致`;

const SRC_3 = confirmed(
  '§1.1',
  'jiangmen.gov.cn/gzhd/zhzw/content/post_2849362.html、xz.jiceng.zhengzhou.gov.cn/022003006/9234731.jhtml',
  3,
);
const SRC_4_PAPER = confirmed('§1.2', 'anzhuopai.com/szb/pc/col/202306/01/content_202904.html（2023-06-01 第04版报纸转载）', 4);
const SRC_5 = `${addendum(5)}（条目顺序以 §1A 为准）`;
const SRC_5_AL = `${SRC_5}；§1.3 “铝加工企业重大事故隐患判定”网页转载逐字一致`;
const SRC_5_SINGLE = `${SRC_5}；仅此一个来源，未找到第二来源`;
const SRC_6 = confirmed('§1.4', 'boglecoveoysterhouse.net/szb/pc/col/202306/22/content_204908.html（2023-06-22 第04版报纸转载）', 6);
const SRC_7_PAPER = confirmed('§1.5', 'boglecoveoysterhouse.net/szb/pc/col/202306/22/content_204908.html（2023-06-22 第04版报纸转载）', 7);
const SRC_10 = confirmed('§1.8', 'ynjnrc.com/show.asp?id=7944（2023-05-16，附解读）', 10);
const SRC_11 = confirmed('§1.9', 'czlst.com.cn/jddz888-News-494241、taowenge.com/p-95160116.html', 11);
const SRC_12 = confirmed('§1.10', 'hftpay.net/news/show/229.html', 12);
const SRC_13 = confirmed('§1.11', 'hftpay.net/news/show/229.html', 13);
const SRC_14 = `${transcript(14)}；regulations.md §1.0 条文结构 [C]（PerryLink/dsh-hidden-risk-map rules/evidence/clause-verification-yingjibuling10.md）、§1A 复核一致`;

// ---- penalty bases (regulations.md §1.1, §2.4, §3) ----------------------------------------------------------------

const SAFETY_LAW_103 = '《中华人民共和国安全生产法》第一百零三条';
const SAFETY_LAW_97 = '《中华人民共和国安全生产法》第九十七条';
/** §2.4: 开平 case, 重力沉降室 and 积尘 fined citing both articles (which article covers which is not recorded). */
const DUST_ORDER_6 = '《工贸企业粉尘防爆安全规定》（应急管理部令第6号）第十五条、第十八条';
/** §3: 令13 第十九条 (no warning signs) and 第二十一条 (no identification / 台账, approval, 先通风…, 监护人员). */
const CONFINED_19_21 = '《工贸企业有限空间作业安全规定》（应急管理部令第13号）第十九条、第二十一条';
const CONFINED_21 = '《工贸企业有限空间作业安全规定》（应急管理部令第13号）第二十一条';

// ---- labels ---------------------------------------------------------------------------------------------------------

const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** 1–19 in Chinese numerals ('十一'). */
function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n] ?? '';
  return `十${DIGITS[n - 10] ?? ''}`;
}

interface ArticleDefaults {
  topic: StandardItemTopic;
  sector: Sector | null;
  source: string;
}

type ItemInput = Pick<StandardItemSeed, 'text' | 'applicability' | 'keywords'> &
  Partial<Pick<StandardItemSeed, 'exclusions' | 'penaltyBasis' | 'source' | 'verified'>>;

function article(n: number, defaults: ArticleDefaults, items: ItemInput[]): StandardItemSeed[] {
  return items.map((input, i) => {
    const item = n === 14 ? 0 : i + 1;
    return {
      article: n,
      item,
      key: `${n}-${item}`,
      articleLabel: `第${chineseNumber(n)}条`,
      itemLabel: item === 0 ? '' : `(${chineseNumber(item)})`,
      text: input.text,
      topic: defaults.topic,
      sector: defaults.sector,
      applicability: input.applicability,
      exclusions: input.exclusions ?? [],
      penaltyBasis: input.penaltyBasis ?? null,
      source: input.source ?? defaults.source,
      verified: input.verified ?? true,
      keywords: input.keywords,
    };
  });
}

// ---- items ----------------------------------------------------------------------------------------------------------

const GAS_MAIN = '燃气总管';

const ITEMS: StandardItemSeed[] = [
  ...article(3, { topic: 'general', sector: null, source: SRC_3 }, [
    {
      text: '未对承包单位、承租单位的安全生产工作统一协调、管理，或者未定期进行安全检查的',
      applicability: ALL,
      penaltyBasis: SAFETY_LAW_103,
      keywords: ['承包单位', '承租单位', '统一协调', '安全检查', '安全生产管理协议'],
    },
    {
      text: '特种作业人员未按照规定经专门的安全作业培训并取得相应资格，上岗作业的',
      applicability: ALL,
      penaltyBasis: SAFETY_LAW_97,
      keywords: ['特种作业人员', '特种作业操作证', '持证上岗'],
    },
    {
      text: '金属冶炼企业主要负责人、安全生产管理人员未按照规定经考核合格的',
      applicability: { or: [tag('metal_smelting'), proc('blast_furnace', 'steelmaking')] },
      penaltyBasis: SAFETY_LAW_97,
      keywords: ['金属冶炼', '主要负责人', '安全生产管理人员', '考核合格'],
    },
  ]),

  ...article(4, { topic: 'sector', sector: 'metallurgy', source: addendum(4) }, [
    {
      text: '会议室、活动室、休息室、操作室、交接班室、更衣室（含澡堂）等6类人员聚集场所，以及钢铁水罐冷（热）修工位设置在铁水、钢水、液渣吊运跨的地坪区域内的',
      applicability: inSector('metallurgy'),
      source: `${SRC_4_PAPER}（转录本“场所,以及”为半角逗号，按全角录入）`,
      keywords: ['人员聚集场所', '吊运跨', '钢铁水罐', '修理工位'],
    },
    {
      text: '生产期间冶炼、精炼和铸造生产区域的事故坑、炉下渣坑，以及熔融金属泄漏和喷溅影响范围内的炉前平台、炉基区域、厂房内吊运和地面运输通道等6类区域存在积水的',
      applicability: inSector('metallurgy'),
      source: SRC_4_PAPER,
      keywords: ['积水', '事故坑', '炉下渣坑', '炉前平台'],
    },
    {
      text: '炼钢连铸流程未设置事故钢水罐、中间罐漏钢坑（槽）、中间罐溢流坑（槽）、漏钢回转溜槽，或者模铸流程未设置事故钢水罐（坑、槽）的',
      applicability: inSector('metallurgy', proc('steelmaking')),
      source: SRC_4_PAPER,
      keywords: ['事故钢水罐', '漏钢坑', '溢流坑', '连铸', '模铸'],
    },
    {
      text: '转炉、电弧炉、AOD炉、LF炉、RH炉、VOD炉等炼钢炉的水冷元件未设置出水温度、进出水流量差等监测报警装置，或者监测报警装置未与炉体倾动、氧（副）枪自动提升、电极自动断电和升起装置联锁的',
      applicability: inSector('metallurgy', proc('steelmaking')),
      source: `${addendum(4)}（§1.2 报纸转载截断于“电极自动断电和升…”，结尾据此确认）`,
      keywords: ['炼钢炉', '水冷元件', '出水温度', '进出水流量差', '联锁'],
    },
    {
      text: '高炉生产期间炉顶工作压力设定值超过设计文件规定的最高工作压力，或者炉顶工作压力监测装置未与炉顶放散阀联锁，或者炉顶放散阀的联锁放散压力设定值超过设备设计压力值的',
      applicability: inSector('metallurgy', proc('blast_furnace')),
      keywords: ['高炉', '炉顶压力', '放散阀', '联锁'],
    },
    {
      text: '煤气生产、回收净化、加压混合、储存、使用设施附近的会议室、活动室、休息室、操作室、交接班室、更衣室等6类人员聚集场所，以及可能发生煤气泄漏、积聚的场所和部位未设置固定式一氧化碳浓度监测报警装置，或者监测数据未接入24小时有人值守场所的',
      applicability: inSector('metallurgy', proc('coal_gas')),
      keywords: ['煤气', '一氧化碳', '监测报警', '24小时有人值守'],
    },
    {
      text: '加热炉、煤气柜、除尘器、加压机、烘烤器等设施，以及进入车间前的煤气管道未安装隔断装置的',
      applicability: inSector('metallurgy', proc('coal_gas')),
      keywords: ['煤气管道', '隔断装置', '煤气柜'],
    },
    {
      text: '正压煤气输配管线水封式排水器的最高封堵煤气压力小于30kPa，或者同一煤气管道隔断装置的两侧共用一个排水器，或者不同煤气管道排水器上部的排水管连通，或者不同介质的煤气管道共用一个排水器的',
      applicability: inSector('metallurgy', proc('coal_gas')),
      keywords: ['煤气', '排水器', '水封', '30kPa'],
    },
  ]),

  ...article(5, { topic: 'sector', sector: 'nonferrous', source: SRC_5 }, [
    {
      text: '会议室、活动室、休息室、操作室、交接班室、更衣室（含澡堂）等6类人员聚集场所设置在熔融金属吊运跨的地坪区域内的',
      applicability: inSector('nonferrous'),
      keywords: ['人员聚集场所', '熔融金属', '吊运跨'],
    },
    {
      text: '生产期间冶炼、精炼、铸造生产区域的事故坑、炉下渣坑，以及熔融金属泄漏、喷溅影响范围内的炉前平台、炉基区域、厂房内吊运和地面运输通道等6类区域存在非生产性积水的',
      applicability: inSector('nonferrous'),
      keywords: ['非生产性积水', '事故坑', '炉下渣坑'],
    },
    {
      text: '熔融金属铸造环节未设置紧急排放和应急储存设施的（倾动式熔炼炉、倾动式保温炉、倾动式熔保一体炉、带保温炉的固定式熔炼炉除外）',
      applicability: inSector('nonferrous'),
      exclusions: ['倾动式熔炼炉', '倾动式保温炉', '倾动式熔保一体炉', '带保温炉的固定式熔炼炉'],
      keywords: ['紧急排放', '应急储存', '铸造'],
    },
    {
      text: '采用水冷冷却的冶炼炉窑、铸造机（铝加工深井铸造工艺的结晶器除外）、加热炉未设置应急水源的',
      applicability: inSector('nonferrous'),
      exclusions: ['铝加工深井铸造工艺的结晶器'],
      source: SRC_5_AL,
      keywords: ['应急水源', '水冷', '冶炼炉窑'],
    },
    {
      text: '熔融金属冶炼炉窑的闭路循环水冷元件未设置出水温度、进出水流量差监测报警装置，或者开路水冷元件未设置进水流量、压力监测报警装置，或者未监测开路水冷元件出水温度的',
      applicability: inSector('nonferrous'),
      source: SRC_5_AL,
      keywords: ['水冷元件', '出水温度', '进出水流量差'],
    },
    {
      text: '铝加工深井铸造工艺的结晶器冷却水系统未设置进水压力、进水流量监测报警装置，或者监测报警装置未与快速切断阀、紧急排放阀、流槽断开装置联锁，或者监测报警装置未与倾动式浇铸炉控制系统联锁的',
      applicability: inSector('nonferrous', proc('aluminium_deep_well_casting')),
      source: SRC_5_AL,
      keywords: ['深井铸造', '结晶器', '冷却水', '联锁'],
    },
    {
      text: '铝加工深井铸造工艺的浇铸炉铝液出口流槽、流槽与模盘（分配流槽）入口连接处未设置液位监测报警装置，或者固定式浇铸炉的铝液出口未设置机械锁紧装置的',
      applicability: inSector('nonferrous', proc('aluminium_deep_well_casting')),
      source: SRC_5_AL,
      keywords: ['深井铸造', '流槽', '液位监测', '机械锁紧'],
    },
    {
      text: '铝加工深井铸造工艺的固定式浇铸炉的铝液流槽未设置紧急排放阀，或者流槽与模盘（分配流槽）入口连接处未设置快速切断阀（断开装置），或者流槽与模盘（分配流槽）入口连接处的液位监测报警装置未与快速切断阀（断开装置）、紧急排放阀联锁的',
      applicability: inSector('nonferrous', proc('aluminium_deep_well_casting')),
      source: SRC_5_AL,
      keywords: ['深井铸造', '固定式浇铸炉', '紧急排放阀', '快速切断阀'],
    },
    {
      text: '铝加工深井铸造工艺的倾动式浇铸炉流槽与模盘（分配流槽）入口连接处未设置快速切断阀（断开装置），或者流槽与模盘（分配流槽）入口连接处的液位监测报警装置未与浇铸炉倾动控制系统、快速切断阀（断开装置）联锁的',
      applicability: inSector('nonferrous', proc('aluminium_deep_well_casting')),
      source: SRC_5_AL,
      keywords: ['深井铸造', '倾动式浇铸炉', '快速切断阀'],
    },
    {
      text: '铝加工深井铸造机钢丝卷扬系统选用非钢芯钢丝绳，或者未落实钢丝绳定期检查、更换制度的',
      applicability: inSector('nonferrous', proc('aluminium_deep_well_casting')),
      source: SRC_5_AL,
      keywords: ['深井铸造', '钢丝卷扬', '钢芯钢丝绳'],
    },
    {
      text: '可能发生一氧化碳、砷化氢、氯气、硫化氢等4种有毒气体泄漏、积聚的场所和部位未设置固定式气体浓度监测报警装置，或者监测数据未接入24小时有人值守场所，或者未对可能有砷化氢气体的场所和部位采取同等效果的检测措施的',
      applicability: inSector('nonferrous'),
      source: SRC_5_SINGLE,
      keywords: ['有毒气体', '一氧化碳', '砷化氢', '氯气', '硫化氢'],
    },
    {
      text: '使用煤气（天然气）并强制送风的燃烧装置的燃气总管未设置压力监测报警装置，或者监测报警装置未与紧急自动切断装置联锁的',
      applicability: inSector('nonferrous', tag('gas_use', 'coal_gas')),
      source: SRC_5_SINGLE,
      keywords: [GAS_MAIN, '强制送风', '紧急自动切断'],
    },
    {
      text: '正压煤气输配管线水封式排水器的最高封堵煤气压力小于30kPa，或者同一煤气管道隔断装置的两侧共用一个排水器，或者不同煤气管道排水器上部的排水管连通，或者不同介质的煤气管道共用一个排水器的',
      applicability: inSector('nonferrous', proc('coal_gas')),
      keywords: ['煤气', '排水器', '水封', '30kPa'],
    },
  ]),

  ...article(6, { topic: 'sector', sector: 'building_materials', source: SRC_6 }, [
    {
      text: '煤磨袋式收尘器、煤粉仓未设置温度和固定式一氧化碳浓度监测报警装置，或者未设置气体灭火装置的',
      applicability: inSector('building_materials', proc('coal_mill')),
      keywords: ['煤磨', '煤粉仓', '一氧化碳', '气体灭火'],
    },
    {
      text: '筒型储库人工清库作业未落实清库方案中防止高处坠落、坍塌等安全措施的',
      applicability: inSector('building_materials', tag('silo_storage')),
      keywords: ['筒型储库', '清库', '高处坠落', '坍塌'],
    },
    {
      text: '水泥企业电石渣原料筒型储库未设置固定式可燃气体浓度监测报警装置，或者监测报警装置未与事故通风装置联锁的',
      applicability: inSector('building_materials', proc('carbide_slag_cement')),
      keywords: ['电石渣', '筒型储库', '可燃气体', '事故通风'],
    },
    {
      text: '进入筒型储库、焙烧窑、预热器旋风筒、分解炉、竖炉、篦冷机、磨机、破碎机前，未对可能意外启动的设备和涌入的物料、高温气体、有毒有害气体等采取隔离措施，或者未落实防止高处坠落、坍塌等安全措施的',
      applicability: inSector('building_materials'),
      keywords: ['隔离措施', '筒型储库', '预热器', '篦冷机', '磨机'],
    },
    {
      text: '采用预混燃烧方式的燃气窑炉（热发生炉煤气窑炉除外）的燃气总管未设置管道压力监测报警装置，或者监测报警装置未与紧急自动切断装置联锁的',
      applicability: inSector('building_materials', proc('premixed_gas_kiln')),
      exclusions: ['热发生炉煤气窑炉'],
      keywords: ['预混燃烧', '燃气窑炉', GAS_MAIN, '紧急自动切断'],
    },
    {
      text: '制氢站、氮氢保护气体配气间、燃气配气间等3类场所未设置固定式可燃气体浓度监测报警装置的',
      applicability: inSector('building_materials', proc('hydrogen_station')),
      keywords: ['制氢站', '配气间', '可燃气体'],
    },
    {
      text: '电熔制品电炉的水冷设备失效的',
      applicability: inSector('building_materials', proc('fused_cast_furnace')),
      keywords: ['电熔制品', '电炉', '水冷设备'],
    },
    {
      text: '玻璃窑炉、玻璃锡槽等设备未设置水冷和风冷保护系统的监测报警装置的',
      applicability: inSector('building_materials', proc('glass_kiln')),
      keywords: ['玻璃窑炉', '锡槽', '水冷', '风冷'],
    },
  ]),

  ...article(7, { topic: 'sector', sector: 'machinery', source: addendum(7) }, [
    {
      text: '会议室、活动室、休息室、更衣室、交接班室等5类人员聚集场所设置在熔融金属吊运跨或者浇注跨的地坪区域内的',
      applicability: inSector('machinery', tag('metal_smelting', 'molten_metal_lifting')),
      source: SRC_7_PAPER,
      keywords: ['人员聚集场所', '浇注跨', '吊运跨'],
    },
    {
      text: '铸造用熔炼炉、精炼炉、保温炉未设置紧急排放和应急储存设施的',
      applicability: inSector('machinery', tag('metal_smelting', 'molten_metal_lifting')),
      source: SRC_7_PAPER,
      keywords: ['熔炼炉', '保温炉', '紧急排放', '应急储存'],
    },
    {
      text: '生产期间铸造用熔炼炉、精炼炉、保温炉的炉底、炉坑和事故坑，以及熔融金属泄漏、喷溅影响范围内的炉前平台、炉基区域、造型地坑、浇注作业坑和熔融金属转运通道等8类区域存在积水的',
      applicability: inSector('machinery', tag('metal_smelting', 'molten_metal_lifting')),
      keywords: ['积水', '炉坑', '造型地坑', '浇注作业坑'],
    },
    {
      text: '铸造用熔炼炉、精炼炉、压铸机、氧枪的冷却水系统未设置出水温度、进出水流量差监测报警装置，或者监测报警装置未与熔融金属加热、输送控制系统联锁的',
      applicability: inSector('machinery', tag('metal_smelting', 'molten_metal_lifting')),
      keywords: ['冷却水', '压铸机', '出水温度', '联锁'],
    },
    {
      text: '使用煤气（天然气）的燃烧装置的燃气总管未设置管道压力监测报警装置，或者监测报警装置未与紧急自动切断装置联锁，或者燃烧装置未设置火焰监测和熄火保护系统的',
      applicability: inSector('machinery', tag('gas_use', 'coal_gas')),
      keywords: [GAS_MAIN, '火焰监测', '熄火保护'],
    },
    {
      text: '使用可燃性有机溶剂清洗设备设施、工装器具、地面时，未采取防止可燃气体在周边密闭或者半密闭空间内积聚措施的',
      applicability: inSector('machinery', proc('solvent_cleaning')),
      keywords: ['有机溶剂', '清洗', '可燃气体积聚'],
    },
    {
      text: '使用非水性漆的调漆间、喷漆室未设置固定式可燃气体浓度监测报警装置或者通风设施的',
      applicability: inSector('machinery', tag('spraying')),
      keywords: ['调漆间', '喷漆室', '非水性漆'],
    },
  ]),

  ...article(8, { topic: 'sector', sector: 'light_industry', source: addendum(8) }, [
    {
      text: '食品制造企业烘制、油炸设备未设置防过热自动切断装置的',
      applicability: inSector('light_industry', proc('food_baking_frying')),
      keywords: ['烘制', '油炸', '防过热'],
    },
    {
      text: '白酒勾兑、灌装场所和酒库未设置固定式乙醇蒸气浓度监测报警装置，或者监测报警装置未与通风设施联锁的',
      applicability: inSector('light_industry', proc('baijiu')),
      keywords: ['白酒', '乙醇蒸气', '酒库'],
    },
    {
      text: '纸浆制造、造纸企业使用蒸气、明火直接加热钢瓶汽化液氯的',
      applicability: inSector('light_industry', proc('liquid_chlorine_paper')),
      keywords: ['液氯', '钢瓶', '造纸'],
    },
    {
      text: '日用玻璃、陶瓷制造企业采用预混燃烧方式的燃气窑炉（热发生炉煤气窑炉除外）的燃气总管未设置管道压力监测报警装置，或者监测报警装置未与紧急自动切断装置联锁的',
      applicability: inSector('light_industry', proc('premixed_gas_kiln')),
      exclusions: ['热发生炉煤气窑炉'],
      keywords: ['日用玻璃', '陶瓷', '预混燃烧', GAS_MAIN],
    },
    {
      text: '日用玻璃制造企业玻璃窑炉的冷却保护系统未设置监测报警装置的',
      applicability: inSector('light_industry', proc('glass_kiln')),
      keywords: ['日用玻璃', '玻璃窑炉', '冷却保护'],
    },
    {
      text: '使用非水性漆的调漆间、喷漆室未设置固定式可燃气体浓度监测报警装置或者通风设施的',
      applicability: inSector('light_industry', tag('spraying')),
      keywords: ['调漆间', '喷漆室', '非水性漆'],
    },
    {
      text: '锂离子电池储存仓库未对故障电池采取有效物理隔离措施的',
      applicability: inSector('light_industry', proc('lithium_battery_storage')),
      keywords: ['锂离子电池', '故障电池', '物理隔离'],
    },
  ]),

  ...article(9, { topic: 'sector', sector: 'textile', source: addendum(9) }, [
    {
      text: '纱、线、织物加工的烧毛、开幅、烘干等热定型工艺的汽化室、燃气贮罐、储油罐、热媒炉，未与生产加工等人员聚集场所隔开或者单独设置的',
      applicability: inSector('textile', proc('textile_heat_setting')),
      keywords: ['热定型', '烧毛', '热媒炉', '燃气贮罐'],
    },
    {
      text: '保险粉、双氧水、次氯酸钠、亚氯酸钠、雕白粉（吊白块）与禁忌物料混合储存，或者保险粉储存场所未采取防水防潮措施的',
      applicability: inSector('textile', proc('textile_chemicals')),
      keywords: ['保险粉', '禁忌物料', '防水防潮'],
    },
  ]),

  ...article(10, { topic: 'sector', sector: 'tobacco', source: SRC_10 }, [
    {
      text: '熏蒸作业场所未配备磷化氢气体浓度监测报警仪器，或者未配备防毒面具，或者熏蒸杀虫作业前未确认无关人员全部撤离熏蒸作业场所的',
      applicability: inSector('tobacco', proc('tobacco_fumigation')),
      keywords: ['熏蒸', '磷化氢', '防毒面具'],
    },
    {
      text: '使用液态二氧化碳制造膨胀烟丝的生产线和场所未设置固定式二氧化碳浓度监测报警装置，或者监测报警装置未与事故通风设施联锁的',
      applicability: inSector('tobacco', proc('expanded_tobacco_co2')),
      keywords: ['膨胀烟丝', '液态二氧化碳', '事故通风'],
    },
  ]),

  ...article(11, { topic: 'dust', sector: null, source: SRC_11 }, [
    {
      text: '粉尘爆炸危险场所设置在非框架结构的多层建（构）筑物内，或者粉尘爆炸危险场所内设有员工宿舍、会议室、办公室、休息室等人员聚集场所的',
      applicability: DUST,
      source: `${SRC_11}（转录本“建(构)筑物”为半角括号，按全角录入）`,
      keywords: ['非框架结构', '多层建筑', '人员聚集场所'],
    },
    {
      text: '不同类别的可燃性粉尘、可燃性粉尘与可燃气体等易加剧爆炸危险的介质共用一套除尘系统，或者不同建（构）筑物、不同防火分区共用一套除尘系统、除尘系统互联互通的',
      applicability: DUST,
      exclusions: [
        '因工艺原因，同一产尘点同时产生可燃性粉尘和可燃气体的',
        '粮食磨粉、淀粉、饲料加工等按工艺流程独立设置、纵向贯穿多个防火分区的除尘系统',
        '两个及以上防火分区的除尘系统仅通过设有锁气卸灰装置的输灰管道相连的',
        '两个及以上防火分区的除尘系统在风机之后共用一根排气筒的',
      ],
      source: `${SRC_11}；除外情形：§1.9 [C] 专项类检查表 bigxun.com/view/1919236641253330946（据汇编摘要整理，非检查表原文）`,
      keywords: ['共用除尘系统', '互联互通', '防火分区', '锁气卸灰'],
    },
    {
      text: '干式除尘系统未采取泄爆、惰化、抑爆等任一种爆炸防控措施的',
      applicability: DUST,
      keywords: ['干式除尘', '泄爆', '惰化', '抑爆'],
    },
    {
      text: '铝镁等金属粉尘除尘系统采用正压除尘方式，或者其他可燃性粉尘除尘系统采用正压吹送粉尘时，未采取火花探测消除等防范点燃源措施的',
      applicability: {
        or: [
          DUST,
          dustClass(['dust_metal'], '金属粉尘分项：除尘系统不得采用正压除尘方式'),
          dustClass(['dust_wood', 'dust_other'], '其他可燃性粉尘分项：正压吹送粉尘时须采取火花探测消除等防范点燃源措施'),
        ],
      },
      keywords: ['正压除尘', '正压吹送', '火花探测消除'],
    },
    {
      text: '除尘系统采用重力沉降室除尘，或者采用干式巷道式构筑物作为除尘风道的',
      applicability: DUST,
      penaltyBasis: DUST_ORDER_6,
      keywords: ['重力沉降室', '巷道式风道'],
    },
    {
      text: '铝镁等金属粉尘、木质粉尘的干式除尘系统未设置锁气卸灰装置的',
      applicability: { and: [DUST, dustClass(['dust_metal', 'dust_wood'])] },
      keywords: ['锁气卸灰', '干式除尘'],
    },
    {
      text: '除尘器、收尘仓等划分为20区的粉尘爆炸危险场所电气设备不符合防爆要求的',
      applicability: DUST,
      keywords: ['20区', '防爆电气', '除尘器'],
    },
    {
      text: '粉碎、研磨、造粒等易产生机械点燃源的工艺设备前，未设置铁、石等杂物去除装置，或者木制品加工企业与砂光机连接的风管未设置火花探测消除装置的',
      applicability: { or: [DUST, dustClass(['dust_wood'], '木制品加工企业分项：与砂光机连接的风管须设置火花探测消除装置')] },
      keywords: ['杂物去除', '砂光机', '火花探测消除'],
    },
    {
      text: '遇湿自燃金属粉尘收集、堆放、储存场所未采取通风等防止氢气积聚措施，或者干式收集、堆放、储存场所未采取防水、防潮措施的',
      applicability: { and: [DUST, dustClass(['dust_metal'])] },
      source: addendum(11),
      keywords: ['遇湿自燃', '氢气积聚', '防水防潮'],
    },
    {
      text: '未落实粉尘清理制度，造成作业现场积尘严重的',
      applicability: DUST,
      penaltyBasis: DUST_ORDER_6,
      source: addendum(11),
      keywords: ['粉尘清理', '积尘'],
    },
  ]),

  ...article(12, { topic: 'ammonia', sector: null, source: SRC_12 }, [
    {
      text: '包装、分割、产品整理场所的空调系统采用氨直接蒸发制冷的',
      applicability: tag('ammonia_refrigeration'),
      keywords: ['氨直接蒸发', '空调系统', '涉氨制冷'],
    },
    {
      text: '快速冻结装置未设置在单独的作业间内，或者快速冻结装置作业间内作业人员数量超过9人的',
      applicability: tag('ammonia_refrigeration'),
      keywords: ['快速冻结装置', '单独作业间', '9人'],
    },
  ]),

  ...article(13, { topic: 'confined_space', sector: null, source: SRC_13 }, [
    {
      text: '未对有限空间进行辨识、建立安全管理台账，并且未设置明显的安全警示标志的',
      applicability: tag('confined_space'),
      penaltyBasis: CONFINED_19_21,
      keywords: ['有限空间辨识', '安全管理台账', '安全警示标志'],
    },
    {
      text: '未落实有限空间作业审批，或者未执行“先通风、再检测、后作业”要求，或者作业现场未设置监护人员的',
      applicability: tag('confined_space'),
      penaltyBasis: CONFINED_21,
      source: addendum(13),
      keywords: ['作业审批', '先通风、再检测、后作业', '监护人员'],
    },
  ]),

  ...article(14, { topic: 'monitoring', sector: null, source: SRC_14 }, [
    {
      text: '本标准所列情形中直接关系生产安全的监控、报警、防护等设施、设备、装置，应当保证正常运行、使用，失效或者无效均判定为重大事故隐患',
      applicability: ALL,
      keywords: ['监控', '报警', '防护', '联锁', '失效'],
    },
  ]),
];

export const HAZARD_STANDARD_2023: HazardStandardSeed = {
  code: 'MEM-10-2023',
  title: '工贸企业重大事故隐患判定标准（应急管理部令第10号）',
  effectiveFrom: '2023-05-15',
  version: 1,
  items: ITEMS,
};
