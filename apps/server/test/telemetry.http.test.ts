import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, auditRowsOf, buildTestApp, createTenant, createUser, login, type Session, type TestApp } from './harness.js';
import { deviceAuth, deviceCode, registerDevice } from './samples/monitoring.js';
import { countersOf, readingCount, readingsOf } from './telemetry.helpers.js';

let t: TestApp;
let tenant: Awaited<ReturnType<typeof createTenant>>;
let principal: Session;
let dev: { id: string; code: string; creditCode: string };
let secret: string;

beforeAll(async () => {
  t = await buildTestApp();
  tenant = await createTenant(t);
  principal = await login(t.app, tenant.principal.username);
  const registered = await registerDevice({ t }, principal, {
    code: deviceCode('H'),
    name: '1号砂光布袋除尘器',
    collectorType: 'dry',
    optionalSignals: ['fan_running'],
  });
  dev = registered.device;
  secret = registered.secret;
});
afterAll(async () => t?.close());

const post = (payload: unknown, headers: Record<string, string> = deviceAuth(dev.creditCode, dev.code, secret)) =>
  t.app.inject({ method: 'POST', url: '/api/v1/telemetry', headers, payload: payload as object });

describe('POST /api/v1/telemetry', () => {
  it('stores the readings of a device-authenticated request (no session, no CSRF) and answers after they are committed', async () => {
    const ts = Date.now() - 2_000;
    const res = await post([
      { ts, values: { hopper_temp: 41.2, diff_pressure: 980, airlock_fault: 0, fan_running: true } },
      { ts: new Date(ts + 1_000).toISOString(), values: { hopper_temp: 41.4 } },
    ]);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ accepted: 5, duplicates: 0, rejected: [], rejectedTotal: 0 });
    // The 200 has been sent: the rows are there.
    expect(await readingsOf(t.handle, dev.id)).toEqual([
      { signal: 'airlock_fault', ts, value: 0 },
      { signal: 'diff_pressure', ts, value: 980 },
      { signal: 'fan_running', ts, value: 1 },
      { signal: 'hopper_temp', ts, value: 41.2 },
      { signal: 'hopper_temp', ts: ts + 1_000, value: 41.4 },
    ]);
    // Machine data writes no audit row.
    expect(await auditRowsOf(t.handle, res.headers['x-request-id'])).toHaveLength(0);
  });

  it('answers duplicates and each rejected reading with its reason', async () => {
    const ts = Date.now() - 10_000;
    expect((await post({ ts, values: { hopper_temp: 30 } })).json()).toMatchObject({ accepted: 1 });
    const res = await post([
      { ts, values: { hopper_temp: 30, water_flow: 3 } },
      { ts: Date.now() + 3_600_000, values: { diff_pressure: 1 } },
      { ts: ts + 1, values: { diff_pressure: 'x' } },
    ]);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      accepted: 0,
      duplicates: 1,
      rejectedTotal: 3,
      rejected: [
        { reason: 'unknown_signal', index: 0, signal: 'water_flow' },
        { reason: 'ts_out_of_range', index: 1, signal: 'diff_pressure' },
        { reason: 'bad_payload', index: 2, signal: 'diff_pressure' },
      ],
    });
  });

  it('refuses a missing or wrong token with 401 and counts the wrong secret against the device', async () => {
    const before = (await countersOf(t.handle, dev.id)).bad_credentials ?? 0;
    const body = { ts: Date.now() - 1_000, values: { hopper_temp: 1 } };
    const attempts: Record<string, string>[] = [
      {},
      { authorization: `Bearer ${dev.creditCode}/${dev.code}:not-the-secret` },
      { authorization: `Bearer ${dev.creditCode}/${dev.code}` },
      { authorization: `Basic ${Buffer.from(`${dev.creditCode}/${dev.code}:${secret}`).toString('base64')}` },
      { authorization: `Bearer ${dev.creditCode}/NO-SUCH-DEVICE:${secret}` },
    ];
    for (const headers of attempts) {
      const res = await post(body, headers);
      expect(res.statusCode, JSON.stringify(headers)).toBe(401);
      expect(res.json().code).toBe('DEVICE_AUTH_FAILED');
    }
    // A session is no substitute for the device token.
    const session = await login(t.app, tenant.principal.username);
    const withSession = await as(t.app, session).post('/api/v1/telemetry', body);
    expect(withSession.statusCode).toBe(401);
    expect((await countersOf(t.handle, dev.id)).bad_credentials).toBe(before + 1);
  });

  it('answers 400 to an envelope it cannot read and counts it against the device', async () => {
    const before = (await countersOf(t.handle, dev.id)).bad_payload ?? 0;
    const cases: [unknown, { path: (string | number)[]; message: string }][] = [
      [{ values: { hopper_temp: 1 } }, { path: ['body', 'ts'], message: 'ts 应为毫秒时间戳（非负整数）或带时区的 ISO 时间' }],
      [[], { path: ['body'], message: '数组不能为空' }],
      [
        { ts: '29/11/2026', values: { hopper_temp: 1 } },
        { path: ['body', 'ts'], message: 'ts 应为带时区的 ISO 时间或毫秒时间戳' },
      ],
      [
        [
          { ts: Date.now(), values: { hopper_temp: 1 } },
          { ts: -5, values: { hopper_temp: 1 } },
        ],
        { path: ['body', 1, 'ts'], message: 'ts 不能为负数' },
      ],
    ];
    for (const [payload, issue] of cases) {
      const res = await post(payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      // The field and what is wrong with it, not only that neither the object nor the array form matched.
      expect(res.json(), JSON.stringify(payload)).toMatchObject({ code: 'VALIDATION_FAILED', details: { issues: [issue] } });
    }
    const malformed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/telemetry',
      headers: { ...deviceAuth(dev.creditCode, dev.code, secret), 'content-type': 'application/json' },
      payload: '{"ts":',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe('MALFORMED_JSON');
    expect((await countersOf(t.handle, dev.id)).bad_payload).toBe(before + 4);
  });

  it('stops accepting a disabled device and a rotated secret at once', async () => {
    const { device, secret: first } = await registerDevice({ t }, principal, {
      code: deviceCode('R'),
      name: '2号开料除尘器',
      collectorType: 'dry',
    });
    const auth = (s: string) => deviceAuth(device.creditCode, device.code, s);
    const body = () => ({ ts: Date.now() - 500, values: { hopper_temp: 20 } });
    expect((await post(body(), auth(first))).statusCode).toBe(200);
    const rotated = await as(t.app, principal).post(`/api/v1/devices/${device.id}/rotate-secret`);
    const second = rotated.json().secret as string;
    expect(second).not.toBe(first);
    expect((await post(body(), auth(first))).statusCode).toBe(401);
    expect((await post(body(), auth(second))).statusCode).toBe(200);
    expect((await as(t.app, principal).patch(`/api/v1/devices/${device.id}`, { status: 'disabled' })).statusCode).toBe(200);
    expect((await post(body(), auth(second))).statusCode).toBe(401);
    expect((await countersOf(t.handle, device.id)).unknown_device).toBe(1);
    expect(await readingCount(t.handle, device.id)).toBe(2);
  });
});

