import { changePasswordBody, loginBody, meResponse, okResponse } from '@zhiben/contracts';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf, contextOf } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { resolveSession, SESSION_COOKIE } from '../../platform/sessions.js';
import { changePassword, login, logout, meOf } from './auth.service.js';

function setSessionCookie(reply: FastifyReply, token: string, maxAgeMs: number) {
  reply.setCookie(SESSION_COOKIE, token, {
    signed: true,
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: reply.request.protocol === 'https',
    maxAge: Math.floor(maxAgeMs / 1000),
  });
}

export async function authRoutes(app: FastifyInstance, opts: { loginRateLimit: number }) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.route({
    method: 'POST',
    url: '/api/v1/auth/login',
    config: { public: true, csrfExempt: true, rateLimit: { max: opts.loginRateLimit, timeWindow: '1 minute' } },
    schema: { tags: ['auth'], summary: '登录', body: loginBody, response: { 200: meResponse } },
    handler: async (request, reply) => {
      const outcome = await login(
        {
          db: app.db,
          clock: app.clock,
          policy: app.sessionPolicy,
          actor: actorOf(request, null),
          userAgent: request.headers['user-agent'] ?? null,
        },
        request.body.username,
        request.body.password,
      );
      const lookup = await resolveSession(app.db, outcome.token, app.clock(), app.sessionPolicy);
      if (lookup.status !== 'ok') throw new AppError('INTERNAL');
      setSessionCookie(reply, outcome.token, app.sessionPolicy.absoluteMs);
      return meOf(lookup.principal, app.demo);
    },
  });

  r.route({
    method: 'POST',
    url: '/api/v1/auth/logout',
    // Public so that logging out with an already expired session still clears the cookie.
    config: { public: true, csrfExempt: true },
    schema: { tags: ['auth'], summary: '退出登录', response: { 200: okResponse } },
    handler: async (request, reply) => {
      const principal = request.principal;
      if (principal) {
        if (request.headers['x-csrf-token'] !== principal.csrfToken) throw new AppError('CSRF_TOKEN_INVALID');
        await logout(contextOf(request));
      }
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  });

  r.route({
    method: 'GET',
    url: '/api/v1/me',
    config: { allowDuringPasswordChange: true },
    schema: { tags: ['auth'], summary: '当前用户、角色、数据范围与权限', response: { 200: meResponse } },
    handler: async (request) => meOf(contextOf(request).principal, app.demo),
  });

  r.route({
    method: 'POST',
    url: '/api/v1/auth/password',
    config: { allowDuringPasswordChange: true },
    schema: { tags: ['auth'], summary: '修改本人密码', body: changePasswordBody, response: { 200: okResponse } },
    handler: async (request) => {
      await changePassword(contextOf(request), request.body.currentPassword, request.body.newPassword);
      return { ok: true as const };
    },
  });
}
