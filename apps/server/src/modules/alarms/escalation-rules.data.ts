import type { AlarmLevel } from '@zhiben/contracts';

/**
 * Who is told about an unacknowledged alarm, and when (issue #6 item 4; docs/ARCHITECTURE.md §9): the enterprise at
 * once, the township officer after T1, the bureau after T2, each repeating until someone acknowledges.
 *
 * No national, provincial or municipal text fixes these minutes (regulations.md §2.3 and §12-2: 苏州 sets "time
 * limits by relative risk and urgency" without publishing them; 东阳 escalates unhandled warnings to the 乡镇). They
 * are LOCAL POLICY of the district bureau, chosen as defaults and amendable by officials in table
 * `alarm_escalation_rules` (a restart never overwrites an amended row). `source` says so on every row.
 */
export type AlarmRecipient = 'enterprise' | 'township' | 'bureau';

export interface AlarmEscalationRuleData {
  level: AlarmLevel;
  recipient: AlarmRecipient;
  /** Minutes after the alarm was raised. */
  afterMinutes: number;
  /** Repeat every N minutes until acknowledged (0 = once). */
  repeatMinutes: number;
  source: string;
}

const LOCAL_POLICY = '本地政策（区应急管理局自定，无国家或省市规定依据，可调整）';

const rule = (
  level: AlarmLevel,
  recipient: AlarmRecipient,
  afterMinutes: number,
  repeatMinutes: number,
  note: string,
): AlarmEscalationRuleData => ({ level, recipient, afterMinutes, repeatMinutes, source: `${LOCAL_POLICY}：${note}` });

export const ALARM_ESCALATION_RULES: readonly AlarmEscalationRuleData[] = [
  // 红色: T1 = 15 min, T2 = 30 min — a hot hopper can become a fire within the hour.
  rule('red', 'enterprise', 0, 5, '报警即通知企业主要负责人和安全管理人员，未响应每 5 分钟重复'),
  rule('red', 'township', 15, 15, 'T1 = 15 分钟未响应升级至属地乡镇（街道），每 15 分钟重复'),
  rule('red', 'bureau', 30, 30, 'T2 = 30 分钟未响应升级至区应急管理局，每 30 分钟重复'),
  // 橙色: T1 = 30 min, T2 = 2 h.
  rule('orange', 'enterprise', 0, 15, '报警即通知企业，未响应每 15 分钟重复'),
  rule('orange', 'township', 30, 30, 'T1 = 30 分钟未响应升级至属地乡镇（街道），每 30 分钟重复'),
  rule('orange', 'bureau', 120, 60, 'T2 = 2 小时未响应升级至区应急管理局，每 60 分钟重复'),
  // 黄色: T1 = 2 h, T2 = 8 h.
  rule('yellow', 'enterprise', 0, 60, '报警即通知企业，未响应每 60 分钟重复'),
  rule('yellow', 'township', 120, 120, 'T1 = 2 小时未响应升级至属地乡镇（街道），每 2 小时重复'),
  rule('yellow', 'bureau', 480, 480, 'T2 = 8 小时未响应升级至区应急管理局，每 8 小时重复'),
  // 蓝色 (mostly 数据异常): T1 = 24 h, T2 = 72 h.
  rule('blue', 'enterprise', 0, 480, '报警即通知企业，未响应每 8 小时重复'),
  rule('blue', 'township', 24 * 60, 24 * 60, 'T1 = 24 小时未响应升级至属地乡镇（街道），每 24 小时重复'),
  rule('blue', 'bureau', 72 * 60, 24 * 60, 'T2 = 72 小时未响应升级至区应急管理局，每 24 小时重复'),
];

/**
 * When an alarm becomes a hazard record (issue #6 item 4), as data. A red or orange alarm (by the most severe level
 * it reached) becomes a 一般隐患 to be judged when it was raised `recurrences` times within `windowHours` for the
 * same device and rule, or when it is still unacknowledged once it has escalated to the bureau (T2). Local policy,
 * like the minutes above.
 */
export const ALARM_HAZARD_POLICY = {
  levels: ['orange', 'red'] as readonly AlarmLevel[],
  recurrences: 3,
  windowHours: 24,
  source: `${LOCAL_POLICY}：红色、橙色报警 24 小时内同一设备同一规则报警 3 次，或超过 T2 仍未响应，转为隐患`,
} as const;
