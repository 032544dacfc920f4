import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sender } from './alarms.helpers.js';
import { as, auditRowsOf, buildTestApp, createTenant, createUser, login, regionByCode, type Session, type TestApp } from './harness.js';
import { deviceAuth, deviceCode, deviceSheet, registerDevice } from './samples/monitoring.js';

let t: TestApp;
let a: Awaited<ReturnType<typeof createTenant>>;
let b: Awaited<ReturnType<typeof createTenant>>;
const s = {} as Record<'principalA' | 'safetyA' | 'staffA' | 'principalB' | 'officer' | 'townshipA' | 'townshipOther', Session>;

beforeAll(async () => {
  t = await buildTestApp();
  a = await createTenant(t, '140404001');
  b = await createTenant(t, '140404101');
  s.principalA = await login(t.app, a.principal.username);
  s.safetyA = await login(t.app, a.safety.username);
  s.staffA = await login(t.app, a.staff.username);
  s.principalB = await login(t.app, b.principal.username);
  s.officer = await login(t.app, (await createUser(t.handle, 'bureau_officer')).username);
  s.townshipA = await login(
    t.app,
    (await createUser(t.handle, 'township_officer', { regionId: (await regionByCode(t.handle, '140404001')).id })).username,
  );
  s.townshipOther = await login(
    t.app,
    (await createUser(t.handle, 'township_officer', { regionId: (await regionByCode(t.handle, '140404106')).id })).username,
  );
});
afterAll(async () => t?.close());

const ids = (res: { json(): unknown }) => (res.json() as { items: { id: string }[] }).items.map((i) => i.id);

