import { randomInt } from 'node:crypto';
import type { PlanDto } from '@zhiben/contracts';
import { capFor } from '@zhiben/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classify, enterpriseWith, newOfficer, type Officer, type TestEnterprise } from './enforcement.helpers.js';
import { as, auditRowsOf, buildTestApp, createUser, login, regionByCode, type Session, type TestApp } from './harness.js';

/**
 * The annual plan (issue #7 item 2): a draft within the caps (regulations.md §5.3), edits over a cap refused
 * without a reason (400) and audited with one, approval and publication by the leader, the key-inspection list.
 */
let t: TestApp;
let officer: Officer;
let leader: Session;
/** 金属冶炼 一级 (cap 2) and 高温熔融金属吊运 未定级 (cap 6), both set to class A; an ordinary 未定级 enterprise (C). */
let smelter: TestEnterprise;
let ordinary: TestEnterprise;
let risky: TestEnterprise;
/** Plans of several runs share a database: each run takes years nobody else is likely to use. */
const year = randomInt(2030, 2090);

beforeAll(async () => {
  t = await buildTestApp();
  officer = await newOfficer(t);
  leader = await login(t.app, (await createUser(t.handle, 'bureau_leader')).username);
  smelter = await enterpriseWith(t, { riskTags: ['metal_smelting'], standardizationLevel: 'level1' });
  ordinary = await enterpriseWith(t);
  risky = await enterpriseWith(t, { riskTags: ['molten_metal_lifting'] });
  for (const e of [smelter, risky]) {
    const res = await as(t.app, officer.session).post(`/api/v1/classification/enterprises/${e.enterprise.id}/override`, {
      riskClass: 'A',
      reason: '计划测试：列为重大风险',
    });
    expect(res.statusCode, res.body).toBe(200);
  }
  expect((await classify(t, officer.session, ordinary.enterprise.id)).riskClass).toBe('C');
});
afterAll(async () => t?.close());

const entry = (e: TestEnterprise, plannedCount: number, overCapReason?: string) => ({
  enterpriseId: e.enterprise.id,
  plannedCount,
  quarters: Array.from({ length: plannedCount }, (_, i) => (Math.floor((i * 4) / Math.max(1, plannedCount)) + 1) as 1 | 2 | 3 | 4),
  ...(overCapReason ? { overCapReason } : {}),
});

describe('generating a draft', () => {
  it('proposes inspections by class within every cap, spread over the quarters, A and B as the key list', async () => {
    const res = await as(t.app, officer.session).post('/api/v1/enforcement/plans/generate', { year });
    expect(res.statusCode, res.body).toBe(200);
    const plan = res.json() as PlanDto;
    expect(plan).toMatchObject({ year, status: 'draft', abilities: { update: true, approve: false } });
    expect(plan.entries.length).toBeGreaterThan(0);
    for (const e of plan.entries) {
      expect(e.plannedCount).toBeLessThanOrEqual(e.cap);
      expect(e.cap).toBe(capFor(e));
      expect(e.quarters).toHaveLength(e.plannedCount);
      expect(e.key).toBe(e.riskClass === 'A' || e.riskClass === 'B');
      expect(e.overCap).toBe(false);
    }
    const mine = (e: TestEnterprise) => plan.entries.find((x) => x.enterpriseId === e.enterprise.id);
    // Class A proposes 4: 金属冶炼 一级 is held to its cap 2; 非高危 未定级 (cap 6) gets all 4; class C gets 1.
    expect(mine(smelter)).toMatchObject({
      riskClass: 'A',
      highRisk: true,
      standardizationLevel: 'level1',
      cap: 2,
      plannedCount: 2,
      key: true,
    });
    expect(mine(risky)).toMatchObject({ riskClass: 'A', cap: 6, plannedCount: 4, key: true });
    expect(mine(ordinary)).toMatchObject({ riskClass: 'C', cap: 6, plannedCount: 1, key: false });

    const keyList = (await as(t.app, officer.session).get(`/api/v1/enforcement/plans/${plan.id}/key-list`)).json();
    expect(keyList.items.every((i: { riskClass: string }) => i.riskClass === 'A' || i.riskClass === 'B')).toBe(true);
    expect(keyList.items.map((i: { enterpriseId: string }) => i.enterpriseId)).toEqual(
      expect.arrayContaining([smelter.enterprise.id, risky.enterprise.id]),
    );
  });
});

