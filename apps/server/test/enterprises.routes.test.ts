import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  as,
  buildTestApp,
  createTenant,
  createUser,
  login,
  newCreditCode,
  regionByCode,
  type Session,
  type TestApp,
  uniq,
} from './harness.js';

let t: TestApp;
let officer: Session;
beforeAll(async () => {
  t = await buildTestApp();
  officer = await login(t.app, (await createUser(t.handle, 'bureau_officer')).username);
});
afterAll(async () => t?.close());

async function validBody(overrides: Record<string, unknown> = {}) {
  return {
    name: uniq('上党区测试木业有限公司'),
    creditCode: newCreditCode(),
    industryCode: '2021',
    regionId: (await regionByCode(t.handle, '140404101')).id,
    address: '苏店镇工业园区 8 号',
    scale: 'below',
    employees: 60,
    dustWorkers: 35,
    principalName: '王大山',
    principalPhone: '13903550001',
    safetyManagerName: null,
    safetyManagerPhone: null,
    status: 'operating',
    standardizationLevel: 'level3',
    standardizationExpiry: '2027-06-30',
    stateOwned: false,
    labourIntensive: true,
    factoryInFactory: false,
    longitude: 113.12,
    latitude: 36.05,
    riskTags: ['dust_explosion', 'dust_wood', 'confined_space'],
    ...overrides,
  };
}

