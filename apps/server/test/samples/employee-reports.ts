import { randomInt } from 'node:crypto';
import { schema } from '@zhiben/db';
import { eq } from 'drizzle-orm';
import { as } from '../harness.js';
import type { Sample, Tenant, World } from '../route-samples.js';

/**
 * A client address of its own for each fixture report, so fixtures never use up the public page's per-address
 * rate limit (the samples themselves post from the default 127.0.0.1).
 */
export const randomAddress = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

/** The tenant's QR token (created on first read). */
export async function reportTokenOf(world: World, tenant: Tenant): Promise<string> {
  const res = await as(world.t.app, world.sessions.admin).get(`/api/v1/enterprises/${tenant.enterprise.id}/report-settings`);
  if (res.statusCode !== 200) throw new Error(`report settings: ${res.statusCode} ${res.body}`);
  return res.json().token;
}

/** An anonymous report to the tenant's enterprise through the public route; returns its id and receipt code. */
export async function fixtureReport(world: World, tenant: Tenant): Promise<{ id: string; receiptCode: string }> {
  const token = await reportTokenOf(world, tenant);
  const res = await world.t.app.inject({
    method: 'POST',
    url: `/api/v1/public/reports/${token}`,
    payload: { description: '样例：二车间配电箱门未关闭，线头裸露', location: '二车间东侧', phone: '13912345678' },
    remoteAddress: randomAddress(),
  });
  if (res.statusCode !== 200) throw new Error(`fixture report: ${res.statusCode} ${res.body}`);
  const { receiptCode } = res.json() as { receiptCode: string };
  const [row] = await world.t.handle.db
    .select({ id: schema.employeeReports.id })
    .from(schema.employeeReports)
    .where(eq(schema.employeeReports.receiptCode, receiptCode));
  if (!row) throw new Error('fixture report not stored');
  return { id: row.id, receiptCode };
}

/** Route samples and entity factories of the employee-reports module (merged into SAMPLES / ENTITY_FACTORIES). */
export const EMPLOYEE_REPORTS_SAMPLES: Record<string, Sample> = {
  'GET /api/v1/enterprises/:id/report-settings': {
    actor: 'principalA',
    build: (_w, id) => ({ url: `/api/v1/enterprises/${id}/report-settings` }),
  },
  'PUT /api/v1/enterprises/:id/report-settings': {
    actor: 'principalA',
    build: (_w, id) => ({
      url: `/api/v1/enterprises/${id}/report-settings`,
      body: {
        rewardScale: [
          { grade: '一般', amountFen: 5_000 },
          { grade: '较大', amountFen: 20_000 },
          { grade: '重大', amountFen: 100_000 },
        ],
      },
    }),
    badBody: { rewardScale: [] },
  },
  'POST /api/v1/enterprises/:id/report-settings/rotate-token': {
    actor: 'principalA',
    build: (_w, id) => ({ url: `/api/v1/enterprises/${id}/report-settings/rotate-token` }),
    badWithoutCsrf: true,
  },
  'POST /api/v1/public/reports/:enterpriseToken': {
    actor: 'principalA',
    build: async (world) => ({
      url: `/api/v1/public/reports/${await reportTokenOf(world, world.a)}`,
      body: { description: '样例：仓库消防通道堆放纸箱', location: '成品仓库' },
    }),
    badBody: { description: '' },
  },
  'GET /api/v1/public/reports/receipt/:code': {
    actor: 'principalA',
    build: async (world) => ({ url: `/api/v1/public/reports/receipt/${(await fixtureReport(world, world.a)).receiptCode}` }),
  },
  'GET /api/v1/employee-reports': { actor: 'principalA', build: () => ({ url: '/api/v1/employee-reports?pageSize=200' }) },
  'GET /api/v1/employee-reports/:id': { actor: 'principalA', build: (_w, id) => ({ url: `/api/v1/employee-reports/${id}` }) },
  'POST /api/v1/employee-reports/:id/verify': {
    actor: 'principalA',
    build: (_w, id) => ({ url: `/api/v1/employee-reports/${id}/verify`, body: { outcome: 'true', grade: '一般', note: '现场核实属实' } }),
    badBody: { outcome: 'maybe' },
  },
  'POST /api/v1/employee-reports/:id/reward': {
    actor: 'principalA',
    build: async (world, id) => {
      const verified = await as(world.t.app, world.sessions.principalA).post(`/api/v1/employee-reports/${id}/verify`, { outcome: 'true' });
      if (verified.statusCode !== 200) throw new Error(`verify before reward: ${verified.statusCode} ${verified.body}`);
      return { url: `/api/v1/employee-reports/${id}/reward`, body: { grade: '较大' } };
    },
    badBody: { grade: '' },
  },
};

export const EMPLOYEE_REPORTS_FACTORIES: Record<string, (world: World, tenant: Tenant) => Promise<string>> = {
  employee_report: async (world, tenant) => (await fixtureReport(world, tenant)).id,
};
