import {
  createDeviceBody,
  deviceDto,
  deviceImportReport,
  deviceListQuery,
  deviceWithSecret,
  idParams,
  listResponse,
  seriesQuery,
  seriesResponse,
  updateDeviceBody,
} from '@zhiben/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { contextOf } from '../../platform/context.js';
import { attachment, readXlsxUpload, XLSX_TYPE } from '../../platform/uploads.js';
import * as importer from './devices.import.js';
import { series } from './devices.series.js';
import * as devices from './devices.service.js';
import { writeDeviceTemplate } from './devices.workbook.js';

/**
 * 监测设备登记 (issue #6 item 1): the bureau manages every enterprise's devices, an enterprise's principal and
 * safety manager their own, staff read. Changes that affect credentials or signal sets reach the telemetry
 * pipeline's device cache at once (`ingestion.registry.invalidate`).
 */
export async function deviceRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['devices'];
  const invalidate = (id: string) => app.ingestion.registry.invalidate(id);

  r.route({
    method: 'GET',
    url: '/api/v1/devices',
    config: { permission: 'devices.read' },
    schema: { tags, summary: '监测设备列表（搜索、筛选、分页）', querystring: deviceListQuery, response: { 200: listResponse(deviceDto) } },
    handler: (request) => devices.list(contextOf(request), request.query),
  });
  r.route({
    method: 'POST',
    url: '/api/v1/devices',
    config: { permission: 'devices.manage' },
    schema: {
      tags,
      summary: '登记监测设备；返回的设备密钥只显示这一次',
      body: createDeviceBody,
      response: { 200: deviceWithSecret },
    },
    handler: async (request) => {
      const created = await devices.create(contextOf(request), request.body);
      invalidate(created.device.id);
      return created;
    },
  });
  r.route({
    method: 'GET',
    url: '/api/v1/devices/template',
    config: { permission: 'devices.manage' },
    schema: { tags, summary: '下载设备登记导入模板（.xlsx）' },
    handler: async (_request, reply) =>
      reply
        .type(XLSX_TYPE)
        .header('content-disposition', attachment('除尘设备登记导入模板.xlsx', 'device-template.xlsx'))
        .send(await writeDeviceTemplate()),
  });
  r.route({
    method: 'POST',
    url: '/api/v1/devices/import/preview',
    config: { permission: 'devices.manage', readOnly: true },
    schema: {
      tags,
      summary: '设备批量登记预览：逐行列出将新增、更新的设备和每个错误（不写入）',
      consumes: ['multipart/form-data'],
      response: { 200: deviceImportReport },
    },
    handler: async (request) => importer.previewImport(contextOf(request), await readXlsxUpload(request)),
  });
  r.route({
    method: 'POST',
    url: '/api/v1/devices/import',
    config: { permission: 'devices.manage' },
    schema: {
      tags,
      summary: '设备批量登记：在一个事务中写入全部无误的行；新设备的密钥只在此次返回',
      consumes: ['multipart/form-data'],
      response: { 200: deviceImportReport },
    },
    handler: async (request) => {
      const { report, changedIds } = await importer.commitImport(contextOf(request), await readXlsxUpload(request));
      for (const id of changedIds) invalidate(id);
      return report;
    },
  });
  r.route({
    method: 'GET',
    url: '/api/v1/devices/:id',
    config: { permission: 'devices.read', entity: 'device' },
    schema: { tags, summary: '监测设备详情', params: idParams, response: { 200: deviceDto } },
    handler: (request) => devices.get(contextOf(request), request.params.id),
  });
  r.route({
    method: 'PATCH',
    url: '/api/v1/devices/:id',
    config: { permission: 'devices.manage', entity: 'device' },
    schema: {
      tags,
      summary: '修改监测设备（名称、类型、监测项、上报间隔、启用/停用）',
      params: idParams,
      body: updateDeviceBody,
      response: { 200: deviceDto },
    },
    handler: async (request) => {
      const updated = await devices.update(contextOf(request), request.params.id, request.body);
      invalidate(updated.id);
      return updated;
    },
  });
  r.route({
    method: 'POST',
    url: '/api/v1/devices/:id/rotate-secret',
    config: { permission: 'devices.manage', entity: 'device' },
    schema: { tags, summary: '重置设备密钥：旧密钥立即失效，新密钥只显示这一次', params: idParams, response: { 200: deviceWithSecret } },
    handler: async (request) => {
      const rotated = await devices.rotateSecret(contextOf(request), request.params.id);
      invalidate(rotated.device.id);
      return rotated;
    },
  });
  r.route({
    method: 'GET',
    url: '/api/v1/devices/:id/series',
    config: { permission: 'monitoring.read', entity: 'device' },
    schema: {
      tags,
      summary: '监测曲线：按步长汇总的 1 分钟统计（次数、最小、最大、均值、最新值）',
      params: idParams,
      querystring: seriesQuery,
      response: { 200: seriesResponse },
    },
    handler: (request) => series(contextOf(request), request.params.id, request.query),
  });
}
