import type { EscalationRuleData } from '@zhiben/contracts';

/**
 * Escalation of hazards not rectified by their deadline (治本攻坚 §三(四)6–7: 闭环、动态清零), as data: who is reminded
 * when, relative to the rectification deadline (五落实 时限), per hazard level, and how often the reminder repeats
 * until someone acts (the hazard leaves 整改中 or its deadline changes).
 *
 * No national, provincial or municipal text fixes these numbers: they are LOCAL POLICY of the district bureau,
 * chosen as defaults and amendable by officials (动态调整). `source` says so on every row.
 */
const LOCAL_POLICY = '本地政策（区应急管理局自定，无国家或省市规定依据，可调整）';

const rule = (
  level: EscalationRuleData['level'],
  recipient: EscalationRuleData['recipient'],
  offsetHours: number,
  repeatHours: number,
  note: string,
): EscalationRuleData => ({ level, recipient, offsetHours, repeatHours, source: `${LOCAL_POLICY}：${note}` });

export const ESCALATION_RULES: readonly EscalationRuleData[] = [
  // 一般隐患: responsible person 24 h before; principal at the deadline; township after N = 3 days; bureau after M = 7 days.
  rule('general', 'responsible', -24, 24, '到期前 24 小时提醒整改责任人，每 24 小时重复'),
  rule('general', 'principal', 0, 24, '到期未完成提醒企业主要负责人，每 24 小时重复'),
  rule('general', 'township', 3 * 24, 24, '逾期 N = 3 天升级至属地乡镇（街道），每 24 小时重复'),
  rule('general', 'bureau', 7 * 24, 24, '逾期 M = 7 天升级至区应急管理局，每 24 小时重复'),
  // 重大隐患: earlier and more often — township after N = 1 day, bureau after M = 3 days, every 12 h.
  rule('major', 'responsible', -24, 12, '到期前 24 小时提醒整改责任人，每 12 小时重复'),
  rule('major', 'principal', 0, 12, '到期未完成提醒企业主要负责人，每 12 小时重复'),
  rule('major', 'township', 1 * 24, 12, '逾期 N = 1 天升级至属地乡镇（街道），每 12 小时重复'),
  rule('major', 'bureau', 3 * 24, 12, '逾期 M = 3 天升级至区应急管理局，每 12 小时重复'),
];
