import {
  ALARM_KIND_LABELS,
  ALARM_LEVEL_LABELS,
  BUREAU_RULE_LIMITS,
  DEVICE_PROFILES,
  PROFILE_CODES,
  RULE_KIND_BY_TYPE,
  ruleDefinitionSchema,
  ruleSetSchema,
  SIGNAL_CODES,
  SIGNALS,
} from '@zhiben/contracts';
import { describe, expect, it } from 'vitest';
import { compileRules } from './compile.js';
import { hasParam, ruleParams } from './overrides.js';

describe('contract names shared with ingestion (devices / telemetry) must not drift', () => {
  it('has the agreed signal, profile, level and kind codes', () => {
    expect(SIGNAL_CODES).toEqual([
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
    ]);
    expect(PROFILE_CODES).toEqual(['dry_collector', 'wet_collector', 'other']);
    expect(ALARM_LEVEL_LABELS).toEqual({ blue: '蓝色', yellow: '黄色', orange: '橙色', red: '红色' });
    expect(ALARM_KIND_LABELS.data_quality).toBe('数据异常');
  });

  it('makes the 必选参数 of the 接入规范 mandatory (regulations.md §2.2)', () => {
    expect(DEVICE_PROFILES.dry_collector.mandatorySignals).toEqual(['hopper_temp', 'diff_pressure', 'airlock_fault']);
    expect(DEVICE_PROFILES.wet_collector.mandatorySignals).toEqual(['water_level', 'water_flow']);
    expect(DEVICE_PROFILES.other.mandatorySignals).toEqual([]);
  });
});

describe.each(PROFILE_CODES)('profile %s', (code) => {
  const profile = DEVICE_PROFILES[code];
  const signals = new Set([...profile.mandatorySignals, ...profile.optionalSignals]);

  it('has rules that pass the contract schema, with unique ids, and compile', () => {
    expect(ruleSetSchema.safeParse(profile.rules.map((r) => r.rule)).success).toBe(true);
    expect(() =>
      compileRules(
        profile.rules.map((r) => r.rule),
        { reportingIntervalS: profile.reportingIntervalS },
      ),
    ).not.toThrow();
  });

  it('only uses its own signals, and never lists a signal as both mandatory and optional', () => {
    expect(signals.size).toBe(profile.mandatorySignals.length + profile.optionalSignals.length);
    for (const { rule } of profile.rules) {
      const used = rule.type === 'combination' ? rule.terms.map((t) => t.signal) : 'signal' in rule ? [rule.signal] : [];
      for (const s of used) expect(signals, `${rule.id} uses ${s}`).toContain(s);
    }
  });

  it('guards every mandatory signal with an enabled mandatory process alarm, plus an offline alarm', () => {
    for (const signal of profile.mandatorySignals) {
      const guarded = profile.rules.some((r) => r.mandatory && r.rule.enabled && 'signal' in r.rule && r.rule.signal === signal);
      expect(guarded, signal).toBe(true);
    }
    expect(profile.rules.find((r) => r.rule.type === 'offline')).toMatchObject({ mandatory: true });
  });

  it('gives an impossible-value check to every signal it knows', () => {
    const checked = profile.rules.filter((r) => r.rule.type === 'impossible_value').map((r) => ('signal' in r.rule ? r.rule.signal : null));
    expect(new Set(checked)).toEqual(signals);
  });

  it('says where each number comes from, and does not claim an official source it does not have', () => {
    for (const r of profile.rules) {
      expect(r.source.length, r.rule.id).toBeGreaterThan(10);
      // No official threshold was found (regulations.md §2.3): nothing may be marked verified.
      expect(r.verified, r.rule.id).toBe(false);
    }
  });

  it('has bureau limits only for existing rules and parameters, and defaults that lie within them', () => {
    for (const limit of BUREAU_RULE_LIMITS.filter((l) => l.profile === code)) {
      const rule = profile.rules.find((r) => r.rule.id === limit.ruleId)?.rule;
      expect(rule, `${limit.ruleId}`).toBeDefined();
      if (rule === undefined) continue;
      expect(hasParam(rule, limit.param), `${limit.ruleId} ${limit.param}`).toBe(true);
      expect(limit.min).toBeLessThanOrEqual(limit.max);
      const value = ruleParams(rule)[limit.param];
      if (value !== undefined) {
        expect(value, `${limit.ruleId} ${limit.param}`).toBeGreaterThanOrEqual(limit.min);
        expect(value, `${limit.ruleId} ${limit.param}`).toBeLessThanOrEqual(limit.max);
      }
    }
  });
});

