import {
  caseDto,
  caseListQuery,
  closeCaseBody,
  createCaseBody,
  createSupervisionMeasureBody,
  decideCaseBody,
  idParams,
  listResponse,
  recordPaymentBody,
  supervisionMeasureDto,
  supervisionMeasureListQuery,
} from '@zhiben/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { contextOf } from '../../platform/context.js';
import * as cases from './cases.service.js';
import { createMeasure, listMeasures } from './measures.service.js';

/** 立案、行政处罚（一案双罚）、缴款、结案, and 通报/约谈/曝光 (issue #7 item 5). */
export async function caseRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['enforcement'];
  const act = { permission: 'enforcement.penalize', entity: 'enforcement_case' } as const;

  r.route({
    method: 'GET',
    url: '/api/v1/enforcement/cases',
    config: { permission: 'enforcement.read' },
    schema: { tags, summary: '案件（立案、处罚决定、缴款状态）', querystring: caseListQuery, response: { 200: listResponse(caseDto) } },
    handler: (request) => cases.listCases(contextOf(request), request.query),
  });
  r.route({
    method: 'POST',
    url: '/api/v1/enforcement/cases',
    config: { permission: 'enforcement.penalize' },
    schema: { tags, summary: '立案（对企业处罚；一案双罚时同时对主要负责人处罚）', body: createCaseBody, response: { 200: caseDto } },
    handler: (request) => cases.createCase(contextOf(request), request.body),
  });
  r.route({
    method: 'GET',
    url: '/api/v1/enforcement/cases/:id',
    config: { permission: 'enforcement.read', entity: 'enforcement_case' },
    schema: { tags, summary: '案件详情', params: idParams, response: { 200: caseDto } },
    handler: (request) => cases.getCase(contextOf(request), request.params.id),
  });
  r.route({
    method: 'POST',
    url: '/api/v1/enforcement/cases/:id/decision',
    config: act,
    schema: {
      tags,
      summary: '作出处罚决定（行政处罚决定书编号，每个被处罚人一份）',
      params: idParams,
      body: decideCaseBody,
      response: { 200: caseDto },
    },
    handler: (request) => cases.decideCase(contextOf(request), request.params.id, request.body),
  });
  r.route({
    method: 'POST',
    url: '/api/v1/enforcement/cases/:id/payment',
    config: act,
    schema: { tags, summary: '登记罚款缴纳', params: idParams, body: recordPaymentBody, response: { 200: caseDto } },
    handler: (request) => cases.recordPayment(contextOf(request), request.params.id, request.body),
  });
  r.route({
    method: 'POST',
    url: '/api/v1/enforcement/cases/:id/close',
    config: act,
    schema: { tags, summary: '结案（罚款已全部缴纳）', params: idParams, body: closeCaseBody, response: { 200: caseDto } },
    handler: (request) => cases.closeCase(contextOf(request), request.params.id, request.body),
  });

  r.route({
    method: 'GET',
    url: '/api/v1/enforcement/measures',
    config: { permission: 'enforcement.read' },
    schema: {
      tags,
      summary: '通报、约谈、曝光记录',
      querystring: supervisionMeasureListQuery,
      response: { 200: listResponse(supervisionMeasureDto) },
    },
    handler: (request) => listMeasures(contextOf(request), request.query),
  });
  r.route({
    method: 'POST',
    url: '/api/v1/enforcement/measures',
    config: { permission: 'enforcement.penalize' },
    schema: { tags, summary: '记录通报、约谈或曝光', body: createSupervisionMeasureBody, response: { 200: supervisionMeasureDto } },
    handler: (request) => createMeasure(contextOf(request), request.body),
  });
}
