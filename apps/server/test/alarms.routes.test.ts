import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, auditRowsOf, buildTestApp, createTenant, createUser, login, regionByCode, type Session, type TestApp } from './harness.js';
import { fixtureAlarm, uploadPhoto } from './samples/alarms.js';

/** Handling alarms over HTTP: who may acknowledge and dispose, what a 处置报告 needs, scope, list filters. */
let t: TestApp;
let a: Awaited<ReturnType<typeof createTenant>>;
let b: Awaited<ReturnType<typeof createTenant>>;
let s: Record<'principalA' | 'safetyA' | 'staffA' | 'principalB' | 'townshipA' | 'townshipOther' | 'bureau', Session>;

beforeAll(async () => {
  t = await buildTestApp();
  a = await createTenant(t, '140404001');
  b = await createTenant(t, '140404101');
  const townshipA = await createUser(t.handle, 'township_officer', { regionId: (await regionByCode(t.handle, '140404001')).id });
  const townshipOther = await createUser(t.handle, 'township_officer', { regionId: (await regionByCode(t.handle, '140404101')).id });
  const bureau = await createUser(t.handle, 'bureau_officer');
  s = {
    principalA: await login(t.app, a.principal.username),
    safetyA: await login(t.app, a.safety.username),
    staffA: await login(t.app, a.staff.username),
    principalB: await login(t.app, b.principal.username),
    townshipA: await login(t.app, townshipA.username),
    townshipOther: await login(t.app, townshipOther.username),
    bureau: await login(t.app, bureau.username),
  };
});
afterAll(async () => t?.close());

const report = async (session: Session) => ({
  cause: '卸灰阀卡滞导致灰斗积灰',
  action: '停机清理积灰，更换卸灰阀电机',
  photos: [await uploadPhoto({ t }, session)],
});

describe('acknowledge and dispose', () => {
  it('lets the enterprise acknowledge (once), records who and when, and writes one audit row', async () => {
    const { alarm } = await fixtureAlarm({ t }, a);
    const res = await as(t.app, s.safetyA).post(`/api/v1/alarms/${alarm.id}/ack`, { note: '已安排值班电工到场' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'acknowledged',
      displayStatus: 'acknowledged',
      acknowledgedBy: a.safety.id,
      acknowledgedByName: expect.any(String),
      abilities: { acknowledge: false, dispose: true },
    });
    const [audit] = await auditRowsOf(t.handle, res.headers['x-request-id']);
    expect(audit).toMatchObject({ action: 'alarms.acknowledged', entityType: 'alarm', entityId: alarm.id, enterpriseId: a.enterprise.id });
    const again = await as(t.app, s.safetyA).post(`/api/v1/alarms/${alarm.id}/ack`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('STATE_CONFLICT');
  });

  it('refuses staff (403), hides other enterprises and regions (404), and lets the township read but not handle', async () => {
    const { alarm } = await fixtureAlarm({ t }, a);
    expect((await as(t.app, s.staffA).post(`/api/v1/alarms/${alarm.id}/ack`, {})).statusCode).toBe(403);
    expect((await as(t.app, s.staffA).get(`/api/v1/alarms/${alarm.id}`)).statusCode).toBe(200);
    for (const outsider of [s.principalB]) {
      expect((await as(t.app, outsider).get(`/api/v1/alarms/${alarm.id}`)).statusCode).toBe(404);
      expect((await as(t.app, outsider).post(`/api/v1/alarms/${alarm.id}/ack`, {})).statusCode).toBe(404);
      expect((await as(t.app, outsider).post(`/api/v1/alarms/${alarm.id}/dispose`, await report(outsider))).statusCode).toBe(404);
    }
    expect((await as(t.app, s.townshipOther).get(`/api/v1/alarms/${alarm.id}`)).statusCode).toBe(404);
    expect((await as(t.app, s.townshipA).get(`/api/v1/alarms/${alarm.id}`)).json()).toMatchObject({
      id: alarm.id,
      abilities: { acknowledge: false, dispose: false },
    });
    expect((await as(t.app, s.townshipA).post(`/api/v1/alarms/${alarm.id}/ack`, {})).statusCode).toBe(403);
  });

  it('requires cause, action and at least one photo of the enterprise for a 处置报告', async () => {
    const { alarm } = await fixtureAlarm({ t }, a);
    const url = `/api/v1/alarms/${alarm.id}/dispose`;
    const good = await report(s.safetyA);
    for (const bad of [
      { ...good, photos: [] },
      { ...good, cause: '' },
      { action: good.action, photos: good.photos },
      { ...good, photos: ['0'.repeat(64)] },
      // A photo uploaded by another enterprise cannot be used.
      { ...good, photos: [await uploadPhoto({ t }, s.principalB)] },
    ]) {
      const res = await as(t.app, s.safetyA).post(url, bad);
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
    }
    const res = await as(t.app, s.safetyA).post(url, good);
    expect(res.statusCode, res.body).toBe(200);
    // Filed on a pending alarm whose condition still holds: acknowledged too, and 已处置 until it clears.
    expect(res.json()).toMatchObject({
      status: 'disposed',
      acknowledgedBy: a.safety.id,
      disposal: { cause: good.cause, action: good.action, photos: good.photos, disposedBy: a.safety.id },
      closedAt: null,
    });
    expect((await as(t.app, s.safetyA).post(url, good)).statusCode).toBe(409);
    const detail = (await as(t.app, s.principalA).get(`/api/v1/alarms/${alarm.id}`)).json();
    expect(detail.timeline.map((e: { action: string }) => e.action)).toEqual(['acknowledged', 'disposed']);
  });

  it('closes at once an alarm whose condition had already cleared (已恢复未处置)', async () => {
    const cleared = new Date(Date.now() - 60_000);
    const { alarm } = await fixtureAlarm({ t }, a, { clearedAt: cleared });
    expect((await as(t.app, s.principalA).get(`/api/v1/alarms/${alarm.id}`)).json().displayStatus).toBe('recovered');
    const res = await as(t.app, s.principalA).post(`/api/v1/alarms/${alarm.id}/dispose`, await report(s.principalA));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'closed', displayStatus: 'closed', closedAt: expect.any(String) });
  });
});

