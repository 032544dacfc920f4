import { z } from 'zod';
import { listQuery, uuidSchema } from './common.js';
import { PROFILE_CODES, PROFILE_LABELS, type ProfileCode, signalCodeSchema } from './monitoring-rules.js';

/**
 * 粉尘涉爆监测预警 — devices and telemetry (issue #6 items 1–2). A dust-collection system (除尘系统) of an enterprise
 * has collectors (除尘器); each collector is a device with a code and a secret (its MQTT / HTTP credentials) and
 * reports the signals of its profile (应急厅函〔2023〕82号 and its 接入规范, regulations.md §2.2: dry collectors
 * hopper temperature, ΔP and airlock fault; wet collectors tank level and water flow).
 */

// ---------------------------------------------------------------------------------------------------------------
// Collector types → device profiles (the signal sets themselves live in monitoring-rules.ts, as data)

export const COLLECTOR_TYPES = ['dry', 'wet', 'other'] as const;
export type CollectorType = (typeof COLLECTOR_TYPES)[number];
export const PROFILE_OF_COLLECTOR: Record<CollectorType, ProfileCode> = { dry: 'dry_collector', wet: 'wet_collector', other: 'other' };
export const COLLECTOR_TYPE_LABELS: Record<CollectorType, string> = {
  dry: PROFILE_LABELS.dry_collector,
  wet: PROFILE_LABELS.wet_collector,
  other: PROFILE_LABELS.other,
};

export const DEVICE_STATUSES = ['active', 'disabled'] as const;
export type DeviceStatus = (typeof DEVICE_STATUSES)[number];
export const DEVICE_STATUS_LABELS: Record<DeviceStatus, string> = { active: '启用', disabled: '停用' };

/**
 * A device code is one level of the MQTT topic `zhiben/v1/{creditCode}/{deviceCode}/telemetry`, so it may not hold
 * `/`, `+`, `#` or spaces. Unique per enterprise.
 */
export const deviceCodeSchema = z
  .string({ error: '请填写设备编号' })
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$/, { error: '设备编号为 1–32 位字母、数字、下划线、点或短横线，以字母或数字开头' });

/** Reporting interval in seconds: the offline rule waits a multiple of it. */
export const reportingIntervalSchema = z
  .number({ error: '上报间隔应为数字（秒）' })
  .int({ error: '上报间隔应为整数秒' })
  .min(1, { error: '上报间隔至少 1 秒' })
  .max(86_400, { error: '上报间隔不超过 86400 秒（1 天）' });

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `不超过 ${max} 个字` })
    .nullish();

export const createDeviceBody = z.strictObject({
  /** Bureau-side callers name the enterprise; enterprise users always register for their own. */
  enterpriseId: uuidSchema.optional(),
  code: deviceCodeSchema,
  name: z.string({ error: '请填写设备名称' }).trim().min(2, { error: '设备名称至少 2 个字' }).max(60, { error: '设备名称不超过 60 个字' }),
  collectorType: z.enum(COLLECTOR_TYPES, { error: '请选择除尘器类型（干式、湿式或其他）' }),
  /** 除尘系统: created on first use, per enterprise, by name. */
  systemName: optionalText(60),
  location: optionalText(100),
  /** Default: the profile's reporting interval. */
  reportingIntervalS: reportingIntervalSchema.optional(),
  /** Optional signals of the profile to enable besides its mandatory ones. */
  optionalSignals: z.array(signalCodeSchema).max(20).default([]),
});
export type CreateDeviceBody = z.infer<typeof createDeviceBody>;

export const updateDeviceBody = z.strictObject({
  name: createDeviceBody.shape.name.optional(),
  collectorType: createDeviceBody.shape.collectorType.optional(),
  systemName: optionalText(60),
  location: optionalText(100),
  reportingIntervalS: reportingIntervalSchema.optional(),
  optionalSignals: z.array(signalCodeSchema).max(20).optional(),
  status: z.enum(DEVICE_STATUSES, { error: '状态只能是启用或停用' }).optional(),
});
export type UpdateDeviceBody = z.infer<typeof updateDeviceBody>;

export const deviceDto = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  creditCode: z.string(),
  systemId: z.string().nullable(),
  systemName: z.string().nullable(),
  code: z.string(),
  name: z.string(),
  collectorType: z.enum(COLLECTOR_TYPES),
  profile: z.enum(PROFILE_CODES),
  location: z.string().nullable(),
  reportingIntervalS: z.number().int(),
  status: z.enum(DEVICE_STATUSES),
  /** Every signal the device may report: the profile's mandatory ones plus the enabled optional ones. */
  signals: z.array(z.string()),
  mandatorySignals: z.array(z.string()),
  /** MQTT user name (`{creditCode}/{deviceCode}`) and the only topic the device may publish to. */
  mqttUsername: z.string(),
  mqttTopic: z.string(),
  secretRotatedAt: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** 最近上报: the device time of its latest reading (any signal); null when it never reported. */
  lastDataAt: z.string().nullable(),
  /** 已接入: active, and every mandatory signal reported within the last 24 h (as the monitoring overview counts). */
  connected: z.boolean(),
  abilities: z.object({ update: z.boolean(), rotateSecret: z.boolean() }),
});
export type DeviceDto = z.infer<typeof deviceDto>;

