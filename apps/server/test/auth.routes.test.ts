import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, buildTestApp, createUser, login, TEST_PASSWORD, type TestApp } from './harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ idleMs: 30 * 60_000, absoluteMs: 2 * 3_600_000 });
});
afterAll(async () => t?.close());

const MINUTE = 60_000;

describe('login and sessions', () => {
  it('answers 401 without a session', async () => {
    for (const url of ['/api/v1/me', '/api/v1/users', '/api/v1/audit-events']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(401);
      expect(res.json()).toMatchObject({ code: 'UNAUTHENTICATED', message: '请先登录' });
      expect(res.json().requestId).toBeTruthy();
    }
  });

  it('logs in, sets an HttpOnly SameSite cookie and answers /me with role, scope and permissions', async () => {
    const user = await createUser(t.handle, 'bureau_officer');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: user.username.toUpperCase(), password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'zb_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const me = res.json();
    expect(me.roles).toEqual(['bureau_officer']);
    expect(me.scope).toEqual({ kind: 'all' });
    expect(me.permissions).toContain('enterprises.update');
    expect(me.permissions).not.toContain('users.create');
    expect(me.csrfToken).toMatch(/.{20,}/);
  });

  it('rejects a wrong password and an unknown user with the same answer', async () => {
    const user = await createUser(t.handle, 'bureau_officer');
    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: user.username, password: 'nope' } });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'nobody-here', password: 'nope' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().code).toBe('INVALID_CREDENTIALS');
    expect(unknown.json().message).toBe(wrong.json().message);
  });

  it('locks the account after 5 failures, refuses even the right password, and backs off', async () => {
    const user = await createUser(t.handle, 'bureau_officer');
    const attempt = (password: string) =>
      t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: user.username, password } });
    for (let i = 0; i < 4; i++) expect((await attempt('wrong')).statusCode).toBe(401);
    const fifth = await attempt('wrong');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().code).toBe('ACCOUNT_LOCKED');
    const firstLock = new Date(fifth.json().details.lockedUntil).getTime() - t.clock.now().getTime();
    expect(firstLock).toBeGreaterThan(0.9 * MINUTE);
    expect(firstLock).toBeLessThanOrEqual(MINUTE);
    expect((await attempt(TEST_PASSWORD)).statusCode).toBe(423);

    t.clock.advance(MINUTE + 1000);
    const sixth = await attempt('wrong again');
    expect(sixth.statusCode).toBe(423);
    const secondLock = new Date(sixth.json().details.lockedUntil).getTime() - t.clock.now().getTime();
    expect(secondLock).toBeGreaterThan(1.9 * MINUTE); // doubled

    t.clock.advance(2 * MINUTE + 1000);
    expect((await attempt(TEST_PASSWORD)).statusCode).toBe(200);
    // success resets the counter: one more failure does not lock
    expect((await attempt('wrong')).statusCode).toBe(401);
  });

  it('expires a session after the idle limit', async () => {
    const user = await createUser(t.handle, 'bureau_officer');
    const session = await login(t.app, user.username);
    t.clock.advance(20 * MINUTE);
    expect((await as(t.app, session).get('/api/v1/me')).statusCode).toBe(200);
    t.clock.advance(31 * MINUTE);
    const res = await as(t.app, session).get('/api/v1/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('SESSION_EXPIRED');
    expect((await as(t.app, session).get('/api/v1/me')).json().code).toBe('UNAUTHENTICATED');
  });

  it('expires an active session at the absolute limit', async () => {
    const user = await createUser(t.handle, 'bureau_officer');
    const session = await login(t.app, user.username);
    for (let elapsed = 0; elapsed < 110; elapsed += 10) {
      t.clock.advance(10 * MINUTE);
      expect((await as(t.app, session).get('/api/v1/me')).statusCode).toBe(200);
    }
    t.clock.advance(15 * MINUTE);
    expect((await as(t.app, session).get('/api/v1/me')).json().code).toBe('SESSION_EXPIRED');
  });

  it('ends the session on logout', async () => {
    const user = await createUser(t.handle, 'bureau_officer');
    const session = await login(t.app, user.username);
    const out = await as(t.app, session).post('/api/v1/auth/logout');
    expect(out.statusCode).toBe(200);
    expect(out.cookies.find((c) => c.name === 'zb_session')?.value).toBe('');
    expect((await as(t.app, session).get('/api/v1/me')).statusCode).toBe(401);
  });

  it('requires the CSRF token on mutations', async () => {
    const admin = await login(t.app, (await createUser(t.handle, 'bureau_admin')).username);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { cookie: admin.cookie },
      payload: { username: 'csrf_victim', displayName: 'x', role: 'bureau_leader', password: 'Aa1!aaaaaaaa' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('CSRF_TOKEN_INVALID');
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { cookie: admin.cookie, 'x-csrf-token': 'forged' },
      payload: { username: 'csrf_victim', displayName: 'x', role: 'bureau_leader', password: 'Aa1!aaaaaaaa' },
    });
    expect(wrong.statusCode).toBe(403);
  });
});

