import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, buildTestApp, type TestApp } from './harness.js';
import { buildWorld, ENTITY_FACTORIES, isMutation, routeKey, SAMPLES, type World } from './route-samples.js';

/**
 * Tenant isolation, generated from the route table: every `/api/v1` route is called by outsiders — an
 * enterprise principal of another enterprise and a township officer of another township — against rows of
 * tenant A. Reads must not leak A's ids; `:id` routes must answer 404 (or 403 when the outsider lacks the
 * route's permission altogether). A route without a sample or entity factory fails here.
 */
let t: TestApp;
let world: World;

beforeAll(async () => {
  t = await buildTestApp();
  world = await buildWorld(t);
});
afterAll(async () => t?.close());

const outsiders = ['principalB', 'townshipOther'] as const;

describe('tenant isolation (generated from the route table)', () => {
  it('covers every API route with a sample', () => {
    const missing = t.app.routeTable.map((r) => routeKey(r.method, r.url)).filter((k) => !SAMPLES[k]);
    expect(missing).toEqual([]);
  });

  it('declares an entity with a fixture factory for every :id route', () => {
    const bad = t.app.routeTable
      .filter((r) => r.url.includes(':id'))
      .filter((r) => typeof r.config.entity !== 'string' || !ENTITY_FACTORIES[r.config.entity as string])
      .map((r) => routeKey(r.method, r.url));
    expect(bad).toEqual([]);
  });

  it('answers 404 (or 403 without the permission) to outsiders on every :id route', async () => {
    const failures: string[] = [];
    for (const route of t.app.routeTable.filter((r) => r.url.includes(':id'))) {
      const key = routeKey(route.method, route.url);
      const sample = SAMPLES[key];
      const factory = ENTITY_FACTORIES[route.config.entity as string];
      if (!sample || !factory) continue; // reported by the tests above
      for (const outsider of outsiders) {
        const entityId = await factory(world, world.a);
        const { url, body } = await sample.build(world, entityId);
        const res = await as(t.app, world.sessions[outsider]).call(route.method as 'GET', url, isMutation(route.method) ? body : undefined);
        const permission = route.config.permission as string | undefined;
        const me = await as(t.app, world.sessions[outsider]).get('/api/v1/me');
        const holds = !permission || (me.json() as { permissions: string[] }).permissions.includes(permission);
        const expected = holds ? [404] : [403];
        if (!expected.includes(res.statusCode)) failures.push(`${key} as ${outsider}: ${res.statusCode} ${res.body.slice(0, 120)}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("never shows tenant A's rows to outsiders on list and read routes", async () => {
    const failures: string[] = [];
    const secrets = [world.a.enterprise.id, world.a.principal.id, world.a.staff.id, world.a.enterprise.creditCode];
    for (const route of t.app.routeTable.filter((r) => r.method === 'GET' && !r.url.includes(':id'))) {
      const sample = SAMPLES[routeKey(route.method, route.url)];
      if (!sample) continue;
      const { url } = await sample.build(world, undefined);
      for (const outsider of outsiders) {
        const res = await as(t.app, world.sessions[outsider]).get(url.replace(/pageSize=\d+/, 'pageSize=200'));
        const leaked = secrets.filter((s) => res.body.includes(s));
        if (leaked.length > 0) failures.push(`${route.url} as ${outsider} leaked ${leaked.join(',')}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("lets tenant A's principal reach his own rows (the 404s above are scope, not breakage)", async () => {
    const self = as(t.app, world.sessions.principalA);
    expect((await self.get(`/api/v1/users/${world.a.staff.id}`)).statusCode).toBe(200);
    const list = (await self.get('/api/v1/users?pageSize=200')).json() as { items: { id: string }[] };
    expect(list.items.map((u) => u.id)).toContain(world.a.staff.id);
    expect(list.items.map((u) => u.id)).not.toContain(world.b.staff.id);
  });
});
