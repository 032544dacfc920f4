import {
  cancelTaskBody,
  closeTaskBody,
  createFindingBody,
  createInspectionTaskBody,
  createPatrolBody,
  idParams,
  inspectionTaskDto,
  inspectionTaskListQuery,
  issueOrderBody,
  listResponse,
  patrolSummaryDto,
  reinspectBody,
  startTaskBody,
  taskChecklistDto,
  taskDetailDto,
} from '@zhiben/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { contextOf } from '../../platform/context.js';
import * as orders from './orders.service.js';
import { createPatrol, patrolSummary } from './patrols.service.js';
import * as tasks from './tasks.service.js';

/** 检查任务 (四不两直), 现场检查记录, 责令限期整改, 复查, 办结, and 线上巡查 (issue #7 items 3, 4, 7). */
export async function taskRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['enforcement'];
  const action = { permission: 'enforcement.inspect', entity: 'inspection_task' } as const;

  r.route({
    method: 'GET',
    url: '/api/v1/enforcement/tasks',
    config: { permission: 'enforcement.read' },
    schema: {
      tags,
      summary: '检查任务（企业账号看不到尚未开始的“四不两直”任务）',
      querystring: inspectionTaskListQuery,
      response: { 200: listResponse(inspectionTaskDto) },
    },
    handler: (request) => tasks.list(contextOf(request), request.query),
  });
  r.route({
    method: 'POST',
    url: '/api/v1/enforcement/tasks',
    config: { permission: 'enforcement.inspect' },
    schema: {
      tags,
      summary: '新建检查任务（计划内或投诉、报警、事故等；至少两名持证执法人员；可设为“四不两直”）',
      body: createInspectionTaskBody,
      response: { 200: taskDetailDto },
    },
    handler: (request) => tasks.create(contextOf(request), request.body),
  });
  r.route({
    method: 'GET',
    url: '/api/v1/enforcement/tasks/:id',
    config: { permission: 'enforcement.read', entity: 'inspection_task' },
    schema: { tags, summary: '检查任务详情（检查发现、指令书、复查、文书、案件）', params: idParams, response: { 200: taskDetailDto } },
    handler: (request) => tasks.get(contextOf(request), request.params.id),
  });
  r.route({
    method: 'GET',
    url: '/api/v1/enforcement/tasks/:id/checklist',
    config: { permission: 'enforcement.read', entity: 'inspection_task' },
    schema: { tags, summary: '现场检查清单：企业适用的判定标准条款 + 通用检查内容', params: idParams, response: { 200: taskChecklistDto } },
    handler: (request) => tasks.checklist(contextOf(request), request.params.id),
  });
  r.route({
    method: 'POST',
    url: '/api/v1/enforcement/tasks/:id/start',
    config: action,
    schema: { tags, summary: '开始检查（此后企业可见）', params: idParams, body: startTaskBody, response: { 200: taskDetailDto } },
    handler: (request) => tasks.start(contextOf(request), request.params.id, request.body),
  });
  r.route({
    method: 'POST',
    url: '/api/v1/enforcement/tasks/:id/findings',
    config: action,
    schema: {
      tags,
      summary: '记录检查发现（照片、对应条款、违法依据；转为隐患，重大隐患当场判定）',
      params: idParams,
      body: createFindingBody,
      response: { 200: taskDetailDto },
    },
    handler: (request) => tasks.addFinding(contextOf(request), request.params.id, request.body),
  });
  r.route({
    method: 'POST',
    url: '/api/v1/enforcement/tasks/:id/order',
    config: action,
    schema: {
      tags,
      summary: '下达责令限期整改指令书（编号；现场检查记录同时编号）',
      params: idParams,
      body: issueOrderBody,
      response: { 200: taskDetailDto },
    },
    handler: (request) => orders.issueOrder(contextOf(request), request.params.id, request.body),
  });
  r.route({
    method: 'POST',
    url: '/api/v1/enforcement/tasks/:id/reinspect',
    config: action,
    schema: {
      tags,
      summary: '整改复查（期限届满后，或企业已全部报告整改完成；出具整改复查意见书）',
      params: idParams,
      body: reinspectBody,
      response: { 200: taskDetailDto },
    },
    handler: (request) => orders.reinspect(contextOf(request), request.params.id, request.body),
  });
  r.route({
    method: 'POST',
    url: '/api/v1/enforcement/tasks/:id/close',
    config: action,
    schema: { tags, summary: '办结（问题已全部整改或复查合格）', params: idParams, body: closeTaskBody, response: { 200: taskDetailDto } },
    handler: (request) => orders.close(contextOf(request), request.params.id, request.body),
  });
  r.route({
    method: 'POST',
    url: '/api/v1/enforcement/tasks/:id/cancel',
    config: action,
    schema: { tags, summary: '取消尚未开始的检查任务', params: idParams, body: cancelTaskBody, response: { 200: taskDetailDto } },
    handler: (request) => tasks.cancel(contextOf(request), request.params.id, request.body),
  });

  r.route({
    method: 'GET',
    url: '/api/v1/enforcement/enterprises/:id/patrol-summary',
    config: { permission: 'enforcement.inspect', entity: 'enterprise' },
    schema: {
      tags,
      summary: '线上巡查概况：监测接入、报警、隐患、自查和主要负责人季度带队检查',
      params: idParams,
      response: { 200: patrolSummaryDto },
    },
    handler: (request) => patrolSummary(contextOf(request), request.params.id),
  });
  r.route({
    method: 'POST',
    url: '/api/v1/enforcement/patrols',
    config: { permission: 'enforcement.inspect' },
    schema: {
      tags,
      summary: '记录线上巡查（发现的问题转为隐患，进入同一闭环）',
      body: createPatrolBody,
      response: { 200: taskDetailDto },
    },
    handler: (request) => createPatrol(contextOf(request), request.body),
  });
}
