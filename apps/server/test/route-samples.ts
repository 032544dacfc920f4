import type { Role } from '@zhiben/contracts';
import { schema } from '@zhiben/db';
import {
  as,
  createTenant,
  createUser,
  login,
  newCreditCode,
  regionByCode,
  type Session,
  TEST_PASSWORD,
  type TestApp,
  uniq,
} from './harness.js';
import { ledgerFile } from './ledger-fixtures.js';
import { ALARMS_FACTORIES, ALARMS_SAMPLES } from './samples/alarms.js';
import { EMPLOYEE_REPORTS_FACTORIES, EMPLOYEE_REPORTS_SAMPLES } from './samples/employee-reports.js';
import { ENFORCEMENT_FACTORIES, ENFORCEMENT_SAMPLES } from './samples/enforcement.js';
import { HAZARD_LOOP_FACTORIES, HAZARD_LOOP_SAMPLES } from './samples/hazard-loop.js';
import { MONITORING_FACTORIES, MONITORING_SAMPLES } from './samples/monitoring.js';
import { NOTIFICATIONS_FACTORIES, NOTIFICATIONS_SAMPLES } from './samples/notifications.js';

/**
 * One happy-path call per route, used by the suites generated from the route table (tenant isolation and
 * audit). A route missing here fails those suites: a new route cannot skip them.
 */
export type Tenant = Awaited<ReturnType<typeof createTenant>>;

export interface World {
  t: TestApp;
  /** The tenant whose rows the outsiders try to reach. */
  a: Tenant;
  /** Another enterprise in another township. */
  b: Tenant;
  sessions: Record<'admin' | 'principalA' | 'principalB' | 'townshipA' | 'townshipOther', Session>;
}

export interface Sample {
  /** Who performs the happy path. */
  actor: keyof World['sessions'];
  /** Use a freshly created, logged-in bureau officer instead (logout and password change end sessions). */
  fresh?: boolean;
  /** Builds the url (ids filled in) and body for the happy path. */
  /** `headers`: for a route authenticated otherwise than by session (a device's bearer token on telemetry). */
  build(
    world: World,
    entityId: string | undefined,
  ):
    | Promise<{ url: string; body?: unknown; headers?: Record<string, string> }>
    | { url: string; body?: unknown; headers?: Record<string, string> };
  /** A body the route must reject with 400 (for mutations): proves a failed mutation writes no audit row. */
  badBody?: unknown;
  /** For a route without a body: the rejected call is the same call without the CSRF header (403). */
  badWithoutCsrf?: boolean;
}

/** Creates an entity of the given type owned by `tenant`, returning its id (for `:id` routes). */
export const ENTITY_FACTORIES: Record<string, (world: World, tenant: Tenant) => Promise<string>> = {
  ...HAZARD_LOOP_FACTORIES,
  ...NOTIFICATIONS_FACTORIES,
  ...EMPLOYEE_REPORTS_FACTORIES,
  ...ENFORCEMENT_FACTORIES,
  ...MONITORING_FACTORIES,
  ...ALARMS_FACTORIES,
  user: async (world, tenant) => (await createUser(world.t.handle, 'enterprise_staff', { enterpriseId: tenant.enterprise.id })).id,
  enterprise: async (_world, tenant) => tenant.enterprise.id,
  /** Standard items are global data (not a tenant's): outsiders are refused by permission (403). */
  standard_item: async (world) => {
    const res = await as(world.t.app, world.sessions.admin).get('/api/v1/hazard-standard/items?pageSize=1');
    return res.json().items[0].id;
  },
  self_inspection: async (world, tenant) => {
    const session = await login(world.t.app, tenant.principal.username);
    const res = await as(world.t.app, session).post('/api/v1/inspections', {
      title: '样例自查',
      frequency: 'daily',
      ownItems: ['消防通道畅通'],
    });
    return res.json().id;
  },
  hazard: async (world, tenant) => {
    const [row] = await world.t.handle.db
      .insert(schema.hazards)
      .values({
        enterpriseId: tenant.enterprise.id,
        regionPath: tenant.enterprise.regionPath,
        source: 'other',
        sourceRef: uniq('ref'),
        level: 'general',
        description: '样例隐患',
        status: 'pending_judgement',
        foundAt: new Date(),
      })
      .returning({ id: schema.hazards.id });
    return row?.id ?? '';
  },
};

/** A real 1×1 PNG (the photo upload samples). */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

async function inspectionItems(world: World, id: string): Promise<{ id: string }[]> {
  return (await as(world.t.app, world.sessions.principalA).get(`/api/v1/inspections/${id}`)).json().items;
}

const strongPassword = () => `Aa1!${uniq('pw')}`;

