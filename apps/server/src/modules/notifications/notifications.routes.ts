import {
  channelDto,
  channelListResponse,
  createChannelBody,
  idParams,
  type NotificationStreamEvent,
  notificationDto,
  notificationListQuery,
  notificationListResponse,
  notificationStreamQuery,
  readAllBody,
  readAllResponse,
  todoListResponse,
  updateChannelBody,
} from '@zhiben/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { contextOf } from '../../platform/context.js';
import { openEventStream } from '../../platform/sse.js';
import * as channels from './channels.service.js';
import { LiveNotifications } from './notifications.live.js';
import * as notifications from './notifications.service.js';
import { todosFor } from './todos.service.js';

/** The notification centre (own notifications, live stream), the to-do list, and the bureau's channel settings. */
export async function notificationRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['notifications'];
  const live = new LiveNotifications(app.db, app.log);
  // Open streams would keep the server's close() waiting: end them first, then stop listening.
  app.addHook('preClose', async () => live.hub.closeAll());
  app.addHook('onClose', async () => live.close());

  r.route({
    method: 'GET',
    url: '/api/v1/notifications',
    schema: {
      tags,
      summary: '我的通知（?unread=true 只看未读）',
      querystring: notificationListQuery,
      response: { 200: notificationListResponse },
    },
    handler: (request) => notifications.list(contextOf(request), request.query),
  });
  r.route({
    method: 'POST',
    url: '/api/v1/notifications/:id/read',
    config: { entity: 'notification' },
    schema: { tags, summary: '标记为已读', params: idParams, response: { 200: notificationDto } },
    handler: (request) => notifications.read(contextOf(request), request.params.id),
  });
  r.route({
    method: 'POST',
    url: '/api/v1/notifications/read-all',
    schema: { tags, summary: '全部标记为已读（可只标记某时刻之前的）', body: readAllBody, response: { 200: readAllResponse } },
    handler: (request) => notifications.readAll(contextOf(request), request.body),
  });
  r.route({
    method: 'GET',
    url: '/api/v1/notifications/stream',
    schema: {
      tags,
      summary: '通知实时推送（text/event-stream）',
      description:
        '服务器推送事件：先发 {type:"hello",unread}，之后每条新通知发 {type:"notification",notification}；每 25 秒一次心跳注释行。' +
        '连接中断后浏览器按 retry 自动重连；收到 {type:"resync"} 时请重新拉取列表。?once=true 只发 hello 后关闭（轮询模式）。',
      querystring: notificationStreamQuery,
    },
    handler: async (request, reply) => {
      const ctx = contextOf(request);
      const userId = ctx.principal.userId;
      if (request.query.once === 'true') {
        const hello: NotificationStreamEvent = { type: 'hello', unread: await notifications.unreadCount(ctx) };
        reply.header('content-type', 'text/event-stream; charset=utf-8').header('cache-control', 'no-cache, no-transform');
        return `data: ${JSON.stringify(hello)}\n\n`;
      }
      let unsubscribe: (() => void) | undefined;
      const stream = openEventStream(reply, { onClose: () => unsubscribe?.() });
      try {
        unsubscribe = await live.attach(userId, stream);
        if (stream.closed) unsubscribe();
        else stream.send({ type: 'hello', unread: await notifications.unreadCount(ctx) } satisfies NotificationStreamEvent);
      } catch (err) {
        request.log.error({ err }, 'live notification feed unavailable');
        stream.close();
      }
      return reply;
    },
  });

  r.route({
    method: 'GET',
    url: '/api/v1/todos',
    schema: {
      tags,
      summary: '我的待办（按当前状态计算：待判定、待整改、待验收、逾期督促、未完成自查、季度带队检查）',
      response: { 200: todoListResponse },
    },
    handler: (request) => todosFor(contextOf(request)),
  });

  r.route({
    method: 'GET',
    url: '/api/v1/notification-channels',
    config: { permission: 'notifications.manage_channels' },
    schema: { tags, summary: '消息推送渠道（企业微信 / 钉钉机器人、邮件）', response: { 200: channelListResponse } },
    handler: (request) => channels.list(contextOf(request)),
  });
  r.route({
    method: 'POST',
    url: '/api/v1/notification-channels',
    config: { permission: 'notifications.manage_channels' },
    schema: { tags, summary: '新增推送渠道', body: createChannelBody, response: { 200: channelDto } },
    handler: (request) => channels.create(contextOf(request), request.body),
  });
  r.route({
    method: 'PATCH',
    url: '/api/v1/notification-channels/:id',
    config: { permission: 'notifications.manage_channels', entity: 'notification_channel' },
    schema: { tags, summary: '修改推送渠道（地址、启停）', params: idParams, body: updateChannelBody, response: { 200: channelDto } },
    handler: (request) => channels.update(contextOf(request), request.params.id, request.body),
  });
}