describe('ingestion statistics', () => {
  it('lists the counters within the caller scope: an enterprise sees its own, the bureau everything', async () => {
    const own = await as(t.app, principal).get('/api/v1/telemetry/stats');
    expect(own.statusCode).toBe(200);
    const body = own.json() as { totals: Record<string, number>; items: { deviceId: string | null; enterpriseId: string | null }[] };
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.items.every((i) => i.enterpriseId === tenant.enterprise.id)).toBe(true);
    expect(body.totals.accepted).toBeGreaterThanOrEqual(7);

    const outsider = await createTenant(t, '140404101');
    const theirs = await as(t.app, await login(t.app, outsider.principal.username)).get(`/api/v1/telemetry/stats?deviceId=${dev.id}`);
    expect(theirs.json().items).toEqual([]);

    const admin = await login(t.app, (await createUser(t.handle, 'bureau_admin')).username);
    const all = await as(t.app, admin).get(`/api/v1/telemetry/stats?deviceId=${dev.id}`);
    expect(all.json().items.length).toBeGreaterThan(0);
    const pipeline = await as(t.app, admin).get('/api/v1/telemetry/pipeline');
    expect(pipeline.json().batches).toBeGreaterThan(0);
    expect((await as(t.app, principal).get('/api/v1/telemetry/pipeline')).statusCode).toBe(403);
  });
});
