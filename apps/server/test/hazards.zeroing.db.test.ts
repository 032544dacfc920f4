import { schema } from '@zhiben/db';
import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, buildTestApp, createTenant, createUser, login, regionByCode, type Session, type TestApp, uniq } from './harness.js';
import { boardBySql, boardNumbers, expectBoardMatchesSql } from './hazards.helpers.js';

/**
 * The 动态清零 board against hand-counted fixtures around the Asia/Shanghai month boundary, and against direct
 * SQL for the enterprise, the township and the whole district.
 */
let t: TestApp;
let tenant: Awaited<ReturnType<typeof createTenant>>;
let principal: Session;
let officer: Session;
let township: Session;
let items: { id: string; article: number }[];

/** 2026-08-01 00:30 in Shanghai (still July in UTC). */
const NOW = new Date('2026-07-31T16:30:00Z');
const D = (iso: string) => new Date(iso);

async function hazard(
  values: Partial<typeof schema.hazards.$inferInsert> & { level: string; status: string; foundAt: Date },
  dismissed = false,
) {
  const [row] = await t.handle.db
    .insert(schema.hazards)
    .values({
      enterpriseId: tenant.enterprise.id,
      regionPath: tenant.enterprise.regionPath,
      source: 'other',
      sourceRef: uniq('z'),
      description: '看板测试隐患',
      standardItemId: values.level === 'major' ? (items[0]?.id ?? null) : null,
      ...values,
    })
    .returning({ id: schema.hazards.id });
  if (!row) throw new Error('fixture hazard');
  if (dismissed) {
    await t.handle.db.insert(schema.hazardEvents).values({
      hazardId: row.id,
      enterpriseId: tenant.enterprise.id,
      action: 'dismiss',
      fromStatus: 'pending_judgement',
      toStatus: 'closed',
      at: values.closedAt ?? values.foundAt,
    });
  }
  return row.id;
}

beforeAll(async () => {
  t = await buildTestApp();
  t.clock.set(NOW);
  tenant = await createTenant(t, '140404001');
  await t.handle.db
    .update(schema.enterprises)
    .set({ derivedSector: 'light_industry', riskTags: ['dust_explosion', 'dust_wood'], dustWorkers: 40 })
    .where(eq(schema.enterprises.id, tenant.enterprise.id));
  principal = await login(t.app, tenant.principal.username);
  officer = await login(t.app, (await createUser(t.handle, 'bureau_officer')).username);
  const hd = await regionByCode(t.handle, '140404001');
  township = await login(t.app, (await createUser(t.handle, 'township_officer', { regionId: hd.id })).username);
  const checklist = (await as(t.app, principal).get(`/api/v1/enterprises/${tenant.enterprise.id}/checklist`)).json();
  const byArticle = new Map<number, { id: string; article: number }>();
  for (const i of checklist.items as { id: string; article: number }[]) if (!byArticle.has(i.article)) byArticle.set(i.article, i);
  items = [...byArticle.values()];
  expect(items.length).toBeGreaterThan(1);

  // 1: open, found 23:00 on 31 July local (this year, last month), deadline passed → overdue
  await hazard({ level: 'major', status: 'rectifying', foundAt: D('2026-07-31T15:00:00Z'), deadline: D('2026-07-31T16:00:00Z') });
  // 2: open, found 00:10 on 1 August local → this month
  await hazard({ level: 'major', status: 'pending_acceptance', foundAt: D('2026-07-31T16:10:00Z'), deadline: D('2026-08-20T15:59:59Z') });
  // 3: closed 23:59 on 31 July local → closed this year, not this month (30.67 days)
  await hazard({ level: 'major', status: 'closed', foundAt: D('2026-07-01T00:00:00Z'), closedAt: D('2026-07-31T15:59:00Z') });
  // 4: closed 00:01 on 1 August local → closed this month (10 days)
  await hazard({ level: 'major', status: 'closed', foundAt: D('2026-07-21T16:01:00Z'), closedAt: D('2026-07-31T16:01:00Z') });
  // 5: dismissed (不构成隐患): counts nowhere
  await hazard({ level: 'major', status: 'closed', foundAt: D('2026-07-31T16:05:00Z'), closedAt: D('2026-07-31T16:20:00Z') }, true);
  // 6: found and closed last year
  await hazard({ level: 'major', status: 'closed', foundAt: D('2025-05-01T00:00:00Z'), closedAt: D('2025-12-31T15:00:00Z') });
  // 7: open, 挂牌督办 with a passed supervision deadline, another article
  await hazard({
    level: 'major',
    status: 'rectifying',
    foundAt: D('2026-03-01T00:00:00Z'),
    deadline: D('2026-09-30T15:59:59Z'),
    standardItemId: items[1]?.id ?? null,
    supervised: true,
    supervisingUnit: '上党区安委办',
    supervisionDeadline: D('2026-07-15T15:59:59Z'),
  });
  // 8, 9: general hazards: one open and overdue, one closed
  await hazard({ level: 'general', status: 'rectifying', foundAt: D('2026-07-10T00:00:00Z'), deadline: D('2026-07-20T00:00:00Z') });
  await hazard({ level: 'general', status: 'closed', foundAt: D('2026-07-10T00:00:00Z'), closedAt: D('2026-07-12T00:00:00Z') });
});
afterAll(async () => t?.close());

