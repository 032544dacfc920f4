import { schema } from '@zhiben/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, auditRowsOf, buildTestApp, createTenant, createUser, login, regionByCode, type Session, type TestApp } from './harness.js';
import { dateIn } from './samples/hazard-loop.js';

/** The closed loop end to end through the API: report → judge (五落实) → rectify → accept, with its rules. */
let t: TestApp;
let officer: Session;
let township: Session;

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
let pngSerial = 0;
const uniquePng = () => Buffer.concat([PNG, Buffer.from(`hazard-loop-${pngSerial++}-${Math.random()}`)]);

beforeAll(async () => {
  t = await buildTestApp();
  const officerUser = await createUser(t.handle, 'bureau_officer');
  officer = await login(t.app, officerUser.username);
  const hd = await regionByCode(t.handle, '140404001');
  township = await login(t.app, (await createUser(t.handle, 'township_officer', { regionId: hd.id })).username);
});
afterAll(async () => t?.close());

/** A wood-products firm (粉尘涉爆) with its three enterprise accounts logged in, and its checklist. */
async function firm(regionCode = '140404001') {
  const tenant = await createTenant(t, regionCode);
  await t.handle.db
    .update(schema.enterprises)
    .set({ derivedSector: 'light_industry', riskTags: ['dust_explosion', 'dust_wood'], dustWorkers: 40 })
    .where(eq(schema.enterprises.id, tenant.enterprise.id));
  const principal = await login(t.app, tenant.principal.username);
  const safety = await login(t.app, tenant.safety.username);
  const staff = await login(t.app, tenant.staff.username);
  const checklist = (await as(t.app, principal).get(`/api/v1/enterprises/${tenant.enterprise.id}/checklist`)).json();
  const item = checklist.items.find((i: { key: string }) => i.key === '11-8') ?? checklist.items[0];
  return {
    enterprise: tenant.enterprise,
    users: { principal: tenant.principal, safety: tenant.safety, staff: tenant.staff },
    principal,
    safety,
    staff,
    itemId: item.id as string,
    item,
  };
}

const upload = async (session: Session) => (await as(t.app, session).post('/api/v1/files', uniquePng())).json().hash as string;

const MAJOR_PLAN = {
  goals: '消除除尘系统粉尘爆炸隐患',
  methods: '加装火花探测自动报警和隔爆装置',
  fundsMaterials: '安全费用列支 28 万元',
  organization: '总经理任组长，设备部负责实施',
  timeline: '30 日内完成',
  safetyMeasures: '砂光工序停产，设警戒区，配备灭火器材',
};

async function notificationsOf(userId: string) {
  return t.handle.db.select().from(schema.notifications).where(eq(schema.notifications.userId, userId));
}

