import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { telemetryTopic } from '@zhiben/contracts';
import {
  type DbHandle,
  ESCALATION_RULES,
  HAZARD_STANDARD_2023,
  openDatabase,
  queryRows,
  RISK_TAGS,
  runMigrations,
  SECTOR_RULE_SET,
  schema,
  seedCatalogs,
  seedEscalationRules,
  seedHazardStandard,
  seedRegions,
} from '@zhiben/db';
import { sql } from 'drizzle-orm';
import { type App, buildApp } from '../../apps/server/src/app.js';
import { hashDeviceSecret } from '../../apps/server/src/modules/devices/index.js';
import {
  defaultBatchConcurrency,
  type ExternalSubscriber,
  serveEmbeddedBroker,
  startExternalSubscriber,
} from '../../apps/server/src/modules/telemetry/index.js';
import { plainArray } from '../../apps/server/src/modules/telemetry/sql-arrays.js';
import { type EmbeddedBroker, startEmbeddedBroker } from '../../apps/server/src/platform/mqtt-broker.js';
import { createEnterprise } from '../../apps/server/test/harness.js';
import { BENCH_SIGNALS, type BenchDevice } from './protocol.js';

/**
 * What one benchmark run measures against: a database (PGlite in a fresh data directory, as `npm start` runs it, or
 * the PostgreSQL of DATABASE_URL), the real app (buildApp: ingestion, and the alarm rule stage when the alarms module
 * is registered), the broker (embedded aedes serving the devices, or an external broker the app subscribes to), and
 * a fresh bench enterprise with its devices.
 */

export interface Target {
  driver: 'pglite' | 'pg';
  broker: 'embedded' | 'external';
  handle: DbHandle;
  app: App;
  url: string;
  enterpriseId: string;
  devices: (BenchDevice & { id: string })[];
  /** Whether the app evaluates alarm rules in the ingestion transaction. */
  alarms: boolean;
  close(): Promise<void>;
}

export interface TargetOptions {
  driver: 'pglite' | 'pg';
  databaseUrl?: string | undefined;
  /** PGlite: `memory`, a directory, or undefined = a fresh temporary directory (removed afterwards). */
  pgliteDir?: string | undefined;
  mqttUrl?: string | undefined;
  devices: number;
  batchSize?: number | undefined;
  /** Batches written at once; default as the server: 2 on PostgreSQL, 1 on PGlite. */
  concurrency?: number | undefined;
}

