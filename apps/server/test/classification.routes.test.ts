import type { ClassificationStatsDto, RiskClass } from '@zhiben/contracts';
import { queryRows, schema } from '@zhiben/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNightlyClassification } from '../src/modules/classification/index.js';
import { classify, type EnterpriseProfile, enterpriseWith, fired, newOfficer, type Officer } from './enforcement.helpers.js';
import { as, auditRowsOf, buildTestApp, createUser, login, regionByCode, type Session, type TestApp, uniq } from './harness.js';

/**
 * 分级分类 through the API (issue #7 item 1): the starting class from the profile and each adjustment computed from
 * live data in SQL, with the explanation listing exactly the rules that fired and their values; history,
 * overrides (audited), rules as versioned data, the enterprise DTO's class and the statistics.
 */
let t: TestApp;
let officer: Officer;
let leader: Session;
const DAY = 86_400_000;

beforeAll(async () => {
  t = await buildTestApp();
  officer = await newOfficer(t);
  leader = await login(t.app, (await createUser(t.handle, 'bureau_leader')).username);
});
afterAll(async () => t?.close());

/** A judged major hazard of the enterprise (the hazard loop's own table), in the given state. */
async function majorHazard(enterprise: { id: string; regionPath: string }, values: Partial<typeof schema.hazards.$inferInsert> = {}) {
  const now = t.clock.now();
  const [row] = await t.handle.db
    .insert(schema.hazards)
    .values({
      enterpriseId: enterprise.id,
      regionPath: enterprise.regionPath,
      source: 'other',
      sourceRef: uniq('cls'),
      level: 'major',
      description: '分级测试重大隐患',
      status: 'rectifying',
      foundAt: now,
      judgedAt: now,
      deadline: new Date(now.getTime() + 30 * DAY),
      ...values,
    })
    .returning();
  if (!row) throw new Error('hazard not inserted');
  return row;
}

async function activeDevice(enterprise: { id: string; regionPath: string }) {
  const [row] = await t.handle.db
    .insert(schema.devices)
    .values({
      enterpriseId: enterprise.id,
      regionPath: enterprise.regionPath,
      code: 'DC01',
      name: '1号除尘器',
      collectorType: 'bag',
      profile: 'dry_collector',
      reportingIntervalS: 10,
      signals: ['hopper_temp'],
      secretHash: 'x'.repeat(64),
      secretRotatedAt: t.clock.now(),
    })
    .returning();
  return row;
}

type Setup = (e: Awaited<ReturnType<typeof enterpriseWith>>['enterprise']) => Promise<unknown>;
type Fired = [string, string | number | boolean | null, number];

const NONE: Fired = ['default_start', null, 0];

