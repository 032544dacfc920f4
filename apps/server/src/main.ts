import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase, runMigrations } from '@zhiben/db';
import { startDemoSimulation } from '../../../tools/simulator/demo.js';
import { buildApp } from './app.js';
import { startAlarmJobs } from './modules/alarms/index.js';
import { startEnforcementJobs } from './modules/enforcement/index.js';
import { startNotificationJobs } from './modules/notifications/index.js';
import {
  defaultBatchConcurrency,
  type ExternalSubscriber,
  maintainPartitions,
  serveEmbeddedBroker,
  startExternalSubscriber,
  startTelemetryJobs,
} from './modules/telemetry/index.js';
import { systemClock } from './platform/clock.js';
import { ConfigError, loadConfig } from './platform/config.js';
import { type EmbeddedBroker, startEmbeddedBroker } from './platform/mqtt-broker.js';
import { assertPortFree } from './platform/ports.js';
import { DEMO_PASSWORD } from './seed/accounts.js';
import { seedDatabase } from './seed/seed.js';

const here = fileURLToPath(new URL('.', import.meta.url));

async function main() {
  const config = loadConfig();
  const started = Date.now();
  // Fail on a taken port before spending seconds on the database.
  await assertPortFree(
    config.port,
    config.host,
    'Web 服务 (HTTP server)',
    `改用其他端口，例如 PORT=3001 (use another port, e.g. PORT=3001)`,
  );
  const broker: EmbeddedBroker | undefined = config.mqttUrl ? undefined : await startEmbeddedBroker(config.mqttPort, config.host);

  const handle = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: join(config.dataDir, 'pg') });
  const { applied } = await runMigrations(handle);
  const seed = await seedDatabase(handle.db, { demo: config.demo, adminPassword: config.adminPassword, clock: systemClock });

  const app = await buildApp({
    db: handle.db,
    sessionSecret: config.sessionSecret,
    sessionPolicy: { idleMs: config.sessionIdleMs, absoluteMs: config.sessionAbsoluteMs },
    demo: config.demo,
    logLevel: config.logLevel,
    loginRateLimit: config.loginRateLimit,
    webDist: resolve(here, '../../web/dist'),
    filesDir: join(config.dataDir, 'files'),
    ingestion: {
      batchSize: config.ingestBatchSize,
      batchWaitMs: config.ingestBatchWaitMs,
      batchConcurrency: config.ingestBatchConcurrency ?? defaultBatchConcurrency(handle.driver),
      rawRetentionDays: config.rawRetentionDays,
      rollupRetentionDays: config.rollupRetentionDays,
    },
  });
  // Telemetry partitions for today and the next days exist before the first reading arrives; retention applied.
  const retention = { rawRetentionDays: config.rawRetentionDays, rollupRetentionDays: config.rollupRetentionDays };
  await maintainPartitions(handle.db, systemClock(), retention);
  // The MQTT sources of a process with the `ingest` role: the embedded broker's devices, or the external broker.
  const ingest = config.roles.includes('ingest');
  const stopEmbedded = broker && ingest ? serveEmbeddedBroker(broker, app.ingestion) : undefined;
  const external: ExternalSubscriber | undefined =
    config.mqttUrl && ingest
      ? startExternalSubscriber(app.ingestion, {
          url: config.mqttUrl,
          clientId: config.mqttClientId,
          group: config.mqttShareGroup,
          log: app.log,
        })
      : undefined;
  await app.listen({ port: config.port, host: config.host });
  // Demo mode: simulated dust-collector telemetry keeps the monitoring screens alive (ZHIBEN_SIMULATE=0 turns it off).
  const simulation = config.demo
    ? startDemoSimulation({
        env: process.env,
        host: config.host,
        mqttPort: stopEmbedded ? broker?.port : undefined,
        httpAddress: app.server.address(),
        log: app.log,
      })
    : null;
  // Scheduled jobs (reminder sweeps, outbox delivery) only in a process with the `jobs` role.
  const jobs = config.roles.includes('jobs')
    ? startNotificationJobs({
        db: handle.db,
        clock: systemClock,
        escalationCron: config.escalationCron,
        deliveryCron: config.outboxCron,
        smtpUrl: config.smtpUrl,
        smtpFrom: config.smtpFrom,
        publicUrl: config.publicUrl,
        log: app.log,
      })
    : undefined;
  const telemetryJobs = config.roles.includes('jobs')
    ? startTelemetryJobs({ db: handle.db, clock: systemClock, retention, log: app.log })
    : undefined;
  // Offline sweep, alarm escalation and alarm → hazard (issue #6).
  const alarmJobs = config.roles.includes('jobs')
    ? startAlarmJobs({ db: handle.db, clock: systemClock, runner: app.alarmEngine.runner, log: app.log })
    : undefined;
  // Nightly 分级分类 recomputation and the missed-deadline sweep of rectification orders (issue #7).
  const enforcementJobs = config.roles.includes('jobs')
    ? startEnforcementJobs({ db: handle.db, clock: systemClock, log: app.log })
    : undefined;

  const url = `http://localhost:${config.port}`;
  const lines = [
    '',
    `  治本 Zhiben 已启动 / started in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    `  地址 URL:      ${url}`,
    `  API 文档 docs: ${url}/api/docs`,
    `  数据库 DB:     ${handle.description}${applied ? ` (applied ${applied} migration(s))` : ''}`,
    `  MQTT:          ${config.mqttUrl ?? `embedded broker on port ${broker?.port}`}`,
  ];
  if (config.demo) {
    lines.push(`  演示模式 Demo mode — accounts (password ${DEMO_PASSWORD}):`);
    lines.push('    admin 管理员 · officer 业务人员 · leader 领导 · township 韩店街道 · expert 专家');
    lines.push('    principal 企业负责人 · safety 安全管理人员 · staff 员工');
    if (simulation) lines.push(`  模拟数据 Simulator: ${simulation.description}`);
  }
  if (seed.generatedAdminPassword) {
    lines.push(`  初始管理员 admin 密码（仅显示一次）/ initial admin password (shown once): ${seed.generatedAdminPassword}`);
  }
  console.log(lines.join('\n'));

  // Stop taking telemetry first, then let app.close() write what is queued, then close the database.
  const shutdown = async () => {
    await simulation?.stop();
    await jobs?.stop();
    await telemetryJobs?.stop();
    await alarmJobs?.stop();
    await enforcementJobs?.stop();
    stopEmbedded?.();
    await broker?.close();
    await external?.close();
    await app.close();
    await handle.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || (err instanceof Error && ['PortInUseError', 'SchemaTooNewError'].includes(err.name))) {
    console.error(`\n启动失败 / cannot start: ${(err as Error).message}\n`);
  } else {
    console.error('启动失败 / cannot start:', err);
  }
  process.exit(1);
});
