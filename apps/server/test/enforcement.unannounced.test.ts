import { permissionsOf, type Role } from '@zhiben/contracts';
import { schema } from '@zhiben/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, buildTestApp, login, type Session, type TestApp, uniq } from './harness.js';
import { buildWorld, routeKey, SAMPLES, type World } from './route-samples.js';
import { officers } from './samples/enforcement.js';

/**
 * 四不两直 (seed §三(八)18): an unannounced task is invisible to every enterprise account until the inspection
 * starts — through every list and read route an enterprise account may call (taken from the route table, so a
 * new route is covered), every detail route of the task, the notification centre and the to-do list. The bureau
 * sees it all along (so the test can tell a hidden task from a missing one), and the enterprise sees it once it has
 * started.
 */
let t: TestApp;
let world: World;
let taskId: string;
const marker = uniq('四不两直标记');
const enterpriseSessions: { role: Role; session: Session }[] = [];

beforeAll(async () => {
  t = await buildTestApp();
  world = await buildWorld(t);
  const res = await as(t.app, world.sessions.admin).post('/api/v1/enforcement/tasks', {
    enterpriseId: world.a.enterprise.id,
    source: 'complaint',
    unannounced: true,
    officerIds: await officers(world),
    plannedDate: new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10),
    note: marker,
  });
  if (res.statusCode !== 200) throw new Error(res.body);
  taskId = res.json().id;
  for (const user of [world.a.principal, world.a.safety, world.a.staff]) {
    enterpriseSessions.push({ role: user.role as Role, session: await login(t.app, user.username) });
  }
});
afterAll(async () => t?.close());

/** Every GET route an enterprise account of this role holds the permission for, with its sample URL. */
async function readableRoutes(role: Role) {
  const permissions = permissionsOf(role);
  const out: { key: string; url: string; byId: boolean }[] = [];
  for (const route of t.app.routeTable.filter((r) => r.method === 'GET' && r.url.startsWith('/api/v1/'))) {
    const permission = route.config.permission as string | undefined;
    if (permission && !permissions.has(permission as never)) continue;
    const key = routeKey(route.method, route.url);
    const sample = SAMPLES[key];
    if (!sample) throw new Error(`no sample for ${key}`);
    // By id: the hidden task itself, and the enterprise's own record (its detail, history, class …).
    const byTaskId = route.url.includes(':id') && route.config.entity === 'inspection_task';
    const byEnterprise = route.url.includes(':id') && route.config.entity === 'enterprise';
    if (route.url.includes(':id') && !byTaskId && !byEnterprise) continue;
    const { url } = await sample.build(world, byTaskId ? taskId : byEnterprise ? world.a.enterprise.id : undefined);
    out.push({ key, url: url.replace(/pageSize=\d+/, 'pageSize=200'), byId: byTaskId });
  }
  return out;
}

async function leaks(session: Session, role: Role) {
  const found: string[] = [];
  for (const route of await readableRoutes(role)) {
    const res = await as(t.app, session).get(route.url);
    if (route.byId) {
      if (res.statusCode !== 404) found.push(`${route.key}: ${res.statusCode}`);
    } else if (res.body.includes(taskId) || res.body.includes(marker)) {
      found.push(`${route.key} shows the task`);
    }
  }
  return found;
}

describe('an unannounced task before it starts', () => {
  it('is on the bureau’s list, its officers’ to-dos and notifications (the task exists)', async () => {
    const admin = as(t.app, world.sessions.admin);
    expect((await admin.get('/api/v1/enforcement/tasks?pageSize=200')).body).toContain(taskId);
    expect((await admin.get('/api/v1/todos')).body).toContain(taskId);
    // The other officer was told (the creator is never told about his own action).
    const [, other] = await officers(world);
    const told = await t.handle.db
      .select({ userId: schema.notifications.userId })
      .from(schema.notifications)
      .where(eq(schema.notifications.entityId, taskId));
    expect(told.map((n) => n.userId)).toEqual([other]);
  });

  it('is invisible to every enterprise account through every readable route, notifications and to-dos included', async () => {
    const readable = await readableRoutes('enterprise_principal');
    // The routes that matter are among them (a route table change cannot silently drop them).
    expect(readable.map((r) => r.key)).toEqual(
      expect.arrayContaining([
        'GET /api/v1/enforcement/tasks',
        'GET /api/v1/enforcement/tasks/:id',
        'GET /api/v1/enforcement/tasks/:id/checklist',
        'GET /api/v1/enforcement/documents',
        'GET /api/v1/enforcement/cases',
        'GET /api/v1/notifications',
        'GET /api/v1/notifications/stream',
        'GET /api/v1/todos',
        'GET /api/v1/hazards',
      ]),
    );
    const failures: string[] = [];
    for (const { role, session } of enterpriseSessions) failures.push(...(await leaks(session, role)).map((f) => `${role}: ${f}`));
    expect(failures).toEqual([]);
  });
});

describe('once it has started', () => {
  it('is visible to the enterprise: list, detail and a notification', async () => {
    const started = await as(t.app, world.sessions.admin).post(`/api/v1/enforcement/tasks/${taskId}/start`, {});
    expect(started.statusCode, started.body).toBe(200);
    const principal = enterpriseSessions.find((s) => s.role === 'enterprise_principal')?.session;
    if (!principal) throw new Error('no principal session');
    const self = as(t.app, principal);
    expect((await self.get('/api/v1/enforcement/tasks?pageSize=200')).body).toContain(taskId);
    const detail = await self.get(`/api/v1/enforcement/tasks/${taskId}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toMatchObject({ unannounced: true, status: 'in_progress', abilities: { start: false, findings: false } });
    const notes = (await self.get('/api/v1/notifications?pageSize=200')).json();
    expect(notes.items).toContainEqual(expect.objectContaining({ kind: 'enforcement.task_started', entityId: taskId }));
    // Another enterprise still cannot see it.
    expect((await as(t.app, world.sessions.principalB).get(`/api/v1/enforcement/tasks/${taskId}`)).statusCode).toBe(404);
  });
});
