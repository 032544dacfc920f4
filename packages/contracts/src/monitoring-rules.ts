import { z } from 'zod';

/**
 * Dust-explosion risk monitoring (粉尘涉爆企业安全风险监测预警, 应急厅函〔2023〕82号; regulations.md §2): alarm levels
 * and kinds, the signals a dust collector reports, the alarm-rule language, device profiles with their default
 * rules, and the limits within which an enterprise's engineer may tune a rule. All of it is data; the engine that
 * evaluates the rules is packages/domain/src/monitoring.
 *
 * Provenance. No official numeric thresholds were found (regulations.md §2.3 and §12 item 2): the national
 * 数据接入规范 names the signals but leaves alarm limits to each enterprise's design values. Every number below that
 * is not read from a cited text is marked `verified: false` with a note saying where it comes from.
 */

// ---------------------------------------------------------------------------------------------------------------
// Alarm levels and kinds

/**
 * Four colours, least to most severe. The blue / yellow / orange / red ↔ Ⅳ–Ⅰ mapping is the general 突发事件
 * warning convention (regulations.md §2.3 [C]); whether the national dust system uses all four is UNCONFIRMED.
 */
export const ALARM_LEVELS = ['blue', 'yellow', 'orange', 'red'] as const;
export type AlarmLevel = (typeof ALARM_LEVELS)[number];

export const ALARM_LEVEL_LABELS: Record<AlarmLevel, string> = {
  blue: '蓝色',
  yellow: '黄色',
  orange: '橙色',
  red: '红色',
};

/** 1 (blue) … 4 (red): compare severities without string tables. */
export const ALARM_LEVEL_RANK: Record<AlarmLevel, number> = { blue: 1, yellow: 2, orange: 3, red: 4 };

export const alarmLevelSchema = z.enum(ALARM_LEVELS, { error: '预警级别须为蓝色、黄色、橙色或红色' });

/** What raised an alarm. Data-quality problems are their own kind (数据异常), never mixed with process alarms. */
export const ALARM_KINDS = ['threshold', 'duration', 'rate_of_change', 'combination', 'offline', 'data_quality'] as const;
export type AlarmKind = (typeof ALARM_KINDS)[number];

export const ALARM_KIND_LABELS: Record<AlarmKind, string> = {
  threshold: '超限报警',
  duration: '持续超限',
  rate_of_change: '突变报警',
  combination: '组合报警',
  offline: '离线报警',
  data_quality: '数据异常',
};

// ---------------------------------------------------------------------------------------------------------------
// Signals

/**
 * Signal codes as they appear in telemetry payloads (snake_case, GLOSSARY.md). The first five are the 必选参数 of
 * the 数据接入规范 (regulations.md §2.2 [C]): dry collectors hopper temperature, inlet/outlet pressure difference and
 * airlock fault; wet collectors tank level and circulation flow. The rest are optional signals used locally
 * (§2.2 [P]: spark detection, fan start/stop, vent / isolation status, 粉尘清扫打卡).
 */
export const SIGNAL_CODES = [
  'hopper_temp',
  'diff_pressure',
  'airlock_fault',
  'water_level',
  'water_flow',
  'spark_count',
  'fan_running',
  'fan_current',
  'duct_velocity',
  'pulse_pressure',
  'vent_status',
  'isolation_valve_status',
  'cleaning_checkin',
] as const;
export type SignalCode = (typeof SIGNAL_CODES)[number];

export const signalCodeSchema = z.enum(SIGNAL_CODES, { error: '未知的信号编码' });

/** analog: a measured quantity; binary: 0 / 1 only; counter: a non-negative integer count per report. */
export type SignalValueType = 'analog' | 'binary' | 'counter';

export interface SignalSpec {
  label: string;
  /** Display unit; '' for binary signals and counts. */
  unit: string;
  valueType: SignalValueType;
  /**
   * The physically possible range of the reading. A value outside it cannot be a measurement (a broken sensor, a
   * wiring fault, a sentinel such as 9999 or -3276.8): it raises 数据异常 and is kept out of every other rule. The
   * range is deliberately wide — a real but extreme reading (a hopper fire) must never be mistaken for a broken
   * sensor. Engineering judgement, not an official figure.
   */
  plausible: { min: number; max: number };
  /** For binary signals: what 0 and 1 mean. */
  states?: { 0: string; 1: string };
  note?: string;
}

const RANGE_NOTE = '物理合理范围为工程经验值（非官方），用于识别不可能的读数';

