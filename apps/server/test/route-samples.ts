import type { Role } from '@zhiben/contracts';
import {
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
  build(world: World, entityId: string | undefined): Promise<{ url: string; body?: unknown }> | { url: string; body?: unknown };
  /** A body the route must reject with 400 (for mutations): proves a failed mutation writes no audit row. */
  badBody?: unknown;
  /** For a route without a body: the rejected call is the same call without the CSRF header (403). */
  badWithoutCsrf?: boolean;
}

/** Creates an entity of the given type owned by `tenant`, returning its id (for `:id` routes). */
export const ENTITY_FACTORIES: Record<string, (world: World, tenant: Tenant) => Promise<string>> = {
  user: async (world, tenant) => (await createUser(world.t.handle, 'enterprise_staff', { enterpriseId: tenant.enterprise.id })).id,
  enterprise: async (_world, tenant) => tenant.enterprise.id,
};

const strongPassword = () => `Aa1!${uniq('pw')}`;

export const SAMPLES: Record<string, Sample> = {
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