describe('editing within the caps', () => {
  it('refuses an entry over its cap without a reason (400, nothing written) and audits one with a reason', async () => {
    const created = await as(t.app, officer.session).post('/api/v1/enforcement/plans', { year: year + 1, entries: [entry(ordinary, 1)] });
    expect(created.statusCode, created.body).toBe(200);
    const id = created.json().id;
    const url = `/api/v1/enforcement/plans/${id}`;

    const over = await as(t.app, officer.session).call('PUT', url, { year: year + 1, entries: [entry(ordinary, 1), entry(smelter, 3)] });
    expect(over.statusCode).toBe(400);
    expect(over.json().code).toBe('PLAN_OVER_CAP');
    expect(over.json().details.issues[0]).toMatchObject({ path: ['body', 'entries', 1, 'overCapReason'], code: 'OVER_CAP_WITHOUT_REASON' });
    expect(over.json().message).toContain('超过年度上限 2 次');
    expect(await auditRowsOf(t.handle, over.headers['x-request-id'])).toHaveLength(0);
    expect((await as(t.app, officer.session).get(url)).json().entries).toHaveLength(1);

    const reason = '该企业近期发生煤气泄漏险情，需加密检查';
    const ok = await as(t.app, officer.session).call('PUT', url, {
      year: year + 1,
      entries: [entry(ordinary, 1), entry(smelter, 3, reason)],
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const saved = (ok.json() as PlanDto).entries.find((e) => e.enterpriseId === smelter.enterprise.id);
    expect(saved).toMatchObject({ plannedCount: 3, cap: 2, overCap: true, overCapReason: reason });
    const [audit] = await auditRowsOf(t.handle, ok.headers['x-request-id']);
    expect(audit).toMatchObject({ action: 'enforcement.plan_updated', entityType: 'enforcement_plan', entityId: id });
    expect((audit?.after as { overCap: unknown[] } | undefined)?.overCap).toEqual([
      { enterpriseId: smelter.enterprise.id, plannedCount: 3, cap: 2, reason },
    ]);

    // Other problems are plain validation errors; the year cannot change; an unknown enterprise is refused.
    const mismatch = await as(t.app, officer.session).call('PUT', url, {
      year: year + 1,
      entries: [{ enterpriseId: ordinary.enterprise.id, plannedCount: 2, quarters: [1] }],
    });
    expect(mismatch.statusCode).toBe(400);
    expect((await as(t.app, officer.session).call('PUT', url, { year: year + 2, entries: [] })).statusCode).toBe(400);
    const unknown = await as(t.app, officer.session).call('PUT', url, {
      year: year + 1,
      entries: [{ enterpriseId: '0190a000-0000-7000-8000-000000000001', plannedCount: 1, quarters: [1] }],
    });
    expect(unknown.json().code).toBe('VALIDATION_FAILED');
  });
});

describe('approval, publication and revision', () => {
  it('is approved and published by the leader; a revised plan approved later supersedes it', async () => {
    const y = year + 3;
    const first = (await as(t.app, officer.session).post('/api/v1/enforcement/plans', { year: y, entries: [entry(ordinary, 1)] })).json();
    const url = `/api/v1/enforcement/plans/${first.id}`;
    // The officer drafts; only the leader approves.
    expect((await as(t.app, officer.session).post(`${url}/approve`, {})).statusCode).toBe(403);
    expect((await as(t.app, leader).post(`${url}/publish`, {})).statusCode).toBe(409);
    const approved = await as(t.app, leader).post(`${url}/approve`, {});
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', abilities: { publish: true, approve: false } });
    // Approved plans are no longer edited.
    expect((await as(t.app, officer.session).call('PUT', url, { year: y, entries: [] })).statusCode).toBe(409);
    expect((await as(t.app, leader).post(`${url}/publish`, {})).json().status).toBe('published');

    const revised = (await as(t.app, officer.session).post('/api/v1/enforcement/plans', { year: y, entries: [entry(ordinary, 2)] })).json();
    const again = await as(t.app, leader).post(`/api/v1/enforcement/plans/${revised.id}/approve`, {});
    expect(again.statusCode, again.body).toBe(200);
    expect((await as(t.app, leader).get(url)).json().status).toBe('superseded');
    const [audit] = await auditRowsOf(t.handle, again.headers['x-request-id']);
    expect((audit?.after as { supersededPlanIds: string[] } | undefined)?.supersededPlanIds).toEqual([first.id]);

    // Tasks may count against the plan in force, not a superseded one.
    const officer2 = await newOfficer(t);
    const task = (planId: string) =>
      as(t.app, officer.session).post('/api/v1/enforcement/tasks', {
        enterpriseId: ordinary.enterprise.id,
        source: 'plan',
        planId,
        unannounced: false,
        officerIds: [officer.id, officer2.id],
      });
    expect((await task(first.id)).statusCode).toBe(400);
    expect((await task(revised.id)).statusCode).toBe(200);
    const summary = (await as(t.app, leader).get('/api/v1/enforcement/plans')).json();
    expect(summary.items.find((p: { id: string }) => p.id === revised.id)).toMatchObject({ status: 'approved', plannedInspections: 2 });

    // Plan progress by month: the plan in force (Q1 and Q3 for the revised entry), cumulative by the quarters' ends.
    const stats = (await as(t.app, leader).get(`/api/v1/enforcement/stats?year=${y}`)).json();
    expect(stats.plan).toMatchObject({ id: revised.id, status: 'approved', plannedInspections: 2, enterprises: 1 });
    expect(stats.byMonth.map((m: { plannedCumulative: number }) => m.plannedCumulative)).toEqual([0, 0, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2]);
  });

  it('is not for township or enterprise accounts', async () => {
    const township = await createUser(t.handle, 'township_officer', { regionId: (await regionByCode(t.handle, '140404102')).id });
    expect((await as(t.app, await login(t.app, township.username)).get('/api/v1/enforcement/plans')).statusCode).toBe(403);
    expect((await as(t.app, ordinary.principal.session).get('/api/v1/enforcement/plans')).statusCode).toBe(403);
  });
});