/** Create and rotate answer the secret exactly once; only its hash is stored. */
export const deviceWithSecret = z.object({ device: deviceDto, secret: z.string() });
export type DeviceWithSecret = z.infer<typeof deviceWithSecret>;

const csv = z
  .string()
  .optional()
  .transform((s) => (s ? s.split(',').filter(Boolean) : undefined));

export const deviceListQuery = listQuery.extend({
  enterpriseId: uuidSchema.optional(),
  collectorType: csv.pipe(z.array(z.enum(COLLECTOR_TYPES)).optional()),
  status: z.enum(DEVICE_STATUSES).optional(),
  /** `true`: only devices 已接入; `false`: only those 未接入. */
  connected: z.enum(['true', 'false'], { error: '只能是 true 或 false' }).optional(),
});
export type DeviceListQuery = z.infer<typeof deviceListQuery>;

export const DEVICE_FIELD_LABELS: Record<string, string> = {
  enterpriseId: '所属企业',
  code: '设备编号',
  name: '设备名称',
  collectorType: '除尘器类型',
  systemName: '所属除尘系统',
  location: '安装位置',
  reportingIntervalS: '上报间隔（秒）',
  optionalSignals: '可选监测项',
  status: '状态',
};

// ---------------------------------------------------------------------------------------------------------------
// Bulk registration from .xlsx (preview, then commit; the same plan both times)

export const DEVICE_IMPORT_ACTIONS = ['create', 'update', 'unchanged', 'error'] as const;

export const deviceImportRow = z.object({
  /** Excel row number as the user sees it. */
  row: z.number().int(),
  action: z.enum(DEVICE_IMPORT_ACTIONS),
  creditCode: z.string().nullable(),
  code: z.string().nullable(),
  name: z.string().nullable(),
  /** Labels of the fields an update changes. */
  changes: z.array(z.string()),
  errors: z.array(z.object({ column: z.string(), reason: z.string() })),
  /** Commit only, created devices only: the new secret, shown this once. */
  secret: z.string().optional(),
  deviceId: z.string().optional(),
});
export type DeviceImportRow = z.infer<typeof deviceImportRow>;

export const deviceImportReport = z.object({
  committed: z.boolean(),
  total: z.number().int(),
  summary: z.object({ create: z.number().int(), update: z.number().int(), unchanged: z.number().int(), error: z.number().int() }),
  rows: z.array(deviceImportRow),
  ignoredColumns: z.array(z.string()),
});
export type DeviceImportReport = z.infer<typeof deviceImportReport>;

// ---------------------------------------------------------------------------------------------------------------
// Series (charts) from the 1-minute rollups

export const SERIES_STEPS = { '1m': 60, '5m': 300, '15m': 900, '1h': 3_600, '6h': 21_600, '1d': 86_400 } as const;
export type SeriesStep = keyof typeof SERIES_STEPS;
/** A chart never asks for more points than this; a longer range needs a coarser step. */
export const MAX_SERIES_POINTS = 5_000;

export const seriesQuery = z.object({
  signal: signalCodeSchema,
  from: z.iso.datetime({ offset: true, error: '开始时间格式不正确（带时区的 ISO 时间）' }),
  to: z.iso.datetime({ offset: true, error: '结束时间格式不正确（带时区的 ISO 时间）' }),
  step: z.enum(Object.keys(SERIES_STEPS) as [SeriesStep, ...SeriesStep[]], { error: '步长只能是 1m、5m、15m、1h、6h 或 1d' }).default('1m'),
});
export type SeriesQuery = z.infer<typeof seriesQuery>;

export const seriesPoint = z.object({
  /** Start of the bucket (ISO); daily buckets start at 00:00 Asia/Shanghai. */
  t: z.string(),
  count: z.number().int(),
  min: z.number(),
  max: z.number(),
  avg: z.number(),
  /** The latest reading in the bucket. */
  last: z.number(),
});
export const seriesResponse = z.object({
  deviceId: z.string(),
  signal: z.string(),
  step: z.string(),
  from: z.string(),
  to: z.string(),
  points: z.array(seriesPoint),
});
export type SeriesResponse = z.infer<typeof seriesResponse>;

// ---------------------------------------------------------------------------------------------------------------
// Telemetry ingestion (MQTT topic zhiben/v1/{creditCode}/{deviceCode}/telemetry, or POST /api/v1/telemetry)

export const TELEMETRY_TOPIC_PREFIX = 'zhiben/v1';
export const telemetryTopic = (creditCode: string, deviceCode: string) => `${TELEMETRY_TOPIC_PREFIX}/${creditCode}/${deviceCode}/telemetry`;

