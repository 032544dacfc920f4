import { BUREAU_RULE_LIMITS } from '@zhiben/contracts';
import { schema } from '@zhiben/db';
import { as, uniq } from '../harness.js';
import type { Sample, Tenant, World } from '../route-samples.js';
import { fixtureDevice } from './monitoring.js';

/** A real 1×1 PNG; a random tail makes each upload a distinct file. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** Uploads a distinct photo as `session`'s user; returns its hash (for 处置报告 bodies). */
export async function uploadPhoto(world: Pick<World, 't'>, session: Parameters<typeof as>[1]): Promise<string> {
  const res = await as(world.t.app, session).post('/api/v1/files', Buffer.concat([PNG, Buffer.from(uniq('al'))]));
  if (res.statusCode !== 200) throw new Error(`photo upload: ${res.statusCode} ${res.body}`);
  return res.json().hash;
}

/** A pending red hopper-temperature alarm of a fresh device of `tenant`, written straight into the database. */
export async function fixtureAlarm(world: Pick<World, 't'>, tenant: Tenant, values: Partial<typeof schema.alarms.$inferInsert> = {}) {
  const { device } = await fixtureDevice(world, tenant);
  const now = new Date();
  const [row] = await world.t.handle.db
    .insert(schema.alarms)
    .values({
      deviceId: device.id,
      enterpriseId: tenant.enterprise.id,
      regionPath: tenant.enterprise.regionPath,
      ruleId: 'hopper_temp.high',
      ruleName: '灰斗温度高',
      ruleType: 'threshold',
      kind: 'threshold',
      signal: 'hopper_temp',
      level: 'red',
      maxLevel: 'red',
      status: 'pending',
      count: 1,
      peak: 85,
      lastValue: 85,
      firstAt: now,
      lastAt: now,
      raisedAt: now,
      ...values,
    })
    .returning();
  if (!row) throw new Error('fixture alarm not created');
  return { alarm: row, device };
}

const builtInLimits = () => BUREAU_RULE_LIMITS.map(({ profile, ruleId, param, min, max }) => ({ profile, ruleId, param, min, max }));

/** Route samples of the alarms and monitoring modules (merged into SAMPLES / ENTITY_FACTORIES). */
export const ALARMS_SAMPLES: Record<string, Sample> = {
  'GET /api/v1/alarms': { actor: 'principalA', build: () => ({ url: '/api/v1/alarms?pageSize=200' }) },
  'GET /api/v1/alarms/:id': { actor: 'principalA', build: (_w, id) => ({ url: `/api/v1/alarms/${id}` }) },
  'POST /api/v1/alarms/:id/ack': {
    actor: 'principalA',
    build: (_w, id) => ({ url: `/api/v1/alarms/${id}/ack`, body: { note: '已安排人员到现场' } }),
    badBody: { note: '长'.repeat(501) },
  },
  'POST /api/v1/alarms/:id/dispose': {
    actor: 'principalA',
    build: async (world, id) => ({
      url: `/api/v1/alarms/${id}/dispose`,
      body: { cause: '灰斗积灰自燃', action: '停机清灰并检查卸灰阀', photos: [await uploadPhoto(world, world.sessions.principalA)] },
    }),
    badBody: { cause: '灰斗积灰自燃', action: '停机清灰', photos: [] },
  },
  'GET /api/v1/devices/:id/thresholds': { actor: 'principalA', build: (_w, id) => ({ url: `/api/v1/devices/${id}/thresholds` }) },
  'PUT /api/v1/devices/:id/thresholds': {
    actor: 'principalA',
    build: (_w, id) => ({
      url: `/api/v1/devices/${id}/thresholds`,
      body: { overrides: [{ ruleId: 'hopper_temp.high', params: { 'bound.yellow': 55 } }], note: '按设计值调整' },
    }),
    badBody: { overrides: [{ ruleId: 'hopper_temp.high', params: { 'bound.yellow': '55' } }] },
  },
  'GET /api/v1/monitoring/overview': { actor: 'principalA', build: () => ({ url: '/api/v1/monitoring/overview' }) },
  'GET /api/v1/monitoring/rollout': { actor: 'principalA', build: () => ({ url: '/api/v1/monitoring/rollout' }) },
  // `once=true`: the hello event, then the response ends (the suites use inject, which waits for the end).
  'GET /api/v1/monitoring/stream': { actor: 'principalA', build: () => ({ url: '/api/v1/monitoring/stream?once=true' }) },
  'GET /api/v1/monitoring/limits': { actor: 'principalA', build: () => ({ url: '/api/v1/monitoring/limits' }) },
  // The built-in values again: a real write (new revision, audited) that changes no device's rules.
  'PUT /api/v1/monitoring/limits': {
    actor: 'admin',
    build: () => ({ url: '/api/v1/monitoring/limits', body: { items: builtInLimits() } }),
    badBody: { items: [{ profile: 'dry_collector', ruleId: 'hopper_temp.high', param: 'bound.yellow', min: 90, max: 40 }] },
  },
};

export const ALARMS_FACTORIES: Record<string, (world: World, tenant: Tenant) => Promise<string>> = {
  alarm: async (world, tenant) => (await fixtureAlarm(world, tenant)).alarm.id,
};
