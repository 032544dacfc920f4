import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@zhiben/db';
import type { TestProject } from 'vitest/node';
import { prepareTestDb } from './test-db.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A PGlite data directory (tarball) migrated and seeded once for the run; absent on PostgreSQL. */
    pgliteSnapshot: string | undefined;
  }
}

/**
 * Migrating and seeding an in-memory PGlite takes seconds, and nearly every test file opens one or more: done once
 * here, then each test database starts from a copy of the result (harness.ts openTestDb). On PostgreSQL the test
 * files share one database that is migrated in place, so there is nothing to prepare.
 */
export default async function setup(project: TestProject) {
  if (process.env.DATABASE_URL) {
    project.provide('pgliteSnapshot', undefined);
    return;
  }
  const handle = await openDatabase({ pgliteDir: 'memory' });
  await prepareTestDb(handle);
  // Pages still dirty in shared buffers are not in the files the dump reads: a checkpoint writes them out.
  await handle.pglite?.exec('checkpoint');
  const dump = await handle.pglite?.dumpDataDir('none');
  await handle.close();
  if (!dump) throw new Error('PGlite did not dump its data directory');
  const dir = mkdtempSync(join(tmpdir(), 'zb-test-pglite-'));
  const file = join(dir, 'snapshot.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteSnapshot', file);
  return () => rmSync(dir, { recursive: true, force: true });
}
