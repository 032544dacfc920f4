import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, buildTestApp, createTenant, createUser, login, regionByCode, type TestApp, uniq } from './harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => t?.close());

const strong = 'Init@2024pass';

describe('users: permission matrix', () => {
  it('403 for roles without users.read / users.create', async () => {
    const tenant = await createTenant(t);
    for (const user of [
      tenant.staff,
      tenant.safety,
      await createUser(t.handle, 'bureau_officer'),
      await createUser(t.handle, 'bureau_leader'),
    ]) {
      const session = await login(t.app, user.username);
      expect((await as(t.app, session).get('/api/v1/users')).statusCode, user.role).toBe(403);
      const create = await as(t.app, session).post('/api/v1/users', {
        username: uniq('x'),
        displayName: 'x',
        role: 'enterprise_staff',
        password: strong,
      });
      expect(create.statusCode, user.role).toBe(403);
      expect(create.json().code).toBe('FORBIDDEN');
    }
  });

  it('bureau admin creates a township officer (region required, district refused) and the account must change its password', async () => {
    const admin = await login(t.app, (await createUser(t.handle, 'bureau_admin')).username);
    const base = { username: uniq('ts'), displayName: '乡镇监管员', role: 'township_officer', password: strong };
    const noRegion = await as(t.app, admin).post('/api/v1/users', base);
    expect(noRegion.statusCode).toBe(400);
    expect(noRegion.json().details.issues[0].path).toEqual(['body', 'regionId']);
    const district = await as(t.app, admin).post('/api/v1/users', { ...base, regionId: (await regionByCode(t.handle, '140404')).id });
    expect(district.statusCode).toBe(400);
    const ok = await as(t.app, admin).post('/api/v1/users', { ...base, regionId: (await regionByCode(t.handle, '140404102')).id });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ role: 'township_officer', regionName: '荫城镇', mustChangePassword: true, status: 'active' });
    const me = await as(t.app, await login(t.app, base.username, strong)).get('/api/v1/me');
    expect(me.json().scope).toMatchObject({ kind: 'region', regionName: '荫城镇' });
  });

  it('rejects weak initial passwords and duplicate usernames (case-insensitive)', async () => {
    const admin = await login(t.app, (await createUser(t.handle, 'bureau_admin')).username);
    const username = uniq('dup');
    const weak = await as(t.app, admin).post('/api/v1/users', { username, displayName: 'x', role: 'bureau_leader', password: 'password' });
    expect(weak.json().code).toBe('WEAK_PASSWORD');
    expect(
      (await as(t.app, admin).post('/api/v1/users', { username, displayName: 'x', role: 'bureau_leader', password: strong })).statusCode,
    ).toBe(200);
    const dup = await as(t.app, admin).post('/api/v1/users', {
      username: username.toUpperCase(),
      displayName: 'x',
      role: 'bureau_leader',
      password: strong,
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('CONFLICT');
  });

  it('an enterprise principal manages only his own staff accounts', async () => {
    const a = await createTenant(t);
    const principal = await login(t.app, a.principal.username);
    const admin = await as(t.app, principal).post('/api/v1/users', {
      username: uniq('x'),
      displayName: 'x',
      role: 'bureau_admin',
      password: strong,
    });
    expect(admin.statusCode).toBe(403);
    const other = await createTenant(t, '140404103');
    const foreign = await as(t.app, principal).post('/api/v1/users', {
      username: uniq('x'),
      displayName: 'x',
      role: 'enterprise_staff',
      enterpriseId: other.enterprise.id,
      password: strong,
    });
    expect(foreign.statusCode).toBe(403);
    const own = await as(t.app, principal).post('/api/v1/users', {
      username: uniq('st'),
      displayName: '新员工',
      role: 'enterprise_staff',
      password: strong,
    });
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ enterpriseId: a.enterprise.id, abilities: { update: true, resetPassword: true } });

    // his own record: visible but not manageable (403, not 404)
    const self = await as(t.app, principal).get(`/api/v1/users/${a.principal.id}`);
    expect(self.json().abilities).toEqual({ update: false, resetPassword: false });
    expect((await as(t.app, principal).patch(`/api/v1/users/${a.principal.id}`, { displayName: '我' })).statusCode).toBe(403);
    // promoting staff to principal is refused
    expect((await as(t.app, principal).patch(`/api/v1/users/${a.staff.id}`, { role: 'enterprise_principal' })).statusCode).toBe(403);
  });

  it('disabling an account ends its sessions and blocks login', async () => {
    const a = await createTenant(t);
    const staffSession = await login(t.app, a.staff.username);
    const principal = await login(t.app, a.principal.username);
    const res = await as(t.app, principal).patch(`/api/v1/users/${a.staff.id}`, { status: 'disabled' });
    expect(res.statusCode).toBe(200);
    expect((await as(t.app, staffSession).get('/api/v1/me')).statusCode).toBe(401);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: a.staff.username, password: 'Test@2024pw' },
    });
    expect(again.json().code).toBe('ACCOUNT_DISABLED');
  });

  it('reset password unlocks the account and forces a change', async () => {
    const admin = await login(t.app, (await createUser(t.handle, 'bureau_admin')).username);
    const victim = await createUser(t.handle, 'bureau_officer');
    for (let i = 0; i < 5; i++)
      await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: victim.username, password: 'bad' } });
    const locked = await as(t.app, admin).get(`/api/v1/users/${victim.id}`);
    expect(locked.json().lockedUntil).not.toBeNull();
    const reset = await as(t.app, admin).post(`/api/v1/users/${victim.id}/reset-password`, { newPassword: strong });
    expect(reset.json()).toMatchObject({ lockedUntil: null, mustChangePassword: true });
    expect((await login(t.app, victim.username, strong)).userId).toBe(victim.id);
  });

  it('lists with search, filters, sort and pagination ({items,total})', async () => {
    const a = await createTenant(t);
    const principal = await login(t.app, a.principal.username);
    const all = (await as(t.app, principal).get('/api/v1/users?pageSize=2&page=1&sort=username')).json();
    expect(all.total).toBe(3);
    expect(all.items).toHaveLength(2);
    const page2 = (await as(t.app, principal).get('/api/v1/users?pageSize=2&page=2&sort=username')).json();
    expect(page2.items).toHaveLength(1);
    const names = [...all.items, ...page2.items].map((u: { username: string }) => u.username);
    expect(names).toEqual([...names].sort());
    const staffOnly = (await as(t.app, principal).get('/api/v1/users?role=enterprise_staff')).json();
    expect(staffOnly.items.map((u: { id: string }) => u.id)).toEqual([a.staff.id]);
    const q = (await as(t.app, principal).get(`/api/v1/users?q=${a.safety.username.slice(-6)}`)).json();
    expect(q.items.map((u: { id: string }) => u.id)).toEqual([a.safety.id]);
    const badSort = await as(t.app, principal).get('/api/v1/users?sort=passwordHash');
    expect(badSort.statusCode).toBe(400);
  });
});
