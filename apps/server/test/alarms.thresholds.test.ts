import { BUREAU_RULE_LIMITS } from '@zhiben/contracts';
import { queryRows } from '@zhiben/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alarmsOf, type Sender, sender, timelineOf } from './alarms.helpers.js';
import { as, auditRowsOf, buildTestApp, createTenant, createUser, login, regionByCode, type Session, type TestApp } from './harness.js';
import { deviceCode, registerDevice } from './samples/monitoring.js';

/** The threshold editor (issue #6 item 3): overrides within the bureau's limits, and the 第十四条 flag when not. */
let t: TestApp;
let a: Awaited<ReturnType<typeof createTenant>>;
let s: Record<'principalA' | 'safetyA' | 'staffA' | 'principalB' | 'townshipA' | 'bureau', Session>;

beforeAll(async () => {
  t = await buildTestApp();
  a = await createTenant(t, '140404001');
  const b = await createTenant(t, '140404101');
  const townshipA = await createUser(t.handle, 'township_officer', { regionId: (await regionByCode(t.handle, '140404001')).id });
  const bureau = await createUser(t.handle, 'bureau_officer');
  s = {
    principalA: await login(t.app, a.principal.username),
    safetyA: await login(t.app, a.safety.username),
    staffA: await login(t.app, a.staff.username),
    principalB: await login(t.app, b.principal.username),
    townshipA: await login(t.app, townshipA.username),
    bureau: await login(t.app, bureau.username),
  };
});
afterAll(async () => t?.close());

async function newDevice(): Promise<Sender> {
  const { device, secret } = await registerDevice({ t }, s.safetyA, { code: deviceCode('H'), name: '2号脉冲除尘器', collectorType: 'dry' });
  return sender(() => t.app, device, device.creditCode, secret);
}
const url = (deviceId: string) => `/api/v1/devices/${deviceId}/thresholds`;
const put = (session: Session, deviceId: string, body: unknown) => as(t.app, session).call('PUT', url(deviceId), body);
type RuleView = {
  ruleId: string;
  enabled: boolean;
  params: { param: string; value: number; default: number; limit: unknown; outOfLimit: boolean }[];
};
const rule = (body: { rules: RuleView[] }, id: string) => body.rules.find((r) => r.ruleId === id) as RuleView;