describe('classification of one enterprise, table-driven through the API', () => {
  const cases: [string, EnterpriseProfile, Setup | null, RiskClass, Fired[]][] = [
    ['no profile rule: starts at C, nothing else fires', {}, null, 'C', [NONE]],
    ['金属冶炼 starts at B', { riskTags: ['metal_smelting'] }, null, 'B', [['start_metal_smelting', 'metal_smelting', 0]]],
    [
      '粉尘涉爆 below 10 dust workers: B, no monitoring duty',
      { riskTags: ['dust_explosion', 'dust_wood'], dustWorkers: 5 },
      null,
      'B',
      [['start_dust_explosion', 'dust_explosion', 0]],
    ],
    [
      '构成重大危险源 (recorded by the bureau) starts at B',
      {},
      async (e) => {
        const res = await as(t.app, officer.session).post(`/api/v1/classification/enterprises/${e.id}/major-hazard-installation`, {
          majorHazardInstallation: true,
          reason: '液氨储量超过临界量',
        });
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json().majorHazardInstallation).toBe(true);
      },
      'B',
      [['start_major_hazard_installation', true, 0]],
    ],
    [
      'an open major hazard: open and found-in-12-months both fire (C → A)',
      {},
      (e) => majorHazard(e),
      'A',
      [NONE, ['open_major_hazard', 1, 1], ['major_hazard_found_12_months', 1, 1]],
    ],
    [
      'an overdue major hazard with 一级 standardization (three up, one down)',
      { standardizationLevel: 'level1' },
      (e) => majorHazard(e, { deadline: new Date(t.clock.now().getTime() - DAY) }),
      'A',
      [
        NONE,
        ['open_major_hazard', 1, 1],
        ['overdue_major_hazard', 1, 1],
        ['major_hazard_found_12_months', 1, 1],
        ['standardization_level', 'level1', -1],
      ],
    ],
    [
      'a major hazard found 2 months ago and closed since: only the 12-month rule',
      {},
      (e) => majorHazard(e, { status: 'closed', closedAt: t.clock.now(), foundAt: new Date(t.clock.now().getTime() - 60 * DAY) }),
      'B',
      [NONE, ['major_hazard_found_12_months', 1, 1]],
    ],
    [
      'a major hazard found 13 months ago: nothing fires',
      {},
      (e) => majorHazard(e, { status: 'closed', closedAt: t.clock.now(), foundAt: new Date(t.clock.now().getTime() - 400 * DAY) }),
      'C',
      [NONE],
    ],
    [
      'a dismissed major hazard (不构成隐患) is no hazard: nothing fires',
      {},
      async (e) => {
        const h = await majorHazard(e, { status: 'closed', closedAt: t.clock.now() });
        await t.handle.db.insert(schema.hazardEvents).values({
          hazardId: h.id,
          enterpriseId: e.id,
          action: 'dismiss',
          fromStatus: 'pending_judgement',
          toStatus: 'closed',
          at: t.clock.now(),
        });
      },
      'C',
      [NONE],
    ],
    [
      'an accident recorded through the API in the last 12 months',
      {},
      async (e) => {
        const res = await as(t.app, officer.session).post('/api/v1/classification/accidents', {
          enterpriseId: e.id,
          occurredAt: new Date(t.clock.now().getTime() - 10 * DAY).toISOString(),
          grade: 'general',
          seriousInjuries: 1,
          description: '检修时未停机，一人手部受伤',
        });
        expect(res.statusCode, res.body).toBe(200);
      },
      'B',
      [NONE, ['accident_12_months', 1, 1]],
    ],
    [
      'a penalty decided through the API',
      {},
      async (e) => {
        const filed = await as(t.app, officer.session).post('/api/v1/enforcement/cases', {
          enterpriseId: e.id,
          facts: '未建立事故隐患排查治理制度',
          legalBasis: '《中华人民共和国安全生产法》第四十一条',
          enterprisePenalty: { types: ['warning'], fineFen: 0, penaltyBasis: '《中华人民共和国安全生产法》第一百零一条' },
        });
        expect(filed.statusCode, filed.body).toBe(200);
        const today = new Date(t.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
        const decided = await as(t.app, officer.session).post(`/api/v1/enforcement/cases/${filed.json().id}/decision`, {
          decidedOn: today,
        });
        expect(decided.statusCode, decided.body).toBe(200);
      },
      'B',
      [NONE, ['penalized_12_months', 1, 1]],
    ],
    [
      '二级 standardization moves one class down',
      { standardizationLevel: 'level2' },
      null,
      'D',
      [NONE, ['standardization_level', 'level2', -1]],
    ],
    [
      '粉尘涉爆 with 30 dust workers and no collector: monitoring not connected',
      { riskTags: ['dust_explosion', 'dust_wood'], dustWorkers: 30 },
      null,
      'A',
      [
        ['start_dust_explosion', 'dust_explosion', 0],
        ['monitoring_not_connected', true, 1],
      ],
    ],
    [
      '粉尘涉爆 with 30 dust workers and an active collector: connected',
      { riskTags: ['dust_explosion', 'dust_wood'], dustWorkers: 30 },
      (e) => activeDevice(e),
      'B',
      [['start_dust_explosion', 'dust_explosion', 0]],
    ],
  ];

  it.each(cases)('%s', async (_name, profile, setup, riskClass, expected) => {
    const { enterprise } = await enterpriseWith(t, profile);
    await setup?.(enterprise);
    const c = await classify(t, officer.session, enterprise.id);
    expect(fired(c)).toEqual(expected);
    expect(c.riskClass).toBe(riskClass);
    expect(c.explanation.every((e) => e.label.length > 0 && e.source.length > 0)).toBe(true);
  });

  it('counts repeated red alarms of the last 30 days (when the alarm store exists)', async () => {
    const [table] = await queryRows<{ ok: boolean }>(t.handle.db, sql`select to_regclass('alarms') is not null as ok`);
    const { enterprise } = await enterpriseWith(t);
    if (table?.ok) {
      const device = await activeDevice(enterprise);
      for (const daysAgo of [2, 5, 40]) {
        const raisedAt = new Date(t.clock.now().getTime() - daysAgo * DAY).toISOString();
        await t.handle.db.execute(
          sql`insert into alarms (id, device_id, enterprise_id, region_path, rule_id, rule_name, rule_type, kind, level, max_level, status,
                                  first_at, last_at, raised_at)
              values (gen_random_uuid(), ${device?.id}, ${enterprise.id}, ${enterprise.regionPath}, ${uniq('r')}, '灰斗温度', 'threshold',
                      'threshold', 'red', 'red', 'closed', ${raisedAt}::timestamptz, ${raisedAt}::timestamptz, ${raisedAt}::timestamptz)`,
        );
      }
      expect(fired(await classify(t, officer.session, enterprise.id))).toEqual([NONE, ['repeated_red_alarms', 2, 1]]);
    } else {
      // Without the alarm store there are no alarms to count: the rule cannot fire.
      expect(fired(await classify(t, officer.session, enterprise.id))).toEqual([NONE]);
    }
  });
});

