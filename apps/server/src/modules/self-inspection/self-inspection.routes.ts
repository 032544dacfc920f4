import {
  checklistDto,
  createInspectionBody,
  idParams,
  inspectionDetailDto,
  inspectionDto,
  inspectionListQuery,
  listResponse,
  principalComplianceDto,
  principalComplianceQuery,
  recordResultsBody,
} from '@zhiben/contracts';
import { formatQuarter, parseQuarter, quarterOf, quarterRange } from '@zhiben/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { findEnterprise } from '../enterprises/enterprises.repository.js';
import { checklistFor } from './checklist.service.js';
import { principalCompliance, selfInspectionStats } from './compliance.repository.js';
import * as inspections from './inspections.service.js';

export async function selfInspectionRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['self-inspection'];

  r.route({
    method: 'GET',
    url: '/api/v1/enterprises/:id/checklist',
    config: { permission: 'standard.read', entity: 'enterprise' },
    schema: { tags, summary: '本企业重大事故隐患检查清单（一行业一清单，含适用理由）', params: idParams, response: { 200: checklistDto } },
    handler: async (request) => {
      const ctx = contextOf(request);
      const enterprise = await findEnterprise(ctx.db, ctx.principal.scope, request.params.id);
      if (!enterprise) throw notFound();
      const { rows: _rows, ...checklist } = await checklistFor(ctx.db, enterprise);
      return checklist;
    },
  });
  r.route({
    method: 'GET',
    url: '/api/v1/inspections',
    config: { permission: 'inspections.read' },
    schema: { tags, summary: '自查记录', querystring: inspectionListQuery, response: { 200: listResponse(inspectionDto) } },
    handler: (request) => inspections.list(contextOf(request), request.query),
  });
  r.route({
    method: 'POST',
    url: '/api/v1/inspections',
    config: { permission: 'inspections.create' },
    schema: {
      tags,
      summary: '新建自查（从本企业清单选项，可加自定检查项）',
      body: createInspectionBody,
      response: { 200: inspectionDetailDto },
    },
    handler: (request) => inspections.create(contextOf(request), request.body),
  });
  r.route({
    method: 'GET',
    url: '/api/v1/inspections/:id',
    config: { permission: 'inspections.read', entity: 'self_inspection' },
    schema: { tags, summary: '自查详情（条款按检查时的标准版本显示）', params: idParams, response: { 200: inspectionDetailDto } },
    handler: (request) => inspections.get(contextOf(request), request.params.id),
  });
  r.route({
    method: 'POST',
    url: '/api/v1/inspections/:id/results',
    config: { permission: 'inspections.record', entity: 'self_inspection' },
    schema: {
      tags,
      summary: '记录检查结果（不符合的标准条款生成重大隐患）',
      params: idParams,
      body: recordResultsBody,
      response: { 200: inspectionDetailDto },
    },
    handler: (request) => inspections.recordResults(contextOf(request), request.params.id, request.body),
  });
  r.route({
    method: 'POST',
    url: '/api/v1/inspections/:id/complete',
    config: { permission: 'inspections.record', entity: 'self_inspection' },
    schema: { tags, summary: '完成检查', params: idParams, response: { 200: inspectionDetailDto } },
    handler: (request) => inspections.complete(contextOf(request), request.params.id),
  });
  r.route({
    method: 'GET',
    url: '/api/v1/self-inspection/principal-compliance',
    config: { permission: 'inspections.stats' },
    schema: {
      tags,
      summary: '主要负责人每季度带队检查落实情况',
      querystring: principalComplianceQuery,
      response: { 200: principalComplianceDto },
    },
    handler: async (request) => {
      const ctx = contextOf(request);
      const quarter = request.query.quarter ? parseQuarter(request.query.quarter) : quarterOf(ctx.clock());
      if (!quarter) throw new AppError('VALIDATION_FAILED', '季度格式应为 2026Q4');
      const { start, end } = quarterRange(quarter);
      const rows = await principalCompliance(ctx.db, ctx.principal.scope, start, end);
      const shown = request.query.onlyMissing === 'true' ? rows.filter((x) => x.ledCount === 0) : rows;
      const { page, pageSize } = request.query;
      return {
        quarter: formatQuarter(quarter),
        start: start.toISOString(),
        end: end.toISOString(),
        total: rows.length,
        compliant: rows.filter((x) => x.ledCount > 0).length,
        items: shown.slice((page - 1) * pageSize, page * pageSize).map((x) => ({
          enterpriseId: x.enterpriseId,
          enterpriseName: x.enterpriseName,
          regionName: x.regionName,
          led: x.ledCount > 0,
          ledCount: x.ledCount,
          lastLedAt: x.lastLedAt?.toISOString() ?? null,
        })),
      };
    },
  });
  r.route({
    method: 'GET',
    url: '/api/v1/self-inspection/stats',
    config: { permission: 'inspections.stats' },
    schema: {
      tags,
      summary: '自查覆盖率、高频不符合条款、90 天未自查企业',
      response: {
        200: z.object({
          coverage: z.array(z.object({ sector: z.string().nullable(), enterprises: z.number().int(), inspected: z.number().int() })),
          topNonCompliant: z.array(
            z.object({ key: z.string(), articleLabel: z.string(), itemLabel: z.string(), text: z.string(), count: z.number().int() }),
          ),
          stale: z.array(
            z.object({
              enterpriseId: z.string(),
              enterpriseName: z.string(),
              regionName: z.string(),
              lastCompletedAt: z.string().nullable(),
            }),
          ),
        }),
      },
    },
    handler: async (request) => {
      const ctx = contextOf(request);
      return selfInspectionStats(ctx.db, ctx.principal.scope, ctx.clock());
    },
  });
}