describe('signals and rule schemas', () => {
  it('gives every signal a label and a non-empty physical range; binary signals are 0…1', () => {
    for (const code of SIGNAL_CODES) {
      const spec = SIGNALS[code];
      expect(spec.label).not.toBe('');
      expect(spec.plausible.min).toBeLessThan(spec.plausible.max);
      if (spec.valueType === 'binary') expect(spec.plausible).toEqual({ min: 0, max: 1 });
    }
  });

  it('maps the data-quality rule types to the 数据异常 kind', () => {
    expect(RULE_KIND_BY_TYPE.stuck_value).toBe('data_quality');
    expect(RULE_KIND_BY_TYPE.impossible_value).toBe('data_quality');
    expect(RULE_KIND_BY_TYPE.threshold).toBe('threshold');
  });

  const base = { id: 'x', name: '测试', enabled: true };
  it.each<[string, unknown, string]>([
    [
      'high levels must rise with severity',
      {
        ...base,
        type: 'threshold',
        signal: 'hopper_temp',
        direction: 'high',
        deadband: 0,
        levels: [
          { level: 'yellow', bound: 70 },
          { level: 'red', bound: 60 },
        ],
      },
      '高限报警：红色报警值须高于黄色报警值',
    ],
    [
      'low levels must fall with severity',
      {
        ...base,
        type: 'threshold',
        signal: 'water_level',
        direction: 'low',
        deadband: 0,
        levels: [
          { level: 'yellow', bound: 10 },
          { level: 'red', bound: 20 },
        ],
      },
      '低限报警：红色报警值须低于黄色报警值',
    ],
    [
      'a level only once',
      {
        ...base,
        type: 'threshold',
        signal: 'hopper_temp',
        direction: 'high',
        deadband: 0,
        levels: [
          { level: 'red', bound: 70 },
          { level: 'red', bound: 80 },
        ],
      },
      '红色级别重复',
    ],
    [
      'a negative deadband',
      { ...base, type: 'threshold', signal: 'hopper_temp', direction: 'high', deadband: -1, levels: [{ level: 'red', bound: 80 }] },
      '回差不能为负数',
    ],
    [
      'a stuck-value rule on a binary signal',
      { ...base, type: 'stuck_value', signal: 'airlock_fault', durationS: 3600, tolerance: 0, level: 'blue' },
      '数值长时间不变规则只适用于模拟量信号',
    ],
    ['an unknown signal', { ...base, type: 'impossible_value', signal: 'dust_density', level: 'blue' }, '未知的信号编码'],
    ['an unknown level', { ...base, type: 'offline', missedIntervals: 5, level: 'purple' }, '预警级别须为蓝色、黄色、橙色或红色'],
    ['an unknown type', { ...base, type: 'magic' }, '未知的规则类型'],
    [
      'a one-term combination',
      { ...base, type: 'combination', terms: [{ signal: 'fan_running', op: 'eq', value: 1 }], level: 'red' },
      '组合条件至少两项',
    ],
    [
      'a zero delta',
      { ...base, type: 'rate_of_change', signal: 'diff_pressure', direction: 'rise', delta: 0, windowS: 60, level: 'yellow' },
      '变化量须大于 0',
    ],
    ['offline after one interval', { ...base, type: 'offline', missedIntervals: 1, level: 'yellow' }, '离线判定周期数至少为 2'],
  ])('refuses %s, in Chinese', (_name, input, message) => {
    const result = ruleDefinitionSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toContain(message);
  });
});
