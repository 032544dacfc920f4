import { schema } from '@zhiben/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, buildTestApp, createTenant, createUser, login, type Session, type TestApp } from './harness.js';
import { dateIn } from './samples/hazard-loop.js';

/** 挂牌 / 摘牌 on the public page: anonymous, rate-limited, and without personal data. */
let t: TestApp;
let officer: Session;
let tenant: Awaited<ReturnType<typeof createTenant>>;
let safety: Session;
let itemId: string;

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const PERSONAL = ['张三丰', '13912345678', '李四光', '赵六一', '13800000099', '测试enterprise', '测试bureau'];
let address = 0;
const anonymous = (url: string, remoteAddress = `10.9.${Math.floor(address / 200)}.${(address++ % 200) + 1}`) =>
  t.app.inject({ method: 'GET', url, remoteAddress });

beforeAll(async () => {
  t = await buildTestApp();
  officer = await login(t.app, (await createUser(t.handle, 'bureau_officer')).username);
  tenant = await createTenant(t);
  await t.handle.db
    .update(schema.enterprises)
    .set({
      derivedSector: 'light_industry',
      riskTags: ['dust_explosion', 'dust_wood'],
      principalName: '赵六一',
      principalPhone: '13800000099',
    })
    .where(eq(schema.enterprises.id, tenant.enterprise.id));
  safety = await login(t.app, tenant.safety.username);
  const checklist = (await as(t.app, safety).get(`/api/v1/enterprises/${tenant.enterprise.id}/checklist`)).json();
  itemId = checklist.items[0].id;
});
afterAll(async () => t?.close());

async function majorHazard(): Promise<{ id: string; photo: string }> {
  const photo = (await as(t.app, safety).post('/api/v1/files', Buffer.concat([PNG, Buffer.from(String(Math.random()))]))).json().hash;
  const h = (
    await as(t.app, safety).post('/api/v1/hazards', {
      description: '员工张三丰（13912345678）反映：砂光机除尘系统未设火花探测',
      location: '砂光车间',
      level: 'major',
      standardItemId: itemId,
      photos: [photo],
    })
  ).json();
  const judged = await as(t.app, officer).post(`/api/v1/hazards/${h.id}/judge`, {
    level: 'major',
    responsibleName: '李四光',
    measures: '加装火花探测',
    fundsFen: 10_000_000,
    deadline: dateIn(30),
    contingencyPlan: '停产',
    majorPlan: {
      goals: '消除隐患',
      methods: '加装装置',
      fundsMaterials: '十万元',
      organization: '李四光负责',
      timeline: '三十日',
      safetyMeasures: '停产警戒',
    },
    productionStopped: true,
  });
  expect(judged.statusCode, judged.body).toBe(200);
  return { id: h.id, photo };
}

