import {
  HAZARD_ACTIONS,
  HAZARD_LEVELS,
  HAZARD_STATUSES,
  HAZARD_TRANSITIONS,
  type HazardAction,
  type HazardLevel,
  type HazardStatus,
  type Role,
} from '@zhiben/contracts';
import { schema } from '@zhiben/db';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  as,
  auditRowsOf,
  buildTestApp,
  createTenant,
  createUser,
  login,
  regionByCode,
  type Session,
  type TestApp,
  uniq,
} from './harness.js';
import { dateIn } from './samples/hazard-loop.js';

/**
 * The hazard state machine, table-driven from HAZARD_TRANSITIONS itself: every action from every state (allowed →
 * 200 and the table's next state; refused → 409 with the current state), and every action by every role at both
 * levels (a role the table does not list → 403), each success with exactly one audit row and one timeline row.
 */
let t: TestApp;
let tenant: Awaited<ReturnType<typeof createTenant>>;
let sessions: Record<Role, Session>;
let photo: string;
let majorItemId: string;

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

beforeAll(async () => {
  t = await buildTestApp();
  tenant = await createTenant(t);
  await t.handle.db
    .update(schema.enterprises)
    .set({ derivedSector: 'light_industry', riskTags: ['dust_explosion', 'dust_wood'], dustWorkers: 40 })
    .where(eq(schema.enterprises.id, tenant.enterprise.id));
  const hd = await regionByCode(t.handle, '140404001');
  const user = async (role: Role) =>
    login(t.app, (await createUser(t.handle, role, role === 'township_officer' ? { regionId: hd.id } : {})).username);
  sessions = {
    enterprise_principal: await login(t.app, tenant.principal.username),
    enterprise_safety_manager: await login(t.app, tenant.safety.username),
    enterprise_staff: await login(t.app, tenant.staff.username),
    bureau_admin: await user('bureau_admin'),
    bureau_officer: await user('bureau_officer'),
    bureau_leader: await user('bureau_leader'),
    township_officer: await user('township_officer'),
    expert: await user('expert'),
  };
  photo = (await as(t.app, sessions.enterprise_principal).post('/api/v1/files', PNG)).json().hash;
  const checklist = (await as(t.app, sessions.enterprise_principal).get(`/api/v1/enterprises/${tenant.enterprise.id}/checklist`)).json();
  majorItemId = checklist.items[0].id;
});
afterAll(async () => t?.close());

async function hazardIn(status: HazardStatus, level: HazardLevel, extra: Partial<typeof schema.hazards.$inferInsert> = {}) {
  const [row] = await t.handle.db
    .insert(schema.hazards)
    .values({
      enterpriseId: tenant.enterprise.id,
      regionPath: tenant.enterprise.regionPath,
      source: 'other',
      sourceRef: uniq('m'),
      level,
      standardItemId: level === 'major' ? majorItemId : null,
      description: '状态机测试隐患',
      status,
      foundAt: new Date(),
      closedAt: status === 'closed' ? new Date() : null,
      responsibleName: status === 'pending_judgement' ? null : '王师傅',
      ...extra,
    })
    .returning({ id: schema.hazards.id });
  return row?.id ?? '';
}

const MAJOR_PLAN = {
  goals: '消除粉尘爆炸隐患',
  methods: '加装火花探测和隔爆阀',
  fundsMaterials: '安全费用列支 30 万元',
  organization: '总经理任组长',
  timeline: '30 日内完成',
  safetyMeasures: '停止相关作业并设置警戒',
};

/** A valid body for the action at the level (judge: judged at the hazard's own level). */
function bodyFor(action: HazardAction, level: HazardLevel): Record<string, unknown> {
  switch (action) {
    case 'judge':
      return {
        level,
        responsibleUserId: tenant.safety.id,
        measures: '按标准整改',
        fundsFen: 500_000,
        deadline: dateIn(20),
        ...(level === 'major'
          ? { standardItemId: majorItemId, majorPlan: MAJOR_PLAN, contingencyPlan: '停产并设警戒', productionStopped: true }
          : {}),
      };
    case 'dismiss':
      return { note: '复核不构成隐患' };
    case 'assign':
      return { measures: '调整后的整改措施' };
    case 'submit':
      return { note: '已整改完毕', photos: [photo] };
    case 'accept':
      return { note: '验收合格', photos: [photo] };
    case 'reject':
      return { note: '整改不到位' };
    case 'supervise':
      return { supervisingUnit: '上党区安委会办公室', supervisionDeadline: dateIn(30) };
    case 'publish':
    case 'unpublish':
      return {};
  }
}

/** Fixture extras an action needs besides the state (unpublish: a published hazard). */
const extrasFor = (action: HazardAction) => (action === 'unpublish' ? { publishedAt: new Date() } : {});