describe('general hazard: the enterprise closes its own loop', () => {
  it('staff reports → safety manager judges with 五落实 → staff submits with photos → principal accepts; timeline and audit follow', async () => {
    const f = await firm();
    const reported = await as(t.app, f.staff).post('/api/v1/hazards', {
      description: '二号车间配电箱门未关闭，接线端子裸露',
      location: '二号车间',
      photos: [await upload(f.staff)],
    });
    expect(reported.statusCode, reported.body).toBe(200);
    const hazard = reported.json();
    expect(hazard).toMatchObject({
      status: 'pending_judgement',
      level: 'general',
      source: 'self_inspection',
      overdue: false,
      supervised: false,
    });
    expect(hazard.abilities).toMatchObject({ judge: false, submit: false });
    expect((await auditRowsOf(t.handle, reported.headers['x-request-id']))[0]?.action).toBe('hazards.reported');
    // the managers, who may judge it, are told
    expect((await notificationsOf(f.safety.userId)).map((n) => n.entityId)).toContain(hazard.id);

    const asSafety = (await as(t.app, f.safety).get(`/api/v1/hazards/${hazard.id}`)).json();
    expect(asSafety.abilities).toMatchObject({ judge: true, dismiss: true, accept: false, supervise: false });
    const judged = await as(t.app, f.safety).post(`/api/v1/hazards/${hazard.id}/judge`, {
      level: 'general',
      responsibleUserId: f.staff.userId,
      measures: '配电箱加锁，裸露端子加装绝缘护套',
      fundsFen: 35_000,
      deadline: dateIn(7),
      contingencyPlan: '整改前断电挂牌',
      note: '一般隐患，限期 7 天',
    });
    expect(judged.statusCode, judged.body).toBe(200);
    expect(judged.json()).toMatchObject({
      status: 'rectifying',
      responsibleUserId: f.staff.userId,
      responsibleName: '测试enterprise_staff',
      measures: '配电箱加锁，裸露端子加装绝缘护套',
      fundsFen: 35_000,
      contingencyPlan: '整改前断电挂牌',
    });
    expect(judged.json().deadline).toBe(new Date(`${dateIn(7)}T23:59:59.999+08:00`).toISOString());
    // the responsible person is told
    expect((await notificationsOf(f.staff.userId)).some((n) => n.entityId === hazard.id && n.kind === 'hazard.rectifying')).toBe(true);

    const staffView = (await as(t.app, f.staff).get(`/api/v1/hazards/${hazard.id}`)).json();
    expect(staffView.abilities).toMatchObject({ submit: true, judge: false, accept: false, assign: false });
    const noPhoto = await as(t.app, f.staff).post(`/api/v1/hazards/${hazard.id}/submit`, { note: '已整改', photos: [] });
    expect(noPhoto.statusCode).toBe(400);
    const submitted = await as(t.app, f.staff).post(`/api/v1/hazards/${hazard.id}/submit`, {
      note: '已加锁并加装护套',
      photos: [await upload(f.staff)],
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json().status).toBe('pending_acceptance');
    expect(
      (await notificationsOf(f.users.principal.id)).some((n) => n.entityId === hazard.id && n.kind === 'hazard.pending_acceptance'),
    ).toBe(true);
    // the safety manager may not accept a general hazard; the principal may
    expect((await as(t.app, f.safety).post(`/api/v1/hazards/${hazard.id}/accept`, { note: '合格' })).statusCode).toBe(403);
    const rejected = await as(t.app, f.principal).post(`/api/v1/hazards/${hazard.id}/reject`, { note: '护套未固定，退回' });
    expect(rejected.json().status).toBe('rectifying');
    await as(t.app, f.staff).post(`/api/v1/hazards/${hazard.id}/submit`, { note: '护套已固定', photos: [await upload(f.staff)] });
    const accepted = await as(t.app, f.principal).post(`/api/v1/hazards/${hazard.id}/accept`, { note: '验收合格' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'closed', dismissed: false });
    expect(accepted.json().closedAt).toBeTruthy();
    expect((await auditRowsOf(t.handle, accepted.headers['x-request-id']))[0]).toMatchObject({
      action: 'hazards.accepted',
      before: expect.objectContaining({ status: 'pending_acceptance' }),
      after: expect.objectContaining({ status: 'closed' }),
    });

    const timeline = (await as(t.app, f.principal).get(`/api/v1/hazards/${hazard.id}/timeline`)).json().items;
    expect(timeline.map((e: { action: string }) => e.action)).toEqual(['reported', 'judge', 'submit', 'reject', 'submit', 'accept']);
    expect(timeline.map((e: { actorName: string }) => e.actorName)).toEqual([
      '测试enterprise_staff',
      '测试enterprise_safety_manager',
      '测试enterprise_staff',
      '测试enterprise_principal',
      '测试enterprise_staff',
      '测试enterprise_principal',
    ]);
    expect(timeline[2]).toMatchObject({ fromStatus: 'rectifying', toStatus: 'pending_acceptance', note: '已加锁并加装护套' });
    expect(timeline[2].photos).toHaveLength(1);
    expect(timeline[3].note).toBe('护套未固定，退回');
    const times = timeline.map((e: { at: string }) => e.at);
    expect([...times].sort()).toEqual(times);
  });

  it('dismisses a non-hazard with a reason and counts it as dismissed', async () => {
    const f = await firm();
    const h = (await as(t.app, f.safety).post('/api/v1/hazards', { description: '疑似油品泄漏' })).json();
    expect((await as(t.app, f.safety).post(`/api/v1/hazards/${h.id}/dismiss`, { note: '' })).statusCode).toBe(400);
    const res = await as(t.app, f.safety).post(`/api/v1/hazards/${h.id}/dismiss`, { note: '为设备检修临时接油盘，不构成隐患' });
    expect(res.json()).toMatchObject({ status: 'closed', dismissed: true });
  });
});

describe('major hazard: the bureau judges and accepts', () => {
  it('an enterprise cannot close its own major hazard; bureau acceptance with photos closes it', async () => {
    const f = await firm();
    const officerId = officer.userId;
    const reported = await as(t.app, f.safety).post('/api/v1/hazards', {
      description: '砂光机除尘系统未设置火花探测自动报警',
      level: 'major',
      standardItemId: f.itemId,
      photos: [await upload(f.safety)],
    });
    expect(reported.statusCode, reported.body).toBe(200);
    const id = reported.json().id;
    expect(reported.json().standardItem.key).toBe(f.item.key);
    // the bureau is told that a major hazard awaits its judgement
    expect((await notificationsOf(officerId)).some((n) => n.entityId === id && n.kind === 'hazard.pending_judgement')).toBe(true);

    const plan = {
      level: 'major',
      responsibleName: '李厂长',
      measures: '加装火花探测与熄灭装置',
      fundsFen: 28_000_000,
      deadline: dateIn(30),
      contingencyPlan: '砂光工序停产，配备灭火器材',
      majorPlan: MAJOR_PLAN,
      productionStopped: true,
    };
    // enterprise managers cannot judge (or downgrade) it
    for (const s of [f.principal, f.safety]) {
      expect((await as(t.app, s).post(`/api/v1/hazards/${id}/judge`, plan)).statusCode).toBe(403);
      expect((await as(t.app, s).post(`/api/v1/hazards/${id}/judge`, { ...plan, level: 'general' })).statusCode).toBe(403);
      expect((await as(t.app, s).post(`/api/v1/hazards/${id}/dismiss`, { note: '不是隐患' })).statusCode).toBe(403);
    }
    // a major judgement needs the six-part plan
    const { majorPlan: _plan, ...withoutPlan } = plan;
    expect((await as(t.app, officer).post(`/api/v1/hazards/${id}/judge`, withoutPlan)).statusCode).toBe(400);
    const judged = await as(t.app, officer).post(`/api/v1/hazards/${id}/judge`, plan);
    expect(judged.statusCode, judged.body).toBe(200);
    expect(judged.json()).toMatchObject({
      status: 'rectifying',
      level: 'major',
      productionStopped: true,
      majorPlan: MAJOR_PLAN,
      responsibleName: '李厂长',
    });

    // the enterprise adjusts 五落实 but not the major hazard's deadline
    const adjusted = await as(t.app, f.safety).post(`/api/v1/hazards/${id}/assign`, {
      responsibleUserId: f.safety.userId,
      fundsFen: 30_000_000,
    });
    expect(adjusted.json()).toMatchObject({ responsibleUserId: f.safety.userId, fundsFen: 30_000_000 });
    expect((await as(t.app, f.principal).post(`/api/v1/hazards/${id}/assign`, { deadline: dateIn(90) })).statusCode).toBe(403);

    const submitted = await as(t.app, f.staff).post(`/api/v1/hazards/${id}/submit`, {
      note: '已加装火花探测',
      photos: [await upload(f.staff)],
    });
    expect(submitted.json().status).toBe('pending_acceptance');
    expect((await notificationsOf(officerId)).some((n) => n.entityId === id && n.kind === 'hazard.pending_acceptance')).toBe(true);
    // the principal cannot close it
    const byPrincipal = await as(t.app, f.principal).post(`/api/v1/hazards/${id}/accept`, {
      note: '自行验收',
      photos: [await upload(f.principal)],
    });
    expect(byPrincipal.statusCode).toBe(403);
    expect((await as(t.app, f.principal).get(`/api/v1/hazards/${id}`)).json().abilities.accept).toBe(false);
    // the bureau's 复查验收 needs photos
    const noPhotos = await as(t.app, officer).post(`/api/v1/hazards/${id}/accept`, { note: '复查合格' });
    expect(noPhotos.statusCode).toBe(400);
    expect(await auditRowsOf(t.handle, noPhotos.headers['x-request-id'])).toHaveLength(0);
    const accepted = await as(t.app, officer).post(`/api/v1/hazards/${id}/accept`, {
      note: '复查验收合格',
      photos: [await upload(officer)],
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json().status).toBe('closed');
    const [row] = await t.handle.db.select().from(schema.hazards).where(eq(schema.hazards.id, id));
    expect(row?.closedAt).toBeTruthy();
  });

  it('lets only the bureau raise a general hazard to major, and lets the bureau confirm a major one as general', async () => {
    const f = await firm();
    const general = (await as(t.app, f.safety).post('/api/v1/hazards', { description: '除尘器泄爆口朝向人员通道' })).json();
    const asMajor = {
      level: 'major',
      standardItemId: f.itemId,
      responsibleName: '李厂长',
      measures: '泄爆口改向',
      fundsFen: 1_000_000,
      deadline: dateIn(20),
      contingencyPlan: '停用除尘器',
      majorPlan: MAJOR_PLAN,
      productionStopped: false,
    };
    expect((await as(t.app, f.safety).post(`/api/v1/hazards/${general.id}/judge`, asMajor)).statusCode).toBe(403);
    expect((await as(t.app, officer).post(`/api/v1/hazards/${general.id}/judge`, asMajor)).json().level).toBe('major');

    const major = (
      await as(t.app, f.safety).post('/api/v1/hazards', { description: '疑似重大隐患', level: 'major', standardItemId: f.itemId })
    ).json();
    const asGeneral = await as(t.app, officer).post(`/api/v1/hazards/${major.id}/judge`, {
      level: 'general',
      responsibleName: '王班长',
      measures: '清理积尘',
      fundsFen: 0,
      deadline: dateIn(3),
    });
    expect(asGeneral.statusCode, asGeneral.body).toBe(200);
    expect(asGeneral.json()).toMatchObject({ level: 'general', majorPlan: null, productionStopped: false });
  });

  it('supervises (挂牌督办) major hazards only, as an overlay', async () => {
    const f = await firm();
    const major = (
      await as(t.app, f.safety).post('/api/v1/hazards', { description: '未设置火花探测', level: 'major', standardItemId: f.itemId })
    ).json();
    const body = { supervisingUnit: '上党区安全生产委员会办公室', supervisionDeadline: dateIn(20), note: '挂牌督办' };
    expect((await as(t.app, f.principal).post(`/api/v1/hazards/${major.id}/supervise`, body)).statusCode).toBe(403);
    const res = await as(t.app, officer).post(`/api/v1/hazards/${major.id}/supervise`, body);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'pending_judgement', supervised: true, supervisingUnit: '上党区安全生产委员会办公室' });
    expect((await notificationsOf(f.users.principal.id)).some((n) => n.entityId === major.id && n.kind === 'hazard.supervised')).toBe(true);
    const general = (await as(t.app, f.safety).post('/api/v1/hazards', { description: '一般问题' })).json();
    expect((await as(t.app, officer).post(`/api/v1/hazards/${general.id}/supervise`, body)).statusCode).toBe(403);
    expect(
      (await as(t.app, officer).post(`/api/v1/hazards/${major.id}/supervise`, { ...body, supervisionDeadline: '2020-01-01' })).statusCode,
    ).toBe(400);
  });
});