export const SAMPLES: Record<string, Sample> = {
  ...HAZARD_LOOP_SAMPLES,
  ...NOTIFICATIONS_SAMPLES,
  ...EMPLOYEE_REPORTS_SAMPLES,
  ...ENFORCEMENT_SAMPLES,
  ...MONITORING_SAMPLES,
  ...ALARMS_SAMPLES,
  'GET /api/health': { actor: 'admin', build: () => ({ url: '/api/health' }) },
  'POST /api/v1/auth/login': {
    actor: 'admin',
    build: async (world) => {
      const user = await createUser(world.t.handle, 'bureau_officer');
      return { url: '/api/v1/auth/login', body: { username: user.username, password: TEST_PASSWORD } };
    },
    badBody: { username: 'x' },
  },
  'POST /api/v1/auth/logout': {
    actor: 'admin',
    fresh: true,
    build: () => ({ url: '/api/v1/auth/logout' }),
    badWithoutCsrf: true,
  },
  'GET /api/v1/me': { actor: 'principalA', build: () => ({ url: '/api/v1/me' }) },
  'POST /api/v1/auth/password': {
    actor: 'admin',
    fresh: true,
    build: () => ({ url: '/api/v1/auth/password', body: { currentPassword: TEST_PASSWORD, newPassword: strongPassword() } }),
    badBody: { currentPassword: TEST_PASSWORD },
  },
  'GET /api/v1/users': { actor: 'principalA', build: () => ({ url: '/api/v1/users' }) },
  'POST /api/v1/users': {
    actor: 'principalA',
    build: () => ({
      url: '/api/v1/users',
      body: { username: uniq('new'), displayName: '新员工', role: 'enterprise_staff', password: strongPassword() },
    }),
    badBody: { username: 'ok_name', displayName: '甲', role: 'no_such_role', password: 'x' },
  },
  'GET /api/v1/users/:id': { actor: 'principalA', build: (_w, id) => ({ url: `/api/v1/users/${id}` }) },
  'PATCH /api/v1/users/:id': {
    actor: 'principalA',
    build: (_w, id) => ({ url: `/api/v1/users/${id}`, body: { displayName: '改过的名字' } }),
    badBody: { displayName: '' },
  },
  'POST /api/v1/users/:id/reset-password': {
    actor: 'principalA',
    build: (_w, id) => ({ url: `/api/v1/users/${id}/reset-password`, body: { newPassword: strongPassword() } }),
    badBody: { newPassword: 1 },
  },
  'GET /api/v1/audit-events': { actor: 'admin', build: () => ({ url: '/api/v1/audit-events?pageSize=5' }) },
  'GET /api/v1/audit-events/verify': { actor: 'admin', build: () => ({ url: '/api/v1/audit-events/verify' }) },
  'GET /api/v1/regions': { actor: 'principalA', build: () => ({ url: '/api/v1/regions' }) },
  'GET /api/v1/risk-tags': { actor: 'principalA', build: () => ({ url: '/api/v1/risk-tags' }) },
  'GET /api/v1/sector-rules': { actor: 'principalA', build: () => ({ url: '/api/v1/sector-rules' }) },
  'GET /api/v1/dashboard/registry': { actor: 'townshipA', build: () => ({ url: '/api/v1/dashboard/registry' }) },
  'GET /api/v1/enterprises': { actor: 'principalA', build: () => ({ url: '/api/v1/enterprises?pageSize=50' }) },
  'POST /api/v1/enterprises': {
    actor: 'admin',
    build: async (world) => ({ url: '/api/v1/enterprises', body: await enterpriseBody(world) }),
    badBody: { name: '' },
  },
  'GET /api/v1/enterprises/export': { actor: 'townshipA', build: () => ({ url: '/api/v1/enterprises/export' }) },
  'GET /api/v1/enterprises/template': { actor: 'admin', build: () => ({ url: '/api/v1/enterprises/template' }) },
  'POST /api/v1/enterprises/import/preview': {
    actor: 'admin',
    build: async () => ({ url: '/api/v1/enterprises/import/preview', body: await ledgerFile([ledgerRow()]) }),
    badBody: { file: 'not a multipart upload' },
  },
  'POST /api/v1/enterprises/import/commit': {
    actor: 'admin',
    build: async () => ({ url: '/api/v1/enterprises/import/commit', body: await ledgerFile([ledgerRow()]) }),
    badBody: { file: 'not a multipart upload' },
  },
  'GET /api/v1/enterprises/:id': { actor: 'principalA', build: (_w, id) => ({ url: `/api/v1/enterprises/${id}` }) },
  'PATCH /api/v1/enterprises/:id': {
    actor: 'principalA',
    build: (_w, id) => ({ url: `/api/v1/enterprises/${id}`, body: { employees: 99, dustWorkers: 0 } }),
    badBody: { employees: -1 },
  },
  'GET /api/v1/enterprises/:id/history': { actor: 'principalA', build: (_w, id) => ({ url: `/api/v1/enterprises/${id}/history` }) },
  'GET /api/v1/enterprises/:id/checklist': { actor: 'principalA', build: (_w, id) => ({ url: `/api/v1/enterprises/${id}/checklist` }) },
  'GET /api/v1/hazard-standard/items': { actor: 'principalA', build: () => ({ url: '/api/v1/hazard-standard/items?article=11' }) },
  'GET /api/v1/hazard-standard/versions': { actor: 'principalA', build: () => ({ url: '/api/v1/hazard-standard/versions' }) },
  'PATCH /api/v1/hazard-standard/items/:id': {
    actor: 'admin',
    build: (_w, id) => ({ url: `/api/v1/hazard-standard/items/${id}`, body: { keywords: ['样例'], note: '样例修订' } }),
    badBody: { note: '' },
  },
  'POST /api/v1/hazard-standard/items': {
    actor: 'admin',
    build: () => ({
      url: '/api/v1/hazard-standard/items',
      body: {
        text: '本区补充：涉粉车间未设置积尘清扫记录公示牌的',
        sector: null,
        tagsAny: ['dust_explosion'],
        source: '上党区应急管理局（样例）',
        note: '样例补充',
      },
    }),
    badBody: { text: '' },
  },
  'POST /api/v1/files': { actor: 'principalA', build: () => ({ url: '/api/v1/files', body: PNG }), badBody: { file: 'not an upload' } },
  'GET /api/v1/files/:hash': {
    actor: 'principalA',
    build: async (world) => {
      const res = await as(world.t.app, world.sessions.principalA).post('/api/v1/files', Buffer.concat([PNG, Buffer.from(uniq('x'))]));
      return { url: res.json().url };
    },
  },
  'GET /api/v1/hazards': { actor: 'principalA', build: () => ({ url: '/api/v1/hazards?pageSize=200' }) },
  'GET /api/v1/hazards/:id': { actor: 'principalA', build: (_w, id) => ({ url: `/api/v1/hazards/${id}` }) },
  'GET /api/v1/inspections': { actor: 'principalA', build: () => ({ url: '/api/v1/inspections?pageSize=200' }) },
  'POST /api/v1/inspections': {
    actor: 'principalA',
    build: () => ({ url: '/api/v1/inspections', body: { title: '样例日检', frequency: 'daily', ownItems: ['灭火器在有效期内'] } }),
    badBody: { title: '', frequency: 'daily' },
  },
  'GET /api/v1/inspections/:id': { actor: 'principalA', build: (_w, id) => ({ url: `/api/v1/inspections/${id}` }) },
  'POST /api/v1/inspections/:id/results': {
    actor: 'principalA',
    build: async (world, id) => {
      const items = await inspectionItems(world, id ?? '');
      return { url: `/api/v1/inspections/${id}/results`, body: { results: [{ itemId: items[0]?.id, result: 'compliant' }] } };
    },
    badBody: { results: [] },
  },
  'POST /api/v1/inspections/:id/complete': {
    actor: 'principalA',
    build: async (world, id) => {
      const items = await inspectionItems(world, id ?? '');
      await as(world.t.app, world.sessions.principalA).post(`/api/v1/inspections/${id}/results`, {
        results: items.map((i) => ({ itemId: i.id, result: 'not_applicable' })),
      });
      return { url: `/api/v1/inspections/${id}/complete` };
    },
    badWithoutCsrf: true,
  },
  'GET /api/v1/self-inspection/principal-compliance': {
    actor: 'townshipA',
    build: () => ({ url: '/api/v1/self-inspection/principal-compliance' }),
  },
  'GET /api/v1/self-inspection/stats': { actor: 'townshipA', build: () => ({ url: '/api/v1/self-inspection/stats' }) },
};

