import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { type DbHandle, queryRows } from './client.js';

export const MIGRATIONS_FOLDER = join(dirname(fileURLToPath(import.meta.url)), '..', 'migrations');

interface JournalEntry {
  idx: number;
  when: number;
  tag: string;
}

export function readJournal(folder = MIGRATIONS_FOLDER): JournalEntry[] {
  const journal = JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')) as {
    entries: JournalEntry[];
  };
  return journal.entries;
}

export class SchemaTooNewError extends Error {
  constructor(
    readonly databaseCount: number,
    readonly codeCount: number,
  ) {
    super(
      `数据库结构版本比程序新（数据库已应用 ${databaseCount} 个迁移，程序只认识 ${codeCount} 个）。` +
        `The database schema is newer than this build (${databaseCount} migrations applied, this code knows ${codeCount}). ` +
        'Upgrade Zhiben to the version that wrote this database, or point DATA_DIR / DATABASE_URL at another database.',
    );
    this.name = 'SchemaTooNewError';
  }
}

/** Advisory lock key that serialises migrations when several instances start against one PostgreSQL. */
const MIGRATION_LOCK = 72_110_001;

/**
 * Applies pending migrations (Drizzle's migrator: all pending files in one transaction, each recorded once
 * in drizzle.__drizzle_migrations). Before that, refuses to start when the database holds migrations this
 * build does not know, because running old code on a newer schema silently corrupts data.
 */
export async function runMigrations(handle: DbHandle, folder = MIGRATIONS_FOLDER): Promise<{ applied: number }> {
  const journal = readJournal(folder);
  const lastKnown = journal.at(-1)?.when ?? 0;
  const lock = handle.pool ? await handle.pool.connect() : undefined;
  try {
    if (lock) await lock.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const before = await appliedMigrations(handle);
    const unknown = before.filter((m) => m.createdAt > lastKnown);
    if (unknown.length > 0 || before.length > journal.length) {
      throw new SchemaTooNewError(before.length, journal.length);
    }
    if (handle.driver === 'pg') {
      await migratePg(handle.db as unknown as NodePgDatabase, { migrationsFolder: folder });
    } else {
      await migratePglite(handle.db as unknown as PgliteDatabase, { migrationsFolder: folder });
    }
    const after = await appliedMigrations(handle);
    return { applied: after.length - before.length };
  } finally {
    if (lock) {
      await lock.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
      lock.release();
    }
  }
}

async function appliedMigrations(handle: DbHandle): Promise<{ createdAt: number }[]> {
  const [exists] = await queryRows<{ present: boolean }>(
    handle.db,
    sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`,
  );
  if (!exists?.present) return [];
  const rows = await queryRows<{ created_at: string | number }>(
    handle.db,
    sql`select created_at from drizzle.__drizzle_migrations order by created_at`,
  );
  return rows.map((r) => ({ createdAt: Number(r.created_at) }));
}
