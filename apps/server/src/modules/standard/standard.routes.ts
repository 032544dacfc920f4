import {
  addLocalItemBody,
  editStandardItemBody,
  idParams,
  listResponse,
  standardItemDto,
  standardItemQuery,
  standardVersionDto,
} from '@zhiben/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { contextOf } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { currentVersion, itemsOfVersion, listVersions, toItemDto, versionByNumber } from './standard.repository.js';
import { addLocalItem, editItem } from './standard.service.js';

/** 重大事故隐患判定标准 (令10) as versioned data: read by everyone, amended by the bureau (each change = a new version). */
export async function standardRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['hazard-standard'];
  r.route({
    method: 'GET',
    url: '/api/v1/hazard-standard/items',
    config: { permission: 'standard.read' },
    schema: {
      tags,
      summary: '判定标准条款（按条、行业、标签、版本、待核实筛选）',
      querystring: standardItemQuery,
      response: { 200: listResponse(standardItemDto) },
    },
    handler: async (request) => {
      const q = request.query;
      const version = q.version ? await versionByNumber(app.db, q.version) : await currentVersion(app.db);
      if (!version) throw new AppError('NOT_FOUND', `没有第 ${q.version} 版`);
      const rows = await itemsOfVersion(app.db, version.id, q);
      const page = rows.slice((q.page - 1) * q.pageSize, q.page * q.pageSize);
      return { items: page.map((row) => toItemDto(row, version.version)), total: rows.length };
    },
  });
  r.route({
    method: 'GET',
    url: '/api/v1/hazard-standard/versions',
    config: { permission: 'standard.read' },
    schema: { tags, summary: '判定标准版本（修订记录）', response: { 200: listResponse(standardVersionDto) } },
    handler: async () => {
      const rows = await listVersions(app.db);
      const items = rows.map(({ version: v, itemCount }) => ({
        id: v.id,
        code: v.code,
        title: v.title,
        version: v.version,
        effectiveFrom: v.effectiveFrom,
        note: v.note,
        publishedAt: v.publishedAt.toISOString(),
        itemCount,
      }));
      return { items, total: items.length };
    },
  });
  r.route({
    method: 'PATCH',
    url: '/api/v1/hazard-standard/items/:id',
    config: { permission: 'standard.manage', entity: 'standard_item' },
    schema: {
      tags,
      summary: '修订条款（发布新版本；旧版本检查记录保持原文）',
      params: idParams,
      body: editStandardItemBody,
      response: { 200: standardItemDto },
    },
    handler: (request) => editItem(contextOf(request), request.params.id, request.body),
  });
  r.route({
    method: 'POST',
    url: '/api/v1/hazard-standard/items',
    config: { permission: 'standard.manage' },
    schema: { tags, summary: '新增地方补充条款（发布新版本）', body: addLocalItemBody, response: { 200: standardItemDto } },
    handler: (request) => addLocalItem(contextOf(request), request.body),
  });
}