/** A role the table allows for the action at the level (preferring the bureau for bureau-only steps). */
function allowedRole(action: HazardAction, level: HazardLevel): Role | undefined {
  return HAZARD_TRANSITIONS[action].actors[level][0];
}

async function eventsOf(hazardId: string) {
  return t.handle.db.select().from(schema.hazardEvents).where(eq(schema.hazardEvents.hazardId, hazardId));
}

describe('hazard state machine (every action × every state)', () => {
  const cases = HAZARD_ACTIONS.flatMap((action) =>
    HAZARD_LEVELS.filter((level) => allowedRole(action, level)).flatMap((level) =>
      HAZARD_STATUSES.map((status) => ({ action, level, status })),
    ),
  );
  it.each(cases)('$action on a $level hazard that is $status', async ({ action, level, status }) => {
    const role = allowedRole(action, level) as Role;
    const id = await hazardIn(status, level, extrasFor(action));
    const res = await as(t.app, sessions[role]).post(`/api/v1/hazards/${id}/${action}`, bodyFor(action, level));
    const transition = HAZARD_TRANSITIONS[action];
    if (transition.from.includes(status)) {
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().status).toBe(transition.to ?? status);
    } else {
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json()).toMatchObject({ code: 'STATE_CONFLICT', details: { currentStatus: status } });
      expect(await auditRowsOf(t.handle, res.headers['x-request-id'])).toHaveLength(0);
      expect(await eventsOf(id)).toHaveLength(0);
      const [row] = await t.handle.db.select().from(schema.hazards).where(eq(schema.hazards.id, id));
      expect(row?.status).toBe(status);
    }
  });
});

describe('hazard state machine (every action × every role × both levels)', () => {
  const roles = Object.keys({
    bureau_admin: 1,
    bureau_officer: 1,
    bureau_leader: 1,
    township_officer: 1,
    enterprise_principal: 1,
    enterprise_safety_manager: 1,
    enterprise_staff: 1,
    expert: 1,
  }) as Role[];
  const cases = HAZARD_ACTIONS.flatMap((action) =>
    HAZARD_LEVELS.flatMap((level) =>
      roles.map((role) => ({ action, level, role, allowed: HAZARD_TRANSITIONS[action].actors[level].includes(role) })),
    ),
  );
  it.each(cases)('$action on a $level hazard by $role (allowed: $allowed)', async ({ action, level, role, allowed }) => {
    const status = HAZARD_TRANSITIONS[action].from[0] as HazardStatus;
    const id = await hazardIn(status, level, extrasFor(action));
    const res = await as(t.app, sessions[role]).post(`/api/v1/hazards/${id}/${action}`, bodyFor(action, level));
    if (!allowed) {
      expect(res.statusCode, res.body).toBe(403);
      expect(await auditRowsOf(t.handle, res.headers['x-request-id'])).toHaveLength(0);
      expect(await eventsOf(id)).toHaveLength(0);
      return;
    }
    expect(res.statusCode, res.body).toBe(200);
    // one audit row and one timeline row, in the same transaction, naming the actor and the move
    const audit = await auditRowsOf(t.handle, res.headers['x-request-id']);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      entityType: 'hazard',
      entityId: id,
      actorId: sessions[role].userId,
      enterpriseId: tenant.enterprise.id,
    });
    expect(audit[0]?.action).toMatch(/^hazards\./);
    const events = await eventsOf(id);
    expect(events).toHaveLength(1);
    const to = HAZARD_TRANSITIONS[action].to ?? status;
    expect(events[0]).toMatchObject({ action, fromStatus: status, toStatus: to, actorId: sessions[role].userId });
    expect(events[0]?.actorName).toBeTruthy();
    const [row] = await t.handle.db
      .select()
      .from(schema.hazards)
      .where(and(eq(schema.hazards.id, id)));
    expect(row?.status).toBe(to);
    if (to === 'closed') expect(row?.closedAt).toBeTruthy();
  });

  it('offers exactly the allowed actions as abilities', async () => {
    for (const level of HAZARD_LEVELS) {
      for (const status of HAZARD_STATUSES) {
        const id = await hazardIn(status, level);
        for (const role of roles) {
          const res = await as(t.app, sessions[role]).get(`/api/v1/hazards/${id}`);
          expect(res.statusCode).toBe(200);
          const abilities = res.json().abilities as Record<HazardAction, boolean>;
          for (const action of HAZARD_ACTIONS) {
            const t0 = HAZARD_TRANSITIONS[action];
            const expected = t0.from.includes(status) && t0.actors[level].includes(role) && action !== 'unpublish'; // unpublish also needs a publication
            expect(abilities[action], `${role} ${action} ${level} ${status}`).toBe(expected);
          }
        }
      }
    }
  });
});
