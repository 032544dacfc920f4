// `npm run audit:verify` as an operator runs it: a separate process against a PGlite data dir.
// Always PGlite in a temporary directory, even when DATABASE_URL is set: tampering with a shared database's chain
// would break every other suite that verifies it.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { openDatabase, runMigrations } from '@zhiben/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuditActor, appendAudit } from '../apps/server/src/platform/audit.js';
import { REPO_ROOT, removeDir, tempDataDir } from '../e2e/support/server.js';

const dataDir = tempDataDir('zhiben-audit-');
const actor: AuditActor = { actorId: null, actorUsername: 'verify-test', requestId: 'req-1', ip: '127.0.0.1' };

function runVerify(env: Record<string, string | undefined>): Promise<{ code: number | null; output: string }> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  delete childEnv.DATABASE_URL;
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete childEnv[k];
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'tools', 'audit-verify.ts')], {
      cwd: REPO_ROOT,
      env: childEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => {
      output += c;
    });
    child.stderr.setEncoding('utf8').on('data', (c: string) => {
      output += c;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 110_000);
    child.once('error', fail);
    child.once('exit', (code) => {
      clearTimeout(timer);
      done({ code, output });
    });
  });
}

async function withDb<T>(work: (handle: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
  const handle = await openDatabase({ pgliteDir: join(dataDir, 'pg') });
  try {
    return await work(handle);
  } finally {
    await handle.close();
  }
}

beforeAll(async () => {
  await withDb(async (handle) => {
    await runMigrations(handle);
    // Three mutations, each in its own transaction as services do; the second carries before/after payloads.
    for (const [i, action] of ['users.created', 'users.updated', 'auth.login'].entries()) {
      await handle.db.transaction(async (tx) => {
        await appendAudit(
          tx,
          { ...actor, requestId: `req-${i + 1}` },
          {
            action,
            entityType: 'user',
            entityId: `00000000-0000-7000-8000-00000000000${i}`,
            before: i === 1 ? { displayName: '旧名字', roles: ['a'] } : undefined,
            after: { displayName: `名字${i}`, at: new Date(Date.UTC(2025, 0, i + 1)) },
          },
          new Date(Date.UTC(2025, 5, 1, 8, i)),
        );
      });
    }
  });
}, 120_000);

afterAll(() => removeDir(dataDir));

describe('npm run audit:verify', () => {
  it('exits 0 and reports the rows checked on an intact chain', { timeout: 120_000 }, async () => {
    const { code, output } = await runVerify({ DATA_DIR: dataDir });
    expect(code, output).toBe(0);
    expect(output).toMatch(/\b3 rows checked/);
  });

  it('exits 1 naming seq 2 after a row was altered', { timeout: 120_000 }, async () => {
    await withDb(async (handle) => {
      await handle.db.execute(sql`update audit_events set action = 'x' where seq = 2`);
    });
    const { code, output } = await runVerify({ DATA_DIR: dataDir });
    expect(code, output).toBe(1);
    expect(output).toMatch(/seq 2\b/);
    expect(output).toContain('hash_mismatch');
  });

  it('exits 2 when there is no database to check', { timeout: 120_000 }, async () => {
    const empty = tempDataDir('zhiben-audit-empty-');
    try {
      const { code, output } = await runVerify({ DATA_DIR: empty });
      expect(code, output).toBe(2);
      expect(output).toContain(join(empty, 'pg'));
    } finally {
      removeDir(empty);
    }
  });
});
