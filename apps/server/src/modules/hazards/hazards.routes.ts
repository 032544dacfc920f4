import {
  acceptHazardBody,
  assignHazardBody,
  createHazardBody,
  dismissHazardBody,
  HAZARD_ACTION_LABELS,
  type HazardAction,
  type HazardDto,
  hazardAssigneesDto,
  hazardDto,
  hazardListQuery,
  hazardTimelineDto,
  idParams,
  judgeHazardBody,
  listResponse,
  publicHazardDto,
  publicHazardQuery,
  publishHazardBody,
  rejectHazardBody,
  submitHazardBody,
  superviseHazardBody,
  zeroingDto,
} from '@zhiben/contracts';
import { shanghaiDate } from '@zhiben/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { contextOf, type ServiceContext } from '../../platform/context.js';
import { attachment, XLSX_TYPE } from '../../platform/uploads.js';
import { ACTION_PERMISSION } from './hazards.machine.js';
import { publishedHazards } from './hazards.public.js';
import * as hazards from './hazards.service.js';
import * as transitions from './hazards.transitions.js';
import { zeroingWorkbook } from './hazards.workbook.js';
import { zeroingBoard } from './hazards.zeroing.js';

/** Anonymous visitors of the public page: per address. */
const PUBLIC_RATE_LIMIT = { max: 60, timeWindow: '1 minute' };

/** 隐患排查治理闭环: the hazard ledger, reporting, the lifecycle actions, the 动态清零 board and the public page. */
export async function hazardRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['hazards'];

  r.route({
    method: 'GET',
    url: '/api/v1/hazards',
    config: { permission: 'hazards.read' },
    schema: {
      tags,
      summary: '隐患台账（筛选：等级、状态、来源、逾期、挂牌督办、公布、行业、乡镇、标准条款）',
      querystring: hazardListQuery,
      response: { 200: listResponse(hazardDto) },
    },
    handler: (request) => hazards.list(contextOf(request), request.query),
  });
  r.route({
    method: 'POST',
    url: '/api/v1/hazards',
    config: { permission: 'hazards.report' },
    schema: {
      tags,
      summary: '上报隐患（企业：本企业；区局、乡镇：辖区内企业）→ 待判定',
      body: createHazardBody,
      response: { 200: hazardDto },
    },
    handler: (request) => hazards.create(contextOf(request), request.body),
  });
  r.route({
    method: 'GET',
    url: '/api/v1/hazards/zeroing',
    config: { permission: 'hazards.read' },
    schema: { tags, summary: '重大事故隐患动态清零看板（按数据范围）', response: { 200: zeroingDto } },
    handler: (request) => zeroingBoard(contextOf(request)),
  });
  r.route({
    method: 'GET',
    url: '/api/v1/hazards/zeroing/export',
    config: { permission: 'hazards.read' },
    schema: { tags, summary: '导出动态清零看板为 .xlsx' },
    handler: async (request, reply) => {
      const ctx = contextOf(request);
      const board = await zeroingBoard(ctx);
      const day = shanghaiDate(ctx.clock());
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', attachment(`重大事故隐患动态清零-${day}.xlsx`, `hazard-zeroing-${day}.xlsx`))
        .send(await zeroingWorkbook(board, scopeName(ctx)));
    },
  });
  r.route({
    method: 'GET',
    url: '/api/v1/hazards/:id',
    config: { permission: 'hazards.read', entity: 'hazard' },
    schema: { tags, summary: '隐患详情（含五落实、督办、可执行操作）', params: idParams, response: { 200: hazardDto } },
    handler: (request) => hazards.get(contextOf(request), request.params.id),
  });
  r.route({
    method: 'GET',
    url: '/api/v1/hazards/:id/timeline',
    config: { permission: 'hazards.read', entity: 'hazard' },
    schema: { tags, summary: '隐患处理经过（时间顺序）', params: idParams, response: { 200: hazardTimelineDto } },
    handler: (request) => hazards.timeline(contextOf(request), request.params.id),
  });

  r.route({
    method: 'GET',
    url: '/api/v1/hazards/:id/assignees',
    config: { permission: 'hazards.manage', entity: 'hazard' },
    schema: { tags, summary: '可指定的整改责任人（隐患所属企业的在用账号）', params: idParams, response: { 200: hazardAssigneesDto } },
    handler: (request) => hazards.assignees(contextOf(request), request.params.id),
  });

  /** One lifecycle action: the state machine decides (409 wrong state, 403 wrong role), the service does the rest. */
  function transition<B extends z.ZodType>(
    action: HazardAction,
    body: B,
    summary: string,
    run: (ctx: ServiceContext, id: string, body: z.infer<B>) => Promise<HazardDto>,
  ) {
    r.route({
      method: 'POST',
      url: `/api/v1/hazards/:id/${action}`,
      config: { permission: ACTION_PERMISSION[action], entity: 'hazard' },
      schema: { tags, summary: `${HAZARD_ACTION_LABELS[action]}：${summary}`, params: idParams, body, response: { 200: hazardDto } },
      handler: (request) => run(contextOf(request), request.params.id, request.body as z.infer<B>),
    });
  }
  transition('judge', judgeHazardBody, '定级、对应标准条款、五落实（重大隐患由区局判定并附治理方案）→ 整改中', transitions.judge);
  transition('dismiss', dismissHazardBody, '不构成隐患（须说明理由）→ 已销号', transitions.dismiss);
  transition('assign', assignHazardBody, '整改中调整五落实（重大隐患期限由区局确定）', transitions.assign);
  transition('submit', submitHazardBody, '提交整改结果（照片和说明）→ 待验收', transitions.submit);
  transition('accept', acceptHazardBody, '验收通过（重大隐患须区局复查验收并附照片）→ 已销号', transitions.accept);
  transition('reject', rejectHazardBody, '验收不通过（须说明原因）→ 整改中', transitions.reject);
  transition('supervise', superviseHazardBody, '重大隐患挂牌督办（督办单位和期限）', transitions.supervise);
  transition('publish', publishHazardBody, '重大隐患向社会公布', transitions.publish);
  transition('unpublish', publishHazardBody, '已销号的公布隐患摘牌', transitions.unpublish);

  r.route({
    method: 'GET',
    url: '/api/v1/public/hazards',
    config: { public: true, rateLimit: PUBLIC_RATE_LIMIT },
    schema: {
      tags,
      summary: '向社会公布的重大事故隐患（挂牌、摘牌；不含个人信息，无需登录）',
      querystring: publicHazardQuery,
      response: { 200: listResponse(publicHazardDto) },
    },
    handler: (request) => publishedHazards(app.db, request.query),
  });
}

function scopeName(ctx: ServiceContext): string {
  const scope = ctx.principal.scope;
  switch (scope.kind) {
    case 'all':
      return '全区';
    case 'region':
      return scope.regionName;
    case 'enterprise':
      return scope.enterpriseName;
  }
}