export const SIGNALS: Record<SignalCode, SignalSpec> = {
  hopper_temp: {
    label: '灰斗温度',
    unit: '℃',
    valueType: 'analog',
    // Thermocouples measure up to ~1200 ℃; anything beyond is a fault code, not a fire.
    plausible: { min: -50, max: 1200 },
    note: RANGE_NOTE,
  },
  diff_pressure: { label: '进出口压差', unit: 'Pa', valueType: 'analog', plausible: { min: -2000, max: 20000 }, note: RANGE_NOTE },
  airlock_fault: { label: '锁气卸灰故障', unit: '', valueType: 'binary', plausible: { min: 0, max: 1 }, states: { 0: '正常', 1: '故障' } },
  water_level: { label: '水箱液位', unit: '%', valueType: 'analog', plausible: { min: -5, max: 105 }, note: RANGE_NOTE },
  water_flow: { label: '循环水流量', unit: 'm³/h', valueType: 'analog', plausible: { min: -1, max: 5000 }, note: RANGE_NOTE },
  spark_count: { label: '火花探测次数', unit: '次', valueType: 'counter', plausible: { min: 0, max: 100000 } },
  fan_running: { label: '风机运行', unit: '', valueType: 'binary', plausible: { min: 0, max: 1 }, states: { 0: '停止', 1: '运行' } },
  fan_current: { label: '风机电流', unit: 'A', valueType: 'analog', plausible: { min: 0, max: 5000 }, note: RANGE_NOTE },
  duct_velocity: { label: '管道风速', unit: 'm/s', valueType: 'analog', plausible: { min: -1, max: 100 }, note: RANGE_NOTE },
  pulse_pressure: { label: '脉冲喷吹压力', unit: 'MPa', valueType: 'analog', plausible: { min: -0.1, max: 2.5 }, note: RANGE_NOTE },
  vent_status: { label: '泄爆装置状态', unit: '', valueType: 'binary', plausible: { min: 0, max: 1 }, states: { 0: '正常', 1: '已动作' } },
  isolation_valve_status: {
    label: '隔爆阀状态',
    unit: '',
    valueType: 'binary',
    plausible: { min: 0, max: 1 },
    states: { 0: '正常', 1: '已动作' },
  },
  cleaning_checkin: {
    label: '粉尘清扫打卡',
    unit: '',
    valueType: 'binary',
    plausible: { min: 0, max: 1 },
    states: { 0: '未打卡', 1: '已打卡' },
  },
};

// ---------------------------------------------------------------------------------------------------------------
// Rule definitions

/**
 * Rule types. `stuck_value` and `impossible_value` are the data-quality rules; they raise kind `data_quality`.
 * Bounds are inclusive everywhere: reaching a bound counts as crossing it (报警值 is the first alarming value).
 */
export const RULE_TYPES = ['threshold', 'duration', 'rate_of_change', 'combination', 'offline', 'stuck_value', 'impossible_value'] as const;
export type RuleType = (typeof RULE_TYPES)[number];

export const RULE_TYPE_LABELS: Record<RuleType, string> = {
  threshold: '分级阈值',
  duration: '持续超限',
  rate_of_change: '突变',
  combination: '组合条件',
  offline: '离线',
  stuck_value: '数值长时间不变',
  impossible_value: '数值超出物理范围',
};

export const RULE_KIND_BY_TYPE: Record<RuleType, AlarmKind> = {
  threshold: 'threshold',
  duration: 'duration',
  rate_of_change: 'rate_of_change',
  combination: 'combination',
  offline: 'offline',
  stuck_value: 'data_quality',
  impossible_value: 'data_quality',
};

export const ruleIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_.-]{0,63}$/, { error: '规则编号须以小写字母开头，只含小写字母、数字、下划线、点和短横线，最长 64 位' });

const ruleBase = {
  id: ruleIdSchema,
  name: z.string().trim().min(1, { error: '请填写规则名称' }).max(60, { error: '规则名称最长 60 字' }),
  enabled: z.boolean(),
};

const seconds = (label: string, min: number, max: number) =>
  z
    .number({ error: `${label}须为数值` })
    .int({ error: `${label}须为整数秒` })
    .min(min, { error: `${label}不能小于 ${min} 秒` })
    .max(max, { error: `${label}不能大于 ${max} 秒` });

const DAY_S = 86_400;

