import type { ClassificationRuleSet } from '@zhiben/contracts';

const SHANXI_CLASSES =
  '《山西省冶金工贸行业安全生产分类分级监管实施办法》（山西省应急管理厅，约2021-03）起评 B 类；regulations.md §6 [C]（转载，官方原文未读）';
/**
 * Shanxi publishes the starting classes but not the up/down adjustment rules (regulations.md §6: UNCONFIRMED), so
 * every adjustment below is a platform default chosen for issue #7, marked `verified: false` until the bureau
 * confirms or amends it. The facts come from the seed plan: 重大事故隐患动态清零 (§三(四)7), 监测预警接入
 * (§三(六)11), 标准化作为差异化监管执法的重要依据 (§三(五)10), 精准执法 (§三(八)18).
 */
const PLATFORM_DEFAULT = '平台初设权重（山西未公布升降级规则，regulations.md §6 UNCONFIRMED；issue #7），待区应急管理局确认';

/**
 * The default classification rule set (data; the server seeds it into a versioned table and officials may amend
 * it). Tag codes are those of the risk-tag catalog, packages/db/src/seed/risk-tags.data.ts.
 */
export const DEFAULT_CLASSIFICATION_RULES: ClassificationRuleSet = {
  version: 1,
  defaultClass: 'C',
  defaultSource: `${SHANXI_CLASSES}：其他企业起评 C 类`,
  startingRules: [
    {
      code: 'start_metal_smelting',
      label: '金属冶炼',
      match: { riskTag: 'metal_smelting' },
      riskClass: 'B',
      source: SHANXI_CLASSES,
      verified: true,
    },
    {
      code: 'start_molten_metal_lifting',
      label: '高温熔融金属吊运（浇注）',
      match: { riskTag: 'molten_metal_lifting' },
      riskClass: 'B',
      source: SHANXI_CLASSES,
      verified: true,
    },
    // 工业煤气生产（使用）: the catalog's `coal_gas` tag; `gas_use` (natural gas burners) is deliberately not it.
    {
      code: 'start_coal_gas',
      label: '工业煤气生产（使用）',
      match: { riskTag: 'coal_gas' },
      riskClass: 'B',
      source: SHANXI_CLASSES,
      verified: true,
    },
    {
      code: 'start_dust_explosion',
      label: '爆炸性粉尘（粉尘涉爆）',
      match: { riskTag: 'dust_explosion' },
      riskClass: 'B',
      source: SHANXI_CLASSES,
      verified: true,
    },
    {
      code: 'start_ammonia_refrigeration',
      label: '涉氨制冷',
      match: { riskTag: 'ammonia_refrigeration' },
      riskClass: 'B',
      source: SHANXI_CLASSES,
      verified: true,
    },
    // 空分装置 is in the Shanxi list but has no catalog tag yet: the rule waits for the tag `air_separation`.
    {
      code: 'start_air_separation',
      label: '空分装置',
      match: { riskTag: 'air_separation' },
      riskClass: 'B',
      source: SHANXI_CLASSES,
      verified: true,
    },
    {
      code: 'start_major_hazard_installation',
      label: '构成重大危险源',
      match: { majorHazardInstallation: true },
      riskClass: 'B',
      source: SHANXI_CLASSES,
      verified: true,
    },
  ],
  adjustments: [
    {
      kind: 'count',
      code: 'open_major_hazard',
      label: '存在未销号的重大事故隐患',
      fact: 'openMajorHazards',
      atLeast: 1,
      effect: 1,
      source: `${PLATFORM_DEFAULT}；依据：令10 判定的重大事故隐患（治本攻坚方案 §三(四)7 动态清零）`,
      verified: false,
    },
    {
      kind: 'count',
      code: 'overdue_major_hazard',
      label: '重大事故隐患逾期未整改',
      fact: 'overdueMajorHazards',
      atLeast: 1,
      effect: 1,
      source: `${PLATFORM_DEFAULT}；依据：安全生产法 第一百零二条（未按期消除事故隐患）`,
      verified: false,
    },
    // An enterprise where a major hazard was found stays riskier for a year after it is closed: 动态清零 removes the
    // hazard, not the management failure behind it (seed §三(八)18 聚焦重大事故隐患精准执法).
    {
      kind: 'count',
      code: 'major_hazard_found_12_months',
      label: '近12个月查出重大事故隐患',
      fact: 'majorHazardsFound',
      atLeast: 1,
      effect: 1,
      source: `${PLATFORM_DEFAULT}；依据：治本攻坚方案 §三(八)18 聚焦重大事故隐患精准执法`,
      verified: false,
    },
    {
      kind: 'count',
      code: 'repeated_red_alarms',
      label: '近30日多次红色报警',
      fact: 'redAlarms',
      atLeast: 2,
      effect: 1,
      source: `${PLATFORM_DEFAULT}；依据：治本攻坚方案 §三(六)11 监测预警`,
      verified: false,
    },
    {
      kind: 'flag',
      code: 'monitoring_not_connected',
      label: '应接入监测预警系统而未接入',
      fact: 'monitoringNotConnected',
      effect: 1,
      source: `${PLATFORM_DEFAULT}；依据：治本攻坚方案 §三(六)11（涉粉作业 30 人以上 2024 年底、10 人以上 2025 年底前接入）`,
      verified: false,
    },
    {
      kind: 'count',
      code: 'penalized_12_months',
      label: '近12个月受到行政处罚',
      fact: 'penalties',
      atLeast: 1,
      effect: 1,
      source: `${PLATFORM_DEFAULT}；依据：治本攻坚方案 §三(八)18 精准执法`,
      verified: false,
    },
    {
      kind: 'count',
      code: 'accident_12_months',
      label: '近12个月发生生产安全事故',
      fact: 'accidents',
      atLeast: 1,
      effect: 1,
      source: PLATFORM_DEFAULT,
      verified: false,
    },
    {
      kind: 'level',
      code: 'standardization_level',
      label: '安全生产标准化等级',
      fact: 'standardizationLevel',
      // 三级 and 未定级 leave the class as it is; 一级/二级 达标 earns one class down (fewer inspections, §三(五)10).
      effects: { level1: -1, level2: -1, level3: 0, none: 0 },
      source: `${PLATFORM_DEFAULT}；依据：治本攻坚方案 §三(五)10 标准化作为差异化监管执法的重要依据`,
      verified: false,
    },
  ],
  windows: { majorHazardsFound: { months: 12 }, redAlarms: { days: 30 }, penalties: { months: 12 }, accidents: { months: 12 } },
};