describe('GET /api/v1/alarms', () => {
  it('lists alarms in scope as {items,total} with filters by status, level, kind, enterprise and device', async () => {
    const red = await fixtureAlarm({ t }, a);
    const recovered = await fixtureAlarm({ t }, a, { level: 'yellow', maxLevel: 'yellow', clearedAt: new Date() });
    const quality = await fixtureAlarm({ t }, a, {
      ruleId: 'hopper_temp.impossible',
      kind: 'data_quality',
      level: 'blue',
      maxLevel: 'blue',
    });
    const other = await fixtureAlarm({ t }, b);
    const ids = async (session: Session, query: string) => {
      const res = await as(t.app, session).get(`/api/v1/alarms?pageSize=200&${query}`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as { items: { id: string }[]; total: number };
      expect(body.total).toBeGreaterThanOrEqual(body.items.length);
      return body.items.map((i) => i.id);
    };
    const mine = await ids(s.principalA, `enterpriseId=${a.enterprise.id}`);
    expect(mine).toEqual(expect.arrayContaining([red.alarm.id, recovered.alarm.id, quality.alarm.id]));
    expect(mine).not.toContain(other.alarm.id);
    // An enterprise never sees another's alarms, whatever it asks for.
    expect(await ids(s.principalA, `enterpriseId=${b.enterprise.id}`)).toEqual([]);
    expect(await ids(s.principalA, 'status=recovered')).toContain(recovered.alarm.id);
    expect(await ids(s.principalA, 'status=recovered')).not.toContain(red.alarm.id);
    expect(await ids(s.principalA, `status=pending&deviceId=${red.device.id}`)).toEqual([red.alarm.id]);
    expect(await ids(s.principalA, `kind=data_quality&deviceId=${quality.device.id}`)).toEqual([quality.alarm.id]);
    expect(await ids(s.principalA, `level=yellow,blue&enterpriseId=${a.enterprise.id}`)).toEqual(
      expect.arrayContaining([recovered.alarm.id, quality.alarm.id]),
    );
    expect(await ids(s.principalA, `level=red&deviceId=${recovered.device.id}`)).toEqual([]);
    expect(await ids(s.bureau, `deviceId=${other.device.id}`)).toEqual([other.alarm.id]);
    expect(await ids(s.townshipA, `deviceId=${other.device.id}`)).toEqual([]);
    const paged = (await as(t.app, s.principalA).get(`/api/v1/alarms?pageSize=1&enterpriseId=${a.enterprise.id}`)).json();
    expect(paged.items).toHaveLength(1);
    expect(paged.total).toBeGreaterThanOrEqual(3);
    expect((await as(t.app, s.principalA).get('/api/v1/alarms?level=purple')).statusCode).toBe(400);
    expect((await as(t.app, s.principalA).get('/api/v1/alarms?sort=-nonsense')).statusCode).toBe(400);
  });
});

describe('GET /api/v1/alarms?from=&to= (报警时间)', () => {
  it('keeps the alarms raised in [from, to), alone or with other filters, and refuses an empty or reversed range', async () => {
    const c = await createTenant(t, '140404001');
    const principalC = await login(t.app, c.principal.username);
    const from = '2025-03-01T00:00:00+08:00';
    const to = '2025-03-08T00:00:00+08:00';
    const at = (iso: string) => ({ raisedAt: new Date(iso), firstAt: new Date(iso), lastAt: new Date(iso) });
    const before = await fixtureAlarm({ t }, c, at('2025-02-28T15:59:59.999Z'));
    const atFrom = await fixtureAlarm({ t }, c, at('2025-02-28T16:00:00.000Z'));
    const inside = await fixtureAlarm({ t }, c, { ...at('2025-03-04T09:30:00Z'), level: 'yellow', maxLevel: 'yellow' });
    const lastMs = await fixtureAlarm({ t }, c, at('2025-03-07T15:59:59.999Z'));
    const atTo = await fixtureAlarm({ t }, c, at('2025-03-07T16:00:00.000Z'));
    const recent = await fixtureAlarm({ t }, c);
    const list = async (session: Session, query: string) => {
      const res = await as(t.app, session).get(`/api/v1/alarms?pageSize=200&enterpriseId=${c.enterprise.id}&${query}`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as { items: { id: string; raisedAt: string }[]; total: number };
      expect(body.total).toBe(body.items.length);
      return new Set(body.items.map((i) => i.id));
    };
    const q = (params: Record<string, string>) => new URLSearchParams(params).toString();
    expect(await list(principalC, q({ from, to }))).toEqual(new Set([atFrom.alarm.id, inside.alarm.id, lastMs.alarm.id]));
    // The same instants written in UTC.
    expect(await list(s.bureau, q({ from: '2025-02-28T16:00:00Z', to: '2025-03-07T16:00:00Z' }))).toEqual(
      new Set([atFrom.alarm.id, inside.alarm.id, lastMs.alarm.id]),
    );
    expect(await list(principalC, q({ from }))).toEqual(
      new Set([atFrom.alarm.id, inside.alarm.id, lastMs.alarm.id, atTo.alarm.id, recent.alarm.id]),
    );
    expect(await list(principalC, q({ to }))).toEqual(new Set([before.alarm.id, atFrom.alarm.id, inside.alarm.id, lastMs.alarm.id]));
    expect(await list(principalC, q({ from, to, level: 'yellow' }))).toEqual(new Set([inside.alarm.id]));
    // Another enterprise asking for the same window sees none of them.
    expect(await list(s.principalB, q({ from, to }))).toEqual(new Set());

    for (const bad of [
      { from, to: from },
      { from: to, to: from },
      { from: '2025-03-01', to },
      { from, to: 'yesterday' },
    ]) {
      const res = await as(t.app, principalC).get(`/api/v1/alarms?${q(bad)}`);
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
      expect(res.json().details.issues[0].message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect((await as(t.app, principalC).get(`/api/v1/alarms?${q({ from, to: from })}`)).json().message).toBe('结束时间应晚于开始时间');
  });
});