/** high: alarm when the value reaches the bound from below; low: when it falls to the bound from above. */
export const directionSchema = z.enum(['high', 'low'], { error: '方向须为 high（高限）或 low（低限）' });
export type Direction = z.infer<typeof directionSchema>;

export const thresholdLevelSchema = z.strictObject({
  level: alarmLevelSchema,
  bound: z.number({ error: '报警值须为数值' }),
});

/**
 * Threshold with levels: the alarm takes the most severe level whose bound is crossed. Going down, a level is held
 * until the value leaves its bound by more than `deadband` (回差), so a value jittering around a bound does not flap.
 */
export const thresholdRuleSchema = z
  .strictObject({
    ...ruleBase,
    type: z.literal('threshold'),
    signal: signalCodeSchema,
    direction: directionSchema,
    levels: z.array(thresholdLevelSchema).min(1, { error: '至少设置一个级别' }).max(4, { error: '最多四个级别' }),
    deadband: z.number({ error: '回差须为数值' }).min(0, { error: '回差不能为负数' }),
  })
  .superRefine((rule, ctx) => {
    const sorted = [...rule.levels].sort((a, b) => ALARM_LEVEL_RANK[a.level] - ALARM_LEVEL_RANK[b.level]);
    for (let i = 1; i < sorted.length; i++) {
      const lower = sorted[i - 1];
      const higher = sorted[i];
      if (lower === undefined || higher === undefined) continue;
      if (lower.level === higher.level) {
        ctx.addIssue({ code: 'custom', path: ['levels'], message: `${ALARM_LEVEL_LABELS[higher.level]}级别重复` });
      } else if (rule.direction === 'high' ? higher.bound <= lower.bound : higher.bound >= lower.bound) {
        ctx.addIssue({
          code: 'custom',
          path: ['levels'],
          message:
            rule.direction === 'high'
              ? `高限报警：${ALARM_LEVEL_LABELS[higher.level]}报警值须高于${ALARM_LEVEL_LABELS[lower.level]}报警值`
              : `低限报警：${ALARM_LEVEL_LABELS[higher.level]}报警值须低于${ALARM_LEVEL_LABELS[lower.level]}报警值`,
        });
      }
    }
  });

/**
 * "Beyond `bound` for `holdS` seconds", continuously: the first and the latest crossing reading of an unbroken run
 * are at least `holdS` apart (exactly `holdS` raises). A reading that does not cross, or a gap between readings
 * longer than `maxGapS` (default: two reporting intervals), starts the run again.
 */
export const durationRuleSchema = z.strictObject({
  ...ruleBase,
  type: z.literal('duration'),
  signal: signalCodeSchema,
  direction: directionSchema,
  bound: z.number({ error: '报警值须为数值' }),
  holdS: seconds('持续时间', 1, DAY_S),
  maxGapS: seconds('允许的数据间隔', 1, DAY_S).optional(),
  level: alarmLevelSchema,
});

/**
 * A jump: the value changes by at least `delta` within `windowS` seconds (rise, fall or either). While open, each
 * further jump is a re-trigger; the alarm clears after `clearAfterS` (default `windowS`) without a jump.
 */
export const rateOfChangeRuleSchema = z.strictObject({
  ...ruleBase,
  type: z.literal('rate_of_change'),
  signal: signalCodeSchema,
  direction: z.enum(['rise', 'fall', 'either'], { error: '变化方向须为 rise、fall 或 either' }),
  delta: z.number({ error: '变化量须为数值' }).positive({ error: '变化量须大于 0' }),
  windowS: seconds('时间窗口', 1, 3600),
  clearAfterS: seconds('恢复判定时间', 1, DAY_S).optional(),
  level: alarmLevelSchema,
});

export const combinationTermSchema = z.strictObject({
  signal: signalCodeSchema,
  op: z.enum(['eq', 'ne', 'gte', 'lte'], { error: '比较方式须为 eq、ne、gte 或 lte' }),
  value: z.number({ error: '比较值须为数值' }),
});
export type CombinationTerm = z.infer<typeof combinationTermSchema>;

/**
 * All terms hold at the same time, on the latest value of each signal (e.g. fan running AND airlock faulted). A
 * value older than `maxAgeS` (default: two reporting intervals) is unknown, and an unknown term does not hold.
 */
export const combinationRuleSchema = z.strictObject({
  ...ruleBase,
  type: z.literal('combination'),
  terms: z.array(combinationTermSchema).min(2, { error: '组合条件至少两项' }).max(6, { error: '组合条件最多六项' }),
  maxAgeS: seconds('数据有效期', 1, DAY_S).optional(),
  level: alarmLevelSchema,
});

