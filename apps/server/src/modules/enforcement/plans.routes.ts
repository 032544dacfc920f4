import { generatePlanBody, idParams, keyListDto, listResponse, planDto, planSummaryDto, savePlanBody } from '@zhiben/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../platform/context.js';
import * as plans from './plans.service.js';

/** 年度执法计划 and 重点检查企业名单 (issue #7 item 2; seed §三(八)18). */
export async function planRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['enforcement'];
  const entity = 'enforcement_plan';

  r.route({
    method: 'GET',
    url: '/api/v1/enforcement/plans',
    config: { permission: 'enforcement.plans' },
    schema: { tags, summary: '年度执法计划', response: { 200: listResponse(planSummaryDto) } },
    handler: (request) => plans.listPlans(contextOf(request)),
  });
  r.route({
    method: 'POST',
    url: '/api/v1/enforcement/plans',
    config: { permission: 'enforcement.plan' },
    schema: {
      tags,
      summary: '新建年度执法计划（超过检查频次上限须填写理由）',
      body: savePlanBody,
      response: { 200: planDto },
    },
    handler: (request) => plans.createPlan(contextOf(request), request.body),
  });
  r.route({
    method: 'POST',
    url: '/api/v1/enforcement/plans/generate',
    config: { permission: 'enforcement.plan' },
    schema: {
      tags,
      summary: '按风险等级和检查频次上限生成计划草稿（按季度分布）',
      body: generatePlanBody,
      response: { 200: planDto },
    },
    handler: (request) => plans.generatePlan(contextOf(request), request.body),
  });
  r.route({
    method: 'GET',
    url: '/api/v1/enforcement/plans/:id',
    config: { permission: 'enforcement.plans', entity },
    schema: { tags, summary: '年度执法计划详情（每家企业的上限、计划次数、季度、完成情况）', params: idParams, response: { 200: planDto } },
    handler: (request) => plans.getPlan(contextOf(request), request.params.id),
  });
  r.route({
    method: 'PUT',
    url: '/api/v1/enforcement/plans/:id',
    config: { permission: 'enforcement.plan', entity },
    schema: {
      tags,
      summary: '调整计划（仅草稿；超过上限须填写理由，留痕审计）',
      params: idParams,
      body: savePlanBody,
      response: { 200: planDto },
    },
    handler: (request) => plans.updatePlan(contextOf(request), request.params.id, request.body),
  });
  r.route({
    method: 'POST',
    url: '/api/v1/enforcement/plans/:id/approve',
    config: { permission: 'enforcement.approve', entity },
    schema: { tags, summary: '批准计划', params: idParams, body: z.strictObject({}), response: { 200: planDto } },
    handler: (request) => plans.approvePlan(contextOf(request), request.params.id),
  });
  r.route({
    method: 'POST',
    url: '/api/v1/enforcement/plans/:id/publish',
    config: { permission: 'enforcement.approve', entity },
    schema: { tags, summary: '公布计划', params: idParams, body: z.strictObject({}), response: { 200: planDto } },
    handler: (request) => plans.publishPlan(contextOf(request), request.params.id),
  });
  r.route({
    method: 'GET',
    url: '/api/v1/enforcement/plans/:id/key-list',
    config: { permission: 'enforcement.plans', entity },
    schema: { tags, summary: '重点检查企业名单（A、B 类）', params: idParams, response: { 200: keyListDto } },
    handler: (request) => plans.keyList(contextOf(request), request.params.id),
  });
}
