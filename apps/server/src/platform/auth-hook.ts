import type { Permission } from '@zhiben/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from './errors.js';
import type { Principal } from './principal.js';
import { resolveSession, SESSION_COOKIE } from './sessions.js';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
  interface FastifyContextConfig {
    /** Reachable without a session (login, health, anonymous reporting pages). */
    public?: boolean;
    /** Checked before the handler runs: 403 when the principal lacks it. */
    permission?: Permission;
    /** The entity type behind `:id`, used by the tenant-isolation suite to build fixtures. */
    entity?: string;
    /** Allowed while the user still has to change an initial password. */
    allowDuringPasswordChange?: boolean;
    /** Skips the CSRF check (login: there is no session yet). */
    csrfExempt?: boolean;
    /** A POST that changes nothing (an import preview): it writes no audit row, and the audit suite checks that. */
    readOnly?: boolean;
  }
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Resolves the principal once per request and enforces, in this order: session (401), CSRF on mutations (403),
 * forced password change (403), route permission (403). Row-level scope is enforced later, in SQL.
 *
 * It runs in `onRequest`, before Fastify reads, parses or validates the body: an anonymous or unauthorised caller
 * gets its 401/403 without the body being read, and learns nothing of the route's schema (a 400 listing the body's
 * fields would describe the route to anybody). The route's config is known at this point (routeOptions).
 */
async function authHook(app: FastifyInstance) {
  app.decorateRequest('principal', null);

  app.addHook('onRequest', async (request: FastifyRequest) => {
    const config = request.routeOptions.config;
    // Unknown routes (no routeOptions.url) fall through to the JSON 404 handler.
    if (!request.routeOptions.url || !request.url.startsWith('/api/v1/') || config.public) {
      await attachIfPresent(app, request);
      return;
    }
    const token = readToken(request);
    if (!token) throw new AppError('UNAUTHENTICATED');
    const lookup = await resolveSession(app.db, token, app.clock(), app.sessionPolicy);
    if (lookup.status === 'expired') throw new AppError('SESSION_EXPIRED');
    if (lookup.status === 'missing') throw new AppError('UNAUTHENTICATED');
    const principal = lookup.principal;
    request.principal = principal;

    if (MUTATING.has(request.method) && !config.csrfExempt) {
      if (request.headers['x-csrf-token'] !== principal.csrfToken) throw new AppError('CSRF_TOKEN_INVALID');
    }
    if (principal.mustChangePassword && !config.allowDuringPasswordChange) {
      throw new AppError('PASSWORD_CHANGE_REQUIRED');
    }
    if (config.permission && !principal.permissions.has(config.permission)) throw new AppError('FORBIDDEN');
  });
}

/** Public routes still learn who is calling when a valid session is present (e.g. logout, reporting pages). */
async function attachIfPresent(app: FastifyInstance, request: FastifyRequest) {
  const token = readToken(request);
  if (!token) return;
  const lookup = await resolveSession(app.db, token, app.clock(), app.sessionPolicy);
  if (lookup.status === 'ok') request.principal = lookup.principal;
}

function readToken(request: FastifyRequest): string | null {
  const raw = request.cookies[SESSION_COOKIE];
  if (!raw) return null;
  const unsigned = request.unsignCookie(raw);
  return unsigned.valid ? unsigned.value : null;
}

export default fp(authHook, { name: 'auth-hook', dependencies: ['@fastify/cookie'] });
