import { z } from 'zod';
import { listQuery, uuidSchema } from './common.js';
import {
  ALARM_KINDS,
  ALARM_LEVELS,
  PROFILE_CODES,
  RULE_PARAMS,
  RULE_TYPES,
  ruleDefinitionSchema,
  ruleIdSchema,
  ruleOverrideSchema,
} from './monitoring-rules.js';

/**
 * 粉尘涉爆监测预警 — alarms, escalation, thresholds and the monitoring overview (issue #6 items 3–5). The rule engine
 * (packages/domain/src/monitoring) opens and clears conditions; an alarm is the handled record of one condition.
 *
 * Lifecycle (one alarm per device and rule that is not closed):
 *   待响应 pending → 已响应 acknowledged (who, when) → 已处置 disposed (处置报告: cause, action, photos) → 已关闭 closed.
 * `closed` needs both: the 处置报告 filed AND the condition cleared. A condition that clears before anyone handles
 * it does NOT close the alarm: it stays pending / acknowledged with `clearedAt` set and is shown as 已恢复未处置
 * (`displayStatus = 'recovered'`) until someone files the 处置报告 — a hopper that got hot and cooled down by itself
 * still needs a cause. A disposed alarm whose condition is still active stays 已处置 until it clears, then closes.
 * If the condition comes back while the alarm is not closed, the same alarm is re-opened (`clearedAt` null again,
 * count + 1); after it is closed, a new alarm is raised.
 */

export const ALARM_STATUSES = ['pending', 'acknowledged', 'disposed', 'closed'] as const;
export type AlarmStatus = (typeof ALARM_STATUSES)[number];
export const ALARM_STATUS_LABELS: Record<AlarmStatus, string> = {
  pending: '待响应',
  acknowledged: '已响应',
  disposed: '已处置',
  closed: '已关闭',
};

/** What a screen shows: the status, except that a cleared, not yet disposed alarm shows 已恢复未处置. */
export const ALARM_DISPLAY_STATUSES = ['pending', 'acknowledged', 'recovered', 'disposed', 'closed'] as const;
export type AlarmDisplayStatus = (typeof ALARM_DISPLAY_STATUSES)[number];
export const ALARM_DISPLAY_STATUS_LABELS: Record<AlarmDisplayStatus, string> = {
  pending: '待响应',
  acknowledged: '已响应',
  recovered: '已恢复未处置',
  disposed: '已处置',
  closed: '已关闭',
};

export function alarmDisplayStatus(status: AlarmStatus, clearedAt: string | null): AlarmDisplayStatus {
  if ((status === 'pending' || status === 'acknowledged') && clearedAt !== null) return 'recovered';
  return status;
}

/** Escalation of an unacknowledged alarm: none yet → township officer (after T1) → bureau (after T2). */
export const ALARM_ESCALATION_STAGES = ['none', 'township', 'bureau'] as const;
export type AlarmEscalationStage = (typeof ALARM_ESCALATION_STAGES)[number];
export const ALARM_ESCALATION_STAGE_LABELS: Record<AlarmEscalationStage, string> = {
  none: '未升级',
  township: '已升级至乡镇（街道）',
  bureau: '已升级至区应急管理局',
};

const photoHash = z.string().regex(/^[0-9a-f]{64}$/, { error: '照片编号格式不正确' });
const requiredText = (what: string, max = 1000) =>
  z
    .string({ error: `请填写${what}` })
    .trim()
    .min(2, { error: `请填写${what}` })
    .max(max, { error: `${what}最多 ${max} 字` });

export const ackAlarmBody = z.strictObject({
  note: z.string().trim().max(500, { error: '说明最多 500 字' }).nullish(),
});
export type AckAlarmBody = z.infer<typeof ackAlarmBody>;

/** 处置报告: what caused the alarm, what was done, photos of the site after the action. */
export const disposeAlarmBody = z.strictObject({
  cause: requiredText('报警原因'),
  action: requiredText('处置措施'),
  photos: z.array(photoHash).min(1, { error: '请上传处置现场照片' }).max(9, { error: '最多 9 张照片' }),
});
export type DisposeAlarmBody = z.infer<typeof disposeAlarmBody>;

