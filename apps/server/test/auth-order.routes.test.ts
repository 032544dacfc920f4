import { randomUUID } from 'node:crypto';
import { permissionsOf, ROLES, type Role } from '@zhiben/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createTenant, createUser, login, regionByCode, type Session, type TestApp } from './harness.js';
import { isMutation, routeKey } from './route-samples.js';

/**
 * Authentication and permission come before the body (issue #22 item 6): every mutating operation of the OpenAPI
 * document answers 401 to a caller without a session and 403 to a signed-in caller without the route's permission,
 * whatever the body — none, empty, unknown fields, broken JSON, a multipart upload. A 400 listing the body's fields
 * would describe the route's schema to anybody. Generated from the OpenAPI document, so a new route is covered.
 */
let t: TestApp;
const sessions = new Map<Role, Session>();

/** Signed-in routes without a route permission: every role may call them on its own data (scope does the rest). */
const OPEN_TO_EVERY_SIGNED_IN_USER: Record<string, string> = {
  'POST /api/v1/auth/password': 'every user changes his own password',
  'POST /api/v1/notifications/:id/read': "marks one of the caller's own notifications",
  'POST /api/v1/notifications/read-all': "marks the caller's own notifications",
};

interface Operation {
  method: string;
  /** Fastify form (`:id`), as in the route table. */
  url: string;
  /** Path with parameters filled in, ready to call. */
  path: string;
}

function mutatingOperations(app: TestApp['app']): Operation[] {
  const doc = app.swagger() as { paths?: Record<string, Record<string, unknown>> };
  const operations: Operation[] = [];
  for (const [openApiPath, item] of Object.entries(doc.paths ?? {})) {
    for (const method of Object.keys(item).map((m) => m.toUpperCase())) {
      if (!isMutation(method)) continue;
      operations.push({
        method,
        url: openApiPath.replace(/\{(\w+)\}/g, ':$1'),
        path: openApiPath.replace(/\{(\w+)\}/g, () => randomUUID()),
      });
    }
  }
  return operations;
}

/** The bodies an attacker might send: each must be answered before it is read. */
const BODIES: { name: string; headers: Record<string, string>; payload?: string | Buffer }[] = [
  { name: 'no body', headers: {} },
  { name: 'empty object', headers: { 'content-type': 'application/json' }, payload: '{}' },
  { name: 'unknown fields', headers: { 'content-type': 'application/json' }, payload: '{"zz":1,"role":"bureau_admin"}' },
  { name: 'broken JSON', headers: { 'content-type': 'application/json' }, payload: '{"username":' },
  {
    name: 'multipart upload',
    headers: { 'content-type': 'multipart/form-data; boundary=zbx' },
    payload: Buffer.from('--zbx\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\n\r\nnot a workbook\r\n--zbx--\r\n'),
  },
];

beforeAll(async () => {
  t = await buildTestApp();
  const tenant = await createTenant(t);
  const township = await regionByCode(t.handle, '140404001');
  for (const role of ROLES) {
    const attach = role.startsWith('enterprise_')
      ? { enterpriseId: tenant.enterprise.id }
      : role === 'township_officer'
        ? { regionId: township.id }
        : {};
    const user = await createUser(t.handle, role, attach);
    sessions.set(role, await login(t.app, user.username));
  }
});
afterAll(async () => t?.close());

describe('authentication and permission before the body (generated from the OpenAPI document)', () => {
  it('finds every mutating route of the route table in the OpenAPI document', () => {
    const documented = new Set(mutatingOperations(t.app).map((o) => routeKey(o.method, o.url)));
    const routes = t.app.routeTable.filter((r) => isMutation(r.method)).map((r) => routeKey(r.method, r.url));
    expect(routes.filter((k) => !documented.has(k))).toEqual([]);
    expect(documented.size).toBeGreaterThan(50);
  });

  it('answers 401 without a session, whatever the body, and says nothing of the schema', async () => {
    const failures: string[] = [];
    for (const op of mutatingOperations(t.app)) {
      const config = configOf(op);
      if (config.public) continue;
      for (const body of BODIES) {
        const res = await t.app.inject({ method: op.method as 'POST', url: op.path, headers: body.headers, payload: body.payload });
        const json = safeJson(res.body);
        if (res.statusCode !== 401 || json?.code !== 'UNAUTHENTICATED' || json.details !== undefined) {
          failures.push(`${op.method} ${op.url} (${body.name}): ${res.statusCode} ${res.body.slice(0, 100)}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('answers 403 with a session but without the permission, whatever the body', async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const op of mutatingOperations(t.app)) {
      const config = configOf(op);
      if (config.public) continue;
      const permission = config.permission as string | undefined;
      if (!permission) {
        if (!OPEN_TO_EVERY_SIGNED_IN_USER[routeKey(op.method, op.url)]) {
          failures.push(`${op.method} ${op.url}: no route permission and not listed as open to every signed-in user`);
        }
        continue;
      }
      const outsider = ROLES.find((role) => !permissionsOf(role).has(permission as never));
      if (!outsider) continue; // every role holds it: nobody can be refused
      const session = sessions.get(outsider);
      if (!session) throw new Error(`no session for ${outsider}`);
      for (const body of BODIES) {
        const res = await t.app.inject({
          method: op.method as 'POST',
          url: op.path,
          headers: { ...body.headers, cookie: session.cookie, 'x-csrf-token': session.csrfToken },
          payload: body.payload,
        });
        checked++;
        const json = safeJson(res.body);
        if (res.statusCode !== 403 || json?.code !== 'FORBIDDEN' || json.details !== undefined) {
          failures.push(`${op.method} ${op.url} as ${outsider} (${body.name}): ${res.statusCode} ${res.body.slice(0, 100)}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(200);
  });

  it('still validates the body of an authorised caller (the order changed, not the validation)', async () => {
    const admin = sessions.get('bureau_admin');
    if (!admin) throw new Error('no admin session');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken, 'content-type': 'application/json' },
      payload: '{}',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('refuses a missing CSRF token before reading the body', async () => {
    const admin = sessions.get('bureau_admin');
    if (!admin) throw new Error('no admin session');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { cookie: admin.cookie, 'content-type': 'application/json' },
      payload: '{"username":',
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'CSRF_TOKEN_INVALID' });
  });
});

function configOf(op: Operation): Record<string, unknown> {
  const route = t.app.routeTable.find((r) => r.method === op.method && r.url === op.url);
  // Documented routes outside the route table (none today) are treated as protected: they must refuse too.
  return (route?.config ?? {}) as Record<string, unknown>;
}

function safeJson(body: string): { code?: string; details?: unknown } | undefined {
  try {
    return JSON.parse(body) as { code?: string; details?: unknown };
  } catch {
    return undefined;
  }
}