describe('device thresholds', () => {
  it('shows each default rule with its parameters, defaults and the bureau limits', async () => {
    const dev = await newDevice();
    const res = await as(t.app, s.staffA).get(url(dev.deviceId));
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ profile: 'dry_collector', majorHazard: null, abilities: { edit: false } });
    expect(rule(body, 'hopper_temp.high').params.find((p) => p.param === 'bound.yellow')).toEqual({
      param: 'bound.yellow',
      label: '黄色报警值',
      value: 60,
      default: 60,
      limit: { min: 40, max: 90 },
      outOfLimit: false,
      unit: '℃',
    });
    expect(rule(body, 'airlock_fault.active')).toMatchObject({ mandatory: true, enabled: true });
    expect((await as(t.app, s.safetyA).get(url(dev.deviceId))).json().abilities.edit).toBe(true);
  });

  it('applies an override within the limits to the evaluation, audited, without a flag', async () => {
    const dev = await newDevice();
    const res = await put(s.safetyA, dev.deviceId, {
      overrides: [{ ruleId: 'hopper_temp.high', params: { 'bound.yellow': 50 } }],
      note: '按设计值',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().majorHazard).toBeNull();
    expect(rule(res.json(), 'hopper_temp.high').params.find((p) => p.param === 'bound.yellow')).toMatchObject({ value: 50, default: 60 });
    const [audit] = await auditRowsOf(t.handle, res.headers['x-request-id']);
    expect(audit).toMatchObject({ action: 'devices.thresholds_updated', entityId: dev.deviceId });
    // 55 ℃ is below the default 60 but above the device's own 50: a yellow alarm.
    await dev.send([{ ts: Date.now() - 1_000, values: { hopper_temp: 55, diff_pressure: 900, airlock_fault: 0 } }]);
    expect(await alarmsOf(t.handle, dev.deviceId, 'hopper_temp.high')).toEqual([expect.objectContaining({ level: 'yellow' })]);
  });

  it('refuses what the bureau does not open to enterprises, and malformed values, changing nothing', async () => {
    const dev = await newDevice();
    for (const overrides of [
      [{ ruleId: 'spark_count.detected', params: { 'bound.orange': 2 } }],
      [{ ruleId: 'hopper_temp.high', params: { 'bound.blue': 30 } }],
      [{ ruleId: 'no_such.rule', enabled: false }],
      [
        { ruleId: 'hopper_temp.high', params: { 'bound.yellow': 50 } },
        { ruleId: 'hopper_temp.high', params: { 'bound.yellow': 55 } },
      ],
      // Red below orange: the rule itself would be broken.
      [{ ruleId: 'hopper_temp.high', params: { 'bound.orange': 85, 'bound.red': 84 } }],
    ]) {
      const res = await put(s.safetyA, dev.deviceId, { overrides });
      expect(res.statusCode, JSON.stringify(overrides)).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
      expect(await auditRowsOf(t.handle, res.headers['x-request-id'])).toHaveLength(0);
    }
    expect((await as(t.app, s.safetyA).get(url(dev.deviceId))).json().updatedAt).toBeNull();
  });

  it('applies an out-of-limit set-point or a disabled mandatory alarm but flags it as a 第十四条 major hazard, once per device', async () => {
    const dev = await newDevice();
    const first = await put(s.safetyA, dev.deviceId, {
      overrides: [{ ruleId: 'hopper_temp.high', params: { 'bound.yellow': 95, 'bound.orange': 100, 'bound.red': 105 } }],
    });
    expect(first.statusCode, first.body).toBe(200);
    const flag = first.json().majorHazard;
    expect(flag).toMatchObject({ article: '第十四条', standardItemKey: '14-0', hazardId: expect.any(String) });
    expect(flag.reasons.join()).toContain('超出区应急管理局限值');
    expect(rule(first.json(), 'hopper_temp.high').params.find((p) => p.param === 'bound.yellow')).toMatchObject({
      value: 95,
      outOfLimit: true,
    });
    const hazard = (await as(t.app, s.principalA).get(`/api/v1/hazards/${flag.hazardId}`)).json();
    expect(hazard).toMatchObject({
      level: 'major',
      source: 'monitoring_alarm',
      standardItem: { key: '14-0' },
      enterpriseId: a.enterprise.id,
    });

    // Still flagged after a further change (now also a disabled mandatory alarm): the same hazard, not a second one.
    const second = await put(s.safetyA, dev.deviceId, {
      overrides: [
        { ruleId: 'hopper_temp.high', params: { 'bound.yellow': 95, 'bound.orange': 100, 'bound.red': 105 } },
        { ruleId: 'airlock_fault.active', enabled: false },
      ],
    });
    expect(second.json().majorHazard.hazardId).toBe(flag.hazardId);
    expect(second.json().majorHazard.reasons.join()).toContain('停用必选报警「锁气卸灰故障」');
    expect(rule(second.json(), 'airlock_fault.active').enabled).toBe(false);
    const recorded = await queryRows<{ id: string }>(
      t.handle.db,
      sql`select id from hazards where source_ref like ${`article14:${dev.deviceId}:%`}`,
    );
    expect(recorded.map((h) => h.id)).toEqual([flag.hazardId]);

    // Restoring the defaults clears the flag (the hazard itself is closed through the hazard loop).
    const restored = await put(s.safetyA, dev.deviceId, { overrides: [] });
    expect(restored.json().majorHazard).toBeNull();
  });

  it('clears the open alarm of a rule that is disabled', async () => {
    const dev = await newDevice();
    await dev.send([{ ts: Date.now() - 1_000, values: { hopper_temp: 30, diff_pressure: 900, airlock_fault: 1 } }]);
    const [open] = await alarmsOf(t.handle, dev.deviceId, 'airlock_fault.active');
    expect(open).toMatchObject({ status: 'pending', clearedAt: null });
    const res = await put(s.safetyA, dev.deviceId, { overrides: [{ ruleId: 'airlock_fault.active', enabled: false }] });
    expect(res.statusCode).toBe(200);
    const [after] = await alarmsOf(t.handle, dev.deviceId, 'airlock_fault.active');
    expect(after?.clearedAt).not.toBeNull();
    expect(await timelineOf(t.handle, open?.id ?? '')).toEqual(['raised', 'rule_retired']);
    // Disabled: a further fault raises nothing.
    await dev.send([{ ts: Date.now() - 500, values: { airlock_fault: 1 } }]);
    expect(await alarmsOf(t.handle, dev.deviceId, 'airlock_fault.active')).toHaveLength(1);
  });

  it('lets only the enterprise tune its own devices', async () => {
    const dev = await newDevice();
    const body = { overrides: [{ ruleId: 'hopper_temp.high', params: { 'bound.yellow': 50 } }] };
    expect((await put(s.staffA, dev.deviceId, body)).statusCode).toBe(403);
    expect((await put(s.townshipA, dev.deviceId, body)).statusCode).toBe(403);
    expect((await put(s.principalB, dev.deviceId, body)).statusCode).toBe(404);
    expect((await as(t.app, s.principalB).get(url(dev.deviceId))).statusCode).toBe(404);
    expect((await as(t.app, s.townshipA).get(url(dev.deviceId))).statusCode).toBe(200);
  });
});