describe('history, event-driven recomputation and the enterprise DTO', () => {
  it('keeps the history of changes, with the previous class and the reason', async () => {
    const { enterprise, principal } = await enterpriseWith(t, { riskTags: ['metal_smelting'] });
    const first = await classify(t, officer.session, enterprise.id);
    expect(first.history).toHaveLength(1);
    expect(first.history[0]).toMatchObject({ riskClass: 'B', previousClass: null, trigger: 'on_demand' });

    const hazard = await majorHazard(enterprise);
    const raised = await classify(t, officer.session, enterprise.id);
    expect(raised.riskClass).toBe('A');
    expect(raised.clamped).toBe(true);
    expect(raised.history.map((h) => [h.previousClass, h.riskClass])).toEqual([
      ['B', 'A'],
      [null, 'B'],
    ]);

    // Recomputing with unchanged facts writes no history.
    expect((await classify(t, officer.session, enterprise.id)).history).toHaveLength(2);

    // The enterprise sees its own class and why; the DTO carries it.
    const own = await as(t.app, principal.session).get(`/api/v1/classification/enterprises/${enterprise.id}`);
    expect(own.statusCode).toBe(200);
    expect(own.json().explanation.map((e: { rule: string }) => e.rule)).toContain('open_major_hazard');
    const dto = await as(t.app, principal.session).get(`/api/v1/enterprises/${enterprise.id}`);
    expect(dto.json().riskClass).toBe('A');

    await t.handle.db.update(schema.hazards).set({ status: 'closed', closedAt: t.clock.now() }).where(sql`id = ${hazard.id}`);
    const after = await classify(t, officer.session, enterprise.id);
    // Closed, but found within 12 months: still one class up.
    expect(after.riskClass).toBe('A');
    expect(fired(after)).toEqual([
      ['start_metal_smelting', 'metal_smelting', 0],
      ['major_hazard_found_12_months', 1, 1],
    ]);
  });

  it('shows a provisional class for an enterprise never classified, and filters the list by class', async () => {
    const { enterprise } = await enterpriseWith(t, { riskTags: ['ammonia_refrigeration'] });
    const before = await as(t.app, officer.session).get(`/api/v1/enterprises/${enterprise.id}`);
    expect(before.json().riskClass).toBe('B');
    const unclassified = await as(t.app, officer.session).get(`/api/v1/classification/enterprises/${enterprise.id}`);
    expect(unclassified.json()).toMatchObject({ riskClass: 'B', history: [] });

    await majorHazard(enterprise);
    await classify(t, officer.session, enterprise.id);
    const listA = await as(t.app, officer.session).get(`/api/v1/enterprises?riskClass=A&q=${encodeURIComponent(enterprise.name)}`);
    expect(listA.json().items.map((e: { id: string }) => e.id)).toEqual([enterprise.id]);
    expect(listA.json().items[0].riskClass).toBe('A');
    const listCD = await as(t.app, officer.session).get(`/api/v1/enterprises?riskClass=C,D&q=${encodeURIComponent(enterprise.name)}`);
    expect(listCD.json().items).toEqual([]);
    expect((await as(t.app, officer.session).get('/api/v1/enterprises?riskClass=E')).statusCode).toBe(400);
  });
});

