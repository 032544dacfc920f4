import {
  ackAlarmBody,
  alarmDetailDto,
  alarmDto,
  alarmListQuery,
  alarmListResponse,
  deviceThresholdsDto,
  disposeAlarmBody,
  idParams,
  putThresholdsBody,
} from '@zhiben/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { contextOf } from '../../platform/context.js';
import * as alarms from './alarms.service.js';
import type { RuleCatalog } from './rules.catalog.js';
import { getThresholds, putThresholds } from './thresholds.service.js';

/** 监测报警: the alarm list and handling (响应, 处置报告), and a device's alarm thresholds. */
export async function alarmRoutes(app: FastifyInstance, opts: { catalog: RuleCatalog }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['alarms'];

  r.route({
    method: 'GET',
    url: '/api/v1/alarms',
    config: { permission: 'monitoring.read' },
    schema: {
      tags,
      summary: '监测报警列表（?status=pending,recovered&level=red&kind=&enterpriseId=&deviceId=&open=true）',
      querystring: alarmListQuery,
      response: { 200: alarmListResponse },
    },
    handler: (request) => alarms.list(contextOf(request), request.query),
  });
  r.route({
    method: 'GET',
    url: '/api/v1/alarms/:id',
    config: { permission: 'monitoring.read', entity: 'alarm' },
    schema: { tags, summary: '报警详情（含处置时间线）', params: idParams, response: { 200: alarmDetailDto } },
    handler: (request) => alarms.get(contextOf(request), request.params.id),
  });
  r.route({
    method: 'POST',
    url: '/api/v1/alarms/:id/ack',
    config: { permission: 'alarms.handle', entity: 'alarm' },
    schema: { tags, summary: '响应报警（停止超时升级）', params: idParams, body: ackAlarmBody, response: { 200: alarmDto } },
    handler: (request) => alarms.acknowledge(contextOf(request), request.params.id, request.body),
  });
  r.route({
    method: 'POST',
    url: '/api/v1/alarms/:id/dispose',
    config: { permission: 'alarms.handle', entity: 'alarm' },
    schema: {
      tags,
      summary: '提交处置报告（原因、措施、照片；报警已恢复时随即关闭）',
      params: idParams,
      body: disposeAlarmBody,
      response: { 200: alarmDto },
    },
    handler: (request) => alarms.dispose(contextOf(request), request.params.id, request.body),
  });

  r.route({
    method: 'GET',
    url: '/api/v1/devices/:id/thresholds',
    config: { permission: 'monitoring.read', entity: 'device' },
    schema: {
      tags,
      summary: '设备报警规则与阈值（默认值、企业设定、区局限值）',
      params: idParams,
      response: { 200: deviceThresholdsDto },
    },
    handler: (request) => getThresholds(contextOf(request), request.params.id),
  });
  r.route({
    method: 'PUT',
    url: '/api/v1/devices/:id/thresholds',
    config: { permission: 'monitoring.configure_thresholds', entity: 'device' },
    schema: {
      tags,
      summary: '设定设备报警阈值（超出区局限值或停用必选报警：照常生效，并按第十四条记为重大事故隐患）',
      params: idParams,
      body: putThresholdsBody,
      response: { 200: deviceThresholdsDto },
    },
    handler: (request) => putThresholds(contextOf(request), opts.catalog, request.params.id, request.body),
  });
}
