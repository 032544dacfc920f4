import {
  createEnterpriseBody,
  enterpriseDto,
  enterpriseHistoryItem,
  enterpriseListQuery,
  idParams,
  importReport,
  listResponse,
  updateEnterpriseBody,
} from '@zhiben/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../platform/context.js';
import { attachment, readXlsxUpload, XLSX_TYPE } from '../../platform/uploads.js';
import * as enterprises from './enterprises.service.js';
import * as ledger from './ledger.service.js';

export async function enterpriseRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['enterprises'];

  r.route({
    method: 'GET',
    url: '/api/v1/enterprises',
    config: { permission: 'enterprises.read' },
    schema: {
      tags,
      summary: '企业台账列表（搜索、筛选、排序、分页）',
      querystring: enterpriseListQuery,
      response: { 200: listResponse(enterpriseDto) },
    },
    handler: (request) => enterprises.list(contextOf(request), request.query),
  });
  r.route({
    method: 'POST',
    url: '/api/v1/enterprises',
    config: { permission: 'enterprises.create' },
    schema: { tags, summary: '新建企业', body: createEnterpriseBody, response: { 200: enterpriseDto } },
    handler: (request) => enterprises.create(contextOf(request), request.body),
  });
  r.route({
    method: 'GET',
    url: '/api/v1/enterprises/export',
    config: { permission: 'enterprises.export' },
    schema: { tags, summary: '导出当前筛选结果为 .xlsx（与导入模板同表头）', querystring: enterpriseListQuery },
    handler: async (request, reply) => {
      const { buffer } = await ledger.exportLedger(contextOf(request), request.query);
      const day = new Date().toISOString().slice(0, 10);
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', attachment(`工贸企业台账-${day}.xlsx`, `enterprises-${day}.xlsx`))
        .send(buffer);
    },
  });
  r.route({
    method: 'GET',
    url: '/api/v1/enterprises/template',
    config: { permission: 'enterprises.import' },
    schema: { tags, summary: '下载企业台账导入模板（含下拉选项）' },
    handler: async (request, reply) =>
      reply
        .type(XLSX_TYPE)
        .header('content-disposition', attachment('工贸企业台账导入模板.xlsx', 'enterprise-template.xlsx'))
        .send(await ledger.template(contextOf(request))),
  });
  r.route({
    method: 'POST',
    url: '/api/v1/enterprises/import/preview',
    config: { permission: 'enterprises.import', readOnly: true },
    schema: {
      tags,
      summary: '导入预览：逐行列出将新增、更新的企业和每个错误（不写入）',
      consumes: ['multipart/form-data'],
      response: { 200: importReport },
    },
    handler: async (request) => ledger.previewImport(contextOf(request), await readXlsxUpload(request)),
  });
  r.route({
    method: 'POST',
    url: '/api/v1/enterprises/import/commit',
    config: { permission: 'enterprises.import' },
    schema: { tags, summary: '确认导入：在一个事务中写入全部无误的行', consumes: ['multipart/form-data'], response: { 200: importReport } },
    handler: async (request) => ledger.commitImport(contextOf(request), await readXlsxUpload(request)),
  });
  r.route({
    method: 'GET',
    url: '/api/v1/enterprises/:id',
    config: { permission: 'enterprises.read', entity: 'enterprise' },
    schema: { tags, summary: '企业详情', params: idParams, response: { 200: enterpriseDto } },
    handler: (request) => enterprises.get(contextOf(request), request.params.id),
  });
  r.route({
    method: 'PATCH',
    url: '/api/v1/enterprises/:id',
    config: { permission: 'enterprises.update', entity: 'enterprise' },
    schema: {
      tags,
      summary: '修改企业信息（企业用户只能改本企业的可编辑字段）',
      params: idParams,
      body: updateEnterpriseBody,
      response: { 200: enterpriseDto },
    },
    handler: (request) => enterprises.update(contextOf(request), request.params.id, request.body),
  });
  r.route({
    method: 'GET',
    url: '/api/v1/enterprises/:id/history',
    config: { permission: 'enterprises.read', entity: 'enterprise' },
    schema: {
      tags,
      summary: '企业变更记录（来自审计日志）',
      params: idParams,
      response: { 200: z.object({ items: z.array(enterpriseHistoryItem) }) },
    },
    handler: async (request) => ({ items: await enterprises.history(contextOf(request), request.params.id) }),
  });
}