describe('override with a reason', () => {
  it('wins over the computed class, is explained, audited and can be cleared', async () => {
    const { enterprise, principal } = await enterpriseWith(t);
    await classify(t, officer.session, enterprise.id);
    const res = await as(t.app, officer.session).post(`/api/v1/classification/enterprises/${enterprise.id}/override`, {
      riskClass: 'A',
      reason: '近期群众多次举报，列为重点',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      riskClass: 'A',
      computedClass: 'C',
      override: { riskClass: 'A', reason: '近期群众多次举报，列为重点' },
    });
    expect(res.json().explanation.at(-1)).toMatchObject({ rule: 'manual_override', value: 'A', effect: 2 });
    expect(res.json().history[0]).toMatchObject({
      trigger: 'override',
      previousClass: 'C',
      riskClass: 'A',
      reason: '近期群众多次举报，列为重点',
    });
    const [audit] = await auditRowsOf(t.handle, res.headers['x-request-id']);
    expect(audit).toMatchObject({ action: 'classification.overridden', entityId: enterprise.id, enterpriseId: enterprise.id });
    expect(audit?.before).toMatchObject({ riskClass: 'C' });
    expect(audit?.after).toMatchObject({ riskClass: 'A', reason: '近期群众多次举报，列为重点' });

    // Recomputation keeps the override.
    expect((await classify(t, officer.session, enterprise.id)).riskClass).toBe('A');

    // Without a reason: 400, nothing written. The enterprise itself may not override: 403.
    const noReason = await as(t.app, officer.session).post(`/api/v1/classification/enterprises/${enterprise.id}/override`, {
      riskClass: 'D',
    });
    expect(noReason.statusCode).toBe(400);
    expect(await auditRowsOf(t.handle, noReason.headers['x-request-id'])).toHaveLength(0);
    const own = await as(t.app, principal.session).post(`/api/v1/classification/enterprises/${enterprise.id}/override`, {
      riskClass: 'D',
      reason: '我们自己觉得风险很低',
    });
    expect(own.statusCode).toBe(403);

    const cleared = await as(t.app, officer.session).post(`/api/v1/classification/enterprises/${enterprise.id}/clear-override`, {
      reason: '复核后恢复按规则计算',
    });
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(cleared.json()).toMatchObject({ riskClass: 'C', override: null });
    expect(cleared.json().history[0]).toMatchObject({ trigger: 'override_cleared', previousClass: 'A', riskClass: 'C' });
    const again = await as(t.app, officer.session).post(`/api/v1/classification/enterprises/${enterprise.id}/clear-override`, {
      reason: '再次取消人工调整',
    });
    expect(again.statusCode).toBe(409);
  });

  it('hides other tenants: 404 for another enterprise and another township', async () => {
    const a = await enterpriseWith(t, { regionCode: '140404102' });
    const b = await enterpriseWith(t, { regionCode: '140404101' });
    const township = await createUser(t.handle, 'township_officer', { regionId: (await regionByCode(t.handle, '140404101')).id });
    const townshipSession = await login(t.app, township.username);
    expect((await as(t.app, b.principal.session).get(`/api/v1/classification/enterprises/${a.enterprise.id}`)).statusCode).toBe(404);
    expect((await as(t.app, townshipSession).get(`/api/v1/classification/enterprises/${a.enterprise.id}`)).statusCode).toBe(404);
    expect((await as(t.app, townshipSession).get(`/api/v1/classification/enterprises/${b.enterprise.id}`)).statusCode).toBe(200);
  });
});

