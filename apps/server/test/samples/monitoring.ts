import { randomBytes } from 'node:crypto';
import { schema } from '@zhiben/db';
import ExcelJS from 'exceljs';
import { hashDeviceSecret } from '../../src/modules/devices/index.js';
import { as, uniq } from '../harness.js';
import type { Sample, Tenant, World } from '../route-samples.js';

/** A device code that is unique enough for tests sharing one database. */
export const deviceCode = (prefix = 'T') => `${prefix}${randomBytes(4).toString('hex').toUpperCase()}`;

/** A device row of `tenant` written straight into the database; returns it with its plain secret. */
export async function fixtureDevice(world: Pick<World, 't'>, tenant: Tenant, collectorType: 'dry' | 'wet' | 'other' = 'dry') {
  const secret = randomBytes(32).toString('base64url');
  const signals =
    collectorType === 'wet'
      ? ['water_level', 'water_flow', 'fan_running']
      : ['hopper_temp', 'diff_pressure', 'airlock_fault', 'fan_running'];
  const [row] = await world.t.handle.db
    .insert(schema.devices)
    .values({
      enterpriseId: tenant.enterprise.id,
      regionPath: tenant.enterprise.regionPath,
      code: deviceCode(),
      name: '样例除尘器',
      collectorType,
      profile: collectorType === 'wet' ? 'wet_collector' : collectorType === 'dry' ? 'dry_collector' : 'other',
      reportingIntervalS: 60,
      signals,
      secretHash: hashDeviceSecret(secret),
      secretRotatedAt: new Date(),
    })
    .returning();
  if (!row) throw new Error('fixture device not created');
  return { device: row, secret, creditCode: tenant.enterprise.creditCode };
}

/** `Authorization` header of a device (HTTP telemetry). */
export const deviceAuth = (creditCode: string, code: string, secret: string) => ({
  authorization: `Bearer ${creditCode}/${code}:${secret}`,
});

/** An .xlsx device register as users fill it: a merged title row above the header. */
export async function deviceSheet(rows: Record<string, string | number | null>[], headers?: string[]): Promise<Buffer> {
  const cols = headers ?? [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('设备');
  sheet.mergeCells(1, 1, 1, cols.length);
  sheet.getCell(1, 1).value = '粉尘涉爆除尘设备登记表';
  sheet.addRow(cols.map((c) => `${c} `));
  for (const row of rows) sheet.addRow(cols.map((c) => row[c] ?? null));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const importRow = () => ({ 设备编号: deviceCode('X'), 设备名称: '导入样例除尘器', 除尘器类型: '干式', 可选监测项: '风机运行' });

const MINUTE = 60_000;
const seriesUrl = (id: string | undefined) => {
  const to = new Date(Math.ceil(Date.now() / MINUTE) * MINUTE);
  const from = new Date(to.getTime() - 3_600_000);
  return `/api/v1/devices/${id}/series?signal=hopper_temp&step=5m&from=${from.toISOString()}&to=${to.toISOString()}`;
};

/** Route samples of the devices and telemetry modules (merged into SAMPLES / ENTITY_FACTORIES). */
export const MONITORING_SAMPLES: Record<string, Sample> = {
  'GET /api/v1/devices': { actor: 'principalA', build: () => ({ url: '/api/v1/devices?pageSize=200' }) },
  'POST /api/v1/devices': {
    actor: 'principalA',
    build: () => ({ url: '/api/v1/devices', body: { code: deviceCode(), name: '样例布袋除尘器', collectorType: 'dry' } }),
    badBody: { code: 'a/b', name: '样例', collectorType: 'dry' },
  },
  'GET /api/v1/devices/template': { actor: 'principalA', build: () => ({ url: '/api/v1/devices/template' }) },
  'POST /api/v1/devices/import/preview': {
    actor: 'principalA',
    build: async () => ({ url: '/api/v1/devices/import/preview', body: await deviceSheet([importRow()]) }),
    badBody: { file: 'not a multipart upload' },
  },
  'POST /api/v1/devices/import': {
    actor: 'principalA',
    build: async () => ({ url: '/api/v1/devices/import', body: await deviceSheet([importRow()]) }),
    badBody: { file: 'not a multipart upload' },
  },
  'GET /api/v1/devices/:id': { actor: 'principalA', build: (_w, id) => ({ url: `/api/v1/devices/${id}` }) },
  'PATCH /api/v1/devices/:id': {
    actor: 'principalA',
    build: (_w, id) => ({ url: `/api/v1/devices/${id}`, body: { name: uniq('改名除尘器'), location: '砂光车间' } }),
    badBody: { reportingIntervalS: 0 },
  },
  'POST /api/v1/devices/:id/rotate-secret': {
    actor: 'principalA',
    build: (_w, id) => ({ url: `/api/v1/devices/${id}/rotate-secret` }),
    badWithoutCsrf: true,
  },
  'GET /api/v1/devices/:id/series': { actor: 'principalA', build: (_w, id) => ({ url: seriesUrl(id) }) },
  // Device-authenticated: the sample carries the device's bearer token instead of a session.
  'POST /api/v1/telemetry': {
    actor: 'principalA',
    build: async (world) => {
      const { device, secret, creditCode } = await fixtureDevice(world, world.a);
      return {
        url: '/api/v1/telemetry',
        body: { ts: Date.now(), values: { hopper_temp: 35.5, diff_pressure: 900, airlock_fault: 0 } },
        headers: deviceAuth(creditCode, device.code, secret),
      };
    },
    badBody: { ts: 'yesterday', values: {} },
  },
  'GET /api/v1/telemetry/stats': { actor: 'principalA', build: () => ({ url: '/api/v1/telemetry/stats' }) },
  'GET /api/v1/telemetry/pipeline': { actor: 'admin', build: () => ({ url: '/api/v1/telemetry/pipeline' }) },
};

export const MONITORING_FACTORIES: Record<string, (world: World, tenant: Tenant) => Promise<string>> = {
  device: async (world, tenant) => (await fixtureDevice(world, tenant)).device.id,
};

/** Registers a device through the API as `session`'s user; returns the DTO and the secret shown once. */
export async function registerDevice(world: Pick<World, 't'>, session: Parameters<typeof as>[1], body: Record<string, unknown>) {
  const res = await as(world.t.app, session).post('/api/v1/devices', body);
  if (res.statusCode !== 200) throw new Error(`register device: ${res.statusCode} ${res.body}`);
  return res.json() as {
    device: { id: string; code: string; creditCode: string; mqttUsername: string; mqttTopic: string };
    secret: string;
  };
}
