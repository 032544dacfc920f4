import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase, runMigrations } from '@zhiben/db';
import { buildApp } from './app.js';
import { startNotificationJobs } from './modules/notifications/index.js';
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
  });
  await app.listen({ port: config.port, host: config.host });
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
  }
  if (seed.generatedAdminPassword) {
    lines.push(`  初始管理员 admin 密码（仅显示一次）/ initial admin password (shown once): ${seed.generatedAdminPassword}`);
  }
  console.log(lines.join('\n'));

  const shutdown = async () => {
    await jobs?.stop();
    await app.close();
    await broker?.close();
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
