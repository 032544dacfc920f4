import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role } from '@zhiben/contracts';
import { type DbHandle, openDatabase, schema } from '@zhiben/db';
import { withCheckChar } from '@zhiben/domain';
import { eq } from 'drizzle-orm';
import { inject } from 'vitest';
import { type App, buildApp } from '../src/app.js';
import { defaultBatchConcurrency } from '../src/modules/telemetry/index.js';
import type { Clock } from '../src/platform/clock.js';
import { hashPassword } from '../src/platform/passwords.js';
import { multipart } from './ledger-fixtures.js';
import { prepareTestDb } from './test-db.js';

/**
 * Test database: in-memory PGlite by default; the machine's PostgreSQL when DATABASE_URL is set (CI runs the
 * suites both ways). On PostgreSQL test files share one database, so tests never assume empty tables: each
 * builds its own tenants with unique names and codes.
 */
export async function openTestDb(): Promise<DbHandle> {
  const snapshot = process.env.DATABASE_URL ? undefined : inject('pgliteSnapshot');
  if (snapshot) {
    // A copy of the database the global setup migrated and seeded once (global-setup.ts).
    return openDatabase({ pgliteLoadDataDir: new Blob([readFileSync(snapshot)]) });
  }
  const handle = await openDatabase({ databaseUrl: process.env.DATABASE_URL, poolSize: 4 });
  await prepareTestDb(handle);
  return handle;
}

export interface TestApp {
  app: App;
  handle: DbHandle;
  clock: MutableClock;
  close(): Promise<void>;
}

export interface MutableClock {
  now: Clock;
  advance(ms: number): void;
  /** Jumps to an absolute instant (time keeps running from there). */
  set(at: Date): void;
}

export function mutableClock(): MutableClock {
  let offset = 0;
  return {
    now: () => new Date(Date.now() + offset),
    advance: (ms) => {
      offset += ms;
    },
    set: (at) => {
      offset = at.getTime() - Date.now();
    },
  };
}

export async function buildTestApp(
  options: { demo?: boolean; idleMs?: number; absoluteMs?: number; loginRateLimit?: number } = {},
): Promise<TestApp> {
  const handle = await openTestDb();
  const clock = mutableClock();
  const app = await buildApp({
    db: handle.db,
    sessionSecret: 'test-secret-test-secret-test-secret!!',
    clock: clock.now,
    demo: options.demo ?? false,
    sessionPolicy: { idleMs: options.idleMs ?? 30 * 60_000, absoluteMs: options.absoluteMs ?? 12 * 3_600_000 },
    loginRateLimit: options.loginRateLimit ?? 10_000,
    filesDir: mkdtempSync(join(tmpdir(), 'zb-files-')),
    // As the server runs: overlapping telemetry batches on PostgreSQL.
    ingestion: { batchConcurrency: defaultBatchConcurrency(handle.driver) },
  });
  return {
    app,
    handle,
    clock,
    close: async () => {
      await app.close();
      await handle.close();
    },
  };
}

export const TEST_PASSWORD = 'Test@2024pw';
let passwordHash: Promise<string> | undefined;

export const uniq = (prefix: string) => `${prefix}${randomBytes(4).toString('hex')}`;

/** Region ids by code (the seeded jurisdiction). */
export async function regionByCode(handle: DbHandle, code: string) {
  const [region] = await handle.db.select().from(schema.regions).where(eq(schema.regions.code, code));
  if (!region) throw new Error(`region ${code} not seeded`);
  return region;
}

/** A unique valid credit code (random positions 11–17; the check character computed). */
export function newCreditCode(): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const tail = Array.from(randomBytes(7), (b) => alphabet[b % alphabet.length]).join('');
  return withCheckChar(`91140404MA${tail}`);
}

/** A fresh enterprise in the given township (default 韩店街道) with a valid, unique credit code. */
export async function createEnterprise(handle: DbHandle, regionCode = '140404001', name = uniq('测试企业')) {
  const region = await regionByCode(handle, regionCode);
  const [row] = await handle.db
    .insert(schema.enterprises)
    .values({ name, creditCode: newCreditCode(), industryCode: '2021', regionId: region.id, regionPath: region.path })
    .returning();
  if (!row) throw new Error('enterprise not created');
  return row;
}

export async function createUser(
  handle: DbHandle,
  role: Role,
  attach: { enterpriseId?: string; regionId?: string; mustChangePassword?: boolean; username?: string } = {},
) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const [row] = await handle.db
    .insert(schema.users)
    .values({
      username: attach.username ?? uniq(`${role.replace(/_/g, '').slice(0, 10)}`),
      displayName: `测试${role}`,
      role,
      passwordHash: await passwordHash,
      enterpriseId: attach.enterpriseId ?? null,
      regionId: attach.regionId ?? null,
      mustChangePassword: attach.mustChangePassword ?? false,
    })
    .returning();
  if (!row) throw new Error('user not created');
  return row;
}

export interface Session {
  cookie: string;
  csrfToken: string;
  userId: string;
}

export async function login(app: App, username: string, password = TEST_PASSWORD): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const setCookie = res.cookies.find((c) => c.name === 'zb_session');
  if (!setCookie) throw new Error('no session cookie');
  const body = res.json() as { csrfToken: string; user: { id: string } };
  return { cookie: `zb_session=${setCookie.value}`, csrfToken: body.csrfToken, userId: body.user.id };
}

/** A tenant: one enterprise with a principal, a safety manager and a staff member, logged in. */
export async function createTenant(t: TestApp, regionCode = '140404001') {
  const enterprise = await createEnterprise(t.handle, regionCode);
  const principal = await createUser(t.handle, 'enterprise_principal', { enterpriseId: enterprise.id });
  const safety = await createUser(t.handle, 'enterprise_safety_manager', { enterpriseId: enterprise.id });
  const staff = await createUser(t.handle, 'enterprise_staff', { enterpriseId: enterprise.id });
  return { enterprise, principal, safety, staff };
}

/** inject() with a session: cookie always, CSRF header on mutations. */
export function as(app: App, session: Session | null) {
  const call = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown) => {
    // A Buffer body is sent as a multipart file upload (the ledger import routes).
    const upload = Buffer.isBuffer(payload) ? multipart(payload) : undefined;
    return app.inject({
      method,
      url,
      headers: {
        ...(session ? { cookie: session.cookie } : {}),
        ...(session && method !== 'GET' ? { 'x-csrf-token': session.csrfToken } : {}),
        ...(upload?.headers ?? {}),
      },
      ...(upload ? { payload: upload.payload } : payload !== undefined ? { payload: payload as object } : {}),
    });
  };
  return {
    get: (url: string) => call('GET', url),
    post: (url: string, payload?: unknown) => call('POST', url, payload ?? {}),
    patch: (url: string, payload?: unknown) => call('PATCH', url, payload ?? {}),
    call,
  };
}

export async function auditCount(handle: DbHandle): Promise<number> {
  const rows = await handle.db.select({ seq: schema.auditEvents.seq }).from(schema.auditEvents);
  return rows.length;
}

/** Audit rows written by one request (safe while other test files write to the same database). */
export async function auditRowsOf(handle: DbHandle, requestId: unknown) {
  if (typeof requestId !== 'string') throw new Error('response has no x-request-id');
  return handle.db.select().from(schema.auditEvents).where(eq(schema.auditEvents.requestId, requestId));
}