export async function openTarget(options: TargetOptions): Promise<Target> {
  const tempDir = options.driver === 'pglite' && !options.pgliteDir ? mkdtempSync(join(tmpdir(), 'zhiben-bench-')) : undefined;
  const handle = await openDatabase(
    options.driver === 'pg'
      ? { databaseUrl: options.databaseUrl, poolSize: 10 }
      : { pgliteDir: options.pgliteDir ?? join(tempDir ?? '', 'pg') },
  );
  await runMigrations(handle);
  await seedRegions(handle.db);
  await seedCatalogs(handle.db, { tags: RISK_TAGS, sectorRuleSet: SECTOR_RULE_SET });
  await seedHazardStandard(handle.db, HAZARD_STANDARD_2023);
  await seedEscalationRules(handle.db, ESCALATION_RULES);
  const filesDir = mkdtempSync(join(tmpdir(), 'zhiben-bench-files-'));
  const app = await buildApp({
    db: handle.db,
    sessionSecret: randomBytes(32).toString('hex'),
    filesDir,
    logLevel: 'warn',
    ingestion: {
      ...(options.batchSize ? { batchSize: options.batchSize } : {}),
      batchConcurrency: options.concurrency ?? defaultBatchConcurrency(options.driver),
    },
  });
  await app.ready();

  const enterprise = await createEnterprise(handle, '140404001', `基准测试企业${randomBytes(3).toString('hex')}`);
  const secret = randomBytes(24).toString('base64url');
  const rows = await handle.db
    .insert(schema.devices)
    .values(
      Array.from({ length: options.devices }, (_, i) => ({
        enterpriseId: enterprise.id,
        regionPath: enterprise.regionPath,
        code: `BENCH${String(i).padStart(4, '0')}`,
        name: `基准除尘器${i}`,
        collectorType: 'dry',
        profile: 'dry_collector',
        // Each device sends several messages a second; a 1 s interval keeps the offline and combination rules sane.
        reportingIntervalS: 1,
        signals: [...BENCH_SIGNALS],
        secretHash: hashDeviceSecret(secret),
        secretRotatedAt: new Date(),
      })),
    )
    .returning({ id: schema.devices.id, code: schema.devices.code });
  const devices = rows.map((r) => ({
    id: r.id,
    key: `${enterprise.creditCode}/${r.code}`,
    secret,
    topic: telemetryTopic(enterprise.creditCode, r.code),
  }));

  let broker: EmbeddedBroker | undefined;
  let stopServing: (() => void) | undefined;
  let external: ExternalSubscriber | undefined;
  let url: string;
  if (options.mqttUrl) {
    // Its own share group and client id, so no other subscriber splits the stream with us; no session kept after we go.
    const tag = randomBytes(4).toString('hex');
    external = startExternalSubscriber(app.ingestion, {
      url: options.mqttUrl,
      clientId: `zhiben-bench-${tag}`,
      group: `bench${tag}`,
      sessionExpiryS: 0,
    });
    await external.ready;
    url = options.mqttUrl;
  } else {
    broker = await startEmbeddedBroker(0, '127.0.0.1');
    stopServing = serveEmbeddedBroker(broker, app.ingestion);
    url = `mqtt://127.0.0.1:${broker.port}`;
  }

  return {
    driver: handle.driver,
    broker: options.mqttUrl ? 'external' : 'embedded',
    handle,
    app,
    url,
    enterpriseId: enterprise.id,
    devices,
    alarms: app.hasDecorator('alarmEngine'),
    close: async () => {
      stopServing?.();
      await broker?.close();
      await external?.close();
      await app.close();
      if (handle.driver === 'pg')
        await removeBenchRows(
          handle,
          enterprise.id,
          devices.map((d) => d.id),
        );
      await handle.close();
      rmSync(filesDir, { recursive: true, force: true });
      if (tempDir) rmSync(tempDir, { recursive: true, force: true });
    },
  };
}

/**
 * A shared PostgreSQL database is left as it was found: the rows of the bench devices in every table that refers to
 * them (found by column name, so tables added later are covered), the alarms' own children first.
 */
async function removeBenchRows(handle: DbHandle, enterpriseId: string, deviceIds: string[]): Promise<void> {
  const tables = await queryRows<{ table_name: string; column_name: string }>(
    handle.db,
    sql`select c.table_name, c.column_name from information_schema.columns c
        join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
        where c.table_schema = current_schema() and t.table_type = 'BASE TABLE' and c.column_name in ('alarm_id', 'device_id')
          and not exists (select 1 from pg_inherits i join pg_class p on p.oid = i.inhrelid where p.relname = c.table_name)`,
  );
  const ids = plainArray(deviceIds);
  await handle.db.transaction(async (tx) => {
    for (const t of tables.filter((x) => x.column_name === 'alarm_id')) {
      await tx.execute(
        sql`delete from ${sql.identifier(t.table_name)} where alarm_id in (select id from alarms where device_id = any(${ids}::uuid[]))`,
      );
    }
    for (const t of tables.filter((x) => x.column_name === 'device_id')) {
      await tx.execute(sql`delete from ${sql.identifier(t.table_name)} where device_id = any(${ids}::uuid[])`);
    }
    await tx.execute(sql`delete from devices where id = any(${ids}::uuid[])`);
    await tx.execute(sql`delete from enterprises where id = ${enterpriseId}`);
  });
}
