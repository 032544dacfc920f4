// Fresh start of the real server process: `npm start` itself (web build, login page, health within 60 s, demo mode
// by default), then apps/server/src/main.ts through tsx for the one-time admin password outside demo mode, PGlite
// data persisted across restarts, and clear refusals on a taken MQTT port or bad configuration.
import { createServer, type Server } from 'node:net';
import { availableParallelism, loadavg } from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type ApiSession,
  apiCall,
  apiLogin,
  freePort,
  type RunningServer,
  removeDir,
  spawnServer,
  startServer,
  tempDataDir,
} from '../e2e/support/server.js';

const DEMO_PASSWORD = 'Demo@2024';
const dirs: string[] = [];
const running: RunningServer[] = [];

function newDir(): string {
  const dir = tempDataDir('zhiben-start-');
  dirs.push(dir);
  return dir;
}

/** Issue #2: `npm start` on a fresh clone serves the login page and /api/health within 60 s. */
const START_BUDGET_MS = 60_000;

async function start(options: Parameters<typeof startServer>[0]): Promise<RunningServer & { tookMs: number }> {
  const started = Date.now();
  // Wait well past the budget, so that a slow start is reported as slow (with its time) rather than as dead.
  const server = await startServer({ timeoutMs: 3 * START_BUDGET_MS, ...options });
  running.push(server);
  return Object.assign(server, { tookMs: Date.now() - started });
}

/**
 * The 60 s budget is asserted on a machine that is not overloaded. CI shares 2 cores between this file, the other
 * test worker and whatever else runs; when the load average is far above the core count, wall-clock time measures
 * the neighbours, so an overrun is reported as a warning instead.
 */
function assertWithinBudget(what: string, tookMs: number) {
  if (tookMs <= START_BUDGET_MS) return;
  const load = loadavg()[0] ?? 0;
  const cores = availableParallelism();
  const message = `${what} took ${(tookMs / 1000).toFixed(1)} s (budget ${START_BUDGET_MS / 1000} s; load average ${load.toFixed(1)} on ${cores} cores)`;
  if (load > 2 * cores) console.warn(`WARNING: ${message}; not failing on an overloaded machine`);
  else expect.fail(message);
}

async function stop(server: RunningServer): Promise<void> {
  const code = await server.stop();
  running.splice(running.indexOf(server), 1);
  // SIGTERM is a clean shutdown: the server closes HTTP, the broker and the database, then exits 0.
  expect(code, `server did not shut down cleanly. Output:\n${server.output()}`).toBe(0);
}

/** Runs a server that is expected to refuse to start; resolves with its exit code and output. */
async function refusedStart(env: Record<string, string | undefined>): Promise<{ code: number | string; output: string }> {
  const proc = spawnServer({ HOST: '127.0.0.1', ZHIBEN_DEMO: '1', LOG_LEVEL: 'warn', ...env });
  const timer = setTimeout(() => proc.child.kill('SIGKILL'), 90_000);
  const code = await proc.exited;
  clearTimeout(timer);
  return { code, output: proc.output() };
}

afterAll(async () => {
  await Promise.all(running.map((s) => s.stop(5_000)));
  for (const dir of dirs) removeDir(dir);
});

// These start servers on PGlite whatever the environment (the spawned server drops DATABASE_URL): CI's PostgreSQL pass
// would only repeat them, so they run in the PGlite pass.
const PGLITE_PASS_ONLY = !!process.env.DATABASE_URL;

describe.skipIf(PGLITE_PASS_ONLY)('npm start on a fresh clone', () => {
  it('builds the web app, serves the login page and /api/health within 60 s, in demo mode by default', { timeout: 300_000 }, async () => {
    // Exactly what a user types, with no ZHIBEN_DEMO in the environment: the script's own default must be demo mode.
    const server = await start({ npmStart: true, demo: undefined });
    assertWithinBudget('npm start → /api/health', server.tookMs);
    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });

    // The built web app at /, and at any deep link (client-side routing); API misses stay JSON.
    for (const path of ['/', '/login', '/admin/users']) {
      const page = await fetch(`${server.url}${path}`);
      expect(page.status, path).toBe(200);
      expect(page.headers.get('content-type'), path).toContain('text/html');
      expect(await page.text(), path).toMatch(/<title>[^<]*治本/);
    }
    const missing = await fetch(`${server.url}/api/v1/no-such-route`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { code: string }).code).toBe('ROUTE_NOT_FOUND');

    expect(server.output().includes(`password ${DEMO_PASSWORD}`), 'npm start must default to ZHIBEN_DEMO=1 (issue #2)').toBe(true);
    const admin = await apiLogin(server.url, 'admin', DEMO_PASSWORD);
    expect(admin.status, admin.text).toBe(200);
    expect(admin.session?.body.user.mustChangePassword).toBe(false);
    expect(admin.session?.body.roles).toEqual(['bureau_admin']);
    await server.stop();
    running.splice(running.indexOf(server), 1);
  });
});