async function publicItem(id: string) {
  for (let page = 1; page < 50; page++) {
    const res = await anonymous(`/api/v1/public/hazards?page=${page}&pageSize=100`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const found = body.items.find((x: { id: string }) => x.id === id);
    if (found) return { item: found, raw: res.body };
    if (body.items.length < 100) return { item: undefined, raw: res.body };
  }
  return { item: undefined, raw: '' };
}

describe('public hazard page', () => {
  it('lists a published major hazard to anonymous visitors without personal data', async () => {
    const { id, photo } = await majorHazard();
    expect((await publicItem(id)).item).toBeUndefined();
    // only the bureau publishes; a pending major hazard cannot be published
    const pending = (
      await as(t.app, safety).post('/api/v1/hazards', { description: '待判定', level: 'major', standardItemId: itemId })
    ).json();
    expect((await as(t.app, officer).post(`/api/v1/hazards/${pending.id}/publish`, {})).statusCode).toBe(409);
    const principal = await login(t.app, tenant.principal.username);
    expect((await as(t.app, principal).post(`/api/v1/hazards/${id}/publish`, {})).statusCode).toBe(403);
    await as(t.app, officer).post(`/api/v1/hazards/${id}/supervise`, { supervisingUnit: '上党区安委办', supervisionDeadline: dateIn(20) });
    const published = await as(t.app, officer).post(`/api/v1/hazards/${id}/publish`, { note: '挂牌公布' });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json().publishedAt).toBeTruthy();
    expect((await as(t.app, officer).post(`/api/v1/hazards/${id}/publish`, {})).json()).toMatchObject({ code: 'STATE_CONFLICT' });

    const { item, raw } = await publicItem(id);
    expect(item).toEqual({
      id,
      enterpriseName: tenant.enterprise.name,
      regionName: '韩店街道',
      standardItem: expect.objectContaining({ key: expect.any(String), articleLabel: expect.any(String), text: expect.any(String) }),
      status: 'rectifying',
      statusLabel: '整改中',
      supervisingUnit: '上党区安委办',
      supervisionDeadline: expect.any(String),
      publishedAt: expect.any(String),
      closedAt: null,
      delistedAt: null,
    });
    for (const secret of [...PERSONAL, photo, tenant.enterprise.id, tenant.enterprise.creditCode, '砂光车间'])
      expect(raw).not.toContain(secret);
    expect(raw).not.toMatch(/"(description|photos|responsible\w*|location|note|actor\w*|phone\w*)"/);
  });

  it('announces the closure (摘牌) once the hazard is closed', async () => {
    const { id } = await majorHazard();
    await as(t.app, officer).post(`/api/v1/hazards/${id}/publish`, {});
    expect((await as(t.app, officer).post(`/api/v1/hazards/${id}/unpublish`, {})).json()).toMatchObject({
      code: 'STATE_CONFLICT',
      details: { currentStatus: 'rectifying' },
    });
    const photo = (await as(t.app, safety).post('/api/v1/files', Buffer.concat([PNG, Buffer.from('closure')]))).json().hash;
    await as(t.app, safety).post(`/api/v1/hazards/${id}/submit`, { note: '已加装', photos: [photo] });
    const accepted = await as(t.app, officer).post(`/api/v1/hazards/${id}/accept`, { note: '复查合格', photos: [photo] });
    expect(accepted.json().abilities).toMatchObject({ unpublish: true, publish: false });
    expect((await publicItem(id)).item).toMatchObject({
      status: 'closed',
      statusLabel: '已销号',
      closedAt: expect.any(String),
      delistedAt: null,
    });
    const delisted = await as(t.app, officer).post(`/api/v1/hazards/${id}/unpublish`, { note: '整改完成，摘牌' });
    expect(delisted.statusCode, delisted.body).toBe(200);
    expect(delisted.json()).toMatchObject({ delistedAt: expect.any(String), abilities: { unpublish: false } });
    expect((await publicItem(id)).item).toMatchObject({ statusLabel: '已摘牌', delistedAt: expect.any(String) });
    expect((await as(t.app, officer).post(`/api/v1/hazards/${id}/unpublish`, {})).statusCode).toBe(409);
    const timeline = (await as(t.app, officer).get(`/api/v1/hazards/${id}/timeline`)).json().items.map((e: { action: string }) => e.action);
    expect(timeline).toEqual(['reported', 'judge', 'publish', 'submit', 'accept', 'unpublish']);
  });

  it('never lists general or unpublished hazards, and rate-limits a burst from one address', async () => {
    const ids: string[] = [];
    for (let page = 1; page < 50; page++) {
      const body = (await anonymous(`/api/v1/public/hazards?page=${page}&pageSize=100`)).json();
      ids.push(...body.items.map((x: { id: string }) => x.id));
      if (body.items.length < 100) break;
    }
    const rows = ids.length ? await t.handle.db.select().from(schema.hazards) : [];
    for (const id of ids) {
      const row = rows.find((r) => r.id === id);
      expect(row?.level).toBe('major');
      expect(row?.publishedAt).toBeTruthy();
    }
    const statuses: number[] = [];
    for (let i = 0; i < 65; i++) statuses.push((await anonymous('/api/v1/public/hazards', '10.250.0.1')).statusCode);
    expect(statuses.slice(0, 60).every((s) => s === 200)).toBe(true);
    const limited = await anonymous('/api/v1/public/hazards', '10.250.0.1');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('RATE_LIMITED');
  });
});
