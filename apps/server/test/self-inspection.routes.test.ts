import { schema } from '@zhiben/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, buildTestApp, createTenant, createUser, login, type Session, type TestApp } from './harness.js';

let t: TestApp;
let officer: Session;
beforeAll(async () => {
  t = await buildTestApp();
  officer = await login(t.app, (await createUser(t.handle, 'bureau_officer')).username);
});
afterAll(async () => t?.close());

/** A real 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** A wood-products enterprise (轻工, 粉尘涉爆/木粉尘) with its safety manager and principal logged in. */
async function woodFirm() {
  const tenant = await createTenant(t);
  await t.handle.db
    .update(schema.enterprises)
    .set({ derivedSector: 'light_industry', riskTags: ['dust_explosion', 'dust_wood'], dustWorkers: 40, employees: 80 })
    .where(eq(schema.enterprises.id, tenant.enterprise.id));
  return {
    ...tenant,
    safetySession: await login(t.app, tenant.safety.username),
    principalSession: await login(t.app, tenant.principal.username),
  };
}

async function uploadPhoto(session: Session, bytes = PNG) {
  return as(t.app, session).post('/api/v1/files', bytes);
}

describe('checklist and self-inspection', () => {
  it("computes the enterprise's checklist from sector and tags, with reasons, and follows profile changes", async () => {
    const firm = await woodFirm();
    const checklist = (await as(t.app, firm.safetySession).get(`/api/v1/enterprises/${firm.enterprise.id}/checklist`)).json();
    const keys: string[] = checklist.items.map((i: { key: string }) => i.key);
    expect(keys).toEqual(expect.arrayContaining(['3-1', '3-2', '11-1', '11-6', '11-8', '14-0']));
    expect(keys.some((k) => k.startsWith('4-') || k.startsWith('12-') || k.startsWith('13-'))).toBe(false);
    const item118 = checklist.items.find((i: { key: string }) => i.key === '11-8');
    expect(item118.reason).toContain('粉尘涉爆');
    // the profile changes: confined spaces added → 第十三条 appears
    await as(t.app, firm.principalSession).patch(`/api/v1/enterprises/${firm.enterprise.id}`, {
      riskTags: ['dust_explosion', 'dust_wood', 'confined_space'],
    });
    const after = (await as(t.app, firm.safetySession).get(`/api/v1/enterprises/${firm.enterprise.id}/checklist`)).json();
    expect(after.items.map((i: { key: string }) => i.key)).toEqual(expect.arrayContaining(['13-1', '13-2']));
  });

  it('turns a 不符合 on a standard item into one major hazard linked to item, version, inspection and photos', async () => {
    const firm = await woodFirm();
    const checklist = (await as(t.app, firm.safetySession).get(`/api/v1/enterprises/${firm.enterprise.id}/checklist`)).json();
    const item118 = checklist.items.find((i: { key: string }) => i.key === '11-8');
    const created = await as(t.app, firm.safetySession).post('/api/v1/inspections', {
      title: '11月粉尘防爆专项自查',
      frequency: 'monthly',
      area: '砂光车间',
      standardItemIds: [item118.id],
      ownItems: ['车间消防通道畅通'],
    });
    expect(created.statusCode, created.body).toBe(200);
    const inspection = created.json();
    expect(inspection.items).toHaveLength(2);
    const row118 = inspection.items.find((i: { key: string | null }) => i.key === '11-8');
    const photo = (await uploadPhoto(firm.safetySession)).json();
    expect(photo.hash).toMatch(/^[0-9a-f]{64}$/);

    const record = () =>
      as(t.app, firm.safetySession).post(`/api/v1/inspections/${inspection.id}/results`, {
        results: [{ itemId: row118.id, result: 'non_compliant', note: '3号砂光机风管无火花探测', photos: [photo.hash] }],
      });
    const first = await record();
    expect(first.statusCode, first.body).toBe(200);
    const hazardId = first.json().items.find((i: { id: string }) => i.id === row118.id).hazardId;
    expect(hazardId).toBeTruthy();
    expect((await record()).json().items.find((i: { id: string }) => i.id === row118.id).hazardId).toBe(hazardId);
    const hazards = await t.handle.db.select().from(schema.hazards).where(eq(schema.hazards.inspectionId, inspection.id));
    expect(hazards).toHaveLength(1);
    expect(hazards[0]).toMatchObject({
      level: 'major',
      status: 'pending_judgement',
      standardItemId: item118.id,
      photos: [photo.hash],
      source: 'self_inspection',
    });

    // the bureau sees it, with the item and its version
    const seen = (await as(t.app, officer).get(`/api/v1/hazards?enterpriseId=${firm.enterprise.id}&level=major`)).json();
    expect(seen.items).toHaveLength(1);
    expect(seen.items[0].standardItem).toMatchObject({ key: '11-8', articleLabel: '第十一条' });
    expect(seen.items[0].standardItem.version).toBeGreaterThanOrEqual(1);
    // another enterprise cannot
    const other = await createTenant(t, '140404103');
    expect((await as(t.app, await login(t.app, other.principal.username)).get(`/api/v1/hazards/${hazardId}`)).statusCode).toBe(404);

    // an own item 不符合 → a general hazard
    const own = inspection.items.find((i: { own: boolean }) => i.own);
    await as(t.app, firm.safetySession).post(`/api/v1/inspections/${inspection.id}/results`, {
      results: [{ itemId: own.id, result: 'non_compliant', photos: [] }],
    });
    const levels = (await t.handle.db.select().from(schema.hazards).where(eq(schema.hazards.inspectionId, inspection.id)))
      .map((h) => h.level)
      .sort();
    expect(levels).toEqual(['general', 'major']);

    const done = await as(t.app, firm.safetySession).post(`/api/v1/inspections/${inspection.id}/complete`);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().status).toBe('completed');
    const late = await as(t.app, firm.safetySession).post(`/api/v1/inspections/${inspection.id}/results`, {
      results: [{ itemId: own.id, result: 'compliant' }],
    });
    expect(late.statusCode).toBe(409);
  });

  it('refuses to complete while items are unchecked, and rejects foreign items and photos', async () => {
    const firm = await woodFirm();
    const inspection = (await as(t.app, firm.safetySession).post('/api/v1/inspections', { title: '日常检查', frequency: 'daily' })).json();
    expect(inspection.items.length).toBeGreaterThan(5);
    const early = await as(t.app, firm.safetySession).post(`/api/v1/inspections/${inspection.id}/complete`);
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toContain('未检查');

    const stranger = await woodFirm();
    const foreignPhoto = (await uploadPhoto(stranger.safetySession, Buffer.concat([PNG, Buffer.from('x')]))).json();
    const res = await as(t.app, firm.safetySession).post(`/api/v1/inspections/${inspection.id}/results`, {
      results: [{ itemId: inspection.items[0].id, result: 'compliant', photos: [foreignPhoto.hash] }],
    });
    expect(res.statusCode).toBe(400);
    const notMine = await as(t.app, stranger.safetySession).post(`/api/v1/inspections/${inspection.id}/results`, {
      results: [{ itemId: inspection.items[0].id, result: 'compliant' }],
    });
    expect(notMine.statusCode).toBe(404);
  });

  it('accepts only real images as photos', async () => {
    const firm = await woodFirm();
    const text = await uploadPhoto(firm.safetySession, Buffer.from('<script>alert(1)</script>'));
    expect(text.statusCode).toBe(400);
    expect(text.json().message).toContain('JPEG');
    const ok = (await uploadPhoto(firm.safetySession)).json();
    const get = await as(t.app, firm.safetySession).get(ok.url);
    expect(get.statusCode).toBe(200);
    expect(get.headers['content-type']).toBe('image/png');
    const other = await createTenant(t, '140404104');
    expect((await as(t.app, await login(t.app, other.staff.username)).get(ok.url)).statusCode).toBe(404);
  });

  it('publishes a new version when an item is edited; an old inspection keeps the old wording', async () => {
    const firm = await woodFirm();
    const checklist = (await as(t.app, firm.safetySession).get(`/api/v1/enterprises/${firm.enterprise.id}/checklist`)).json();
    const item = checklist.items.find((i: { key: string }) => i.key === '11-10');
    const inspection = (
      await as(t.app, firm.safetySession).post('/api/v1/inspections', {
        title: '清扫检查',
        frequency: 'weekly',
        standardItemIds: [item.id],
      })
    ).json();

    const edit = await as(t.app, officer).patch(`/api/v1/hazard-standard/items/${item.id}`, {
      text: `${item.text}（含除尘器灰斗、管道积尘）`,
      note: '结合本区实际补充说明',
    });
    expect(edit.statusCode, edit.body).toBe(200);
    expect(edit.json().version).toBe(item.version + 1);
    expect(edit.json().key).toBe('11-10');
    // editing an item of a superseded version is refused
    expect(
      (await as(t.app, officer).patch(`/api/v1/hazard-standard/items/${item.id}`, { text: 'x'.repeat(10), note: '再改' })).statusCode,
    ).toBe(409);

    const old = (await as(t.app, firm.safetySession).get(`/api/v1/inspections/${inspection.id}`)).json();
    expect(old.items[0].text).toBe(item.text);
    expect(old.standardVersion).toBe(item.version);
    const fresh = (await as(t.app, firm.safetySession).get(`/api/v1/enterprises/${firm.enterprise.id}/checklist`)).json();
    expect(fresh.items.find((i: { key: string }) => i.key === '11-10').text).toContain('灰斗');
    const versions = (await as(t.app, officer).get('/api/v1/hazard-standard/versions')).json();
    expect(versions.items[0].version).toBe(item.version + 1);
    expect(versions.items[1].itemCount).toBeGreaterThanOrEqual(65);
    expect(versions.items[0].itemCount).toBe(versions.items[1].itemCount);
    // enterprise users cannot amend the standard
    expect(
      (await as(t.app, firm.principalSession).patch(`/api/v1/hazard-standard/items/${edit.json().id}`, { note: '改改' })).statusCode,
    ).toBe(403);
  });

  it('counts the principal-led rounds per quarter in Asia/Shanghai time', async () => {
    const firm = await woodFirm();
    const leadAndComplete = async (atLocal: string) => {
      t.clock.set(new Date(`${atLocal}+08:00`));
      // sessions from "now" are idle-expired after a jump of weeks: log in again at the new time
      const principal = await login(t.app, firm.principal.username);
      const inspection = (
        await as(t.app, principal).post('/api/v1/inspections', {
          title: '主要负责人带队检查',
          frequency: 'quarterly',
          ledByPrincipal: true,
          ownItems: ['安全出口畅通'],
        })
      ).json();
      await as(t.app, principal).post(`/api/v1/inspections/${inspection.id}/results`, {
        results: [{ itemId: inspection.items.at(-1).id, result: 'compliant' }],
      });
      // only the own item is answered; mark the rest not applicable so it can complete
      const pending = inspection.items
        .filter((i: { own: boolean }) => !i.own)
        .map((i: { id: string }) => ({ itemId: i.id, result: 'not_applicable' }));
      if (pending.length) await as(t.app, principal).post(`/api/v1/inspections/${inspection.id}/results`, { results: pending });
      const done = await as(t.app, principal).post(`/api/v1/inspections/${inspection.id}/complete`);
      expect(done.statusCode, done.body).toBe(200);
    };
    const status = async (quarter: string) => {
      const bureau = await login(t.app, (await createUser(t.handle, 'bureau_officer')).username);
      const res = await as(t.app, bureau).get(`/api/v1/self-inspection/principal-compliance?quarter=${quarter}&pageSize=500`);
      return res.json().items.find((i: { enterpriseId: string }) => i.enterpriseId === firm.enterprise.id);
    };
    await leadAndComplete('2026-12-31T23:59:00');
    expect(await status('2026Q4')).toMatchObject({ led: true, ledCount: 1 });
    expect(await status('2027Q1')).toMatchObject({ led: false, ledCount: 0 });
    await leadAndComplete('2027-01-01T00:00:00');
    expect(await status('2026Q4')).toMatchObject({ ledCount: 1 });
    expect(await status('2027Q1')).toMatchObject({ led: true, ledCount: 1 });
    const bureau = await login(t.app, (await createUser(t.handle, 'bureau_officer')).username);
    const missing = (
      await as(t.app, bureau).get('/api/v1/self-inspection/principal-compliance?quarter=2027Q2&onlyMissing=true&pageSize=500')
    ).json();
    expect(missing.items.map((i: { enterpriseId: string }) => i.enterpriseId)).toContain(firm.enterprise.id);
    t.clock.set(new Date());
  });
});
