import type { CaseDto, InspectionTaskDto, PlanSummaryDto } from '@zhiben/contracts';
import { type DbHandle, queryRows } from '@zhiben/db';
import { shanghaiParts } from '@zhiben/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.js';
import { DEMO_FOUNDRY_NAME } from '../src/seed/demo-enforcement.js';
import { type DemoApp, startDemoApp } from './demo-app.js';
import { as, type Session } from './harness.js';

/**
 * The demo enforcement data (issue #7) on a database of its own (demo seeding needs an empty one): classes for
 * every demo enterprise, an approved plan and a draft, tasks in several states, a 一案双罚 case, and the journey's
 * unannounced task on the demo foundry, which `officer` can start and `foundry` sees only then.
 */
let demo: DemoApp;
let handle: DbHandle;
let app: App;

beforeAll(async () => {
  demo = await startDemoApp();
  ({ handle, app } = demo);
});
afterAll(async () => demo?.close());

const demoLogin = (username: string): Promise<Session> => demo.demoLogin(username);

describe('demo enforcement', () => {
  it('classifies every demo enterprise, with all four classes present and explained', async () => {
    const [row] = await queryRows<{ enterprises: number; classified: number; classes: string[] }>(
      handle.db,
      sql`select (select count(*)::int from enterprises) as enterprises, count(*)::int as classified,
                 array_agg(distinct risk_class order by risk_class) as classes
          from enterprise_classifications`,
    );
    expect(row?.classified).toBe(row?.enterprises);
    expect(row?.classes).toEqual(['A', 'B', 'C', 'D']);
    const stats = (await as(app, await demoLogin('leader')).get('/api/v1/classification/stats')).json();
    expect(stats.total).toBeGreaterThan(100);
    expect(stats.byRegion.length).toBeGreaterThan(5);
  });

  it('has an approved plan for this year and a draft for the next, tasks in several states and a 一案双罚 case', async () => {
    const officer = await demoLogin('officer');
    const year = shanghaiParts(new Date()).year;
    const plans = (await as(app, officer).get('/api/v1/enforcement/plans')).json().items as PlanSummaryDto[];
    expect(plans.map((p) => [p.year, p.status])).toEqual([
      [year + 1, 'draft'],
      [year, 'approved'],
    ]);
    expect(plans[1]?.keyEnterprises).toBeGreaterThan(0);

    const tasks = (await as(app, officer).get('/api/v1/enforcement/tasks?pageSize=200')).json().items as InspectionTaskDto[];
    expect(new Set(tasks.map((t) => t.status))).toEqual(new Set(['scheduled', 'rectifying', 'closed']));
    expect(tasks.some((t) => t.kind === 'online_patrol')).toBe(true);
    const todos = (await as(app, officer).get('/api/v1/todos')).json().items as { kind: string }[];
    expect(todos.map((t) => t.kind)).toEqual(expect.arrayContaining(['enforcement_task', 'enforcement_reinspect']));

    const cases = (await as(app, officer).get('/api/v1/enforcement/cases')).json().items as CaseDto[];
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({ status: 'decided', dualPenalty: true });
    expect(cases[0]?.decisions.every((d) => d.decisionNumber !== null)).toBe(true);
  });

  it('leaves the foundry’s unannounced task ready to start: hidden from `foundry` until `officer` starts it', async () => {
    const officer = await demoLogin('officer');
    const foundry = await demoLogin('foundry');
    const tasks = (await as(app, officer).get(`/api/v1/enforcement/tasks?q=${encodeURIComponent(DEMO_FOUNDRY_NAME)}`)).json().items;
    expect(tasks).toHaveLength(1);
    const task = tasks[0] as InspectionTaskDto;
    expect(task).toMatchObject({ status: 'scheduled', unannounced: true, enterpriseName: DEMO_FOUNDRY_NAME, abilities: { start: true } });
    expect(task.officers).toHaveLength(2);

    expect((await as(app, foundry).get('/api/v1/enforcement/tasks')).json().total).toBe(0);
    expect((await as(app, foundry).get(`/api/v1/enforcement/tasks/${task.id}`)).statusCode).toBe(404);
    const started = await as(app, officer).post(`/api/v1/enforcement/tasks/${task.id}/start`, {});
    expect(started.statusCode, started.body).toBe(200);
    expect((await as(app, foundry).get(`/api/v1/enforcement/tasks/${task.id}`)).statusCode).toBe(200);
    const own = (await as(app, foundry).get('/api/v1/enterprises?pageSize=5')).json().items;
    expect(own.map((e: { name: string }) => e.name)).toEqual([DEMO_FOUNDRY_NAME]);
    expect(['A', 'B', 'C', 'D']).toContain(own[0].riskClass);
  });
});
