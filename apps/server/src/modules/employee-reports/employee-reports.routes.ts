import {
  employeeReportDto,
  employeeReportListQuery,
  enterpriseTokenParams,
  idParams,
  listResponse,
  REPORT_LIMITS,
  receiptCodeParams,
  receiptStatusDto,
  reportReceiptDto,
  reportSettingsDto,
  rewardReportBody,
  updateReportSettingsBody,
  verifyReportBody,
} from '@zhiben/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf, contextOf } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import * as service from './employee-reports.service.js';
import { readReportForm } from './report-form.js';
import * as settings from './settings.service.js';

export interface EmployeeReportRoutesOptions {
  filesDir: string;
  /** Reports accepted per client address and window (the anonymous page's rate limit). */
  submitLimit?: { max: number; windowMinutes: number };
  /** Receipt look-ups per client address per minute (no guessing codes). */
  receiptLimitPerMinute?: number;
}

/** The JSON form is a few short texts; photos come as multipart with their own limits. */
const JSON_BODY_LIMIT = 16 * 1024;

/** A session counts only when the request also carries its CSRF token: a cross-site form cannot sign a report. */
function signedInReporter(request: FastifyRequest) {
  const principal = request.principal;
  return principal && request.headers['x-csrf-token'] === principal.csrfToken ? principal : null;
}

export async function employeeReportRoutes(app: FastifyInstance, opts: EmployeeReportRoutesOptions) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['employee-reports'];
  const submitLimit = opts.submitLimit ?? { max: 5, windowMinutes: 10 };
  const receiptLimit = opts.receiptLimitPerMinute ?? 30;

  // ── settings: QR code and reward scale ──
  r.route({
    method: 'GET',
    url: '/api/v1/enterprises/:id/report-settings',
    config: { permission: 'reports.settings', entity: 'enterprise' },
    schema: {
      tags,
      summary: '员工隐患报告设置：二维码地址与奖励标准（首次查看时生成二维码）',
      params: idParams,
      response: { 200: reportSettingsDto },
    },
    handler: (request) => settings.getSettings(contextOf(request), request.params.id),
  });
  r.route({
    method: 'PUT',
    url: '/api/v1/enterprises/:id/report-settings',
    config: { permission: 'reports.configure', entity: 'enterprise' },
    schema: {
      tags,
      summary: '修改奖励标准（按等级，金额单位：分）',
      params: idParams,
      body: updateReportSettingsBody,
      response: { 200: reportSettingsDto },
    },
    handler: (request) => settings.updateSettings(contextOf(request), request.params.id, request.body),
  });
  r.route({
    method: 'POST',
    url: '/api/v1/enterprises/:id/report-settings/rotate-token',
    config: { permission: 'reports.configure', entity: 'enterprise' },
    schema: { tags, summary: '更换二维码（旧二维码立即失效）', params: idParams, response: { 200: reportSettingsDto } },
    handler: (request) => settings.rotateToken(contextOf(request), request.params.id),
  });

  // ── the public page (no login) ──
  r.route({
    method: 'POST',
    url: '/api/v1/public/reports/:enterpriseToken',
    bodyLimit: JSON_BODY_LIMIT,
    config: {
      public: true,
      csrfExempt: true,
      rateLimit: {
        max: submitLimit.max,
        timeWindow: submitLimit.windowMinutes * 60_000,
        errorResponseBuilder: (_request, context) =>
          new AppError(
            'RATE_LIMITED',
            `提交过于频繁：同一网络 ${submitLimit.windowMinutes} 分钟内最多提交 ${submitLimit.max} 条隐患报告，请 ${Math.max(1, Math.ceil(context.ttl / 60_000))} 分钟后再试`,
            { retryAfterSeconds: Math.ceil(context.ttl / 1000) },
          ),
      },
    },
    schema: {
      tags,
      summary: `报告隐患（免登录）：JSON 或 multipart（description、location、phone，最多 ${REPORT_LIMITS.maxPhotos} 张 JPEG/PNG/WebP 照片 file，每张不超过 ${REPORT_LIMITS.maxPhotoBytes / 1024 / 1024} MB）`,
      consumes: ['application/json', 'multipart/form-data'],
      params: enterpriseTokenParams,
      response: { 200: reportReceiptDto },
    },
    handler: async (request) => {
      const form = await readReportForm(request);
      const reporter = signedInReporter(request);
      return service.submit({
        db: app.db,
        clock: app.clock,
        filesDir: opts.filesDir,
        actor: actorOf(request, reporter),
        reporterUserId: reporter?.userId ?? null,
        ip: request.ip,
        token: request.params.enterpriseToken,
        body: form.body,
        photos: form.photos,
      });
    },
  });
  r.route({
    method: 'GET',
    url: '/api/v1/public/reports/receipt/:code',
    config: {
      public: true,
      rateLimit: {
        max: receiptLimit,
        timeWindow: 60_000,
        errorResponseBuilder: () => new AppError('RATE_LIMITED', '查询过于频繁，请 1 分钟后再试'),
      },
    },
    schema: { tags, summary: '凭回执码查询核实结果与奖励（免登录）', params: receiptCodeParams, response: { 200: receiptStatusDto } },
    handler: (request) => service.receipt(app.db, request.params.code),
  });

  // ── the enterprise side ──
  r.route({
    method: 'GET',
    url: '/api/v1/employee-reports',
    config: { permission: 'reports.read' },
    schema: {
      tags,
      summary: '员工隐患报告（报告人身份仅主要负责人和区局可见）',
      querystring: employeeReportListQuery,
      response: { 200: listResponse(employeeReportDto) },
    },
    handler: (request) => service.list(contextOf(request), request.query),
  });
  r.route({
    method: 'GET',
    url: '/api/v1/employee-reports/:id',
    config: { permission: 'reports.read', entity: 'employee_report' },
    schema: { tags, summary: '员工隐患报告详情', params: idParams, response: { 200: employeeReportDto } },
    handler: (request) => service.get(contextOf(request), request.params.id),
  });
  r.route({
    method: 'POST',
    url: '/api/v1/employee-reports/:id/verify',
    config: { permission: 'reports.verify', entity: 'employee_report' },
    schema: {
      tags,
      summary: '核实（属实 true / 不属实 false / 重复 duplicate）；属实生成隐患',
      params: idParams,
      body: verifyReportBody,
      response: { 200: employeeReportDto },
    },
    handler: (request) => service.verify(contextOf(request), request.params.id, request.body),
  });
  r.route({
    method: 'POST',
    url: '/api/v1/employee-reports/:id/reward',
    config: { permission: 'reports.verify', entity: 'employee_report' },
    schema: {
      tags,
      summary: '记录奖励（金额按本企业奖励标准的等级确定；填写发放日期即为已发放）',
      params: idParams,
      body: rewardReportBody,
      response: { 200: employeeReportDto },
    },
    handler: (request) => service.reward(contextOf(request), request.params.id, request.body),
  });
}