describe('enterprise registry', () => {
  it('creates an enterprise, deriving the sector from the industry code', async () => {
    const body = await validBody();
    const res = await as(t.app, officer).post('/api/v1/enterprises', body);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      name: body.name,
      creditCode: body.creditCode,
      regionName: '苏店镇',
      riskTags: ['dust_explosion', 'dust_wood', 'confined_space'],
    });
    expect(res.json().sector).toBe(res.json().derivedSector);
    expect(res.json().sector).not.toBeNull();
    expect(res.json().abilities).toEqual({ update: true, updateBureauFields: true });
  });

  it('normalises a lower-case, spaced credit code and rejects a corrupted one naming the position', async () => {
    const code = newCreditCode();
    const spaced = `${code.slice(0, 6).toLowerCase()} ${code.slice(6)} `;
    const ok = await as(t.app, officer).post('/api/v1/enterprises', await validBody({ creditCode: spaced }));
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().creditCode).toBe(code);

    const corrupted = `${code.slice(0, 17)}${code[17] === '0' ? '1' : '0'}`;
    const bad = await as(t.app, officer).post('/api/v1/enterprises', await validBody({ creditCode: corrupted }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.issues[0]).toMatchObject({ path: ['body', 'creditCode'] });
    expect(bad.json().details.issues[0].message).toContain('校验');
    const wrongChar = await as(t.app, officer).post(
      '/api/v1/enterprises',
      await validBody({ creditCode: `${code.slice(0, 10)}I${code.slice(11)}` }),
    );
    expect(wrongChar.statusCode).toBe(400);
    expect(wrongChar.json().details.issues[0].message).toContain('第 11 位');
  });

  it('rejects a duplicate credit code with 409', async () => {
    const body = await validBody();
    expect((await as(t.app, officer).post('/api/v1/enterprises', body)).statusCode).toBe(200);
    const dup = await as(t.app, officer).post('/api/v1/enterprises', { ...body, name: uniq('另一家') });
    expect(dup.statusCode).toBe(409);
  });

  it('checks tags against the catalog: unknown tag, dust type required', async () => {
    const unknown = await as(t.app, officer).post('/api/v1/enterprises', await validBody({ riskTags: ['no_such_tag'] }));
    expect(unknown.statusCode).toBe(400);
    const noDustType = await as(t.app, officer).post('/api/v1/enterprises', await validBody({ riskTags: ['dust_explosion'] }));
    expect(noDustType.statusCode).toBe(400);
    expect(noDustType.json().details.issues[0].path).toEqual(['body', 'riskTags']);
  });

  it('lets the bureau override the sector only with a reason', async () => {
    const noReason = await as(t.app, officer).post('/api/v1/enterprises', await validBody({ sectorOverride: 'commerce' }));
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().details.issues[0].path).toEqual(['body', 'sectorOverrideReason']);
    const ok = await as(t.app, officer).post(
      '/api/v1/enterprises',
      await validBody({ sectorOverride: 'commerce', sectorOverrideReason: '主营木材批发，加工为附属' }),
    );
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ sector: 'commerce', sectorOverride: 'commerce' });
    expect(ok.json().derivedSector).not.toBe('commerce');
  });

  it('lets enterprise users edit only their own editable fields', async () => {
    const tenant = await createTenant(t);
    const principal = await login(t.app, tenant.principal.username);
    const url = `/api/v1/enterprises/${tenant.enterprise.id}`;
    const current = (await as(t.app, principal).get(url)).json();
    expect(current.abilities).toEqual({ update: true, updateBureauFields: false });

    const ok = await as(t.app, principal).patch(url, { principalPhone: '13912345678', employees: 80 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ principalPhone: '13912345678', employees: 80 });

    const rename = await as(t.app, principal).patch(url, { name: '改名公司' });
    expect(rename.statusCode).toBe(403);
    expect(rename.json().message).toContain('企业名称');
    // sending a bureau field unchanged (a form posting everything) is fine
    expect((await as(t.app, principal).patch(url, { name: current.name, employees: 81 })).statusCode).toBe(200);

    const staff = await login(t.app, tenant.staff.username);
    expect((await as(t.app, staff).patch(url, { employees: 82 })).statusCode).toBe(403);
    expect((await as(t.app, principal).post('/api/v1/enterprises', await validBody())).statusCode).toBe(403);
  });

  it('filters by tag and region, dust band, search; sorts and pages', async () => {
    const sudian = (await regionByCode(t.handle, '140404101')).id;
    const marker = uniq('筛选');
    const wood = await as(t.app, officer).post('/api/v1/enterprises', await validBody({ name: `${marker}木业`, dustWorkers: 12 }));
    const other = await as(t.app, officer).post(
      '/api/v1/enterprises',
      await validBody({ name: `${marker}冷库`, industryCode: '5951', riskTags: ['ammonia_refrigeration'], dustWorkers: 0 }),
    );
    expect(other.statusCode, other.body).toBe(200);
    const list = (q: string) => as(t.app, officer).get(`/api/v1/enterprises?q=${encodeURIComponent(marker)}&${q}`);
    const byTag = (await list(`tag=dust_explosion&regionId=${sudian}`)).json();
    expect(byTag.items.map((e: { id: string }) => e.id)).toEqual([wood.json().id]);
    expect((await list('dustBand=10to29')).json().total).toBe(1);
    expect((await list('dustBand=30plus')).json().total).toBe(0);
    const sorted = (await list('sort=-name&pageSize=1')).json();
    expect(sorted.total).toBe(2);
    expect(sorted.items[0].name).toBe(`${marker}木业`);
    expect((await list('sort=-name&pageSize=1&page=2')).json().items[0].name).toBe(`${marker}冷库`);
    expect((await list('sector=commerce')).json().items.map((e: { name: string }) => e.name)).toEqual([`${marker}冷库`]);
  });

  it('shows a township officer only the enterprises of his township', async () => {
    const inside = await createTenant(t, '140404105');
    const outside = await createTenant(t, '140404106');
    const officerOf105 = await createUser(t.handle, 'township_officer', { regionId: (await regionByCode(t.handle, '140404105')).id });
    const session = await login(t.app, officerOf105.username);
    const ids = (await as(t.app, session).get('/api/v1/enterprises?pageSize=200')).json().items.map((e: { id: string }) => e.id);
    expect(ids).toContain(inside.enterprise.id);
    expect(ids).not.toContain(outside.enterprise.id);
    expect((await as(t.app, session).get(`/api/v1/enterprises/${outside.enterprise.id}`)).statusCode).toBe(404);
    const dash = (await as(t.app, session).get('/api/v1/dashboard/registry')).json();
    expect(dash.byRegion.map((r: { regionName: string }) => r.regionName)).toEqual(['郝家庄镇']);
  });

  it('records every change in the history tab', async () => {
    const created = (await as(t.app, officer).post('/api/v1/enterprises', await validBody())).json();
    await as(t.app, officer).patch(`/api/v1/enterprises/${created.id}`, { dustWorkers: 44 });
    const history = (await as(t.app, officer).get(`/api/v1/enterprises/${created.id}/history`)).json().items;
    expect(history.map((h: { action: string }) => h.action)).toEqual(['enterprises.updated', 'enterprises.created']);
    expect(history[0].changes).toEqual([{ field: 'dustWorkers', label: '涉粉作业人数', before: 35, after: 44 }]);
  });

  it('answers the dashboard counts by sector, region, tag and dust band', async () => {
    const dash = await as(t.app, officer).get('/api/v1/dashboard/registry');
    expect(dash.statusCode).toBe(200);
    const body = dash.json();
    expect(body.total).toBeGreaterThan(0);
    expect(body.byRegion).toHaveLength(12);
    expect(body.dustBands.map((b: { band: string }) => b.band)).toEqual(['30plus', '10to29', 'under10']);
    const sum = body.bySector.reduce((n: number, s: { count: number }) => n + s.count, 0);
    expect(sum).toBe(body.total);
    const staff = await login(t.app, (await createTenant(t)).staff.username);
    expect((await as(t.app, staff).get('/api/v1/dashboard/registry')).statusCode).toBe(403);
  });
});