describe('reporting rules', () => {
  it('validates the standard item, the source, the enterprise and the photos', async () => {
    const f = await firm();
    const other = await firm('140404101');
    const post = (s: Session, body: unknown) => as(t.app, s).post('/api/v1/hazards', body);
    // major needs a standard item, and it must be on this enterprise's current checklist
    expect((await post(f.safety, { description: '重大隐患', level: 'major' })).statusCode).toBe(400);
    const all = (await as(t.app, officer).get('/api/v1/hazard-standard/items?pageSize=200')).json().items as { id: string; key: string }[];
    const checklist = (await as(t.app, f.principal).get(`/api/v1/enterprises/${f.enterprise.id}/checklist`)).json().items as {
      key: string;
    }[];
    const foreign = all.find((i) => !checklist.some((c) => c.key === i.key));
    const bad = await post(f.safety, { description: '重大隐患', level: 'major', standardItemId: foreign?.id });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.issues[0].path).toEqual(['body', 'standardItemId']);
    // enterprise users cannot claim a bureau source; the bureau must name an enterprise in scope
    expect((await post(f.staff, { description: '车间照明灯具破损', source: 'bureau_inspection' })).statusCode).toBe(400);
    expect((await post(officer, { description: '执法检查发现问题' })).statusCode).toBe(400);
    const byBureau = await post(officer, {
      enterpriseId: f.enterprise.id,
      description: '执法检查发现安全出口锁闭',
      source: 'bureau_inspection',
    });
    expect(byBureau.statusCode, byBureau.body).toBe(200);
    expect(byBureau.json().source).toBe('bureau_inspection');
    expect(
      (await post(township, { enterpriseId: f.enterprise.id, description: '线上巡查发现监控离线', source: 'online_patrol' })).statusCode,
    ).toBe(200);
    expect((await post(township, { enterpriseId: other.enterprise.id, description: '辖区外企业' })).statusCode).toBe(404);
    // enterprise users report on their own enterprise only
    expect((await post(f.staff, { enterpriseId: other.enterprise.id, description: '别家企业的问题' })).statusCode).toBe(404);
    // photos of another enterprise are not usable
    const foreignPhoto = await upload(other.staff);
    expect((await post(f.staff, { description: '照片不是本企业的', photos: [foreignPhoto] })).statusCode).toBe(400);
  });

  it('takes an item of an earlier standard version as the same item of the current version', async () => {
    const f = await firm();
    const fresh = (await as(t.app, f.principal).get(`/api/v1/enterprises/${f.enterprise.id}/checklist`)).json().items[0];
    const edit = await as(t.app, officer).patch(`/api/v1/hazard-standard/items/${fresh.id}`, {
      keywords: ['隐患闭环测试'],
      note: '测试修订',
    });
    expect(edit.statusCode, edit.body).toBe(200);
    const res = await as(t.app, f.safety).post('/api/v1/hazards', {
      description: '按旧版本条款上报',
      level: 'major',
      standardItemId: fresh.id,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().standardItem.key).toBe(fresh.key);
    expect(res.json().standardItem.id).not.toBe(fresh.id);
  });

  it('checks the responsible person and the deadline when judging', async () => {
    const f = await firm();
    const other = await firm('140404101');
    const h = (await as(t.app, f.safety).post('/api/v1/hazards', { description: '灭火器压力不足' })).json();
    const judge = (body: Record<string, unknown>) =>
      as(t.app, f.safety).post(`/api/v1/hazards/${h.id}/judge`, {
        level: 'general',
        measures: '更换灭火器',
        fundsFen: 20_000,
        deadline: dateIn(5),
        ...body,
      });
    expect((await judge({})).statusCode).toBe(400); // no responsible person
    expect((await judge({ responsibleUserId: other.staff.userId })).statusCode).toBe(400);
    expect((await judge({ responsibleName: '王师傅', deadline: '2020-01-01' })).statusCode).toBe(400);
    expect((await judge({ responsibleName: '王师傅', fundsFen: 12.5 })).statusCode).toBe(400);
    expect((await judge({ responsibleName: '王师傅' })).statusCode).toBe(200);
  });

  it('lists the accounts that may be named 整改责任人 to whoever manages the hazard, without users.read', async () => {
    const f = await firm();
    const other = await firm('140404101');
    const gone = await createUser(t.handle, 'enterprise_staff', { enterpriseId: f.enterprise.id });
    await t.handle.db.update(schema.users).set({ status: 'disabled' }).where(eq(schema.users.id, gone.id));
    const h = (await as(t.app, f.staff).post('/api/v1/hazards', { description: '配电箱门未关闭' })).json();
    const url = `/api/v1/hazards/${h.id}/assignees`;
    const ids = (res: { json(): { items: { id: string }[] } }) =>
      res
        .json()
        .items.map((u) => u.id)
        .sort();
    const expected = [f.principal.userId, f.safety.userId, f.staff.userId].sort();
    // The safety manager and the bureau's officer cannot list users, yet see exactly the enterprise's active accounts.
    expect(ids(await as(t.app, f.safety).get(url))).toEqual(expected);
    expect(ids(await as(t.app, officer).get(url))).toEqual(expected);
    expect((await as(t.app, f.safety).get('/api/v1/users')).statusCode).toBe(403);
    // Another enterprise's hazard does not exist for them.
    expect((await as(t.app, other.safety).get(url)).statusCode).toBe(404);
  });
});

