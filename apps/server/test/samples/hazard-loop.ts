import { schema } from '@zhiben/db';
import { eq } from 'drizzle-orm';
import { as, uniq } from '../harness.js';
import type { Sample, Tenant, World } from '../route-samples.js';

/** A real 1×1 PNG; a random tail makes each upload a distinct file. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** A local date `days` from now ('YYYY-MM-DD', Asia/Shanghai): a deadline in the future. */
export const dateIn = (days: number) => new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

/** Puts a fixture hazard into the state a sample needs (directly: the samples test one route each). */
async function setHazard(world: World, id: string | undefined, values: Partial<typeof schema.hazards.$inferInsert>) {
  await world.t.handle.db
    .update(schema.hazards)
    .set(values)
    .where(eq(schema.hazards.id, id ?? ''));
}

async function photoOf(world: World, session: keyof World['sessions']): Promise<string> {
  const res = await as(world.t.app, world.sessions[session]).post('/api/v1/files', Buffer.concat([PNG, Buffer.from(uniq('hz'))]));
  if (res.statusCode !== 200) throw new Error(`photo upload: ${res.statusCode} ${res.body}`);
  return res.json().hash;
}

const generalPlan = () => ({
  level: 'general',
  responsibleName: '王师傅',
  measures: '更换破损的防护罩并加装联锁',
  fundsFen: 150_000,
  deadline: dateIn(15),
});

/** Route samples and entity factories of the hazard-loop module (merged into SAMPLES / ENTITY_FACTORIES). */
export const HAZARD_LOOP_SAMPLES: Record<string, Sample> = {
  'POST /api/v1/hazards': {
    actor: 'principalA',
    build: () => ({ url: '/api/v1/hazards', body: { description: '样例：冲压机防护罩破损', location: '冲压车间' } }),
    badBody: { description: '' },
  },
  'GET /api/v1/hazards/zeroing': { actor: 'townshipA', build: () => ({ url: '/api/v1/hazards/zeroing' }) },
  'GET /api/v1/hazards/zeroing/export': { actor: 'townshipA', build: () => ({ url: '/api/v1/hazards/zeroing/export' }) },
  'GET /api/v1/hazards/:id/timeline': { actor: 'principalA', build: (_w, id) => ({ url: `/api/v1/hazards/${id}/timeline` }) },
  'GET /api/v1/hazards/:id/assignees': { actor: 'principalA', build: (_w, id) => ({ url: `/api/v1/hazards/${id}/assignees` }) },
  'POST /api/v1/hazards/:id/judge': {
    actor: 'principalA',
    build: (_w, id) => ({ url: `/api/v1/hazards/${id}/judge`, body: generalPlan() }),
    badBody: { ...generalPlan(), level: 'huge' },
  },
  'POST /api/v1/hazards/:id/dismiss': {
    actor: 'principalA',
    build: (_w, id) => ({ url: `/api/v1/hazards/${id}/dismiss`, body: { note: '经现场核实，防护罩完好，不构成隐患' } }),
    badBody: { note: '' },
  },
  'POST /api/v1/hazards/:id/assign': {
    actor: 'principalA',
    build: async (world, id) => {
      await setHazard(world, id, { status: 'rectifying', responsibleName: '王师傅', measures: '更换防护罩', fundsFen: 0 });
      return { url: `/api/v1/hazards/${id}/assign`, body: { measures: '更换防护罩并加装光电保护', fundsFen: 300_000 } };
    },
    badBody: {},
  },
  'POST /api/v1/hazards/:id/submit': {
    actor: 'principalA',
    build: async (world, id) => {
      await setHazard(world, id, { status: 'rectifying' });
      return { url: `/api/v1/hazards/${id}/submit`, body: { note: '已更换防护罩', photos: [await photoOf(world, 'principalA')] } };
    },
    badBody: { note: '已更换', photos: [] },
  },
  'POST /api/v1/hazards/:id/accept': {
    actor: 'principalA',
    build: async (world, id) => {
      await setHazard(world, id, { status: 'pending_acceptance' });
      return { url: `/api/v1/hazards/${id}/accept`, body: { note: '复查合格' } };
    },
    badBody: { photos: ['not-a-hash'] },
  },
  'POST /api/v1/hazards/:id/reject': {
    actor: 'principalA',
    build: async (world, id) => {
      await setHazard(world, id, { status: 'pending_acceptance' });
      return { url: `/api/v1/hazards/${id}/reject`, body: { note: '联锁未接通，退回整改' } };
    },
    badBody: { note: '' },
  },
  'POST /api/v1/hazards/:id/supervise': {
    actor: 'admin',
    build: async (world, id) => {
      await setHazard(world, id, { level: 'major', status: 'rectifying' });
      return {
        url: `/api/v1/hazards/${id}/supervise`,
        body: { supervisingUnit: '上党区安全生产委员会办公室', supervisionDeadline: dateIn(30) },
      };
    },
    badBody: { supervisingUnit: '' },
  },
  'POST /api/v1/hazards/:id/publish': {
    actor: 'admin',
    build: async (world, id) => {
      await setHazard(world, id, { level: 'major', status: 'rectifying' });
      return { url: `/api/v1/hazards/${id}/publish`, body: {} };
    },
    badBody: { note: 5 },
  },
  'POST /api/v1/hazards/:id/unpublish': {
    actor: 'admin',
    build: async (world, id) => {
      await setHazard(world, id, {
        level: 'major',
        status: 'closed',
        closedAt: new Date(),
        publishedAt: new Date(Date.now() - 86_400_000),
      });
      return { url: `/api/v1/hazards/${id}/unpublish`, body: { note: '已整改销号' } };
    },
    badBody: { reason: '多余字段' },
  },
  'GET /api/v1/public/hazards': { actor: 'principalA', build: () => ({ url: '/api/v1/public/hazards' }) },
};

export const HAZARD_LOOP_FACTORIES: Record<string, (world: World, tenant: Tenant) => Promise<string>> = {};