describe('rules as versioned data', () => {
  it('saves a new version (current + 1), refuses a stale or invalid one, and audits the change', async () => {
    const current = (await as(t.app, officer.session).get('/api/v1/classification/rules')).json();
    expect(current.rules.adjustments.map((r: { code: string }) => r.code)).toContain('major_hazard_found_12_months');
    expect(current.unknownTags).toEqual(['air_separation']);

    // Officers may read, not amend: the leader amends.
    const byOfficer = await as(t.app, officer.session).call('PUT', '/api/v1/classification/rules', {
      rules: { ...current.rules, version: current.version + 1 },
      note: '试图修改',
    });
    expect(byOfficer.statusCode).toBe(403);

    const stale = await as(t.app, leader).call('PUT', '/api/v1/classification/rules', { rules: { ...current.rules }, note: '旧版本号' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('RULE_SET_VERSION_CONFLICT');

    const invalid = await as(t.app, leader).call('PUT', '/api/v1/classification/rules', {
      rules: { ...current.rules, version: current.version + 1, adjustments: [...current.rules.adjustments, current.rules.adjustments[0]] },
      note: '重复的规则代码',
    });
    expect(invalid.statusCode).toBe(400);

    const saved = await as(t.app, leader).call('PUT', '/api/v1/classification/rules', {
      rules: { ...current.rules, version: current.version + 1 },
      note: '年度复核：权重不变',
    });
    // Another suite sharing the database may have saved a version in between: then 409, which is the point.
    expect([200, 409]).toContain(saved.statusCode);
    if (saved.statusCode === 200) {
      expect(saved.json()).toMatchObject({ version: current.version + 1, note: '年度复核：权重不变' });
      const [audit] = await auditRowsOf(t.handle, saved.headers['x-request-id']);
      expect(audit).toMatchObject({ action: 'classification.rules_updated', entityId: String(current.version + 1) });
    }
  });
});

describe('statistics and the nightly run', () => {
  it('distributes classes by township and sector and lists this month’s changes, within scope', async () => {
    const { enterprise } = await enterpriseWith(t, { regionCode: '140404103' });
    await classify(t, officer.session, enterprise.id);
    await majorHazard(enterprise);
    await classify(t, officer.session, enterprise.id);

    const township = await createUser(t.handle, 'township_officer', { regionId: (await regionByCode(t.handle, '140404103')).id });
    const res = await as(t.app, await login(t.app, township.username)).get('/api/v1/classification/stats');
    expect(res.statusCode, res.body).toBe(200);
    const stats = res.json() as ClassificationStatsDto;
    expect(stats.byRegion.map((r) => r.regionName)).toEqual(['西火镇']);
    expect(stats.byClass.A + stats.byClass.B + stats.byClass.C + stats.byClass.D).toBe(stats.total);
    expect(stats.changesThisMonth).toContainEqual(expect.objectContaining({ enterpriseId: enterprise.id, from: 'C', to: 'A' }));
    // Another township's changes are not listed.
    const other = await createUser(t.handle, 'township_officer', { regionId: (await regionByCode(t.handle, '140404106')).id });
    const otherStats = (await as(t.app, await login(t.app, other.username)).get('/api/v1/classification/stats')).json();
    expect(otherStats.changesThisMonth.map((c: { enterpriseId: string }) => c.enterpriseId)).not.toContain(enterprise.id);
  });

  it('recomputes every enterprise nightly with one audit row', async () => {
    const { enterprise } = await enterpriseWith(t);
    await classify(t, officer.session, enterprise.id);
    await majorHazard(enterprise);
    const now = t.clock.now();
    const result = await runNightlyClassification(t.handle.db, now);
    expect(result.enterprises).toBeGreaterThan(0);
    expect(result.changed).toBeGreaterThanOrEqual(1);
    const c = (await as(t.app, officer.session).get(`/api/v1/classification/enterprises/${enterprise.id}`)).json();
    expect(c.history[0]).toMatchObject({ trigger: 'nightly', previousClass: 'C', riskClass: 'A' });
    const rows = await queryRows<{ n: number }>(
      t.handle.db,
      sql`select count(*)::int as n from audit_events where action = 'classification.recomputed' and occurred_at = ${now.toISOString()}::timestamptz
          and actor_username = 'system'`,
    );
    expect(rows[0]?.n).toBe(1);
  });
});