export const disposalReportDto = z.object({
  cause: z.string(),
  action: z.string(),
  photos: z.array(z.string()),
  disposedBy: z.string().nullable(),
  disposedByName: z.string().nullable(),
  disposedAt: z.string(),
});
export type DisposalReportDto = z.infer<typeof disposalReportDto>;

export const alarmAbilities = z.object({ acknowledge: z.boolean(), dispose: z.boolean() });
export type AlarmAbilities = z.infer<typeof alarmAbilities>;

export const alarmDto = z.object({
  id: z.string(),
  deviceId: z.string(),
  deviceCode: z.string(),
  deviceName: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  regionName: z.string(),
  ruleId: z.string(),
  ruleName: z.string(),
  ruleType: z.enum(RULE_TYPES),
  kind: z.enum(ALARM_KINDS),
  /** The signal the rule watches; null for combination and offline rules. */
  signal: z.string().nullable(),
  /** Current level (a threshold alarm moves between levels while open). */
  level: z.enum(ALARM_LEVELS),
  /** The most severe level reached while open (what escalation and the hazard rule look at). */
  maxLevel: z.enum(ALARM_LEVELS),
  status: z.enum(ALARM_STATUSES),
  displayStatus: z.enum(ALARM_DISPLAY_STATUSES),
  /** Raises and re-triggers so far (1 at the raise). */
  count: z.number().int(),
  /** Most extreme value while open (see RuleEvent.peak); null where it means nothing. */
  peak: z.number().nullable(),
  /** Value of the latest event. */
  lastValue: z.number().nullable(),
  /** Device time of the raise and of the latest event (ISO). */
  firstAt: z.string(),
  lastAt: z.string(),
  acknowledgedBy: z.string().nullable(),
  acknowledgedByName: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  disposal: disposalReportDto.nullable(),
  /** When the condition cleared; null while it holds. */
  clearedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  /** The hazard record this alarm became (red / orange that recurred or stayed unhandled). */
  hazardId: z.string().nullable(),
  escalationStage: z.enum(ALARM_ESCALATION_STAGES),
  /** When the next escalation step or reminder is due; null when acknowledged or closed. */
  nextEscalationAt: z.string().nullable(),
  createdAt: z.string(),
  abilities: alarmAbilities,
});
export type AlarmDto = z.infer<typeof alarmDto>;

const csv = z
  .string()
  .optional()
  .transform((s) => (s ? s.split(',').filter(Boolean) : undefined));

export const alarmListQuery = listQuery.extend({
  /** One or more statuses, comma separated; `recovered` = cleared but not disposed (已恢复未处置). */
  status: csv.pipe(z.array(z.enum(ALARM_DISPLAY_STATUSES, { error: '未知的报警状态' })).optional()),
  level: csv.pipe(z.array(z.enum(ALARM_LEVELS, { error: '未知的报警级别' })).optional()),
  kind: csv.pipe(z.array(z.enum(ALARM_KINDS, { error: '未知的报警类型' })).optional()),
  enterpriseId: uuidSchema.optional(),
  deviceId: uuidSchema.optional(),
  /** `true`: only alarms not yet closed. */
  open: z.enum(['true', 'false'], { error: '只能是 true 或 false' }).optional(),
  /** 报警时间 window on `raisedAt`: `from` inclusive, `to` exclusive (ISO with offset); `to` must be after `from`. */
  from: z.iso.datetime({ offset: true, error: '开始时间格式不正确（带时区的 ISO 时间）' }).optional(),
  to: z.iso.datetime({ offset: true, error: '结束时间格式不正确（带时区的 ISO 时间）' }).optional(),
});
export type AlarmListQuery = z.infer<typeof alarmListQuery>;
export const alarmListResponse = z.object({ items: z.array(alarmDto), total: z.number().int() });

