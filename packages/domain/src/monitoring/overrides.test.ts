import { DEVICE_PROFILES, type RuleOverride, ruleOverrideSchema } from '@zhiben/contracts';
import { describe, expect, it } from 'vitest';
import { applyOverride, checkRuleOverride, effectiveRules, ruleParams } from './overrides.js';

const dry = DEVICE_PROFILES.dry_collector;
const wet = DEVICE_PROFILES.wet_collector;
const override = (input: unknown): RuleOverride => ruleOverrideSchema.parse(input);

describe('checkRuleOverride (engineer-set values against the bureau limits)', () => {
  it.each<[string, unknown, { valid: boolean; errors?: RegExp[]; hazard?: RegExp[] }]>([
    ['values within the limits', { ruleId: 'hopper_temp.high', params: { 'bound.yellow': 55, 'bound.red': 90 } }, { valid: true }],
    ['exactly on a limit', { ruleId: 'hopper_temp.high', params: { 'bound.red': 110 } }, { valid: true }],
    [
      'a set-point above the bureau maximum: applied, but a 第十四条 indication',
      { ruleId: 'hopper_temp.high', params: { 'bound.red': 150 } },
      { valid: true, hazard: [/「灰斗温度高」的“红色报警值”设为 150 ℃，超出区应急管理局限值 60–110 ℃/] },
    ],
    [
      'a set-point below the bureau minimum',
      { ruleId: 'offline', params: { missedIntervals: 2 } },
      { valid: true, hazard: [/“离线判定周期数”设为 2 个周期，超出区应急管理局限值 3–10 个周期/] },
    ],
    [
      'disabling a mandatory alarm',
      { ruleId: 'hopper_temp.high', enabled: false },
      { valid: true, hazard: [/停用必选报警「灰斗温度高」/] },
    ],
    [
      'disabling the offline alarm (monitoring itself)',
      { ruleId: 'offline', enabled: false },
      { valid: true, hazard: [/停用必选报警「设备离线」/] },
    ],
    ['disabling an optional alarm is the enterprise’s choice', { ruleId: 'hopper_temp.rise', enabled: false }, { valid: true }],
    [
      'a parameter the bureau fixes',
      { ruleId: 'airlock_fault.active', params: { 'bound.orange': 2 } },
      { valid: false, errors: [/由区应急管理局统一设定/] },
    ],
    [
      'a parameter the rule does not have',
      { ruleId: 'hopper_temp.high', params: { 'bound.blue': 50 } },
      { valid: false, errors: [/没有参数“蓝色报警值”/] },
    ],
    [
      'a parameter of another rule type',
      { ruleId: 'hopper_temp.high', params: { holdS: 50 } },
      { valid: false, errors: [/没有参数“持续时间（秒）”/] },
    ],
    ['a rule the profile does not have', { ruleId: 'water_level.low', params: {} }, { valid: false, errors: [/不是干式除尘器的默认规则/] }],
    [
      'values that break the level order',
      { ruleId: 'hopper_temp.high', params: { 'bound.yellow': 85 } },
      { valid: false, errors: [/橙色报警值须高于黄色报警值/] },
    ],
    [
      'refused (out of order) and out of range: not applied, so no indication',
      { ruleId: 'hopper_temp.high', params: { 'bound.orange': 45, 'bound.yellow': 50 } },
      { valid: false, errors: [/橙色报警值须高于黄色报警值/] },
    ],
  ])('%s', (_name, input, expected) => {
    const check = checkRuleOverride(override(input), dry);
    expect(check.valid).toBe(expected.valid);
    expect(check.errors).toHaveLength(expected.errors?.length ?? 0);
    expected.errors?.forEach((re, i) => {
      expect(check.errors[i]).toMatch(re);
    });
    if (expected.hazard === undefined) expect(check.majorHazard).toBeNull();
    else {
      expect(check.majorHazard).toMatchObject({ article: '第十四条', standardItemKey: '14-0' });
      expect(check.majorHazard?.reasons).toHaveLength(expected.hazard.length);
      expected.hazard.forEach((re, i) => {
        expect(check.majorHazard?.reasons[i]).toMatch(re);
      });
    }
    expect(check.rule === null).toBe(!expected.valid);
  });

  it('returns the applied rule', () => {
    const check = checkRuleOverride(override({ ruleId: 'water_flow.stopped', params: { holdS: 120, bound: 1 } }), wet);
    expect(check.rule).toMatchObject({
      id: 'water_flow.stopped',
      type: 'duration',
      holdS: 120,
      bound: 1,
      direction: 'low',
      level: 'orange',
    });
  });

  it('rejects non-integer seconds with the schema’s Chinese message', () => {
    const check = checkRuleOverride(override({ ruleId: 'water_flow.stopped', params: { holdS: 30.5 } }), wet);
    expect(check).toMatchObject({ valid: false, errors: ['「循环水中断」：持续时间须为整数秒'] });
  });

  it('reports an out-of-range value even on a non-mandatory rule', () => {
    const check = checkRuleOverride(override({ ruleId: 'hopper_temp.rise', params: { delta: 50 } }), dry);
    expect(check.valid).toBe(true);
    expect(check.majorHazard?.reasons).toHaveLength(1);
  });
});

