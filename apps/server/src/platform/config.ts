import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { isValidCron } from './scheduler.js';

const boolFlag = z.enum(['0', '1', 'true', 'false'], { error: '只能是 0 或 1' }).transform((v) => v === '1' || v === 'true');

const port = (fallback: number) =>
  z.coerce
    .number({ error: '必须是端口号' })
    .int({ error: '必须是整数' })
    .min(0, { error: '端口号范围 0–65535' })
    .max(65535, { error: '端口号范围 0–65535' })
    .default(fallback);

/** Every setting comes from the environment; this schema is the single place they are read and checked. */
const envSchema = z.object({
  PORT: port(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { error: '必须以 postgres:// 或 postgresql:// 开头' })
    .optional(),
  MQTT_URL: z
    .string()
    .regex(/^mqtts?:\/\/|^wss?:\/\//, { error: '必须以 mqtt://、mqtts://、ws:// 或 wss:// 开头' })
    .optional(),
  MQTT_PORT: port(1883),
  ZHIBEN_DEMO: boolFlag.default(false),
  ZHIBEN_ADMIN_PASSWORD: z.string().min(1).optional(),
  SESSION_SECRET: z.string().min(32, { error: '至少 32 个字符' }).optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).default(12),
  LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(30),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ZHIBEN_ROLES: z
    .string()
    .default('web,ingest,jobs')
    .transform((s) => s.split(',').map((r) => r.trim()))
    .pipe(z.array(z.enum(['web', 'ingest', 'jobs'], { error: '只能是 web、ingest、jobs' }))),
  ESCALATION_CRON: z.string().refine(isValidCron, { error: '不是有效的 cron 表达式' }).default('*/5 * * * *'),
  OUTBOX_CRON: z.string().refine(isValidCron, { error: '不是有效的 cron 表达式' }).default('*/30 * * * * *'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, { error: '必须以 smtp:// 或 smtps:// 开头' })
    .optional(),
  SMTP_FROM: z.string().min(3).optional(),
  PUBLIC_URL: z.url({ protocol: /^https?$/, error: '必须是 http:// 或 https:// 网址' }).optional(),
  // Telemetry (issue #6): raw readings kept this many days (whole daily partitions dropped), rollups longer.
  RAW_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  ROLLUP_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(400),
  INGEST_BATCH_SIZE: z.coerce.number().int().min(1).max(20_000).default(2000),
  INGEST_BATCH_WAIT_MS: z.coerce.number().int().min(0).max(10_000).default(20),
  /** Batches written at once; unset = 2 on PostgreSQL, 1 on PGlite (one connection). */
  INGEST_BATCH_CONCURRENCY: z.coerce.number().int().min(1).max(8).optional(),
  MQTT_SHARE_GROUP: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, { error: '只能包含字母、数字、下划线和短横线' })
    .default('zhiben'),
  MQTT_CLIENT_ID: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,64}$/, { error: '只能包含字母、数字、下划线、点和短横线' })
    .optional(),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  mqttUrl: string | undefined;
  mqttPort: number;
  demo: boolean;
  adminPassword: string | undefined;
  sessionSecret: string;
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  loginRateLimit: number;
  logLevel: string;
  roles: ('web' | 'ingest' | 'jobs')[];
  /** Reminder sweeps (escalation, quarterly rounds) and outbox delivery schedules (croner, Asia/Shanghai). */
  escalationCron: string;
  outboxCron: string;
  /** E-mail channel; unset = e-mail messages fail with a clear error. */
  smtpUrl: string | undefined;
  smtpFrom: string | undefined;
  /** Absolute address of the web app, for links in robot and e-mail messages. */
  publicUrl: string | undefined;
  /** Directory of the built web app, served at /. */
  webDist: string | undefined;
  /** Telemetry: raw and rollup retention (days), batch size and wait. */
  rawRetentionDays: number;
  rollupRetentionDays: number;
  ingestBatchSize: number;
  ingestBatchWaitMs: number;
  ingestBatchConcurrency: number | undefined;
  /** External broker (MQTT_URL): shared-subscription group and this instance's fixed client id. */
  mqttShareGroup: string;
  mqttClientId: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`配置错误 / invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the environment. Throws ConfigError naming every bad variable at once. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const dataDir = resolve(e.DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    mqttUrl: e.MQTT_URL,
    mqttPort: e.MQTT_PORT,
    demo: e.ZHIBEN_DEMO,
    adminPassword: e.ZHIBEN_ADMIN_PASSWORD,
    sessionSecret: e.SESSION_SECRET ?? loadOrCreateSecret(dataDir),
    sessionIdleMs: e.SESSION_IDLE_MINUTES * 60_000,
    sessionAbsoluteMs: e.SESSION_ABSOLUTE_HOURS * 3_600_000,
    loginRateLimit: e.LOGIN_RATE_LIMIT,
    logLevel: e.LOG_LEVEL,
    roles: e.ZHIBEN_ROLES,
    escalationCron: e.ESCALATION_CRON,
    outboxCron: e.OUTBOX_CRON,
    smtpUrl: e.SMTP_URL,
    smtpFrom: e.SMTP_FROM,
    publicUrl: e.PUBLIC_URL,
    webDist: undefined,
    rawRetentionDays: e.RAW_RETENTION_DAYS,
    rollupRetentionDays: e.ROLLUP_RETENTION_DAYS,
    ingestBatchSize: e.INGEST_BATCH_SIZE,
    ingestBatchWaitMs: e.INGEST_BATCH_WAIT_MS,
    ingestBatchConcurrency: e.INGEST_BATCH_CONCURRENCY,
    mqttShareGroup: e.MQTT_SHARE_GROUP,
    mqttClientId:
      e.MQTT_CLIENT_ID ??
      `zhiben-ingest-${hostname()
        .replace(/[^A-Za-z0-9_.-]/g, '-')
        .slice(0, 40)}`,
  };
}

/** SESSION_SECRET absent: generate one once and keep it under DATA_DIR so sessions survive restarts. */
function loadOrCreateSecret(dataDir: string): string {
  const file = join(dataDir, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