export const ALARM_EVENT_ACTIONS = [
  'raised',
  'level_changed',
  'reraised',
  'cleared',
  'acknowledged',
  'disposed',
  'closed',
  'escalated',
  'reminded',
  'hazard_created',
  'rule_retired',
] as const;
export type AlarmEventAction = (typeof ALARM_EVENT_ACTIONS)[number];
export const ALARM_EVENT_ACTION_LABELS: Record<AlarmEventAction, string> = {
  raised: '报警产生',
  level_changed: '级别变化',
  reraised: '再次报警',
  cleared: '报警恢复',
  acknowledged: '已响应',
  disposed: '提交处置报告',
  closed: '报警关闭',
  escalated: '超时升级',
  reminded: '超时提醒',
  hazard_created: '转为隐患',
  rule_retired: '规则停用或变更，报警解除',
};

export const alarmEventDto = z.object({
  id: z.string(),
  action: z.enum(ALARM_EVENT_ACTIONS),
  level: z.enum(ALARM_LEVELS).nullable(),
  value: z.number().nullable(),
  actorName: z.string().nullable(),
  note: z.string().nullable(),
  data: z.unknown(),
  at: z.string(),
});
export type AlarmEventDto = z.infer<typeof alarmEventDto>;

/** `GET /api/v1/alarms/:id`: the alarm with its timeline (oldest first). */
export const alarmDetailDto = alarmDto.extend({ timeline: z.array(alarmEventDto) });
export type AlarmDetailDto = z.infer<typeof alarmDetailDto>;

// ---------------------------------------------------------------------------------------------------------------
// Monitoring overview, roll-out tracker, live stream

/** connected = every mandatory signal of every active device reported in the last 24 h. */
export const CONNECTION_STATUSES = ['connected', 'partial', 'disconnected', 'no_devices'] as const;
export type ConnectionStatus = (typeof CONNECTION_STATUSES)[number];
export const CONNECTION_STATUS_LABELS: Record<ConnectionStatus, string> = {
  connected: '已接入',
  partial: '部分接入',
  disconnected: '未接入',
  no_devices: '未登记设备',
};

export const overviewEnterpriseDto = z.object({
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  regionName: z.string(),
  /** Active devices registered. */
  deviceCount: z.number().int(),
  /** Devices whose mandatory signals all reported in the last 24 h. */
  connectedDeviceCount: z.number().int(),
  connectionStatus: z.enum(CONNECTION_STATUSES),
  /** Latest reading of any device (ISO); null when none ever arrived. */
  lastDataAt: z.string().nullable(),
  /** Worst current level among alarms not closed; null when none. */
  worstLevel: z.enum(ALARM_LEVELS).nullable(),
  openAlarmCount: z.number().int(),
  /** Not closed alarms by current level. */
  openByLevel: z.object({ blue: z.number().int(), yellow: z.number().int(), orange: z.number().int(), red: z.number().int() }),
  /** Alarms still waiting for acknowledgement. */
  pendingCount: z.number().int(),
});
export type OverviewEnterpriseDto = z.infer<typeof overviewEnterpriseDto>;

export const monitoringOverviewDto = z.object({
  asOf: z.string(),
  summary: z.object({
    enterprises: z.number().int(),
    connectedEnterprises: z.number().int(),
    devices: z.number().int(),
    connectedDevices: z.number().int(),
    openAlarms: z.number().int(),
    openByLevel: z.object({ blue: z.number().int(), yellow: z.number().int(), orange: z.number().int(), red: z.number().int() }),
    pending: z.number().int(),
  }),
  /** Enterprises with at least one registered device (worst alarm first, then by name). */
  items: z.array(overviewEnterpriseDto),
});
export type MonitoringOverviewDto = z.infer<typeof monitoringOverviewDto>;

/**
 * Seed §三(六)11: dust enterprises with 30+ dust workers connected by 2024-12-31, all with 10+ by 2025-12-31. The
 * tiers are data (server: monitoring module), the dates are the seed's.
 */