describe('device registration', () => {
  it('registers a collector with its profile signals and shows the secret once; reads never carry it', async () => {
    const code = deviceCode('D');
    const res = await as(t.app, s.principalA).post('/api/v1/devices', {
      code,
      name: '1号砂光布袋除尘器',
      collectorType: 'dry',
      systemName: '1号除尘系统（砂光）',
      location: '砂光车间',
      optionalSignals: ['spark_count', 'fan_running'],
    });
    expect(res.statusCode, res.body).toBe(200);
    const { device, secret } = res.json();
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(device).toMatchObject({
      enterpriseId: a.enterprise.id,
      creditCode: a.enterprise.creditCode,
      code,
      collectorType: 'dry',
      profile: 'dry_collector',
      systemName: '1号除尘系统（砂光）',
      reportingIntervalS: 60,
      status: 'active',
      mandatorySignals: ['hopper_temp', 'diff_pressure', 'airlock_fault'],
      mqttUsername: `${a.enterprise.creditCode}/${code}`,
      mqttTopic: `zhiben/v1/${a.enterprise.creditCode}/${code}/telemetry`,
      abilities: { update: true, rotateSecret: true },
    });
    expect([...device.signals].sort()).toEqual(['airlock_fault', 'diff_pressure', 'fan_running', 'hopper_temp', 'spark_count']);
    const read = await as(t.app, s.staffA).get(`/api/v1/devices/${device.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json().abilities).toEqual({ update: false, rotateSecret: false });
    expect(read.body).not.toContain(secret);
    expect(read.body).not.toMatch(/secretHash|secret_hash/);
    const [audit] = await auditRowsOf(t.handle, res.headers['x-request-id']);
    expect(audit).toMatchObject({ action: 'devices.created', entityType: 'device', entityId: device.id, enterpriseId: a.enterprise.id });
    expect(JSON.stringify(audit)).not.toContain(secret);
    expect(JSON.stringify(audit?.after)).not.toMatch(/secretHash/);
  });

  it('lets staff read but not register, and refuses duplicates and signals the profile does not have', async () => {
    const staff = await as(t.app, s.staffA).post('/api/v1/devices', { code: deviceCode(), name: '员工登记', collectorType: 'dry' });
    expect(staff.statusCode).toBe(403);
    const code = deviceCode('U');
    await registerDevice({ t }, s.safetyA, { code, name: '2号开料布袋除尘器', collectorType: 'dry' });
    const dup = await as(t.app, s.principalA).post('/api/v1/devices', { code, name: '重复编号', collectorType: 'wet' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('CONFLICT');
    const wrong = await as(t.app, s.principalA).post('/api/v1/devices', {
      code: deviceCode(),
      name: '湿式',
      collectorType: 'dry',
      optionalSignals: ['water_level'],
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().message).toContain('水箱液位');
    const badCode = await as(t.app, s.principalA).post('/api/v1/devices', { code: 'DC/01', name: '斜杠编号', collectorType: 'dry' });
    expect(badCode.statusCode).toBe(400);
  });

  it('keeps devices inside their tenant: other enterprises and townships neither see nor reach them (404)', async () => {
    const { device } = await registerDevice({ t }, s.principalA, { code: deviceCode('S'), name: '3号铣型除尘器', collectorType: 'dry' });
    expect(ids(await as(t.app, s.principalA).get('/api/v1/devices?pageSize=200'))).toContain(device.id);
    expect(ids(await as(t.app, s.townshipA).get('/api/v1/devices?pageSize=200'))).toContain(device.id);
    expect(ids(await as(t.app, s.principalB).get('/api/v1/devices?pageSize=200'))).not.toContain(device.id);
    expect(ids(await as(t.app, s.townshipOther).get('/api/v1/devices?pageSize=200'))).not.toContain(device.id);
    for (const session of [s.principalB, s.townshipOther]) {
      expect((await as(t.app, session).get(`/api/v1/devices/${device.id}`)).statusCode).toBe(404);
    }
    expect((await as(t.app, s.principalB).patch(`/api/v1/devices/${device.id}`, { name: '越权修改' })).statusCode).toBe(404);
    expect((await as(t.app, s.principalB).post(`/api/v1/devices/${device.id}/rotate-secret`)).statusCode).toBe(404);
    // Registering into another enterprise by naming it is a 404 too.
    const foreign = await as(t.app, s.principalB).post('/api/v1/devices', {
      enterpriseId: a.enterprise.id,
      code: deviceCode(),
      name: '越权登记',
      collectorType: 'dry',
    });
    expect(foreign.statusCode).toBe(404);
    // Townships read only.
    expect(
      (
        await as(t.app, s.townshipA).post('/api/v1/devices', {
          enterpriseId: a.enterprise.id,
          code: deviceCode(),
          name: '乡镇',
          collectorType: 'dry',
        })
      ).statusCode,
    ).toBe(403);
  });

  it('lets the bureau register for any enterprise (which it must name) and filter the list', async () => {
    const missing = await as(t.app, s.officer).post('/api/v1/devices', { code: deviceCode(), name: '未指定企业', collectorType: 'wet' });
    expect(missing.statusCode).toBe(400);
    const { device } = await registerDevice({ t }, s.officer, {
      enterpriseId: b.enterprise.id,
      code: deviceCode('W'),
      name: '1号湿式除尘器',
      collectorType: 'wet',
      reportingIntervalS: 15,
    });
    expect(device).toMatchObject({ enterpriseId: b.enterprise.id });
    const list = await as(t.app, s.officer).get(`/api/v1/devices?enterpriseId=${b.enterprise.id}&collectorType=wet&pageSize=50`);
    expect(ids(list)).toContain(device.id);
    expect(
      (list.json() as { items: { collectorType: string; enterpriseId: string }[] }).items.every(
        (d) => d.collectorType === 'wet' && d.enterpriseId === b.enterprise.id,
      ),
    ).toBe(true);
    expect((await as(t.app, s.officer).get('/api/v1/devices?sort=secret')).statusCode).toBe(400);
  });

  it('recomputes the signals when the collector type changes and audits what changed', async () => {
    const { device } = await registerDevice({ t }, s.principalA, {
      code: deviceCode('P'),
      name: '4号除尘器',
      collectorType: 'dry',
      optionalSignals: ['fan_running', 'pulse_pressure'],
    });
    const res = await as(t.app, s.safetyA).patch(`/api/v1/devices/${device.id}`, { collectorType: 'wet', reportingIntervalS: 30 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      collectorType: 'wet',
      profile: 'wet_collector',
      reportingIntervalS: 30,
      mandatorySignals: ['water_level', 'water_flow'],
    });
    expect([...res.json().signals].sort()).toEqual(['fan_running', 'pulse_pressure', 'water_flow', 'water_level']);
    const [audit] = await auditRowsOf(t.handle, res.headers['x-request-id']);
    expect(audit).toMatchObject({
      action: 'devices.updated',
      before: { collectorType: 'dry', reportingIntervalS: 60 },
      after: { collectorType: 'wet', reportingIntervalS: 30 },
    });
    const unknown = await as(t.app, s.safetyA).patch(`/api/v1/devices/${device.id}`, { optionalSignals: ['no_such_signal'] });
    expect(unknown.statusCode).toBe(400);
  });
});

describe('bulk registration from .xlsx', () => {
  it('previews every row with its errors, commits the good ones in one go, and hands out the new secrets once', async () => {
    const good1 = deviceCode('I');
    const good2 = deviceCode('I');
    const file = await deviceSheet([
      {
        设备编号: good1,
        设备名称: '1号抛光湿式除尘器',
        除尘器类型: '湿式除尘器',
        所属除尘系统: '1号除尘系统（抛光）',
        '上报间隔（秒）': '10',
        可选监测项: '风机运行',
      },
      { 设备编号: good2, 设备名称: '2号打磨布袋除尘器', 除尘器类型: '干式', 可选监测项: '风机运行、火花探测次数', 安装位置: '打磨车间' },
      { 设备编号: good2, 设备名称: '重复的编号', 除尘器类型: '干式' },
      { 设备编号: deviceCode(), 设备名称: '类型错了', 除尘器类型: '旋风' },
      { 设备编号: deviceCode(), 设备名称: '监测项错了', 除尘器类型: '干式', 可选监测项: '温度计' },
      { 统一社会信用代码: b.enterprise.creditCode, 设备编号: deviceCode(), 设备名称: '别的企业', 除尘器类型: '干式' },
      { 设备编号: deviceCode(), 设备名称: '间隔错了', 除尘器类型: '干式', '上报间隔（秒）': '十秒' },
    ]);
    const preview = await as(t.app, s.principalA).post('/api/v1/devices/import/preview', file);
    expect(preview.statusCode, preview.body).toBe(200);
    const report = preview.json();
    expect(report).toMatchObject({ committed: false, total: 7, summary: { create: 2, update: 0, unchanged: 0, error: 5 } });
    expect(
      report.rows.map((r: { row: number; action: string; errors: { column: string }[] }) => [
        r.row,
        r.action,
        r.errors.map((e) => e.column),
      ]),
    ).toEqual([
      [3, 'create', []],
      [4, 'create', []],
      [5, 'error', ['设备编号']],
      [6, 'error', ['除尘器类型']],
      [7, 'error', ['可选监测项']],
      [8, 'error', ['统一社会信用代码']],
      [9, 'error', ['上报间隔（秒）']],
    ]);
    expect(JSON.stringify(report)).not.toMatch(/"secret"/);
    expect(ids(await as(t.app, s.principalA).get(`/api/v1/devices?q=${good1}`))).toEqual([]);

    const commit = await as(t.app, s.principalA).post('/api/v1/devices/import', file);
    expect(commit.statusCode, commit.body).toBe(200);
    const committed = commit.json();
    expect(committed).toMatchObject({ committed: true, summary: { create: 2, error: 5 } });
    const created = committed.rows.filter((r: { action: string }) => r.action === 'create') as {
      secret: string;
      deviceId: string;
      code: string;
    }[];
    expect(created.every((r) => /^[A-Za-z0-9_-]{43}$/.test(r.secret))).toBe(true);
    const audits = await auditRowsOf(t.handle, commit.headers['x-request-id']);
    expect(audits).toHaveLength(1);
    expect(JSON.stringify(audits)).not.toContain(created[0]?.secret);
    const wet = await as(t.app, s.staffA).get(`/api/v1/devices/${created[0]?.deviceId}`);
    expect(wet.json()).toMatchObject({ code: good1, collectorType: 'wet', reportingIntervalS: 10, systemName: '1号除尘系统（抛光）' });
    // The secret handed out by the import works.
    const sent = await t.app.inject({
      method: 'POST',
      url: '/api/v1/telemetry',
      headers: deviceAuth(a.enterprise.creditCode, good1, created[0]?.secret ?? ''),
      payload: { ts: Date.now() - 100, values: { water_level: 60, water_flow: 8 } },
    });
    expect(sent.json()).toMatchObject({ accepted: 2 });

    // The same file again changes nothing; an edited row updates, and keeps its secret.
    const again = await as(t.app, s.principalA).post('/api/v1/devices/import', file);
    expect(again.json()).toMatchObject({ committed: false, summary: { create: 0, update: 0, unchanged: 2 } });
    const edited = await deviceSheet([{ 设备编号: good2, 设备名称: '2号打磨布袋除尘器（改）', 除尘器类型: '干式', 安装位置: '打磨车间' }]);
    const update = await as(t.app, s.principalA).post('/api/v1/devices/import', edited);
    expect(update.json().rows[0]).toMatchObject({ action: 'update', changes: ['设备名称', '可选监测项'] });
    expect(update.json().rows[0].secret).toBeUndefined();
  });

  it('lets the bureau import for several enterprises by credit code, and rejects files without the header', async () => {
    const file = await deviceSheet([
      { 统一社会信用代码: a.enterprise.creditCode, 设备编号: deviceCode('B'), 设备名称: '区局登记一', 除尘器类型: '干式除尘器' },
      { 统一社会信用代码: b.enterprise.creditCode.toLowerCase(), 设备编号: deviceCode('B'), 设备名称: '区局登记二', 除尘器类型: '其他' },
      { 设备编号: deviceCode('B'), 设备名称: '没写企业', 除尘器类型: '干式' },
    ]);
    const res = await as(t.app, s.officer).post('/api/v1/devices/import/preview', file);
    expect(res.json().summary).toEqual({ create: 2, update: 0, unchanged: 0, error: 1 });
    const noHeader = await deviceSheet([{ 名称: 'x' }]);
    const bad = await as(t.app, s.officer).post('/api/v1/devices/import/preview', noHeader);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('设备编号');
    const template = await as(t.app, s.principalA).get('/api/v1/devices/template');
    expect(template.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets[0]?.getRow(2).getCell(2).value).toBe('*设备编号');
    // The template as downloaded, example row left in: nothing to import (the example never touches a real device).
    const asIs = await as(t.app, s.principalA).post('/api/v1/devices/import/preview', Buffer.from(template.rawPayload));
    expect(asIs.statusCode, asIs.body).toBe(200);
    expect(asIs.json().summary).toEqual({ create: 0, update: 0, unchanged: 0, error: 0 });
  });
});

describe('series from the 1-minute rollups', () => {
  it('sums minutes into the requested step, with count, min, max, mean and the latest value', async () => {
    const { device, secret } = await registerDevice({ t }, s.principalA, {
      code: deviceCode('C'),
      name: '曲线除尘器',
      collectorType: 'dry',
    });
    const hour = Math.floor((Date.now() - 3 * 3_600_000) / 3_600_000) * 3_600_000;
    const values = [
      [hour + 5_000, 30],
      [hour + 65_000, 34],
      [hour + 125_000, 32],
      [hour + 3_600_000 + 1_000, 50],
    ] as const;
    const sent = await t.app.inject({
      method: 'POST',
      url: '/api/v1/telemetry',
      headers: deviceAuth(device.creditCode, device.code, secret),
      payload: values.map(([ts, v]) => ({ ts, values: { hopper_temp: v } })),
    });
    expect(sent.json()).toMatchObject({ accepted: 4 });
    const range = `from=${new Date(hour).toISOString()}&to=${new Date(hour + 2 * 3_600_000).toISOString()}`;
    const hourly = await as(t.app, s.staffA).get(`/api/v1/devices/${device.id}/series?signal=hopper_temp&step=1h&${range}`);
    expect(hourly.statusCode, hourly.body).toBe(200);
    expect(hourly.json().points).toEqual([
      { t: new Date(hour).toISOString(), count: 3, min: 30, max: 34, avg: 32, last: 32 },
      { t: new Date(hour + 3_600_000).toISOString(), count: 1, min: 50, max: 50, avg: 50, last: 50 },
    ]);
    const minutes = await as(t.app, s.staffA).get(`/api/v1/devices/${device.id}/series?signal=hopper_temp&step=1m&${range}`);
    expect(minutes.json().points.map((p: { count: number }) => p.count)).toEqual([1, 1, 1, 1]);
    const tooLong = await as(t.app, s.staffA).get(
      `/api/v1/devices/${device.id}/series?signal=hopper_temp&step=1m&from=2026-01-01T00:00:00Z&to=2026-03-01T00:00:00Z`,
    );
    expect(tooLong.statusCode).toBe(400);
    const otherSignal = await as(t.app, s.staffA).get(`/api/v1/devices/${device.id}/series?signal=water_level&step=1h&${range}`);
    expect(otherSignal.statusCode).toBe(400);
    expect((await as(t.app, s.principalB).get(`/api/v1/devices/${device.id}/series?signal=hopper_temp&step=1h&${range}`)).statusCode).toBe(
      404,
    );
  });
});

describe('最近上报 and 已接入 on the list and the detail', () => {
  it('shows the latest reading and the connection state from the rule stage and the rollups, like the overview', async () => {
    const c = await createTenant(t, '140404001');
    const principalC = await login(t.app, c.principal.username);
    const register = async (prefix: string, collectorType: 'dry' | 'wet') => {
      const { device, secret } = await registerDevice({ t }, principalC, {
        code: deviceCode(prefix),
        name: `${prefix}号除尘器`,
        collectorType,
      });
      return { id: device.id, send: sender(() => t.app, device, device.creditCode, secret).send };
    };
    const start = Math.floor(Date.now() / 1000) * 1000;
    const minute = (ago: number) => start - ago * 60_000;
    const dry = { hopper_temp: 41.5, diff_pressure: 900, airlock_fault: 0 };
    // Every mandatory signal in the last 24 h (the latest reading only carries one of them).
    const full = await register('F', 'dry');
    await full.send([
      { ts: minute(30), values: dry },
      { ts: minute(20), values: dry },
      { ts: minute(5), values: { hopper_temp: 42 } },
    ]);
    const wet = await register('W', 'wet');
    await wet.send([{ ts: minute(3), values: { water_level: 60, water_flow: 12 } }]);
    // airlock_fault missing: not connected, though it reports.
    const partial = await register('P', 'dry');
    await partial.send([{ ts: minute(10), values: { hopper_temp: 40, diff_pressure: 880 } }]);
    // Everything, but two days ago.
    const stale = await register('S', 'dry');
    await stale.send([{ ts: minute(2 * 24 * 60), values: dry }]);
    const never = await register('N', 'dry');
    // Complete and recent, then disabled: no longer counted as connected, the last report still shown.
    const disabled = await register('D', 'dry');
    await disabled.send([{ ts: minute(8), values: dry }]);
    expect((await as(t.app, principalC).patch(`/api/v1/devices/${disabled.id}`, { status: 'disabled' })).statusCode).toBe(200);

    const list = await as(t.app, principalC).get('/api/v1/devices?pageSize=50');
    expect(list.statusCode, list.body).toBe(200);
    const byId = new Map((list.json().items as { id: string; lastDataAt: string | null; connected: boolean }[]).map((d) => [d.id, d]));
    const expected = {
      [full.id]: { connected: true, lastDataAt: new Date(minute(5)).toISOString() },
      [wet.id]: { connected: true, lastDataAt: new Date(minute(3)).toISOString() },
      [partial.id]: { connected: false, lastDataAt: new Date(minute(10)).toISOString() },
      [stale.id]: { connected: false, lastDataAt: new Date(minute(2 * 24 * 60)).toISOString() },
      [never.id]: { connected: false, lastDataAt: null },
      [disabled.id]: { connected: false, lastDataAt: new Date(minute(8)).toISOString() },
    };
    expect(list.json().total).toBe(6);
    for (const [id, state] of Object.entries(expected)) {
      expect(byId.get(id), id).toMatchObject(state);
      const detail = await as(t.app, s.officer).get(`/api/v1/devices/${id}`);
      expect(detail.json()).toMatchObject(state);
    }

    const connected = await as(t.app, principalC).get('/api/v1/devices?connected=true&pageSize=50');
    expect(connected.statusCode, connected.body).toBe(200);
    expect(new Set(ids(connected))).toEqual(new Set([full.id, wet.id]));
    expect(connected.json().total).toBe(2);
    const notConnected = await as(t.app, s.officer).get(`/api/v1/devices?enterpriseId=${c.enterprise.id}&connected=false&pageSize=50`);
    expect(new Set(ids(notConnected))).toEqual(new Set([partial.id, stale.id, never.id, disabled.id]));
    expect(notConnected.json().total).toBe(4);
    // Combined with another filter, and in the count.
    const dryConnected = await as(t.app, s.officer).get(`/api/v1/devices?enterpriseId=${c.enterprise.id}&connected=true&collectorType=dry`);
    expect(ids(dryConnected)).toEqual([full.id]);
    expect(dryConnected.json().total).toBe(1);
    expect((await as(t.app, principalC).get('/api/v1/devices?connected=yes')).statusCode).toBe(400);
    // Another tenant's filter never reaches these devices.
    expect(ids(await as(t.app, s.principalB).get('/api/v1/devices?connected=true&pageSize=200'))).not.toContain(full.id);

    // The same numbers as the monitoring overview and the roll-out tracker for this enterprise.
    const overview = await as(t.app, s.officer).get('/api/v1/monitoring/overview');
    expect(overview.statusCode, overview.body).toBe(200);
    const inOverview = (overview.json().items as { enterpriseId: string }[]).find((i) => i.enterpriseId === c.enterprise.id);
    expect(inOverview).toMatchObject({
      connectedDeviceCount: connected.json().total,
      deviceCount: 5,
      lastDataAt: new Date(minute(3)).toISOString(),
    });
    const rollout = await as(t.app, s.officer).get('/api/v1/monitoring/rollout');
    expect(rollout.statusCode, rollout.body).toBe(200);
    const inRollout = (rollout.json().items as { enterpriseId: string }[]).find((i) => i.enterpriseId === c.enterprise.id);
    expect(inRollout).toMatchObject({ connectedDeviceCount: connected.json().total, deviceCount: 5 });
    const active = await as(t.app, s.officer).get(`/api/v1/devices?enterpriseId=${c.enterprise.id}&status=active`);
    expect(active.json().total).toBe(5);
  });
});
