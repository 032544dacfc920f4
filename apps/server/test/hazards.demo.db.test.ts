import { HAZARD_STATUSES } from '@zhiben/contracts';
import { type DbHandle, DEMO_ACCOUNT_ENTERPRISE_CREDIT_CODE, queryRows, schema } from '@zhiben/db';
import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.js';
import { type DemoApp, startDemoApp } from './demo-app.js';
import { as, type Session } from './harness.js';
import { expectBoardMatchesSql } from './hazards.helpers.js';

/**
 * The demo data on a database of its own (demo seeding needs an empty one): in-memory PGlite, or a fresh
 * PostgreSQL database next to DATABASE_URL's when that is set.
 */
let demo: DemoApp;
let handle: DbHandle;
let app: App;
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

beforeAll(async () => {
  demo = await startDemoApp();
  ({ handle, app } = demo);
});
afterAll(async () => demo?.close());

const demoLogin = (username: string): Promise<Session> => demo.demoLogin(username);

describe('demo hazards', () => {
  it('covers every state, overdue, 挂牌督办, publication and dismissal, over several townships', async () => {
    const rows = await handle.db.select().from(schema.hazards);
    expect(rows.length).toBeGreaterThan(20);
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(HAZARD_STATUSES));
    const now = Date.now();
    const open = rows.filter((r) => r.status !== 'closed');
    expect(open.filter((r) => r.deadline && r.deadline.getTime() < now).length).toBeGreaterThan(1);
    expect(open.filter((r) => r.supervised).length).toBeGreaterThan(1);
    expect(rows.filter((r) => r.publishedAt).length).toBeGreaterThan(1);
    expect(new Set(rows.map((r) => r.regionPath)).size).toBeGreaterThan(5);
    for (const level of ['general', 'major'])
      expect(new Set(rows.filter((r) => r.level === level).map((r) => r.status))).toEqual(new Set(HAZARD_STATUSES));
    // major hazards always name a standard item
    expect(rows.filter((r) => r.level === 'major' && !r.standardItemId)).toEqual([]);
    const [dismissed] = await queryRows<{ n: number }>(
      handle.db,
      sql`select count(*)::int as n from hazard_events where action = 'dismiss'`,
    );
    expect(dismissed?.n).toBeGreaterThan(0);
  });

  it('gives every hazard a consistent timeline: reported first, chronological, ending in its current state', async () => {
    const rows = await handle.db.select().from(schema.hazards);
    const events = await handle.db.select().from(schema.hazardEvents).orderBy(asc(schema.hazardEvents.at));
    for (const hazard of rows) {
      const own = events.filter((e) => e.hazardId === hazard.id);
      expect(own[0]?.action).toBe('reported');
      const moves = own.filter((e) => e.fromStatus !== null || e.action === 'reported');
      for (let i = 1; i < moves.length; i++) expect(moves[i]?.fromStatus).toBe(moves[i - 1]?.toStatus);
      expect(own.at(-1)?.toStatus).toBe(hazard.status);
      if (hazard.closedAt) expect(hazard.status).toBe('closed');
    }
  });

  it("has an open major hazard at the demo principal's enterprise, which he sees but cannot close", async () => {
    const principal = await demoLogin('principal');
    const list = (await as(app, principal).get('/api/v1/hazards?level=major&pageSize=100')).json();
    const openMajor = list.items.filter((h: { status: string }) => h.status !== 'closed');
    expect(openMajor.length).toBeGreaterThan(0);
    const [own] = await handle.db
      .select({ id: schema.enterprises.id })
      .from(schema.enterprises)
      .where(eq(schema.enterprises.creditCode, DEMO_ACCOUNT_ENTERPRISE_CREDIT_CODE));
    expect(openMajor.every((h: { enterpriseId: string }) => h.enterpriseId === own?.id)).toBe(true);
    for (const h of openMajor) expect(h.abilities).toMatchObject({ judge: false, accept: false, dismiss: false });
    expect(openMajor.some((h: { supervised: boolean; publishedAt: string | null }) => h.supervised && h.publishedAt)).toBe(true);
  });

  it('shows board numbers equal to direct SQL counts for the bureau, the township and the enterprise', async () => {
    const officer = await demoLogin('officer');
    const township = await demoLogin('township');
    const principal = await demoLogin('principal');
    const board = (s: Session) => async () => (await as(app, s).get('/api/v1/hazards/zeroing')).json();
    const all = await expectBoardMatchesSql(board(officer), handle.db, sql`true`);
    expect(all.summary.openMajor).toBeGreaterThan(3);
    expect(all.summary.overdue).toBeGreaterThan(0);
    expect(all.supervision.length).toBeGreaterThan(0);
    const [hd] = await handle.db.select().from(schema.regions).where(eq(schema.regions.code, '140404001'));
    const town = await expectBoardMatchesSql(board(township), handle.db, sql`e.region_path like ${`${hd?.path}%`}`);
    expect(town.summary.openMajor).toBeLessThan(all.summary.openMajor);
    const [own] = await handle.db
      .select({ id: schema.enterprises.id })
      .from(schema.enterprises)
      .where(eq(schema.enterprises.creditCode, DEMO_ACCOUNT_ENTERPRISE_CREDIT_CODE));
    const mine = await expectBoardMatchesSql(board(principal), handle.db, sql`h.enterprise_id = ${own?.id}`);
    expect(mine.summary.openMajor).toBeGreaterThan(0);
    // The board's 未销号 card links to the list with open=true: the list shows the same number, and open=false the rest.
    const listTotal = async (s: Session, q: string) => (await as(app, s).get(`/api/v1/hazards?level=major&${q}`)).json().total;
    expect(await listTotal(officer, 'open=true')).toBe(all.summary.openMajor);
    expect(await listTotal(township, 'open=true')).toBe(town.summary.openMajor);
    expect(await listTotal(principal, 'open=true')).toBe(mine.summary.openMajor);
    const [closed] = await queryRows<{ n: number }>(
      handle.db,
      sql`select count(*)::int as n from hazards where level = 'major' and status = 'closed'`,
    );
    expect(await listTotal(officer, 'open=false')).toBe(closed?.n);
  });

  it('drops a major hazard from the open-major count when the officer accepts it with photos', async () => {
    const officer = await demoLogin('officer');
    const before = (await as(app, officer).get('/api/v1/hazards/zeroing')).json();
    const waiting = (await as(app, officer).get('/api/v1/hazards?level=major&status=pending_acceptance&pageSize=1')).json().items[0];
    expect(waiting?.abilities.accept).toBe(true);
    const photo = (await as(app, officer).post('/api/v1/files', PNG)).json().hash;
    const res = await as(app, officer).post(`/api/v1/hazards/${waiting.id}/accept`, { note: '复查验收合格', photos: [photo] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('closed');
    const after = (await as(app, officer).get('/api/v1/hazards/zeroing')).json();
    expect(after.summary.openMajor).toBe(before.summary.openMajor - 1);
    expect(after.summary.closedThisMonth).toBe(before.summary.closedThisMonth + 1);
  });
});