export const rolloutTargetDto = z.object({
  key: z.string(),
  label: z.string(),
  minDustWorkers: z.number().int(),
  deadline: z.string(),
  /** Dust enterprises in scope with at least minDustWorkers. */
  total: z.number().int(),
  connected: z.number().int(),
  /** connected / total, 0..1; null when total = 0. */
  rate: z.number().nullable(),
  /** The deadline has passed. */
  due: z.boolean(),
});

export const rolloutEnterpriseDto = z.object({
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  regionName: z.string(),
  dustWorkers: z.number().int().nullable(),
  /** The strictest target the enterprise falls under ('30+' before '10+'); null below 10. */
  targetKey: z.string().nullable(),
  deviceCount: z.number().int(),
  connectedDeviceCount: z.number().int(),
  connected: z.boolean(),
  lastDataAt: z.string().nullable(),
  /**
   * Over the last 7 days (from device registration if later; readings counted from the minute the window starts),
   * from the 1-minute rollups:
   * completeness = readings of mandatory signals received / expected at the reporting interval (capped at 1);
   * uptime = minutes with any reading / expected reporting minutes (capped at 1). Device averages; null without devices.
   */
  completeness: z.number().nullable(),
  uptime: z.number().nullable(),
});
export type RolloutEnterpriseDto = z.infer<typeof rolloutEnterpriseDto>;

export const monitoringRolloutDto = z.object({
  asOf: z.string(),
  windowDays: z.number().int(),
  targets: z.array(rolloutTargetDto),
  /** Dust enterprises with 10+ dust workers, and any other enterprise that registered devices. */
  items: z.array(rolloutEnterpriseDto),
});
export type MonitoringRolloutDto = z.infer<typeof monitoringRolloutDto>;

/** A compact alarm for live updates (the overview recolours tiles, the list refetches). */
export const alarmStreamItem = alarmDto.pick({
  id: true,
  deviceId: true,
  deviceCode: true,
  deviceName: true,
  enterpriseId: true,
  enterpriseName: true,
  ruleId: true,
  ruleName: true,
  kind: true,
  level: true,
  maxLevel: true,
  status: true,
  displayStatus: true,
  count: true,
  peak: true,
  firstAt: true,
  lastAt: true,
  clearedAt: true,
});
export type AlarmStreamItem = z.infer<typeof alarmStreamItem>;

export const ALARM_STREAM_CHANGES = ['raised', 'updated', 'acknowledged', 'disposed', 'cleared', 'closed', 'escalated'] as const;
export type AlarmStreamChange = (typeof ALARM_STREAM_CHANGES)[number];

export const monitoringStreamQuery = z.object({
  /** `true`: send the hello event and close (polling fallback for proxies that buffer streams). */
  once: z.enum(['true', 'false'], { error: '只能是 true 或 false' }).optional(),
});

/** Events on `GET /api/v1/monitoring/stream` (`data:` of each server-sent event, JSON). */
export type MonitoringStreamEvent =
  | { type: 'hello'; asOf: string }
  | { type: 'alarm'; change: AlarmStreamChange; alarm: AlarmStreamItem }
  | {
      type: 'connection';
      enterpriseId: string;
      deviceId: string;
      /** The device's mandatory signals all reported in the last 24 h (after this change). */
      connected: boolean;
      lastDataAt: string | null;
    }
  /** The live feed was interrupted (database reconnect): refetch the overview. */
  | { type: 'resync' };

// ---------------------------------------------------------------------------------------------------------------
// Threshold editor (per device) and bureau limits

export const ruleParamLimitDto = z.object({ min: z.number(), max: z.number() });

export const thresholdParamDto = z.object({
  param: z.enum(RULE_PARAMS),
  label: z.string(),
  /** Effective value (override or default). */
  value: z.number(),
  default: z.number(),
  /** The bureau's limit; null = not for the enterprise to change. */
  limit: ruleParamLimitDto.nullable(),
  /** The effective value lies outside the bureau's limit (a 第十四条 indication). */
  outOfLimit: z.boolean(),
  unit: z.string(),
});

