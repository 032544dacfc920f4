import {
  accidentDto,
  accidentListQuery,
  classificationDto,
  classificationStatsDto,
  clearClassificationOverrideBody,
  createAccidentBody,
  idParams,
  listResponse,
  majorHazardInstallationBody,
  overrideClassificationBody,
  recomputeClassificationBody,
  recomputeResultDto,
  ruleSetDto,
  saveRuleSetBody,
} from '@zhiben/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { contextOf } from '../../platform/context.js';
import { createAccident, listAccidents } from './accidents.service.js';
import * as classification from './classification.service.js';
import { classificationStats } from './classification.stats.js';

/** 分级分类监管 (issue #7 item 1): classes with their explanation and history, recomputation, overrides, rules as data. */
export async function classificationRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['classification'];

  r.route({
    method: 'GET',
    url: '/api/v1/classification/enterprises/:id',
    config: { permission: 'classification.read', entity: 'enterprise' },
    schema: {
      tags,
      summary: '企业风险等级（A–D）、触发的规则及取值、历次变化',
      params: idParams,
      response: { 200: classificationDto },
    },
    handler: (request) => classification.getClassification(contextOf(request), request.params.id),
  });
  r.route({
    method: 'POST',
    url: '/api/v1/classification/enterprises/:id/override',
    config: { permission: 'classification.manage', entity: 'enterprise' },
    schema: {
      tags,
      summary: '人工调整风险等级（须填写理由，留痕审计）',
      params: idParams,
      body: overrideClassificationBody,
      response: { 200: classificationDto },
    },
    handler: (request) => classification.override(contextOf(request), request.params.id, request.body),
  });
  r.route({
    method: 'POST',
    url: '/api/v1/classification/enterprises/:id/clear-override',
    config: { permission: 'classification.manage', entity: 'enterprise' },
    schema: {
      tags,
      summary: '取消人工调整，恢复按规则计算的等级',
      params: idParams,
      body: clearClassificationOverrideBody,
      response: { 200: classificationDto },
    },
    handler: (request) => classification.clearOverride(contextOf(request), request.params.id, request.body),
  });
  r.route({
    method: 'POST',
    url: '/api/v1/classification/enterprises/:id/major-hazard-installation',
    config: { permission: 'classification.manage', entity: 'enterprise' },
    schema: {
      tags,
      summary: '登记是否构成重大危险源（起评 B 类的条件之一）',
      params: idParams,
      body: majorHazardInstallationBody,
      response: { 200: classificationDto },
    },
    handler: (request) => classification.setMajorHazardInstallation(contextOf(request), request.params.id, request.body),
  });
  r.route({
    method: 'POST',
    url: '/api/v1/classification/recompute',
    config: { permission: 'classification.manage' },
    schema: {
      tags,
      summary: '立即重新计算风险等级（辖区全部企业或指定企业），返回统计',
      body: recomputeClassificationBody,
      response: { 200: recomputeResultDto },
    },
    handler: (request) => classification.recompute(contextOf(request), request.body),
  });
  r.route({
    method: 'GET',
    url: '/api/v1/classification/rules',
    config: { permission: 'classification.read' },
    schema: { tags, summary: '现行分级规则（起评、调整权重、统计期间；版本化数据）', response: { 200: ruleSetDto } },
    handler: (request) => classification.getRules(contextOf(request)),
  });
  r.route({
    method: 'PUT',
    url: '/api/v1/classification/rules',
    config: { permission: 'classification.rules' },
    schema: {
      tags,
      summary: '修订分级规则（新版本，版本号须为现行版本 + 1；当晚或手动重新计算后生效）',
      body: saveRuleSetBody,
      response: { 200: ruleSetDto },
    },
    handler: (request) => classification.saveRules(contextOf(request), request.body),
  });
  r.route({
    method: 'GET',
    url: '/api/v1/classification/stats',
    config: { permission: 'classification.read' },
    schema: { tags, summary: '风险等级分布（按乡镇、行业）及本月等级变化', response: { 200: classificationStatsDto } },
    handler: (request) => classificationStats(contextOf(request)),
  });
  r.route({
    method: 'GET',
    url: '/api/v1/classification/accidents',
    config: { permission: 'classification.read' },
    schema: { tags, summary: '生产安全事故记录', querystring: accidentListQuery, response: { 200: listResponse(accidentDto) } },
    handler: (request) => listAccidents(contextOf(request), request.query),
  });
  r.route({
    method: 'POST',
    url: '/api/v1/classification/accidents',
    config: { permission: 'classification.manage' },
    schema: {
      tags,
      summary: '登记生产安全事故（计入近12个月事故，重新计算等级）',
      body: createAccidentBody,
      response: { 200: accidentDto },
    },
    handler: (request) => createAccident(contextOf(request), request.body),
  });
}
