import { randomInt } from 'node:crypto';
import { schema } from '@zhiben/db';
import { eq } from 'drizzle-orm';
import { officerCertificates } from '../../src/modules/enforcement/tables.js';
import { as, createUser, uniq } from '../harness.js';
import type { Sample, Tenant, World } from '../route-samples.js';
import { dateIn } from './hazard-loop.js';

/**
 * Route samples and entity factories of the classification and enforcement modules (issue #7). The acting
 * bureau admin is made a law-enforcement officer (a certificate) with a second officer, so tasks can have the two
 * officers they need.
 */

/** A certificate number unique across runs sharing a database. */
export const certificateNo = () => `1404${Date.now().toString().slice(-7)}${randomInt(100_000, 999_999)}`;

const officersOf = new WeakMap<World, Promise<string[]>>();

/** [admin, second officer], both with certificates valid today. */
export function officers(world: World): Promise<string[]> {
  let pending = officersOf.get(world);
  if (!pending) {
    pending = (async () => {
      const second = await createUser(world.t.handle, 'bureau_officer');
      const ids = [world.sessions.admin.userId, second.id];
      for (const userId of ids) {
        await world.t.handle.db
          .insert(officerCertificates)
          .values({ userId, certificateNo: certificateNo(), validUntil: null })
          .onConflictDoNothing();
      }
      return ids;
    })();
    officersOf.set(world, pending);
  }
  return pending;
}

const admin = (world: World) => as(world.t.app, world.sessions.admin);

async function ok<T = { id: string }>(res: { statusCode: number; body: string; json(): unknown }, what: string): Promise<T> {
  if (res.statusCode !== 200) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  return res.json() as T;
}

/** An announced task on the tenant's enterprise, created by the admin (one of its two officers). */
export async function newTask(world: World, tenant: Tenant, extra: Record<string, unknown> = {}): Promise<string> {
  const body = { enterpriseId: tenant.enterprise.id, source: 'other', unannounced: false, officerIds: await officers(world), ...extra };
  return (await ok(await admin(world).post('/api/v1/enforcement/tasks', body), 'task')).id;
}

const start = async (world: World, id: string | undefined) =>
  ok(await admin(world).post(`/api/v1/enforcement/tasks/${id}/start`, {}), 'start');
const finding = {
  description: '样例：配电箱未上锁，电缆敷设混乱',
  location: '机加工车间',
  legalBasis: '《中华人民共和国安全生产法》第三十六条',
  major: false,
};
const addFinding = async (world: World, id: string | undefined) =>
  ok<{ findings: { id: string; hazardId: string }[] }>(
    await admin(world).post(`/api/v1/enforcement/tasks/${id}/findings`, finding),
    'finding',
  );
const order = (findingIds: string[]) => ({ findingIds, deadline: dateIn(10), legalBasis: '《中华人民共和国安全生产法》第六十五条' });

const caseBody = (world: World) => ({
  enterpriseId: world.a.enterprise.id,
  facts: '样例：未建立事故隐患排查治理制度',
  legalBasis: '《中华人民共和国安全生产法》第四十一条',
  enterprisePenalty: { types: ['fine'], fineFen: 200_000, penaltyBasis: '《中华人民共和国安全生产法》第一百零一条' },
});
const decide = async (world: World, id: string | undefined) =>
  ok(await admin(world).post(`/api/v1/enforcement/cases/${id}/decision`, { decidedOn: dateIn(0) }), 'decide');

/** A year nobody else uses for long (plans of several test runs share a database). */
const planYear = () => randomInt(2030, 2100);
const planBody = (world: World, year = planYear()) => ({
  year,
  entries: [{ enterpriseId: world.a.enterprise.id, plannedCount: 1, quarters: [2] }],
});

