// Starts the real Zhiben server (apps/server/src/main.ts, from TypeScript through tsx) as a child process on free
// ports with its own data directory. Used by the browser journeys (e2e/) and the fresh-start test (tools/).
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(import.meta.dirname, '..', '..');
const MAIN = join(REPO_ROOT, 'apps', 'server', 'src', 'main.ts');

/** A port nothing listens on right now: the kernel picks one for a listener on port 0, which we then close. */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, host, () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => done(port));
    });
  });
}

export function tempDataDir(prefix = 'zhiben-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** The environment a child server gets: ours minus everything that would point it at shared services. */
function childEnv(overrides: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  // CI runs the suites a second time with DATABASE_URL / MQTT_URL set; a spawned server still gets its own PGlite
  // and embedded broker unless the caller asks otherwise. Vitest's own variables must not leak into it either.
  for (const key of ['DATABASE_URL', 'MQTT_URL', 'ZHIBEN_ADMIN_PASSWORD', 'SESSION_SECRET', 'NODE_ENV', 'VITEST', 'VITEST_MODE']) {
    delete env[key];
  }
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

export interface ServerProcess {
  child: ChildProcess;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** Resolves with the exit code (or the signal name) once the process has ended. */
  exited: Promise<number | string>;
  /** `npm start` runs in its own process group (npm → sh → tsx → node); stop() signals and awaits the whole group. */
  group: boolean;
}

function collect(child: ChildProcess, group: boolean): ServerProcess {
  let log = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    log += chunk;
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    log += chunk;
  });
  const exited = new Promise<number | string>((done) => {
    child.once('exit', (code, signal) => done(code ?? signal ?? 'unknown'));
  });
  return { child, output: () => log, exited, group };
}

/**
 * Spawns `node --import tsx apps/server/src/main.ts` (what `npx tsx` runs, minus the npx wrapper, so signals reach
 * the server itself and its exit code is ours to read). No port or data defaults are added: the caller decides.
 */
export function spawnServer(env: Record<string, string | undefined>): ServerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    cwd: REPO_ROOT,
    env: childEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return collect(child, false);
}

/** Spawns `npm start` exactly as a user runs it (web build check, then the server), in its own process group. */
export function spawnNpmStart(env: Record<string, string | undefined>): ServerProcess {
  const child = spawn('npm', ['start', '--silent'], {
    cwd: REPO_ROOT,
    env: childEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  return collect(child, true);
}

export interface RunningServer extends ServerProcess {
  url: string;
  port: number;
  mqttPort: number;
  dataDir: string;
  /** SIGTERM (graceful: the server closes its database), SIGKILL after `graceMs`; resolves with the exit code. */
  stop(graceMs?: number): Promise<number | string>;
}

export interface StartOptions {
  /** Reuse a data directory (restart); a fresh temporary one otherwise. */
  dataDir?: string;
  /** ZHIBEN_DEMO=1 (default) or 0; `undefined` under npmStart leaves it unset, to test the script's own default. */
  demo?: boolean | undefined;
  /** More environment for the child (undefined deletes a variable). */
  env?: Record<string, string | undefined>;
  /** How long to wait for GET /api/health → 200. */
  timeoutMs?: number;
  /** Start with `npm start` instead of running main.ts directly. */
  npmStart?: boolean;
}

/** Starts a server on free ports and waits until `/api/health` answers 200; throws with the child's output otherwise. */
export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const dataDir = options.dataDir ?? tempDataDir();
  const port = await freePort();
  let mqttPort = await freePort();
  while (mqttPort === port) mqttPort = await freePort();
  const demo = options.demo === undefined ? (options.npmStart ? undefined : '1') : options.demo ? '1' : '0';
  const env = {
    PORT: String(port),
    MQTT_PORT: String(mqttPort),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    ZHIBEN_DEMO: demo,
    LOG_LEVEL: 'warn',
    ...options.env,
  };
  const proc = options.npmStart ? spawnNpmStart(env) : spawnServer(env);
  const url = `http://127.0.0.1:${port}`;
  const server: RunningServer = {
    ...proc,
    url,
    port,
    mqttPort,
    dataDir,
    stop: (graceMs = 15_000) => stopProcess(proc, graceMs),
  };
  try {
    await waitForHealth(server, options.timeoutMs ?? 90_000);
  } catch (err) {
    await server.stop(2_000);
    if (!options.dataDir) removeDir(dataDir);
    throw err;
  }
  return server;
}

/** The end of a long log (the web build alone prints pages of bundler notes). */
export function tail(text: string, chars = 6_000): string {
  return text.length > chars ? `…${text.slice(-chars)}` : text;
}

async function waitForHealth(server: RunningServer, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let ended: number | string | undefined;
  void server.exited.then((code) => {
    ended = code;
  });
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (ended !== undefined) {
      throw new Error(`server exited (${ended}) before /api/health answered. Output:\n${tail(server.output())}`);
    }
    try {
      const res = await fetch(`${server.url}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (res.status === 200) return;
      last = `HTTP ${res.status} ${await res.text()}`;
    } catch (err) {
      last = (err as Error).message;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(
    `server did not answer GET /api/health with 200 within ${timeoutMs / 1000} s (last: ${last}). Output:\n${tail(server.output())}`,
  );
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

function signal(proc: ServerProcess, name: NodeJS.Signals): void {
  const pid = proc.child.pid;
  try {
    if (proc.group && pid) process.kill(-pid, name);
    else proc.child.kill(name);
  } catch {
    // already gone
  }
}

/**
 * SIGTERM, then SIGKILL after `graceMs`. For a process group, resolves only when every process of the group has
 * ended (the server may still be closing its database after npm itself has exited).
 */
export async function stopProcess(proc: ServerProcess, graceMs = 15_000): Promise<number | string> {
  const { child } = proc;
  const running = () => (proc.group && child.pid ? groupAlive(child.pid) : child.exitCode === null && child.signalCode === null);
  if (running()) {
    signal(proc, 'SIGTERM');
    const deadline = Date.now() + graceMs;
    while (running() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    if (running()) signal(proc, 'SIGKILL');
    while (running()) await new Promise((r) => setTimeout(r, 100));
  }
  return proc.exited;
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
}

/** A logged-in API session against a running server (cookie + CSRF token), for tests that drive the HTTP API. */
export interface ApiSession {
  cookie: string;
  csrfToken: string;
  body: { user: { id: string; username: string; mustChangePassword: boolean }; roles: string[]; permissions: string[] };
}

export async function apiLogin(
  baseUrl: string,
  username: string,
  password: string,
): Promise<{ status: number; session?: ApiSession; text: string }> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const text = await res.text();
  if (res.status !== 200) return { status: res.status, text };
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .filter((c) => c.startsWith('zb_session='))
    .join('; ');
  const body = JSON.parse(text) as ApiSession['body'] & { csrfToken: string };
  return { status: 200, text, session: { cookie, csrfToken: body.csrfToken, body } };
}

export async function apiCall(baseUrl: string, session: ApiSession, method: string, path: string, payload?: unknown): Promise<Response> {
  return fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      cookie: session.cookie,
      ...(method === 'GET' ? {} : { 'x-csrf-token': session.csrfToken }),
      ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(payload === undefined ? {} : { body: JSON.stringify(payload) }),
  });
}
