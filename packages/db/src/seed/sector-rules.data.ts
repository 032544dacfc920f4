import type { SectorRule, SectorRuleSet } from '@zhiben/domain';

/**
 * 监管行业 rules: GB/T 4754-2017 industry-code prefix → sector, longest prefix wins (see packages/domain/src/sector.ts).
 * Facts from regulations.md §6. Only the 冶金, 有色, 建材 and 机械 ranges were read in a (web reprint of the)
 * classification standard; everything marked `verified: false` is general knowledge and must be checked against
 * the official 应急厅〔2019〕17号 text. A new version of this file is a new `version`, not an edit in place.
 */

const STD = '应急厅〔2019〕17号《冶金有色建材机械轻工纺织烟草商贸行业安全监管分类标准（试行）》';
/** The part of the standard that was read (regulations.md §6 [C], web reprint 360docs.net/doc/4818834564.html). */
const READ = `${STD}（regulations.md §6 [C]）`;
/** Ranges the regulations notes give from general knowledge only. */
const UNREAD = `${STD}：该范围未读到原文（regulations.md §6 UNCONFIRMED，一般行业知识）`;

const MACHINERY_NOTE =
  '17号 机械 = 大类 33–40、43 [C]；原文在列举除外情形处截断，机械的中类/小类除外情形未知（已知推定：384 电池制造 → 轻工，见该规则）';

const rules: SectorRule[] = [
  // 冶金 / 有色 [C]
  { prefix: '31', sector: 'metallurgy', source: READ, verified: true, note: '黑色金属冶炼和压延加工业（全部）' },
  { prefix: '32', sector: 'nonferrous', source: READ, verified: true, note: '有色金属冶炼和压延加工业（全部）' },

  // 建材 [C]: 30 except 中类 305 and 小类 3073/3074/3075/3076/3079.
  {
    prefix: '30',
    sector: 'building_materials',
    source: READ,
    verified: true,
    note: '非金属矿物制品业，除 305 玻璃制品及 3073–3079 陶瓷小类外',
  },
  {
    prefix: '305',
    sector: 'light_industry',
    source: UNREAD,
    verified: false,
    note: '玻璃制品制造：17号 将其排除在建材之外 [C]；归入轻工（日用玻璃，令10 第八条(四)(五)）为推定，3051 技术玻璃、3052 光学玻璃等是否另有归属未核实',
  },
  {
    prefix: '3073',
    sector: 'light_industry',
    source: UNREAD,
    verified: false,
    note: '特种陶瓷制品制造：排除在建材之外 [C]；归入轻工为推定（特种陶瓷最不确定）',
  },
  {
    prefix: '3074',
    sector: 'light_industry',
    source: UNREAD,
    verified: false,
    note: '日用陶瓷制品制造：排除在建材之外 [C]；归入轻工为推定（令10 第八条(四) 日用陶瓷）',
  },
  {
    prefix: '3075',
    sector: 'light_industry',
    source: UNREAD,
    verified: false,
    note: '陈设艺术陶瓷制造：排除在建材之外 [C]；归入轻工为推定',
  },
  { prefix: '3076', sector: 'light_industry', source: UNREAD, verified: false, note: '园艺陶瓷制造：排除在建材之外 [C]；归入轻工为推定' },
  {
    prefix: '3079',
    sector: 'light_industry',
    source: UNREAD,
    verified: false,
    note: '其他陶瓷制品制造：排除在建材之外 [C]；归入轻工为推定',
  },

  // 机械 [C] for the 大类 list; exclusions unknown.
  ...['33', '34', '35', '36', '37', '38', '39', '40', '43'].map(
    (prefix): SectorRule => ({ prefix, sector: 'machinery', source: READ, verified: true, note: MACHINERY_NOTE }),
  ),
  {
    prefix: '384',
    sector: 'light_industry',
    source: `${UNREAD}；推定依据：《工贸企业重大事故隐患判定标准》第八条(七) 锂离子电池储存仓库列在轻工条款`,
    verified: false,
    note: '电池制造：令10 把锂离子电池列入轻工（第八条），推定 17号 将 384 从机械排除并归入轻工；原文机械除外情形截断，待核',
  },

  // 轻工: UNCONFIRMED list 13–15, 19–24, 29 (+ 305, 3073–3079, 384 above).
  {
    prefix: '13',
    sector: 'light_industry',
    source: UNREAD,
    verified: false,
    note: '农副食品加工业（令10 第八条(一) 食品、第十二条 涉氨屠宰冷库）',
  },
  { prefix: '14', sector: 'light_industry', source: UNREAD, verified: false, note: '食品制造业（令10 第八条(一)）' },
  { prefix: '15', sector: 'light_industry', source: UNREAD, verified: false, note: '酒、饮料和精制茶制造业（令10 第八条(二) 白酒）' },
  {
    prefix: '19',
    sector: 'light_industry',
    source: UNREAD,
    verified: false,
    note: '皮革、毛皮、羽毛及其制品和制鞋业：§6 称 19 "部分" 属纺织但未说明哪些中类；皮革、制鞋、羽绒按轻工业归口，整体归轻工',
  },
  { prefix: '20', sector: 'light_industry', source: UNREAD, verified: false, note: '木材加工和木、竹、藤、棕、草制品业' },
  { prefix: '21', sector: 'light_industry', source: UNREAD, verified: false, note: '家具制造业' },
  { prefix: '22', sector: 'light_industry', source: UNREAD, verified: false, note: '造纸和纸制品业（令10 第八条(三)）' },
  { prefix: '23', sector: 'light_industry', source: UNREAD, verified: false, note: '印刷和记录媒介复制业' },
  { prefix: '24', sector: 'light_industry', source: UNREAD, verified: false, note: '文教、工美、体育和娱乐用品制造业' },
  { prefix: '29', sector: 'light_industry', source: UNREAD, verified: false, note: '橡胶和塑料制品业' },

  // 纺织: UNCONFIRMED.
  { prefix: '17', sector: 'textile', source: UNREAD, verified: false, note: '纺织业（令10 第九条）' },
  {
    prefix: '18',
    sector: 'textile',
    source: UNREAD,
    verified: false,
    note: '纺织服装、服饰业：§6 的一般知识清单把 18 同时列入轻工（18–24）和纺织（18、19 部分）；服装按纺织工业归口，整体归纺织',
  },

  // 烟草: UNCONFIRMED.
  { prefix: '16', sector: 'tobacco', source: UNREAD, verified: false, note: '烟草制品业（令10 第十条）' },

  // 商贸: UNCONFIRMED. 令10 has no 商贸 article: these firms get 第三条 and 第十一–十三条 only.
  { prefix: '51', sector: 'commerce', source: UNREAD, verified: false, note: '批发业' },
  { prefix: '52', sector: 'commerce', source: UNREAD, verified: false, note: '零售业' },
  {
    prefix: '59',
    sector: 'commerce',
    source: UNREAD,
    verified: false,
    note: '装卸搬运和仓储业（5930 低温仓储 = 冷库）；594 危险品仓储按危险化学品规定监管，是否应排除待核',
  },
];

export const SECTOR_RULE_SET: SectorRuleSet = {
  version: '2019-17-v1',
  title: `${STD}（按 GB/T 4754-2017）`,
  rules,
};

export const SECTOR_RULES: readonly SectorRule[] = SECTOR_RULE_SET.rules;
