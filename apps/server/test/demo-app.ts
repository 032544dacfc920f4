// A demo-seeded app on a database of its own (demo seeding needs an empty one): a fresh PGlite, or a fresh database
// on DATABASE_URL's server, dropped again at close. Shared by the *.demo.db.test.ts suites.
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DbHandle, openDatabase, runMigrations } from '@zhiben/db';
import pg from 'pg';
import { type App, buildApp } from '../src/app.js';
import { DEMO_PASSWORD } from '../src/seed/accounts.js';
import { seedDatabase } from '../src/seed/seed.js';
import { login, type Session } from './harness.js';

export interface DemoApp {
  handle: DbHandle;
  app: App;
  demoLogin(username: string): Promise<Session>;
  close(): Promise<void>;
}

async function adminQuery(connectionString: string, statement: string) {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export async function startDemoApp(): Promise<DemoApp> {
  const base = process.env.DATABASE_URL;
  let databaseUrl: string | undefined;
  let dropDatabase: (() => Promise<void>) | undefined;
  if (base) {
    const name = `zhiben_demo_${randomBytes(4).toString('hex')}`;
    await adminQuery(base, `create database ${name}`);
    dropDatabase = () => adminQuery(base, `drop database if exists ${name} with (force)`);
    const url = new URL(base);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
  }
  const handle = await openDatabase({ databaseUrl, poolSize: 4 });
  await runMigrations(handle);
  await seedDatabase(handle.db, { demo: true, clock: () => new Date() });
  const app = await buildApp({
    db: handle.db,
    sessionSecret: 'test-secret-test-secret-test-secret!!',
    demo: true,
    loginRateLimit: 10_000,
    filesDir: mkdtempSync(join(tmpdir(), 'zb-files-')),
  });
  return {
    handle,
    app,
    demoLogin: (username) => login(app, username, DEMO_PASSWORD),
    close: async () => {
      await app.close();
      await handle.close();
      await dropDatabase?.();
    },
  };
}
