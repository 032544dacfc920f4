import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DbHandle, openDatabase, runMigrations, schema } from '@zhiben/db';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../src/app.js';
import { DEMO_PASSWORD } from '../src/seed/accounts.js';
import { seedDatabase } from '../src/seed/seed.js';
import { as, login } from './harness.js';

/** The demo employee reports, on an in-memory database of their own (demo seeding needs an empty one). */
let handle: DbHandle;
let app: App;

beforeAll(async () => {
  handle = await openDatabase({});
  await runMigrations(handle);
  await seedDatabase(handle.db, { demo: true, clock: () => new Date() });
  app = await buildApp({
    db: handle.db,
    sessionSecret: 'test-secret-test-secret-test-secret!!',
    demo: true,
    filesDir: mkdtempSync(join(tmpdir(), 'zb-files-')),
  });
});
afterAll(async () => {
  await app?.close();
  await handle?.close();
});

describe('demo employee reports', () => {
  it("gives the demo principal's enterprise reports in every outcome, with rewards, identity shown to the principal only", async () => {
    const principal = await login(app, 'principal', DEMO_PASSWORD);
    const staff = await login(app, 'staff', DEMO_PASSWORD);
    const own = (await as(app, principal).get('/api/v1/employee-reports?pageSize=50')).json();
    const statuses = new Set(own.items.map((r: { status: string }) => r.status));
    expect([...statuses].sort()).toEqual(['confirmed', 'duplicate', 'rejected', 'submitted']);
    const paid = own.items.filter((r: { rewardPaidAt: string | null }) => r.rewardPaidAt);
    expect(paid.length).toBeGreaterThanOrEqual(1);
    expect(own.items.some((r: { rewardFen: number | null; rewardPaidAt: string | null }) => r.rewardFen && !r.rewardPaidAt)).toBe(true);
    const signed = own.items.find((r: { reporterName: string | null }) => r.reporterName === '陈小明');
    expect(signed).toBeTruthy();

    const staffView = await as(app, staff).get('/api/v1/employee-reports?pageSize=50');
    expect(staffView.json().items).toHaveLength(own.items.length);
    expect(staffView.body).not.toContain('陈小明');
    expect(staffView.body).not.toContain('13903551234');

    // Reports found 属实 have their linked hazard.
    for (const r of own.items.filter((x: { status: string }) => x.status === 'confirmed')) {
      const [hazard] = await handle.db
        .select()
        .from(schema.hazards)
        .where(and(eq(schema.hazards.source, 'employee_report'), eq(schema.hazards.sourceRef, r.id)));
      expect(hazard?.id).toBe(r.hazardId);
    }

    const receipt = (await app.inject({ method: 'GET', url: '/api/v1/public/reports/receipt/DEM00-00002' })).json();
    expect(receipt).toMatchObject({ status: 'confirmed', outcomeLabel: '属实', grade: '一般', rewardFen: 5000 });
    expect(receipt.rewardPaidAt).toBeTruthy();

    const settings = (await as(app, principal).get(`/api/v1/enterprises/${signed.enterpriseId}/report-settings`)).json();
    const submitted = await app.inject({
      method: 'POST',
      url: `/api/v1/public/reports/${settings.token}`,
      payload: { description: '演示：楼梯扶手松动', location: '办公楼' },
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
  });

  it('spreads reports over other demo enterprises too, seen by the bureau', async () => {
    const officer = await login(app, 'officer', DEMO_PASSWORD);
    const all = (await as(app, officer).get('/api/v1/employee-reports?pageSize=100')).json();
    expect(all.total).toBeGreaterThanOrEqual(9);
    expect(new Set(all.items.map((r: { enterpriseId: string }) => r.enterpriseId)).size).toBeGreaterThanOrEqual(4);
    expect(all.items.some((r: { grade: string | null; rewardFen: number | null }) => r.grade === '重大' && r.rewardFen === 100000)).toBe(
      true,
    );
  });
});