describe.skipIf(PGLITE_PASS_ONLY)('refusals', () => {
  it('a taken MQTT_PORT stops start-up, naming MQTT_PORT= and MQTT_URL= as the ways out', { timeout: 120_000 }, async () => {
    const blocker: Server = createServer();
    const taken = await freePort();
    await new Promise<void>((done) => blocker.listen(taken, '127.0.0.1', done));
    try {
      const { code, output } = await refusedStart({ PORT: String(await freePort()), MQTT_PORT: String(taken), DATA_DIR: newDir() });
      expect(code, output).not.toBe(0);
      expect(output).toContain(String(taken));
      expect(output).toContain('MQTT_PORT=');
      expect(output).toContain('MQTT_URL=');
    } finally {
      await new Promise<void>((done) => blocker.close(() => done()));
    }
  });

  it('invalid configuration (PORT=abc) stops start-up naming PORT', { timeout: 120_000 }, async () => {
    const { code, output } = await refusedStart({ PORT: 'abc', MQTT_PORT: String(await freePort()), DATA_DIR: newDir() });
    expect(code, output).not.toBe(0);
    // The variable itself, not just MQTT_PORT, which also contains "PORT".
    expect(output).toMatch(/(^|[^_A-Z])PORT\b/m);
    expect(output).not.toMatch(/at .*\.ts:\d+/); // a message, not a stack trace
  });
});

describe.skipIf(PGLITE_PASS_ONLY)('production start (ZHIBEN_DEMO=0) and restart', () => {
  const dataDir = newDir();
  const changed = 'Changed#2024ok';
  let generated = '';

  it('prints a generated admin password once; logging in with it requires a password change', { timeout: 240_000 }, async () => {
    const server = await start({ dataDir, demo: false });
    // The first start applies the migrations.
    expect(server.output()).toMatch(/applied \d+ migration/);
    const printed = [...server.output().matchAll(/shown once\): (\S+)/g)].map((m) => m[1]);
    expect(printed, server.output()).toHaveLength(1);
    generated = printed[0] as string;
    expect(server.output()).not.toContain(DEMO_PASSWORD);

    const demoLogin = await apiLogin(server.url, 'officer', DEMO_PASSWORD);
    expect(demoLogin.status).toBe(401); // no demo accounts outside demo mode
    const admin = await apiLogin(server.url, 'admin', generated);
    expect(admin.status, admin.text).toBe(200);
    expect(admin.session?.body.user.mustChangePassword).toBe(true);
    const session = admin.session as ApiSession;
    // Until the password is changed, the rest of the API refuses.
    const users = await apiCall(server.url, session, 'GET', '/api/v1/users');
    expect(users.status).toBe(403);
    expect(((await users.json()) as { code: string }).code).toBe('PASSWORD_CHANGE_REQUIRED');
    const change = await apiCall(server.url, session, 'POST', '/api/v1/auth/password', {
      currentPassword: generated,
      newPassword: changed,
    });
    expect(change.status, await change.clone().text()).toBe(200);
    await stop(server);
  });

  it('PGlite data persisted across restarts', { timeout: 240_000 }, async () => {
    expect(generated, 'needs the previous test').not.toBe('');
    const server = await start({ dataDir, demo: false });
    // Same schema: nothing to migrate; the database is not empty, so nothing is seeded and no password printed.
    expect(server.output()).not.toMatch(/applied \d+ migration/);
    expect(server.output()).not.toMatch(/shown once/);
    expect((await apiLogin(server.url, 'admin', generated)).status).toBe(401);
    const admin = await apiLogin(server.url, 'admin', changed);
    expect(admin.status, admin.text).toBe(200);
    expect(admin.session?.body.user.mustChangePassword).toBe(false);
    const users = await apiCall(server.url, admin.session as ApiSession, 'GET', '/api/v1/users');
    expect(users.status).toBe(200);
    await stop(server);
  });
});

// CI runs `npm test` a second time with DATABASE_URL (a fresh PostgreSQL database) and MQTT_URL (the machine's
// Mosquitto); then the server itself must start on both, leaving the embedded broker off.
describe.runIf(process.env.DATABASE_URL)('start on PostgreSQL with an external broker', () => {
  it('answers /api/health on DATABASE_URL and starts no embedded broker when MQTT_URL is set', { timeout: 240_000 }, async () => {
    const blocker: Server = createServer();
    const taken = await freePort();
    await new Promise<void>((done) => blocker.listen(taken, '127.0.0.1', done));
    try {
      const mqttUrl = process.env.MQTT_URL ?? 'mqtt://127.0.0.1:1883';
      const server = await start({
        demo: false,
        // MQTT_PORT is taken on purpose: with MQTT_URL the server must not try to bind it.
        env: {
          DATABASE_URL: process.env.DATABASE_URL,
          MQTT_URL: mqttUrl,
          MQTT_PORT: String(taken),
          ZHIBEN_ADMIN_PASSWORD: 'Ci#admin2024x',
        },
      });
      expect(server.output()).toContain('PostgreSQL');
      expect(server.output()).toContain(mqttUrl);
      expect(server.output()).not.toContain('embedded broker');
      const me = await fetch(`${server.url}/api/v1/me`);
      expect(me.status).toBe(401);
      await stop(server);
    } finally {
      await new Promise<void>((done) => blocker.close(() => done()));
    }
  });
});
