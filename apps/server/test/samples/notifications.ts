import { schema } from '@zhiben/db';
import { uniq } from '../harness.js';
import type { Sample, Tenant, World } from '../route-samples.js';

/** Route samples and entity factories of the notifications module (merged into SAMPLES / ENTITY_FACTORIES). */
export const NOTIFICATIONS_SAMPLES: Record<string, Sample> = {
  'GET /api/v1/notifications': { actor: 'principalA', build: () => ({ url: '/api/v1/notifications?pageSize=200' }) },
  'POST /api/v1/notifications/:id/read': {
    actor: 'principalA',
    build: (_w, id) => ({ url: `/api/v1/notifications/${id}/read` }),
    badWithoutCsrf: true,
  },
  'POST /api/v1/notifications/read-all': {
    actor: 'principalA',
    build: () => ({ url: '/api/v1/notifications/read-all', body: {} }),
    badBody: { upTo: 'yesterday' },
  },
  // `once=true`: the snapshot event, then the response ends (the suites use inject, which waits for the end).
  'GET /api/v1/notifications/stream': { actor: 'principalA', build: () => ({ url: '/api/v1/notifications/stream?once=true' }) },
  'GET /api/v1/todos': { actor: 'principalA', build: () => ({ url: '/api/v1/todos' }) },
  'GET /api/v1/notification-channels': { actor: 'admin', build: () => ({ url: '/api/v1/notification-channels' }) },
  'POST /api/v1/notification-channels': {
    actor: 'admin',
    build: (world) => ({
      url: '/api/v1/notification-channels',
      body: { owner: world.a.enterprise.id, kind: 'wecom', target: `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${uniq('k')}` },
    }),
    badBody: { owner: 'bureau', kind: 'wecom', target: 'http://example.com/no-key' },
  },
  'PATCH /api/v1/notification-channels/:id': {
    actor: 'admin',
    build: (_w, id) => ({ url: `/api/v1/notification-channels/${id}`, body: { active: false } }),
    badBody: { kind: 'email' },
  },
};

export const NOTIFICATIONS_FACTORIES: Record<string, (world: World, tenant: Tenant) => Promise<string>> = {
  /** A notification of the tenant's principal (notifications belong to a user, not to an enterprise). */
  notification: async (world, tenant) => {
    const [row] = await world.t.handle.db
      .insert(schema.notifications)
      .values({ userId: tenant.principal.id, kind: 'sample', title: '样例通知', body: '样例', dedupeKey: uniq('sample:') })
      .returning({ id: schema.notifications.id });
    return row?.id ?? '';
  },
  notification_channel: async (world, tenant) => {
    const [row] = await world.t.handle.db
      .insert(schema.notificationChannels)
      .values({ owner: tenant.enterprise.id, kind: 'dingtalk', target: `https://oapi.dingtalk.com/robot/send?access_token=${uniq('t')}` })
      .returning({ id: schema.notificationChannels.id });
    return row?.id ?? '';
  },
};