/** Most messages one payload (a JSON array) may carry. */
export const MAX_MESSAGES_PER_PAYLOAD = 1_000;
/** Most values one message may carry, and the longest signal code. */
export const MAX_VALUES_PER_MESSAGE = 64;
export const MAX_SIGNAL_CODE_LENGTH = 64;

/**
 * One message: `ts` is epoch milliseconds or an ISO 8601 instant WITH its offset (a bare local time would be read
 * in the server's zone, so it is refused); `values` maps signal codes to numbers (booleans count as 1 / 0). Each
 * value is checked on its own, so one bad value does not reject its neighbours.
 */
export const telemetryMessage = z.object({
  ts: z.union(
    [
      z.number().int({ error: 'ts 应为毫秒时间戳（整数）' }).nonnegative({ error: 'ts 不能为负数' }),
      z.iso.datetime({ offset: true, error: 'ts 应为带时区的 ISO 时间或毫秒时间戳' }),
    ],
    { error: 'ts 应为毫秒时间戳（非负整数）或带时区的 ISO 时间' },
  ),
  values: z
    .record(z.string().max(MAX_SIGNAL_CODE_LENGTH), z.unknown())
    .refine((v) => Object.keys(v).length <= MAX_VALUES_PER_MESSAGE, { error: `每条消息最多 ${MAX_VALUES_PER_MESSAGE} 个监测值` }),
});
export type TelemetryMessage = z.infer<typeof telemetryMessage>;

export const telemetryMessageList = z
  .array(telemetryMessage)
  .min(1, { error: '数组不能为空' })
  .max(MAX_MESSAGES_PER_PAYLOAD, { error: `一次最多 ${MAX_MESSAGES_PER_PAYLOAD} 条消息` });
export const telemetryPayload = z.union([telemetryMessage, telemetryMessageList]);
export type TelemetryPayload = z.infer<typeof telemetryPayload>;

/**
 * Why a reading or a message was not stored. Every one is counted per enterprise, device and day
 * (`ingest_counters`), next to `accepted` and `duplicate`.
 */
export const INGEST_REJECTION_REASONS = [
  'unknown_device',
  'bad_credentials',
  'topic_mismatch',
  'bad_payload',
  'ts_out_of_range',
  'unknown_signal',
] as const;
export type IngestRejectionReason = (typeof INGEST_REJECTION_REASONS)[number];
export const INGEST_OUTCOMES = ['accepted', 'duplicate', ...INGEST_REJECTION_REASONS] as const;
export type IngestOutcome = (typeof INGEST_OUTCOMES)[number];
export const INGEST_OUTCOME_LABELS: Record<IngestOutcome, string> = {
  accepted: '已接收',
  duplicate: '重复（已忽略）',
  unknown_device: '未登记或已停用的设备',
  bad_credentials: '设备密钥错误',
  topic_mismatch: '主题与设备不符',
  bad_payload: '数据格式错误',
  ts_out_of_range: '时间戳超出允许范围',
  unknown_signal: '设备未配置的监测项',
};

export const ingestRejection = z.object({
  reason: z.enum(INGEST_REJECTION_REASONS),
  /** Index of the message in an array payload (0 for a single object). */
  index: z.number().int().optional(),
  signal: z.string().optional(),
  detail: z.string().optional(),
});
export type IngestRejection = z.infer<typeof ingestRejection>;

export const ingestResult = z.object({
  /** Readings stored by this request. */
  accepted: z.number().int(),
  /** Readings already stored before (a resend): ignored, not an error. */
  duplicates: z.number().int(),
  /** What was not stored and why (at most the first 200 entries; `rejectedTotal` counts them all). */
  rejected: z.array(ingestRejection),
  rejectedTotal: z.number().int(),
});
export type IngestResult = z.infer<typeof ingestResult>;

export const ingestStatsQuery = z.object({
  enterpriseId: uuidSchema.optional(),
  deviceId: uuidSchema.optional(),
  /** Days (Asia/Shanghai), inclusive; default: the last 7 days. */
  from: z.iso.date({ error: '日期格式应为 YYYY-MM-DD' }).optional(),
  to: z.iso.date({ error: '日期格式应为 YYYY-MM-DD' }).optional(),
});
export type IngestStatsQuery = z.infer<typeof ingestStatsQuery>;

export const ingestStatsResponse = z.object({
  from: z.string(),
  to: z.string(),
  totals: z.record(z.string(), z.number()),
  items: z.array(
    z.object({
      day: z.string(),
      enterpriseId: z.string().nullable(),
      deviceId: z.string().nullable(),
      outcome: z.enum(INGEST_OUTCOMES),
      count: z.number(),
      lastAt: z.string(),
      detail: z.string().nullable(),
    }),
  ),
});
export type IngestStatsResponse = z.infer<typeof ingestStatsResponse>;

export const deviceListResponse = z.object({ items: z.array(deviceDto), total: z.number().int() });