async function enterpriseBody(world: World) {
  return {
    name: uniq('样例企业'),
    creditCode: newCreditCode(),
    industryCode: '3391',
    regionId: (await regionByCode(world.t.handle, '140404102')).id,
    scale: 'below',
    employees: 10,
    dustWorkers: 0,
    status: 'operating',
    standardizationLevel: 'none',
    stateOwned: false,
    labourIntensive: false,
    factoryInFactory: false,
    riskTags: ['spraying'],
  };
}

function ledgerRow() {
  return {
    企业名称: uniq('导入样例企业'),
    统一社会信用代码: newCreditCode(),
    国民经济行业代码: '3391',
    '所属乡镇（街道、园区）': '荫城镇',
    企业规模: '规模以下',
    从业人数: 12,
    生产状态: '在产',
  };
}

/** Builds two tenants in different townships and logs in the cast. */
export async function buildWorld(t: TestApp): Promise<World> {
  const a = await createTenant(t, '140404001'); // 韩店街道
  const b = await createTenant(t, '140404101'); // 苏店镇
  const admin = await createUser(t.handle, 'bureau_admin');
  const townshipA = await createUser(t.handle, 'township_officer', { regionId: (await regionByCode(t.handle, '140404001')).id });
  const townshipOther = await createUser(t.handle, 'township_officer', { regionId: (await regionByCode(t.handle, '140404106')).id });
  return {
    t,
    a,
    b,
    sessions: {
      admin: await login(t.app, admin.username),
      principalA: await login(t.app, a.principal.username),
      principalB: await login(t.app, b.principal.username),
      townshipA: await login(t.app, townshipA.username),
      townshipOther: await login(t.app, townshipOther.username),
    },
  };
}

export const routeKey = (method: string, url: string) => `${method} ${url}`;
export const isMutation = (method: string) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(method);

export type { Role };