export const thresholdRuleDto = z.object({
  ruleId: z.string(),
  name: z.string(),
  type: z.enum(RULE_TYPES),
  kind: z.enum(ALARM_KINDS),
  /** Disabling it is a 第十四条 indication. */
  mandatory: z.boolean(),
  enabled: z.boolean(),
  /** The rule as evaluated (defaults + override). */
  effective: ruleDefinitionSchema,
  /** The profile's default. */
  default: ruleDefinitionSchema,
  /** The engineer's override of this rule, if any. */
  override: ruleOverrideSchema.nullable(),
  params: z.array(thresholdParamDto),
  source: z.string(),
  verified: z.boolean(),
});
export type ThresholdRuleDto = z.infer<typeof thresholdRuleDto>;

/** 令10 第十四条 indication raised by a device's thresholds, and the major hazard recorded for it. */
export const article14FlagDto = z.object({
  article: z.literal('第十四条'),
  standardItemKey: z.string(),
  reasons: z.array(z.string()),
  /** The major hazard recorded for this device (once per device while it is open); null if none could be. */
  hazardId: z.string().nullable(),
});
export type Article14FlagDto = z.infer<typeof article14FlagDto>;

export const deviceThresholdsDto = z.object({
  deviceId: z.string(),
  deviceCode: z.string(),
  deviceName: z.string(),
  enterpriseId: z.string(),
  profile: z.enum(PROFILE_CODES),
  reportingIntervalS: z.number().int(),
  rules: z.array(thresholdRuleDto),
  /** Non-null while the overrides disable a mandatory alarm or set a value outside the bureau's limits. */
  majorHazard: article14FlagDto.nullable(),
  updatedAt: z.string().nullable(),
  updatedByName: z.string().nullable(),
  abilities: z.object({ edit: z.boolean() }),
});
export type DeviceThresholdsDto = z.infer<typeof deviceThresholdsDto>;

/** Replaces the device's overrides as a whole (at most one per rule; an empty list restores the defaults). */
export const putThresholdsBody = z.strictObject({
  overrides: z.array(ruleOverrideSchema).max(100, { error: '最多 100 条规则设置' }),
  /** Why the engineer changed them (kept in the audit log). */
  note: z.string().trim().max(500, { error: '说明最多 500 字' }).nullish(),
});
export type PutThresholdsBody = z.infer<typeof putThresholdsBody>;

export const bureauLimitDto = z.object({
  profile: z.enum(PROFILE_CODES),
  ruleId: z.string(),
  ruleName: z.string(),
  param: z.enum(RULE_PARAMS),
  paramLabel: z.string(),
  /** The profile default of the parameter. */
  default: z.number(),
  min: z.number(),
  max: z.number(),
  source: z.string(),
  verified: z.boolean(),
});
export type BureauLimitDto = z.infer<typeof bureauLimitDto>;

export const bureauLimitsDto = z.object({
  items: z.array(bureauLimitDto),
  /** false while the built-in defaults (BUREAU_RULE_LIMITS) apply. */
  customized: z.boolean(),
  updatedAt: z.string().nullable(),
  updatedByName: z.string().nullable(),
  abilities: z.object({ edit: z.boolean() }),
});
export type BureauLimitsDto = z.infer<typeof bureauLimitsDto>;

export const bureauLimitInput = z
  .strictObject({
    profile: z.enum(PROFILE_CODES, { error: '设备类型须为干式除尘器、湿式除尘器或其他' }),
    ruleId: ruleIdSchema,
    param: z.enum(RULE_PARAMS, { error: '未知的规则参数' }),
    min: z.number({ error: '下限须为数值' }),
    max: z.number({ error: '上限须为数值' }),
  })
  .refine((l) => l.min <= l.max, { error: '下限不能大于上限', path: ['max'] });

/** Replaces the whole limit table; a parameter left out can no longer be tuned by enterprises. */
export const putBureauLimitsBody = z.strictObject({
  items: z.array(bureauLimitInput).max(500, { error: '最多 500 条限值' }),
  note: z.string().trim().max(500, { error: '说明最多 500 字' }).nullish(),
});
export type PutBureauLimitsBody = z.infer<typeof putBureauLimitsBody>;