export const ENFORCEMENT_SAMPLES: Record<string, Sample> = {
  // ——— classification ———
  'GET /api/v1/classification/enterprises/:id': {
    actor: 'principalA',
    build: (_w, id) => ({ url: `/api/v1/classification/enterprises/${id}` }),
  },
  'POST /api/v1/classification/enterprises/:id/override': {
    actor: 'admin',
    build: (_w, id) => ({
      url: `/api/v1/classification/enterprises/${id}/override`,
      body: { riskClass: 'A', reason: '样例：近期多次投诉，列为重点' },
    }),
    badBody: { riskClass: 'E', reason: '样例理由' },
  },
  'POST /api/v1/classification/enterprises/:id/clear-override': {
    actor: 'admin',
    build: async (world, id) => {
      await ok(
        await admin(world).post(`/api/v1/classification/enterprises/${id}/override`, { riskClass: 'B', reason: '样例人工调整' }),
        'override',
      );
      return { url: `/api/v1/classification/enterprises/${id}/clear-override`, body: { reason: '样例：复核后恢复计算结果' } };
    },
    badBody: {},
  },
  'POST /api/v1/classification/enterprises/:id/major-hazard-installation': {
    actor: 'admin',
    build: (_w, id) => ({
      url: `/api/v1/classification/enterprises/${id}/major-hazard-installation`,
      body: { majorHazardInstallation: true, reason: '样例：液氨储量构成重大危险源' },
    }),
    badBody: { majorHazardInstallation: 'yes', reason: '样例' },
  },
  'POST /api/v1/classification/recompute': {
    actor: 'admin',
    build: (world) => ({
      url: '/api/v1/classification/recompute',
      body: { enterpriseIds: [world.a.enterprise.id, world.b.enterprise.id] },
    }),
    badBody: { enterpriseIds: [] },
  },
  'GET /api/v1/classification/rules': { actor: 'principalA', build: () => ({ url: '/api/v1/classification/rules' }) },
  'PUT /api/v1/classification/rules': {
    actor: 'admin',
    build: async (world) => {
      const current = await ok<{ rules: { version: number } }>(await admin(world).get('/api/v1/classification/rules'), 'rules');
      return {
        url: '/api/v1/classification/rules',
        body: { rules: { ...current.rules, version: current.rules.version + 1 }, note: '样例：规则内容不变，仅版本递增' },
      };
    },
    badBody: { rules: { version: 1 }, note: '样例' },
  },
  'GET /api/v1/classification/stats': { actor: 'townshipA', build: () => ({ url: '/api/v1/classification/stats' }) },
  'GET /api/v1/classification/accidents': { actor: 'principalA', build: () => ({ url: '/api/v1/classification/accidents?pageSize=200' }) },
  'POST /api/v1/classification/accidents': {
    actor: 'admin',
    build: (world) => ({
      url: '/api/v1/classification/accidents',
      body: {
        enterpriseId: world.a.enterprise.id,
        occurredAt: new Date(Date.now() - 86_400_000).toISOString(),
        grade: 'general',
        seriousInjuries: 1,
        description: '样例：检修时未停机，一人手部受伤',
      },
    }),
    badBody: { enterpriseId: 'x', grade: 'tiny' },
  },

  // ——— plans ———
  'GET /api/v1/enforcement/plans': { actor: 'admin', build: () => ({ url: '/api/v1/enforcement/plans' }) },
  'POST /api/v1/enforcement/plans': {
    actor: 'admin',
    build: (world) => ({ url: '/api/v1/enforcement/plans', body: planBody(world) }),
    badBody: { year: 1999, entries: [] },
  },
  'POST /api/v1/enforcement/plans/generate': {
    actor: 'admin',
    build: () => ({ url: '/api/v1/enforcement/plans/generate', body: { year: planYear() } }),
    badBody: { year: 'next' },
  },
  'GET /api/v1/enforcement/plans/:id': { actor: 'admin', build: (_w, id) => ({ url: `/api/v1/enforcement/plans/${id}` }) },
  'PUT /api/v1/enforcement/plans/:id': {
    actor: 'admin',
    build: async (world, id) => {
      const plan = await ok<{ year: number }>(await admin(world).get(`/api/v1/enforcement/plans/${id}`), 'plan');
      return { url: `/api/v1/enforcement/plans/${id}`, body: { ...planBody(world, plan.year), title: '样例：调整后的计划' } };
    },
    badBody: { entries: 'none' },
  },
  'POST /api/v1/enforcement/plans/:id/approve': {
    actor: 'admin',
    build: (_w, id) => ({ url: `/api/v1/enforcement/plans/${id}/approve`, body: {} }),
    badBody: { note: 'x' },
  },
  'POST /api/v1/enforcement/plans/:id/publish': {
    actor: 'admin',
    build: async (world, id) => {
      await ok(await admin(world).post(`/api/v1/enforcement/plans/${id}/approve`, {}), 'approve');
      return { url: `/api/v1/enforcement/plans/${id}/publish`, body: {} };
    },
    badBody: { note: 'x' },
  },
  'GET /api/v1/enforcement/plans/:id/key-list': {
    actor: 'admin',
    build: (_w, id) => ({ url: `/api/v1/enforcement/plans/${id}/key-list` }),
  },

  // ——— tasks ———
  'GET /api/v1/enforcement/tasks': { actor: 'principalA', build: () => ({ url: '/api/v1/enforcement/tasks?pageSize=200' }) },
  'POST /api/v1/enforcement/tasks': {
    actor: 'admin',
    build: async (world) => ({
      url: '/api/v1/enforcement/tasks',
      body: {
        enterpriseId: world.a.enterprise.id,
        source: 'complaint',
        unannounced: true,
        officerIds: await officers(world),
        plannedDate: dateIn(3),
      },
    }),
    badBody: { enterpriseId: 'x', source: 'complaint', unannounced: true, officerIds: [] },
  },
  'GET /api/v1/enforcement/tasks/:id': { actor: 'principalA', build: (_w, id) => ({ url: `/api/v1/enforcement/tasks/${id}` }) },
  'GET /api/v1/enforcement/tasks/:id/checklist': {
    actor: 'principalA',
    build: (_w, id) => ({ url: `/api/v1/enforcement/tasks/${id}/checklist` }),
  },
  'POST /api/v1/enforcement/tasks/:id/start': {
    actor: 'admin',
    build: (_w, id) => ({ url: `/api/v1/enforcement/tasks/${id}/start`, body: { place: '样例：生产车间' } }),
    badBody: { place: 5 },
  },
  'POST /api/v1/enforcement/tasks/:id/findings': {
    actor: 'admin',
    build: async (world, id) => {
      await start(world, id);
      return { url: `/api/v1/enforcement/tasks/${id}/findings`, body: finding };
    },
    badBody: { ...finding, major: true },
  },
  'POST /api/v1/enforcement/tasks/:id/order': {
    actor: 'admin',
    build: async (world, id) => {
      await start(world, id);
      const task = await addFinding(world, id);
      return { url: `/api/v1/enforcement/tasks/${id}/order`, body: order(task.findings.map((f) => f.id)) };
    },
    badBody: { findingIds: [], deadline: 'soon', legalBasis: '' },
  },
  'POST /api/v1/enforcement/tasks/:id/reinspect': {
    actor: 'admin',
    build: async (world, id) => {
      await start(world, id);
      const task = await addFinding(world, id);
      await ok(await admin(world).post(`/api/v1/enforcement/tasks/${id}/order`, order(task.findings.map((f) => f.id))), 'order');
      // The enterprise has reported the rectification (hazard submitted): 复查 may come before the deadline.
      for (const f of task.findings) {
        await world.t.handle.db.update(schema.hazards).set({ status: 'pending_acceptance' }).where(eq(schema.hazards.id, f.hazardId));
      }
      return {
        url: `/api/v1/enforcement/tasks/${id}/reinspect`,
        body: { findingResults: task.findings.map((f) => ({ findingId: f.id, rectified: true })), opinion: '样例：已按要求整改完毕' },
      };
    },
    badBody: { findingResults: [], opinion: '样例' },
  },
  'POST /api/v1/enforcement/tasks/:id/close': {
    actor: 'admin',
    build: async (world, id) => {
      await start(world, id);
      return { url: `/api/v1/enforcement/tasks/${id}/close`, body: { note: '样例：未发现问题' } };
    },
    badBody: { note: 5 },
  },
  'POST /api/v1/enforcement/tasks/:id/cancel': {
    actor: 'admin',
    build: (_w, id) => ({ url: `/api/v1/enforcement/tasks/${id}/cancel`, body: { reason: '样例：企业已停产' } }),
    badBody: { reason: '' },
  },
  'GET /api/v1/enforcement/enterprises/:id/patrol-summary': {
    actor: 'admin',
    build: (_w, id) => ({ url: `/api/v1/enforcement/enterprises/${id}/patrol-summary` }),
  },
  'POST /api/v1/enforcement/patrols': {
    actor: 'admin',
    build: (world) => ({
      url: '/api/v1/enforcement/patrols',
      body: { enterpriseId: world.a.enterprise.id, note: '样例：线上巡查未见异常' },
    }),
    badBody: { enterpriseId: 'x' },
  },

  // ——— cases, measures, documents, officers, views ———
  'GET /api/v1/enforcement/cases': { actor: 'principalA', build: () => ({ url: '/api/v1/enforcement/cases?pageSize=200' }) },
  'POST /api/v1/enforcement/cases': {
    actor: 'admin',
    build: (world) => ({ url: '/api/v1/enforcement/cases', body: caseBody(world) }),
    badBody: { enterpriseId: 'x', facts: '' },
  },
  'GET /api/v1/enforcement/cases/:id': { actor: 'principalA', build: (_w, id) => ({ url: `/api/v1/enforcement/cases/${id}` }) },
  'POST /api/v1/enforcement/cases/:id/decision': {
    actor: 'admin',
    build: (_w, id) => ({ url: `/api/v1/enforcement/cases/${id}/decision`, body: { decidedOn: dateIn(0) } }),
    badBody: { decidedOn: 'today' },
  },
  'POST /api/v1/enforcement/cases/:id/payment': {
    actor: 'admin',
    build: async (world, id) => {
      await decide(world, id);
      return { url: `/api/v1/enforcement/cases/${id}/payment`, body: { party: 'enterprise', paidOn: dateIn(0) } };
    },
    badBody: { party: 'someone', paidOn: dateIn(0) },
  },
  'POST /api/v1/enforcement/cases/:id/close': {
    actor: 'admin',
    build: async (world, id) => {
      await decide(world, id);
      await ok(await admin(world).post(`/api/v1/enforcement/cases/${id}/payment`, { party: 'enterprise', paidOn: dateIn(0) }), 'payment');
      return { url: `/api/v1/enforcement/cases/${id}/close`, body: {} };
    },
    badBody: { note: 5 },
  },
  'GET /api/v1/enforcement/measures': { actor: 'principalA', build: () => ({ url: '/api/v1/enforcement/measures?pageSize=200' }) },
  'POST /api/v1/enforcement/measures': {
    actor: 'admin',
    build: (world) => ({
      url: '/api/v1/enforcement/measures',
      body: {
        enterpriseId: world.a.enterprise.id,
        kind: 'notice',
        date: dateIn(0),
        subject: '样例通报',
        content: '样例：隐患整改不力，予以通报',
      },
    }),
    badBody: { enterpriseId: 'x', kind: 'praise' },
  },
  'GET /api/v1/enforcement/documents': { actor: 'principalA', build: () => ({ url: '/api/v1/enforcement/documents?pageSize=200' }) },
  'GET /api/v1/enforcement/documents/:id': { actor: 'principalA', build: (_w, id) => ({ url: `/api/v1/enforcement/documents/${id}` }) },
  'GET /api/v1/enforcement/document-settings': { actor: 'townshipA', build: () => ({ url: '/api/v1/enforcement/document-settings' }) },
  /** The settings are global: the sample saves the wording in force unchanged, only the rev goes up. */
  'PUT /api/v1/enforcement/document-settings': {
    actor: 'admin',
    build: async (world) => {
      const current = await ok<{ rev: number; issuer: unknown; prefixes: unknown }>(
        await admin(world).get('/api/v1/enforcement/document-settings'),
        'document settings',
      );
      return {
        url: '/api/v1/enforcement/document-settings',
        body: { rev: current.rev + 1, issuer: current.issuer, prefixes: current.prefixes, reason: '样例：措辞不变，仅版本递增' },
      };
    },
    badBody: { rev: 1, issuer: { name: '局' }, prefixes: {}, reason: '' },
  },
  'GET /api/v1/enforcement/officers': { actor: 'admin', build: () => ({ url: '/api/v1/enforcement/officers' }) },
  'PUT /api/v1/enforcement/officers/:id/certificate': {
    actor: 'admin',
    build: (_w, id) => ({
      url: `/api/v1/enforcement/officers/${id}/certificate`,
      body: { certificateNo: certificateNo(), validUntil: dateIn(365) },
    }),
    badBody: { certificateNo: '证号!' },
  },
  'GET /api/v1/enforcement/stats': { actor: 'townshipA', build: () => ({ url: '/api/v1/enforcement/stats' }) },
};

export const ENFORCEMENT_FACTORIES: Record<string, (world: World, tenant: Tenant) => Promise<string>> = {
  inspection_task: (world, tenant) => newTask(world, tenant),
  enforcement_plan: async (world) => (await ok(await admin(world).post('/api/v1/enforcement/plans', planBody(world)), 'plan')).id,
  enforcement_case: async (world, tenant) =>
    (await ok(await admin(world).post('/api/v1/enforcement/cases', { ...caseBody(world), enterpriseId: tenant.enterprise.id }), 'case')).id,
  /** The 现场检查记录 of a task of the tenant started and closed without findings. */
  enforcement_document: async (world, tenant) => {
    const id = await newTask(world, tenant);
    await start(world, id);
    const closed = await ok<{ documents: { id: string }[] }>(await admin(world).post(`/api/v1/enforcement/tasks/${id}/close`, {}), 'close');
    return closed.documents[0]?.id ?? '';
  },
  /** A bureau officer (officers are not a tenant's: outsiders are refused by permission, 403). */
  officer: async (world) => (await createUser(world.t.handle, 'bureau_officer', { username: uniq('officer') })).id,
};
