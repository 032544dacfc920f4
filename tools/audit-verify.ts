// `npm run audit:verify` — walks the hash-chained audit trail (audit_events) and recomputes every hash.
// Opens the same database the server would: DATABASE_URL when set, otherwise the PGlite data under DATA_DIR/pg.
// On PGlite, stop the server first (PGlite allows one process per data dir); a running server offers the same
// check at GET /api/v1/audit-events/verify.
//
// Exit codes: 0 chain intact · 1 chain broken (first broken seq and reason printed) · 2 could not check.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase, queryRows } from '@zhiben/db';
import { sql } from 'drizzle-orm';
import { verifyAuditChain } from '../apps/server/src/platform/audit.js';
import { ConfigError, loadConfig } from '../apps/server/src/platform/config.js';

const REASONS = {
  hash_mismatch: '行内容与其哈希不符（该行被修改过）/ the row no longer matches its hash (the row was altered)',
  chain_broken:
    '该行记录的上一行哈希与实际不符（有行被删除、插入或改动）/ its prev_hash does not match the row before it (a row was deleted, inserted or altered)',
} as const;

async function main(): Promise<number> {
  let config: ReturnType<typeof loadConfig>;
  try {
    // The verifier needs no session secret; a placeholder keeps loadConfig from creating one under DATA_DIR.
    config = loadConfig({ ...process.env, SESSION_SECRET: process.env.SESSION_SECRET ?? 'audit-verify-needs-no-session-secret' });
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      return 2;
    }
    throw err;
  }

  const pgliteDir = join(config.dataDir, 'pg');
  if (!config.databaseUrl && !existsSync(pgliteDir)) {
    console.error(
      `找不到数据库：${pgliteDir} 不存在（请设置 DATA_DIR 或 DATABASE_URL）。\n` +
        `No database found: ${pgliteDir} does not exist (set DATA_DIR or DATABASE_URL).`,
    );
    return 2;
  }

  const handle = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir, poolSize: 1 });
  try {
    const [table] = await queryRows<{ present: boolean }>(handle.db, sql`select to_regclass('audit_events') is not null as present`);
    if (!table?.present) {
      console.error(`${handle.description}: 没有 audit_events 表（数据库尚未初始化）/ no audit_events table (database not initialised).`);
      return 2;
    }
    const started = Date.now();
    const result = await verifyAuditChain(handle.db);
    const took = `${((Date.now() - started) / 1000).toFixed(1)} s`;
    if (result.ok) {
      console.log(`审计链完整 / audit chain intact: ${result.checked} rows checked (${handle.description}, ${took})`);
      return 0;
    }
    const broken = result.brokenAt;
    console.error(
      `审计链被破坏 / audit chain BROKEN at seq ${broken?.seq} (${broken?.reason}): ` +
        `${broken ? REASONS[broken.reason] : ''}\n` +
        `  ${result.checked} rows before it checked OK (${handle.description}, ${took})`,
    );
    return 1;
  } finally {
    await handle.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error('审计链校验失败 / audit verification could not run:', err instanceof Error ? err.message : err);
    process.exitCode = 2;
  },
);
