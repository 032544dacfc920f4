import {
  documentListQuery,
  documentSettingsDto,
  enforcementDocumentDto,
  enforcementStatsDto,
  enforcementStatsQuery,
  idParams,
  listResponse,
  officerDto,
  saveCertificateBody,
  saveDocumentSettingsBody,
} from '@zhiben/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { contextOf } from '../../platform/context.js';
import { attachment } from '../../platform/uploads.js';
import { caseRoutes } from './cases.routes.js';
import { getDocumentSettings, saveDocumentSettings } from './document-settings.service.js';
import { DOCX_MIME } from './documents/index.js';
import { documentFile, listDocuments } from './documents.service.js';
import { listOfficers, saveCertificate } from './officers.service.js';
import { planRoutes } from './plans.routes.js';
import { enforcementStats } from './stats.service.js';
import { taskRoutes } from './tasks.routes.js';

/** 执法 (issue #7): plans, tasks, orders, cases, documents, officers and the views. */
export async function enforcementRoutes(app: FastifyInstance) {
  await app.register(planRoutes);
  await app.register(taskRoutes);
  await app.register(caseRoutes);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['enforcement'];

  r.route({
    method: 'GET',
    url: '/api/v1/enforcement/documents',
    config: { permission: 'enforcement.read' },
    schema: {
      tags,
      summary: '执法文书（按类型、年度、企业、任务、案件）',
      querystring: documentListQuery,
      response: { 200: listResponse(enforcementDocumentDto) },
    },
    handler: (request) => listDocuments(contextOf(request), request.query),
  });
  r.route({
    method: 'GET',
    url: '/api/v1/enforcement/documents/:id',
    config: { permission: 'enforcement.read', entity: 'enforcement_document' },
    schema: { tags, summary: '下载执法文书（.docx）', params: idParams },
    handler: async (request, reply) => {
      const file = await documentFile(contextOf(request), request.params.id);
      return reply.type(DOCX_MIME).header('content-disposition', attachment(file.fileName, file.ascii)).send(file.buffer);
    },
  });
  r.route({
    method: 'GET',
    url: '/api/v1/enforcement/document-settings',
    config: { permission: 'enforcement.read' },
    schema: {
      tags,
      summary: '执法文书设置：发文机关、行政复议机关、行政诉讼法院、各类文书的文号前缀（区局、乡镇）',
      response: { 200: documentSettingsDto },
    },
    handler: (request) => getDocumentSettings(contextOf(request)),
  });
  r.route({
    method: 'PUT',
    url: '/api/v1/enforcement/document-settings',
    config: { permission: 'enforcement.documents' },
    schema: {
      tags,
      summary: '修改执法文书设置（rev 须为现行 rev + 1；只影响此后出具的文书）',
      body: saveDocumentSettingsBody,
      response: { 200: documentSettingsDto },
    },
    handler: (request) => saveDocumentSettings(contextOf(request), request.body),
  });
  r.route({
    method: 'GET',
    url: '/api/v1/enforcement/officers',
    config: { permission: 'enforcement.inspect' },
    schema: { tags, summary: '可指派的执法人员及行政执法证', response: { 200: listResponse(officerDto) } },
    handler: (request) => listOfficers(contextOf(request)),
  });
  r.route({
    method: 'PUT',
    url: '/api/v1/enforcement/officers/:id/certificate',
    config: { permission: 'enforcement.officers', entity: 'officer' },
    schema: {
      tags,
      summary: '登记执法人员的行政执法证号和有效期',
      params: idParams,
      body: saveCertificateBody,
      response: { 200: officerDto },
    },
    handler: (request) => saveCertificate(contextOf(request), request.params.id, request.body),
  });
  r.route({
    method: 'GET',
    url: '/api/v1/enforcement/stats',
    config: { permission: 'enforcement.stats' },
    schema: {
      tags,
      summary: '执法统计：计划进度（按月、按执法人员）、每次检查发现问题数、处罚种类和金额',
      querystring: enforcementStatsQuery,
      response: { 200: enforcementStatsDto },
    },
    handler: (request) => enforcementStats(contextOf(request), request.query),
  });
}
