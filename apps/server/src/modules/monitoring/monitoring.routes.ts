import {
  bureauLimitsDto,
  type MonitoringStreamEvent,
  monitoringOverviewDto,
  monitoringRolloutDto,
  monitoringStreamQuery,
  putBureauLimitsBody,
} from '@zhiben/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { contextOf } from '../../platform/context.js';
import { openEventStream } from '../../platform/sse.js';
import { getLimits, putLimits } from '../alarms/limits.service.js';
import type { RuleCatalog } from '../alarms/rules.catalog.js';
import { LiveMonitoring } from './monitoring.live.js';
import { overview } from './overview.service.js';
import { rollout } from './rollout.service.js';

/** 监测预警 overview, roll-out tracker, live stream, and the bureau's limits for enterprise threshold settings. */
export async function monitoringRoutes(app: FastifyInstance, opts: { catalog: RuleCatalog }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['monitoring'];
  const live = new LiveMonitoring(app.db, app.log);
  // Open streams would keep the server's close() waiting: end them first, then stop listening.
  app.addHook('preClose', async () => live.closeStreams());
  app.addHook('onClose', async () => live.close());

  r.route({
    method: 'GET',
    url: '/api/v1/monitoring/overview',
    config: { permission: 'monitoring.read' },
    schema: { tags, summary: '监测总览：各企业最高未关闭报警级别、接入状态、最近数据时间', response: { 200: monitoringOverviewDto } },
    handler: (request) => overview(contextOf(request)),
  });
  r.route({
    method: 'GET',
    url: '/api/v1/monitoring/rollout',
    config: { permission: 'monitoring.read' },
    schema: {
      tags,
      summary: '接入进度：涉粉 30 人以上、10 人以上企业接入情况（2024、2025 年底目标），近 7 天数据完整率与在线率',
      response: { 200: monitoringRolloutDto },
    },
    handler: (request) => rollout(contextOf(request)),
  });
  r.route({
    method: 'GET',
    url: '/api/v1/monitoring/stream',
    config: { permission: 'monitoring.read' },
    schema: {
      tags,
      summary: '监测实时推送（text/event-stream）',
      description:
        '先发 {type:"hello"}，之后按权限范围推送 {type:"alarm",change,alarm}（报警产生、更新、响应、处置、恢复、关闭、升级）和 ' +
        '{type:"connection"}（设备接入状态变化）；收到 {type:"resync"} 时请重新拉取总览。?once=true 只发 hello 后关闭。',
      querystring: monitoringStreamQuery,
    },
    handler: async (request, reply) => {
      const ctx = contextOf(request);
      const hello: MonitoringStreamEvent = { type: 'hello', asOf: ctx.clock().toISOString() };
      if (request.query.once === 'true') {
        reply.header('content-type', 'text/event-stream; charset=utf-8').header('cache-control', 'no-cache, no-transform');
        return `data: ${JSON.stringify(hello)}\n\n`;
      }
      let unsubscribe: (() => void) | undefined;
      const stream = openEventStream(reply, { onClose: () => unsubscribe?.() });
      try {
        unsubscribe = await live.attach(ctx.principal, stream);
        if (stream.closed) unsubscribe();
        else stream.send(hello);
      } catch (err) {
        request.log.error({ err }, 'live monitoring feed unavailable');
        stream.close();
      }
      return reply;
    },
  });

  r.route({
    method: 'GET',
    url: '/api/v1/monitoring/limits',
    config: { permission: 'monitoring.read' },
    schema: { tags, summary: '区局限值：企业可调整的报警参数及其上下限', response: { 200: bureauLimitsDto } },
    handler: (request) => getLimits(contextOf(request)),
  });
  r.route({
    method: 'PUT',
    url: '/api/v1/monitoring/limits',
    config: { permission: 'monitoring.set_limits' },
    schema: {
      tags,
      summary: '设定区局限值（整表替换；未列出的参数企业不能调整）',
      body: putBureauLimitsBody,
      response: { 200: bureauLimitsDto },
    },
    handler: (request) => putLimits(contextOf(request), opts.catalog, request.body),
  });
}