describe('bureau limits', () => {
  const builtIn = () => BUREAU_RULE_LIMITS.map(({ profile, ruleId, param, min, max }) => ({ profile, ruleId, param, min, max }));
  const putLimits = (session: Session, body: unknown) => as(t.app, session).call('PUT', '/api/v1/monitoring/limits', body);

  it('are read by everyone with monitoring access and set by the bureau only, audited, taking effect on the editor', async () => {
    const view = await as(t.app, s.principalA).get('/api/v1/monitoring/limits');
    expect(view.statusCode).toBe(200);
    expect(view.json().abilities.edit).toBe(false);
    expect(
      view.json().items.find((l: { ruleId: string; param: string }) => l.ruleId === 'hopper_temp.high' && l.param === 'bound.yellow'),
    ).toMatchObject({
      default: 60,
      ruleName: '灰斗温度高',
    });
    expect((await putLimits(s.principalA, { items: builtIn() })).statusCode).toBe(403);
    expect((await putLimits(s.townshipA, { items: builtIn() })).statusCode).toBe(403);
    expect(
      (
        await putLimits(s.bureau, {
          items: [{ profile: 'dry_collector', ruleId: 'hopper_temp.high', param: 'bound.purple', min: 1, max: 2 }],
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (await putLimits(s.bureau, { items: [{ profile: 'dry_collector', ruleId: 'hopper_temp.high', param: 'holdS', min: 1, max: 2 }] }))
        .statusCode,
    ).toBe(400);

    const dev = await newDevice();
    await put(s.safetyA, dev.deviceId, { overrides: [{ ruleId: 'hopper_temp.high', params: { 'bound.yellow': 50 } }] });
    // The bureau narrows the yellow bound to 45–48: the device's 50 is now outside it.
    const narrowed = builtIn().map((l) => (l.ruleId === 'hopper_temp.high' && l.param === 'bound.yellow' ? { ...l, min: 45, max: 48 } : l));
    try {
      const res = await putLimits(s.bureau, { items: narrowed, note: '收紧灰斗温度黄色报警值' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ customized: true, abilities: { edit: true } });
      const [audit] = await auditRowsOf(t.handle, res.headers['x-request-id']);
      expect(audit).toMatchObject({ action: 'monitoring.limits_updated' });
      const editor = (await as(t.app, s.safetyA).get(url(dev.deviceId))).json();
      expect(rule(editor, 'hopper_temp.high').params.find((p) => p.param === 'bound.yellow')).toMatchObject({
        value: 50,
        limit: { min: 45, max: 48 },
        outOfLimit: true,
      });
      expect(editor.majorHazard?.reasons.join()).toContain('超出区应急管理局限值 45–48');
    } finally {
      expect((await putLimits(s.bureau, { items: builtIn() })).statusCode).toBe(200);
    }
  });
});