describe('ruleOverrideSchema', () => {
  it('refuses unknown parameter names and non-numbers', () => {
    expect(ruleOverrideSchema.safeParse({ ruleId: 'offline', params: { timeout: 5 } }).success).toBe(false);
    expect(ruleOverrideSchema.safeParse({ ruleId: 'offline', params: { missedIntervals: '5' } }).error?.issues[0]?.message).toBe(
      '参数值须为数值',
    );
    expect(ruleOverrideSchema.safeParse({ ruleId: 'Offline' }).error?.issues[0]?.message).toMatch(/规则编号须以小写字母开头/);
  });
});

describe('applyOverride / ruleParams', () => {
  it('changes numbers, never structure, and leaves the default untouched', () => {
    const base = dry.rules.find((r) => r.rule.id === 'hopper_temp.high')?.rule;
    if (base?.type !== 'threshold') throw new Error('fixture');
    const changed = applyOverride(base, { params: { 'bound.red': 95, deadband: 1 } });
    expect(ruleParams(changed)).toEqual({ 'bound.yellow': 60, 'bound.orange': 70, 'bound.red': 95, deadband: 1 });
    expect(changed).toMatchObject({ signal: 'hopper_temp', direction: 'high', enabled: true });
    expect(ruleParams(base)).toEqual({ 'bound.yellow': 60, 'bound.orange': 70, 'bound.red': 80, deadband: 2 });
  });
});

describe('effectiveRules', () => {
  it('applies valid overrides in profile order, keeps defaults for invalid ones, and sums up the 第十四条 reasons', () => {
    const result = effectiveRules(dry, [
      override({ ruleId: 'hopper_temp.high', params: { 'bound.red': 150 } }),
      override({ ruleId: 'airlock_fault.active', enabled: false }),
      override({ ruleId: 'diff_pressure.high', params: { 'bound.blue': 1 } }),
      override({ ruleId: 'hopper_temp.high', params: { 'bound.red': 90 } }),
    ]);
    expect(result.rules.map((r) => r.id)).toEqual(dry.rules.map((r) => r.rule.id));
    expect(result.checks.map((c) => c.valid)).toEqual([true, true, false, false]);
    expect(result.checks[3]?.errors).toEqual(['规则 hopper_temp.high 重复设置']);
    expect(result.rules.find((r) => r.id === 'hopper_temp.high')).toMatchObject({ levels: [{}, {}, { level: 'red', bound: 150 }] });
    expect(result.rules.find((r) => r.id === 'airlock_fault.active')?.enabled).toBe(false);
    expect(result.rules.find((r) => r.id === 'diff_pressure.high')).toEqual(
      dry.rules.find((r) => r.rule.id === 'diff_pressure.high')?.rule,
    );
    expect(result.majorHazard?.reasons).toHaveLength(2);
  });

  it('has no indication without overrides', () => {
    expect(effectiveRules(wet, [])).toMatchObject({ checks: [], majorHazard: null });
  });
});