describe('动态清零 board', () => {
  it("counts the enterprise's own hazards by the Shanghai calendar, dismissed ones excluded", async () => {
    const res = await as(t.app, principal).get('/api/v1/hazards/zeroing');
    expect(res.statusCode, res.body).toBe(200);
    const board = res.json();
    expect(board.month).toMatchObject({ label: '2026-08', start: '2026-07-31T16:00:00.000Z' });
    expect(board.year.label).toBe('2026');
    expect(board.summary).toEqual({
      openMajor: 3,
      pendingJudgement: 0,
      openedThisMonth: 1,
      closedThisMonth: 1,
      openedThisYear: 5,
      closedThisYear: 2,
      overdue: 1,
      supervised: 1,
      averageDaysToClose: 20.3,
      openGeneral: 1,
      overdueGeneral: 1,
    });
    expect(board.bySector).toEqual([{ key: 'light_industry', label: '轻工', open: 3, overdue: 1, openedThisYear: 5, closedThisYear: 2 }]);
    expect(board.byArticle.map((r: { key: string; open: number }) => [r.key, r.open])).toEqual([
      [String(items[0]?.article), 2],
      [String(items[1]?.article), 1],
    ]);
    expect(board.enterprises).toEqual([
      expect.objectContaining({
        enterpriseId: tenant.enterprise.id,
        open: 3,
        overdue: 1,
        supervised: 1,
        nearestDeadline: '2026-07-31T16:00:00.000Z',
      }),
    ]);
    expect(board.supervision).toEqual([
      expect.objectContaining({ status: 'rectifying', supervisingUnit: '上党区安委办', overdue: false, supervisionOverdue: true }),
    ]);
    expect(boardNumbers(board)).toEqual(await boardBySql(t.handle.db, sql`h.enterprise_id = ${tenant.enterprise.id}`, board.asOf));
  });

  it('equals direct SQL counts for the township and the district', async () => {
    const fetch = (s: Session) => async () => (await as(t.app, s).get('/api/v1/hazards/zeroing')).json();
    const hd = await regionByCode(t.handle, '140404001');
    const town = await expectBoardMatchesSql(fetch(township), t.handle.db, sql`e.region_path like ${`${hd.path}%`}`);
    expect(town.summary.openMajor).toBeGreaterThanOrEqual(3);
    expect(town.byRegion.some((r: { key: string }) => r.key !== hd.id)).toBe(false);
    const all = await expectBoardMatchesSql(fetch(officer), t.handle.db, sql`true`);
    expect(all.summary.openMajor).toBeGreaterThanOrEqual(town.summary.openMajor);
  });

  it('exports the board as .xlsx with Chinese headers', async () => {
    const res = await as(t.app, principal).get('/api/v1/hazards/zeroing/export');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain('hazard-zeroing-2026-08-01.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['汇总', '按行业', '按乡镇', '按标准条款', '重大隐患企业', '挂牌督办']);
    const summary = workbook.getWorksheet('汇总');
    expect(summary?.getCell(1, 1).value).toContain(tenant.enterprise.name);
    expect(summary?.getRow(2).values).toEqual([undefined, '指标', '数值']);
    expect(summary?.getRow(3).values).toEqual([undefined, '未销号重大隐患（个）', 3]);
    expect(summary?.getRow(11).values).toEqual([undefined, '本年平均整改天数（天）', 20.3]);
    const enterprises = workbook.getWorksheet('重大隐患企业');
    expect(enterprises?.getRow(2).getCell(1).value).toBe('企业名称');
    expect(enterprises?.getRow(3).getCell(1).value).toBe(tenant.enterprise.name);
    expect(enterprises?.getRow(3).getCell(7).value).toBe('2026-08-01 00:00');
    const supervision = workbook.getWorksheet('挂牌督办');
    expect(supervision?.getRow(3).getCell(9).value).toBe('是');
  });
});