/** No reading of any signal for `missedIntervals` × the device's reporting interval. */
export const offlineRuleSchema = z.strictObject({
  ...ruleBase,
  type: z.literal('offline'),
  missedIntervals: z
    .number({ error: '离线判定周期数须为数值' })
    .int({ error: '离线判定周期数须为整数' })
    .min(2, { error: '离线判定周期数至少为 2' })
    .max(1000, { error: '离线判定周期数最多为 1000' }),
  level: alarmLevelSchema,
});

/** 数据异常: the value stays within `tolerance` of the same value for `durationS` (a frozen sensor or gateway). */
export const stuckValueRuleSchema = z
  .strictObject({
    ...ruleBase,
    type: z.literal('stuck_value'),
    signal: signalCodeSchema,
    durationS: seconds('不变持续时间', 60, 7 * DAY_S),
    tolerance: z.number({ error: '不变容差须为数值' }).min(0, { error: '不变容差不能为负数' }),
    level: alarmLevelSchema,
  })
  .superRefine((rule, ctx) => {
    // A binary or counter signal legitimately stays at 0 for months.
    if (SIGNALS[rule.signal].valueType !== 'analog') {
      ctx.addIssue({ code: 'custom', path: ['signal'], message: '数值长时间不变规则只适用于模拟量信号' });
    }
  });

/** 数据异常: a reading outside the signal's physically possible range (`SIGNALS[signal].plausible`). */
export const impossibleValueRuleSchema = z.strictObject({
  ...ruleBase,
  type: z.literal('impossible_value'),
  signal: signalCodeSchema,
  level: alarmLevelSchema,
});

export const ruleDefinitionSchema = z.discriminatedUnion(
  'type',
  [
    thresholdRuleSchema,
    durationRuleSchema,
    rateOfChangeRuleSchema,
    combinationRuleSchema,
    offlineRuleSchema,
    stuckValueRuleSchema,
    impossibleValueRuleSchema,
  ],
  { error: '未知的规则类型' },
);
export type RuleDefinition = z.infer<typeof ruleDefinitionSchema>;
export type ThresholdRule = z.infer<typeof thresholdRuleSchema>;
export type DurationRule = z.infer<typeof durationRuleSchema>;
export type RateOfChangeRule = z.infer<typeof rateOfChangeRuleSchema>;
export type CombinationRule = z.infer<typeof combinationRuleSchema>;
export type OfflineRule = z.infer<typeof offlineRuleSchema>;
export type StuckValueRule = z.infer<typeof stuckValueRuleSchema>;
export type ImpossibleValueRule = z.infer<typeof impossibleValueRuleSchema>;

