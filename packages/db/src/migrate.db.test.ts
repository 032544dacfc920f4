import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { type DbHandle, openDatabase, queryRows } from './client.js';
import { readJournal, runMigrations, SchemaTooNewError } from './migrate.js';

/**
 * Runs on PGlite, and on PostgreSQL when DATABASE_URL is set — in a throw-away database of its own there,
 * because these tests need an empty schema.
 */
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

async function freshDatabase(): Promise<DbHandle> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const handle = await openDatabase({});
    cleanups.push(() => handle.close());
    return handle;
  }
  const name = `zb_mig_${randomBytes(4).toString('hex')}`;
  const admin = await openDatabase({ databaseUrl: url, poolSize: 1 });
  await admin.db.execute(sql.raw(`create database ${name}`));
  const target = new URL(url);
  target.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: target.toString(), poolSize: 2 });
  cleanups.push(async () => {
    await handle.close();
    await admin.db.execute(sql.raw(`drop database if exists ${name}`));
    await admin.close();
  });
  return handle;
}

function migrationsFolder(files: { tag: string; sql: string }[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'zb-mig-'));
  mkdirSync(join(dir, 'meta'));
  const entries = files.map((f, idx) => ({ idx, version: '7', when: 1_700_000_000_000 + idx * 1000, tag: f.tag, breakpoints: true }));
  writeFileSync(join(dir, 'meta', '_journal.json'), JSON.stringify({ version: '7', dialect: 'postgresql', entries }));
  for (const f of files) writeFileSync(join(dir, `${f.tag}.sql`), f.sql);
  return dir;
}

describe('migrations', () => {
  it('applies the committed migration set once, creating the foundation tables', async () => {
    const handle = await freshDatabase();
    const first = await runMigrations(handle);
    expect(first.applied).toBe(readJournal().length);
    const second = await runMigrations(handle);
    expect(second.applied).toBe(0);
    const tables = await queryRows<{ table_name: string }>(
      handle.db,
      sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
    );
    expect(tables.map((t) => t.table_name)).toEqual(
      expect.arrayContaining(['audit_events', 'enterprises', 'regions', 'sessions', 'users']),
    );
  });

  it('refuses to start against a database whose schema is newer than the code', async () => {
    const handle = await freshDatabase();
    await runMigrations(handle);
    await handle.db.execute(
      sql`insert into drizzle.__drizzle_migrations (hash, created_at) values ('from-the-future', ${Date.now() + 10 ** 10})`,
    );
    await expect(runMigrations(handle)).rejects.toBeInstanceOf(SchemaTooNewError);
    await expect(runMigrations(handle)).rejects.toThrow(/newer than this build/);
  });

  it('runs pending migrations in one transaction: a failing one leaves no trace', async () => {
    const handle = await freshDatabase();
    const good = { tag: '0000_good', sql: 'create table mig_good (id int);' };
    await runMigrations(handle, migrationsFolder([good]));
    const bad = { tag: '0001_bad', sql: 'create table mig_half (id int);\n--> statement-breakpoint\nselect no_such_function();' };
    await expect(runMigrations(handle, migrationsFolder([good, bad]))).rejects.toThrow();
    const [half] = await queryRows<{ present: boolean }>(handle.db, sql`select to_regclass('mig_half') is not null as present`);
    expect(half?.present).toBe(false);
    const applied = await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
    expect(applied[0]?.n).toBe(1);
  });
});