describe('overdue and list filters', () => {
  it('derives 逾期 from the deadline and the clock, filters on it in SQL, and clears it on closure', async () => {
    const f = await firm();
    const h = (await as(t.app, f.safety).post('/api/v1/hazards', { description: '应急照明灯不亮' })).json();
    await as(t.app, f.safety).post(`/api/v1/hazards/${h.id}/judge`, {
      level: 'general',
      responsibleName: '王电工',
      measures: '更换蓄电池',
      fundsFen: 5_000,
      deadline: dateIn(2),
    });
    const overdueIds = async () =>
      (await as(t.app, f.principal).get('/api/v1/hazards?overdue=true&pageSize=200')).json().items.map((x: { id: string }) => x.id);
    expect(await overdueIds()).not.toContain(h.id);
    t.clock.advance(4 * 86_400_000);
    try {
      // sessions idle out over four days: log in again at the new time
      const relogged = await login(t.app, f.users.principal.username);
      expect((await as(t.app, relogged).get(`/api/v1/hazards/${h.id}`)).json().overdue).toBe(true);
      const list = (await as(t.app, relogged).get('/api/v1/hazards?overdue=true&pageSize=200')).json();
      expect(list.items.map((x: { id: string }) => x.id)).toContain(h.id);
      expect(list.items.every((x: { overdue: boolean }) => x.overdue)).toBe(true);
      const notOverdue = (await as(t.app, relogged).get('/api/v1/hazards?overdue=false&pageSize=200')).json();
      expect(notOverdue.items.map((x: { id: string }) => x.id)).not.toContain(h.id);
      const safety = await login(t.app, f.users.safety.username);
      await as(t.app, safety).post(`/api/v1/hazards/${h.id}/submit`, { note: '已更换', photos: [await upload(safety)] });
      await as(t.app, relogged).post(`/api/v1/hazards/${h.id}/accept`, { note: '合格' });
      expect((await as(t.app, relogged).get(`/api/v1/hazards/${h.id}`)).json().overdue).toBe(false);
    } finally {
      t.clock.advance(-4 * 86_400_000);
    }
  });

  it('filters by sector, region, article, supervision and publication', async () => {
    const f = await firm('140404102');
    const major = (
      await as(t.app, f.safety).post('/api/v1/hazards', { description: '未设火花探测', level: 'major', standardItemId: f.itemId })
    ).json();
    const general = (await as(t.app, f.safety).post('/api/v1/hazards', { description: '一般问题' })).json();
    await as(t.app, officer).post(`/api/v1/hazards/${major.id}/supervise`, {
      supervisingUnit: '区安委办',
      supervisionDeadline: dateIn(10),
    });
    const ids = async (query: string) =>
      (await as(t.app, officer).get(`/api/v1/hazards?enterpriseId=${f.enterprise.id}&pageSize=200&${query}`))
        .json()
        .items.map((x: { id: string }) => x.id);
    const yc = await regionByCode(t.handle, '140404102');
    const hd = await regionByCode(t.handle, '140404001');
    expect(await ids('sector=light_industry')).toEqual(expect.arrayContaining([major.id, general.id]));
    expect(await ids('sector=metallurgy')).toEqual([]);
    expect(await ids(`regionId=${yc.id}`)).toHaveLength(2);
    expect(await ids(`regionId=${hd.id}`)).toEqual([]);
    expect(await ids(`article=${f.item.article}`)).toEqual([major.id]);
    expect(await ids('supervised=true')).toEqual([major.id]);
    expect(await ids('supervised=false')).toEqual([general.id]);
    expect(await ids('published=true')).toEqual([]);
    expect(await ids('level=major&status=pending_judgement')).toEqual([major.id]);
    expect((await as(t.app, officer).get('/api/v1/hazards?sort=deadline')).statusCode).toBe(200);
    expect((await as(t.app, officer).get('/api/v1/hazards?sort=secret')).statusCode).toBe(400);
  });
});
