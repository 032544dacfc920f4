import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations, SQL } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import * as schema from './schema/index.js';

export type Schema = typeof schema;
/** The one database type the services see: the same Drizzle PostgreSQL API on either driver. */
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything a repository can run a query on: the pool or an open transaction. */
export type Executor = Db | Tx;

/**
 * Runs raw SQL and returns its rows. Both drivers answer `{ rows }`, but the common Drizzle type cannot say so.
 */
export async function queryRows<T>(db: Executor, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

export interface DbHandle {
  db: Db;
  driver: 'pglite' | 'pg';
  /** Where the data lives, for logs ("PGlite ./data/pg" or the PostgreSQL host). */
  description: string;
  close(): Promise<void>;
  /** Present on PostgreSQL: the raw pool, for COPY and advisory locks held across statements. */
  pool?: pg.Pool;
  /** Present on PGlite: the embedded instance. */
  pglite?: PGlite;
}

export interface DbOptions {
  /** postgres://… ; when absent the embedded PGlite is used. */
  databaseUrl?: string | undefined;
  /** PGlite data directory; `memory` (or undefined) keeps the database in memory (tests). */
  pgliteDir?: string | undefined;
  /** PGlite: start from this data directory (a tarball made by `dumpDataDir`), e.g. one migrated once for all tests. */
  pgliteLoadDataDir?: Blob | undefined;
  poolSize?: number;
}

export async function openDatabase(options: DbOptions): Promise<DbHandle> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    // A pool error on an idle client must not crash the process; the next query reports it.
    pool.on('error', () => {});
    const db = drizzlePg(pool, { schema, casing: 'snake_case' }) as unknown as Db;
    const url = new URL(options.databaseUrl);
    return {
      db,
      driver: 'pg',
      description: `PostgreSQL ${url.hostname}:${url.port || 5432}${url.pathname}`,
      pool,
      close: () => pool.end(),
    };
  }
  const dir = options.pgliteDir && options.pgliteDir !== 'memory' ? options.pgliteDir : undefined;
  if (dir) mkdirSync(dir, { recursive: true });
  // PGlite honours loadDataDir only in the options-object form of its constructor.
  const client = new PGlite({
    ...(dir ? { dataDir: join(dir) } : {}),
    ...(options.pgliteLoadDataDir ? { loadDataDir: options.pgliteLoadDataDir } : {}),
  });
  await client.waitReady;
  const db = drizzlePglite(client, { schema, casing: 'snake_case' }) as unknown as Db;
  return {
    db,
    driver: 'pglite',
    description: dir ? `PGlite ${dir}` : 'PGlite (memory)',
    pglite: client,
    close: () => client.close(),
  };
}