describe('password change', () => {
  it('forces a change of an initial password before anything else', async () => {
    const user = await createUser(t.handle, 'bureau_admin', { mustChangePassword: true });
    const session = await login(t.app, user.username);
    const blocked = await as(t.app, session).get('/api/v1/users');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await as(t.app, session).get('/api/v1/me')).json().user.mustChangePassword).toBe(true);

    const weak = await as(t.app, session).post('/api/v1/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'abcdefgh' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().code).toBe('WEAK_PASSWORD');
    expect(weak.json().details.problems.join()).toContain('至少三类');

    const wrongCurrent = await as(t.app, session).post('/api/v1/auth/password', { currentPassword: 'x', newPassword: 'Str0ng!Pass' });
    expect(wrongCurrent.json().code).toBe('WRONG_PASSWORD');

    const ok = await as(t.app, session).post('/api/v1/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'Str0ng!Pass' });
    expect(ok.statusCode).toBe(200);
    expect((await as(t.app, session).get('/api/v1/users')).statusCode).toBe(200);
    expect((await login(t.app, user.username, 'Str0ng!Pass')).userId).toBe(user.id);
  });

  it('rejects a password that contains the username', async () => {
    const user = await createUser(t.handle, 'bureau_officer', { username: `zhangsan${Date.now() % 100000}` });
    const session = await login(t.app, user.username);
    const res = await as(t.app, session).post('/api/v1/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: `${user.username}A1!`,
    });
    expect(res.json().details.problems).toContain('密码不能包含用户名');
  });
});

describe('error model', () => {
  it('answers malformed JSON, unknown fields, wrong types and over-size bodies with 400 and a code', async () => {
    const admin = await login(t.app, (await createUser(t.handle, 'bureau_admin')).username);
    const headers = { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken, 'content-type': 'application/json' };
    const malformed = await t.app.inject({ method: 'POST', url: '/api/v1/users', headers, payload: '{"username":' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe('MALFORMED_JSON');

    const unknown = await as(t.app, admin).post('/api/v1/users', {
      username: 'abc',
      displayName: 'a',
      role: 'bureau_leader',
      password: 'x',
      isAdmin: true,
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(unknown.json().details)).toContain('isAdmin');

    const wrongType = await as(t.app, admin).post('/api/v1/users', {
      username: 123,
      displayName: 'a',
      role: 'bureau_leader',
      password: 'x',
    });
    expect(wrongType.statusCode).toBe(400);
    const issue = wrongType.json().details.issues[0];
    expect(issue.path).toEqual(['body', 'username']);
    expect(issue.message).toMatch(/[\u4e00-\u9fff]/); // Chinese, not zod's English

    const huge = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers,
      payload: JSON.stringify({ username: 'a'.repeat(2 * 1024 * 1024) }),
    });
    expect(huge.statusCode).toBe(400);
    expect(huge.json().code).toBe('BODY_TOO_LARGE');
  });

  it('answers unknown routes with a JSON 404, signed in or not', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/no-such-thing' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'ROUTE_NOT_FOUND' });
  });

  it('answers /api/health and serves the OpenAPI document', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).json()).toEqual({ status: 'ok' });
    const doc = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(doc.statusCode).toBe(200);
    expect(doc.json().openapi).toMatch(/^3\./);
    expect(Object.keys(doc.json().paths)).toContain('/api/v1/users/{id}');
  });
});