/** A device's rule set: ids are unique within it. */
export const ruleSetSchema = z.array(ruleDefinitionSchema).superRefine((rules, ctx) => {
  const seen = new Set<string>();
  rules.forEach((rule, i) => {
    if (seen.has(rule.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `规则编号 ${rule.id} 重复` });
    seen.add(rule.id);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Tunable parameters and overrides

/**
 * The numbers an engineer may tune, by name. A threshold's bounds are `bound.<level>`; the other names are the
 * rule fields of the same name. Signals, directions, levels and combination terms are structure, not tuning.
 */
export const RULE_PARAMS = [
  'bound.blue',
  'bound.yellow',
  'bound.orange',
  'bound.red',
  'deadband',
  'bound',
  'holdS',
  'maxGapS',
  'delta',
  'windowS',
  'clearAfterS',
  'maxAgeS',
  'missedIntervals',
  'durationS',
  'tolerance',
] as const;
export type RuleParam = (typeof RULE_PARAMS)[number];

export const RULE_PARAM_LABELS: Record<RuleParam, string> = {
  'bound.blue': '蓝色报警值',
  'bound.yellow': '黄色报警值',
  'bound.orange': '橙色报警值',
  'bound.red': '红色报警值',
  deadband: '回差',
  bound: '报警值',
  holdS: '持续时间（秒）',
  maxGapS: '允许的数据间隔（秒）',
  delta: '变化量',
  windowS: '时间窗口（秒）',
  clearAfterS: '恢复判定时间（秒）',
  maxAgeS: '数据有效期（秒）',
  missedIntervals: '离线判定周期数',
  durationS: '不变持续时间（秒）',
  tolerance: '不变容差',
};

/** Which parameters each rule type has (a threshold has only the `bound.<level>` of its own levels). */
export const RULE_PARAMS_BY_TYPE: Record<RuleType, readonly RuleParam[]> = {
  threshold: ['bound.blue', 'bound.yellow', 'bound.orange', 'bound.red', 'deadband'],
  duration: ['bound', 'holdS', 'maxGapS'],
  rate_of_change: ['delta', 'windowS', 'clearAfterS'],
  combination: ['maxAgeS'],
  offline: ['missedIntervals'],
  stuck_value: ['durationS', 'tolerance'],
  impossible_value: [],
};

/** A device-specific change to one default rule, made by the enterprise's engineer (audited by the server). */
export const ruleOverrideSchema = z.strictObject({
  ruleId: ruleIdSchema,
  enabled: z.boolean({ error: '启用状态须为是或否' }).optional(),
  params: z.partialRecord(z.enum(RULE_PARAMS, { error: '未知的规则参数' }), z.number({ error: '参数值须为数值' })).default({}),
});
export type RuleOverride = z.infer<typeof ruleOverrideSchema>;

/**
 * The bureau's bounds for one tunable parameter of one default rule. A parameter without a limit row cannot be
 * changed by an enterprise. A value outside [min, max] is a set-point outside the protection limits: per 第十四条
 * (令10; regulations.md §1.12, the 南通海安 case) that is judged 失效/无效, a major hazard.
 */
export interface BureauRuleLimit {
  profile: ProfileCode;
  ruleId: string;
  param: RuleParam;
  min: number;
  max: number;
  source: string;
  verified: boolean;
}

// ---------------------------------------------------------------------------------------------------------------
// Device profiles

export const PROFILE_CODES = ['dry_collector', 'wet_collector', 'other'] as const;
export type ProfileCode = (typeof PROFILE_CODES)[number];
export const profileCodeSchema = z.enum(PROFILE_CODES, { error: '设备类型须为干式除尘器、湿式除尘器或其他' });

export const PROFILE_LABELS: Record<ProfileCode, string> = {
  dry_collector: '干式除尘器',
  wet_collector: '湿式除尘器',
  other: '其他除尘设备',
};

/** A default rule with where its numbers come from. `mandatory`: disabling it is a 第十四条 indication. */
export interface ProfileRule {
  rule: RuleDefinition;
  mandatory: boolean;
  source: string;
  /** false = no official number exists; `source` says whose choice it is. */
  verified: boolean;
}

export interface DeviceProfile {
  code: ProfileCode;
  label: string;
  /** 必选参数: must be connected; "connected" means all of them reported in the last 24 h. */
  mandatorySignals: readonly SignalCode[];
  optionalSignals: readonly SignalCode[];
  /** Expected seconds between reports; offline, duration gaps and combination ages are multiples of it. */
  reportingIntervalS: number;
  reportingIntervalSource: string;
  source: string;
  rules: readonly ProfileRule[];
}

const SPEC_SIGNALS = '《粉尘涉爆企业安全生产风险监测预警模块数据接入规范（试行）》必选参数（regulations.md §2.2 [C]）';
const NO_OFFICIAL = '无官方数值（regulations.md §2.3、§12-2）：本平台默认值，企业按设计值在区局限值内调整';
const LOCAL_LIMIT = '区应急管理局自定限值（本地政策，无国家或省市规定依据，可调整）';
const CONVENTION = '报警级别按突发事件预警颜色惯例（regulations.md §2.3 [C]）；级别取值为本平台默认';

const OPTIONAL_SIGNALS = [
  'spark_count',
  'fan_running',
  'fan_current',
  'duct_velocity',
  'pulse_pressure',
  'vent_status',
  'isolation_valve_status',
  'cleaning_checkin',
] as const satisfies readonly SignalCode[];

const unverified = (rule: RuleDefinition, mandatory: boolean, note: string): ProfileRule => ({
  rule,
  mandatory,
  source: `${NO_OFFICIAL}；${note}`,
  verified: false,
});

const hopperTempHigh = (mandatory: boolean) =>
  unverified(
    {
      id: 'hopper_temp.high',
      name: '灰斗温度高',
      enabled: true,
      type: 'threshold',
      signal: 'hopper_temp',
      direction: 'high',
      levels: [
        { level: 'yellow', bound: 60 },
        { level: 'orange', bound: 70 },
        { level: 'red', bound: 80 },
      ],
      deadband: 2,
    },
    mandatory,
    '灰斗温度为干式除尘器必选监测量；60/70/80 ℃ 三级为平台默认，按企业设计值调整',
  );

const diffPressureHigh = (mandatory: boolean) =>
  unverified(
    {
      id: 'diff_pressure.high',
      name: '进出口压差高（滤袋堵塞）',
      enabled: true,
      type: 'threshold',
      signal: 'diff_pressure',
      direction: 'high',
      levels: [
        { level: 'yellow', bound: 1500 },
        { level: 'orange', bound: 2000 },
      ],
      deadband: 50,
    },
    mandatory,
    '1500 Pa 取自厂商资料“压差突增≥1500Pa”提示滤筒堵塞（qixionghuanbao.com，低可信度，regulations.md §2.3）',
  );

const airlockFault = (mandatory: boolean) =>
  unverified(
    {
      id: 'airlock_fault.active',
      name: '锁气卸灰故障',
      enabled: true,
      type: 'threshold',
      signal: 'airlock_fault',
      direction: 'high',
      levels: [{ level: 'orange', bound: 1 }],
      deadband: 0,
    },
    mandatory,
    `锁气卸灰装置见第十一条(六)；故障信号为必选参数。${CONVENTION}`,
  );

const offline: ProfileRule = unverified(
  { id: 'offline', name: '设备离线', enabled: true, type: 'offline', missedIntervals: 5, level: 'yellow' },
  true,
  '连续 5 个上报周期无数据判定离线；监测失效本身属第十四条所指“监控、报警设施失效”',
);

const stuck = (signal: SignalCode, label: string): ProfileRule =>
  unverified(
    {
      id: `${signal}.stuck`,
      name: `${label}长时间不变`,
      enabled: true,
      type: 'stuck_value',
      signal,
      durationS: 4 * 3600,
      tolerance: 0,
      level: 'blue',
    },
    false,
    '真实传感器读数有噪声，4 小时完全相同提示传感器或网关冻结',
  );

const impossible = (signal: SignalCode): ProfileRule => ({
  rule: {
    id: `${signal}.impossible`,
    name: `${SIGNALS[signal].label}读数异常`,
    enabled: true,
    type: 'impossible_value',
    signal,
    level: 'blue',
  },
  mandatory: false,
  source: `${RANGE_NOTE}（SIGNALS.${signal}.plausible）`,
  verified: false,
});

const binaryEvent = (id: string, name: string, signal: SignalCode, level: AlarmLevel, note: string): ProfileRule =>
  unverified(
    { id, name, enabled: true, type: 'threshold', signal, direction: 'high', levels: [{ level, bound: 1 }], deadband: 0 },
    false,
    note,
  );

const sparkDetected = binaryEvent(
  'spark_count.detected',
  '探测到火花',
  'spark_count',
  'orange',
  '火花探测消除装置见第十一条(四)(八)；上报周期内探测到火花即报警',
);
const ventActivated = binaryEvent('vent_status.activated', '泄爆装置动作', 'vent_status', 'red', '泄爆装置动作表明已发生超压或爆燃');
const isolationActivated = binaryEvent(
  'isolation_valve_status.activated',
  '隔爆阀动作',
  'isolation_valve_status',
  'red',
  '隔爆阀动作表明已发生爆燃传播',
);

const DEFAULT_INTERVAL_NOTE = '本平台默认 60 秒（接入规范的上报频率未读到原文，regulations.md §12-2）；可按设备设置';

export const DEVICE_PROFILES: Record<ProfileCode, DeviceProfile> = {
  dry_collector: {
    code: 'dry_collector',
    label: PROFILE_LABELS.dry_collector,
    mandatorySignals: ['hopper_temp', 'diff_pressure', 'airlock_fault'],
    optionalSignals: OPTIONAL_SIGNALS,
    reportingIntervalS: 60,
    reportingIntervalSource: DEFAULT_INTERVAL_NOTE,
    source: SPEC_SIGNALS,
    rules: [
      hopperTempHigh(true),
      unverified(
        {
          id: 'hopper_temp.rise',
          name: '灰斗温度快速上升',
          enabled: true,
          type: 'rate_of_change',
          signal: 'hopper_temp',
          direction: 'rise',
          delta: 10,
          windowS: 600,
          level: 'orange',
        },
        false,
        '灰斗温度上升为监管端预警模型之一（regulations.md §2.3，UNCONFIRMED）；10 分钟升 10 ℃ 为平台默认',
      ),
      diffPressureHigh(true),
      unverified(
        {
          id: 'diff_pressure.jump',
          name: '进出口压差突变',
          enabled: true,
          type: 'rate_of_change',
          signal: 'diff_pressure',
          direction: 'either',
          delta: 500,
          windowS: 60,
          level: 'yellow',
        },
        false,
        '压差异常变化为监管端预警模型之一（regulations.md §2.3，UNCONFIRMED）；60 秒内变化 500 Pa 为平台默认（骤降提示滤袋破损）',
      ),
      airlockFault(true),
      unverified(
        {
          id: 'fan_running.airlock_fault',
          name: '风机运行时锁气卸灰故障',
          enabled: true,
          type: 'combination',
          terms: [
            { signal: 'fan_running', op: 'eq', value: 1 },
            { signal: 'airlock_fault', op: 'eq', value: 1 },
          ],
          level: 'red',
        },
        false,
        '“除尘器运行而锁气卸灰故障”为监管端预警模型之一（regulations.md §2.3，UNCONFIRMED）；需接入风机运行信号',
      ),
      unverified(
        {
          id: 'pulse_pressure.low',
          name: '脉冲喷吹压力低',
          enabled: true,
          type: 'threshold',
          signal: 'pulse_pressure',
          direction: 'low',
          levels: [{ level: 'yellow', bound: 0.3 }],
          deadband: 0.02,
        },
        false,
        '喷吹压力不足导致清灰失效、压差升高；0.3 MPa 为平台默认',
      ),
      sparkDetected,
      ventActivated,
      isolationActivated,
      offline,
      stuck('hopper_temp', '灰斗温度'),
      stuck('diff_pressure', '进出口压差'),
      ...(['hopper_temp', 'diff_pressure', 'airlock_fault', ...OPTIONAL_SIGNALS] as const).map(impossible),
    ],
  },
  wet_collector: {
    code: 'wet_collector',
    label: PROFILE_LABELS.wet_collector,
    mandatorySignals: ['water_level', 'water_flow'],
    optionalSignals: OPTIONAL_SIGNALS,
    reportingIntervalS: 60,
    reportingIntervalSource: DEFAULT_INTERVAL_NOTE,
    source: SPEC_SIGNALS,
    rules: [
      unverified(
        {
          id: 'water_level.low',
          name: '水箱液位低',
          enabled: true,
          type: 'threshold',
          signal: 'water_level',
          direction: 'low',
          levels: [
            { level: 'yellow', bound: 30 },
            { level: 'orange', bound: 20 },
            { level: 'red', bound: 10 },
          ],
          deadband: 2,
        },
        true,
        '水箱水位为湿式除尘器必选监测量；30/20/10 % 三级为平台默认',
      ),
      unverified(
        {
          id: 'water_flow.stopped',
          name: '循环水中断',
          enabled: true,
          type: 'duration',
          signal: 'water_flow',
          direction: 'low',
          bound: 0.5,
          holdS: 60,
          level: 'orange',
        },
        true,
        '水循环管路水流量为湿式除尘器必选监测量；流量 ≤ 0.5 m³/h 持续 60 秒视为中断，为平台默认',
      ),
      unverified(
        {
          id: 'fan_running.water_flow_stopped',
          name: '风机运行时循环水中断',
          enabled: true,
          type: 'combination',
          terms: [
            { signal: 'fan_running', op: 'eq', value: 1 },
            { signal: 'water_flow', op: 'lte', value: 0.5 },
          ],
          level: 'red',
        },
        false,
        '湿式除尘在无水状态下运行失去除尘、阻火作用；需接入风机运行信号',
      ),
      sparkDetected,
      offline,
      stuck('water_level', '水箱液位'),
      stuck('water_flow', '循环水流量'),
      ...(['water_level', 'water_flow', ...OPTIONAL_SIGNALS] as const).map(impossible),
    ],
  },
  other: {
    code: 'other',
    label: PROFILE_LABELS.other,
    // The 接入规范 names the mandatory set for dry and wet collectors only; for other equipment the bureau decides.
    mandatorySignals: [],
    optionalSignals: ['hopper_temp', 'diff_pressure', 'airlock_fault', 'water_level', 'water_flow', ...OPTIONAL_SIGNALS],
    reportingIntervalS: 60,
    reportingIntervalSource: DEFAULT_INTERVAL_NOTE,
    source: '接入规范只规定干式、湿式除尘器的必选参数；其他设备无必选信号，由区局按设备确定',
    rules: [
      hopperTempHigh(false),
      diffPressureHigh(false),
      airlockFault(false),
      sparkDetected,
      ventActivated,
      isolationActivated,
      offline,
      ...SIGNAL_CODES.map(impossible),
    ],
  },
};

// ---------------------------------------------------------------------------------------------------------------
// Bureau limits

const limit = (profile: ProfileCode, ruleId: string, param: RuleParam, min: number, max: number): BureauRuleLimit => ({
  profile,
  ruleId,
  param,
  min,
  max,
  source: LOCAL_LIMIT,
  verified: false,
});

const commonLimits = (profile: ProfileCode): BureauRuleLimit[] => [
  // At most 10 missed reports (10 min at the default interval) before a silent device is reported.
  limit(profile, 'offline', 'missedIntervals', 3, 10),
];

const hopperLimits = (profile: ProfileCode): BureauRuleLimit[] => [
  limit(profile, 'hopper_temp.high', 'bound.yellow', 40, 90),
  limit(profile, 'hopper_temp.high', 'bound.orange', 50, 100),
  limit(profile, 'hopper_temp.high', 'bound.red', 60, 110),
  limit(profile, 'hopper_temp.high', 'deadband', 0, 5),
];

const diffPressureLimits = (profile: ProfileCode): BureauRuleLimit[] => [
  limit(profile, 'diff_pressure.high', 'bound.yellow', 800, 2500),
  limit(profile, 'diff_pressure.high', 'bound.orange', 1000, 3000),
  limit(profile, 'diff_pressure.high', 'deadband', 0, 200),
];

export const BUREAU_RULE_LIMITS: readonly BureauRuleLimit[] = [
  ...hopperLimits('dry_collector'),
  limit('dry_collector', 'hopper_temp.rise', 'delta', 3, 20),
  limit('dry_collector', 'hopper_temp.rise', 'windowS', 60, 1800),
  limit('dry_collector', 'hopper_temp.rise', 'clearAfterS', 60, 3600),
  ...diffPressureLimits('dry_collector'),
  limit('dry_collector', 'diff_pressure.jump', 'delta', 200, 1500),
  limit('dry_collector', 'diff_pressure.jump', 'windowS', 10, 600),
  limit('dry_collector', 'diff_pressure.jump', 'clearAfterS', 10, 3600),
  limit('dry_collector', 'fan_running.airlock_fault', 'maxAgeS', 30, 600),
  limit('dry_collector', 'pulse_pressure.low', 'bound.yellow', 0.2, 0.5),
  limit('dry_collector', 'pulse_pressure.low', 'deadband', 0, 0.05),
  limit('dry_collector', 'hopper_temp.stuck', 'durationS', 3600, 12 * 3600),
  limit('dry_collector', 'hopper_temp.stuck', 'tolerance', 0, 0.5),
  limit('dry_collector', 'diff_pressure.stuck', 'durationS', 3600, 12 * 3600),
  limit('dry_collector', 'diff_pressure.stuck', 'tolerance', 0, 10),
  ...commonLimits('dry_collector'),

  limit('wet_collector', 'water_level.low', 'bound.yellow', 20, 60),
  limit('wet_collector', 'water_level.low', 'bound.orange', 10, 50),
  limit('wet_collector', 'water_level.low', 'bound.red', 5, 40),
  limit('wet_collector', 'water_level.low', 'deadband', 0, 5),
  limit('wet_collector', 'water_flow.stopped', 'bound', 0.1, 5),
  limit('wet_collector', 'water_flow.stopped', 'holdS', 10, 300),
  limit('wet_collector', 'water_flow.stopped', 'maxGapS', 60, 600),
  limit('wet_collector', 'fan_running.water_flow_stopped', 'maxAgeS', 30, 600),
  limit('wet_collector', 'water_level.stuck', 'durationS', 3600, 12 * 3600),
  limit('wet_collector', 'water_level.stuck', 'tolerance', 0, 0.5),
  limit('wet_collector', 'water_flow.stuck', 'durationS', 3600, 12 * 3600),
  limit('wet_collector', 'water_flow.stuck', 'tolerance', 0, 0.1),
  ...commonLimits('wet_collector'),

  ...hopperLimits('other'),
  ...diffPressureLimits('other'),
  ...commonLimits('other'),
];
