import { schema } from '@zhiben/db';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../src/platform/audit.js';
import { as, auditRowsOf, buildTestApp, createUser, login, type TestApp } from './harness.js';
import { buildWorld, ENTITY_FACTORIES, isMutation, routeKey, SAMPLES, type World } from './route-samples.js';

let t: TestApp;
let world: World;

beforeAll(async () => {
  t = await buildTestApp();
  world = await buildWorld(t);
});
afterAll(async () => t?.close());

describe('audit trail', () => {
  it('writes exactly one audit row per successful mutation (none for read-only POSTs), and none for a rejected one (every mutating route)', async () => {
    const failures: string[] = [];
    const mutations = t.app.routeTable.filter((r) => isMutation(r.method));
    expect(mutations.length).toBeGreaterThan(3);
    for (const route of mutations) {
      const key = routeKey(route.method, route.url);
      const sample = SAMPLES[key];
      if (!sample) {
        failures.push(`${key}: no sample`);
        continue;
      }
      const entityType = route.config.entity as string | undefined;
      const entityId = entityType ? await ENTITY_FACTORIES[entityType]?.(world, world.a) : undefined;
      const session = sample.fresh
        ? await login(t.app, (await createUser(t.handle, 'bureau_officer')).username)
        : world.sessions[sample.actor];
      const { url, body, headers } = await sample.build(world, entityId);
      // A route authenticated by its own header (device telemetry) is called with that header instead of the session.
      const ok = headers
        ? await t.app.inject({ method: route.method as 'POST', url, headers, payload: body as object })
        : await as(t.app, session).call(route.method as 'POST', url, body);
      const okRows = await auditRowsOf(t.handle, ok.headers['x-request-id']);
      const expectedRows = route.config.readOnly ? 0 : 1;
      if (ok.statusCode !== 200 || okRows.length !== expectedRows)
        failures.push(`${key}: ${ok.statusCode}, ${okRows.length} audit rows, ${ok.body.slice(0, 100)}`);

      const badSession = sample.fresh ? await login(t.app, (await createUser(t.handle, 'bureau_officer')).username) : session;
      let bad: Awaited<ReturnType<typeof t.app.inject>>;
      let expected = 400;
      if (sample.badBody !== undefined) {
        bad = await as(t.app, badSession).call(route.method as 'POST', url, sample.badBody);
      } else if (sample.badWithoutCsrf) {
        bad = await t.app.inject({ method: route.method as 'POST', url, headers: { cookie: badSession.cookie }, payload: {} });
        expected = 403;
      } else {
        failures.push(`${key}: no rejected-call sample`);
        continue;
      }
      const badRows = await auditRowsOf(t.handle, bad.headers['x-request-id']);
      if (bad.statusCode !== expected || badRows.length !== 0)
        failures.push(`${key} (rejected): ${bad.statusCode}, ${badRows.length} audit rows`);
    }
    expect(failures).toEqual([]);
  });

  it('writes nothing when the transaction fails after its first write (duplicate username at insert)', async () => {
    const taken = await createUser(t.handle, 'enterprise_staff', { enterpriseId: world.a.enterprise.id });
    const res = await as(t.app, world.sessions.admin).post('/api/v1/users', {
      username: taken.username.toUpperCase(),
      displayName: '重名',
      role: 'bureau_officer',
      password: 'Aa1!longenough',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('CONFLICT');
    expect(await auditRowsOf(t.handle, res.headers['x-request-id'])).toHaveLength(0);
  });

  it('records actor, entity, before and after for a change', async () => {
    const res = await as(t.app, world.sessions.principalA).patch(`/api/v1/users/${world.a.staff.id}`, { phone: '13800138000' });
    expect(res.statusCode).toBe(200);
    const [row] = await auditRowsOf(t.handle, res.headers['x-request-id']);
    expect(row).toMatchObject({ action: 'users.updated', entityType: 'user', entityId: world.a.staff.id, actorId: world.a.principal.id });
    expect(row?.before).toMatchObject({ phone: null });
    expect(row?.after).toMatchObject({ phone: '13800138000' });
    expect(JSON.stringify(row)).not.toContain('$argon2');
  });

  it('verifies the hash chain and detects an altered row', async () => {
    const clean = await verifyAuditChain(t.handle.db);
    expect(clean.ok).toBe(true);
    expect(clean.checked).toBeGreaterThan(5);
    // Tamper inside a transaction that is rolled back, so other suites sharing the database never see it.
    const rollback = new Error('rollback');
    await expect(
      t.handle.db.transaction(async (tx) => {
        const [victim] = await tx.select().from(schema.auditEvents).where(eq(schema.auditEvents.action, 'users.updated')).limit(1);
        if (!victim) throw new Error('no row to tamper with');
        await tx.execute(sql`update audit_events set after = '{"phone":"forged"}'::jsonb where seq = ${victim.seq}`);
        const result = await verifyAuditChain(tx);
        expect(result.ok).toBe(false);
        expect(result.brokenAt).toEqual({ seq: victim.seq, reason: 'hash_mismatch' });
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    expect((await verifyAuditChain(t.handle.db)).ok).toBe(true);
  });
});
