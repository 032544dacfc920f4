import { existsSync } from 'node:fs';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { Db } from '@zhiben/db';
import Fastify, { type FastifyInstance, type RouteOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { registerModules } from './modules/index.js';
import { DEFAULT_INGESTION_OPTIONS, Ingestion, type IngestionOptions } from './modules/telemetry/index.js';
import authHook from './platform/auth-hook.js';
import { type Clock, systemClock } from './platform/clock.js';
import { registerErrorHandling } from './platform/errors.js';
import type { SessionPolicy } from './platform/sessions.js';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    clock: Clock;
    sessionPolicy: SessionPolicy;
    demo: boolean;
    /** Every route as registered, with its config: the tenant-isolation and audit suites iterate it. */
    routeTable: RouteEntry[];
  }
}

export interface RouteEntry {
  method: string;
  url: string;
  config: RouteOptions['config'] & Record<string, unknown>;
}

export interface AppOptions {
  db: Db;
  sessionSecret: string;
  clock?: Clock;
  sessionPolicy?: SessionPolicy;
  demo?: boolean;
  logLevel?: string;
  loginRateLimit?: number;
  /** Built web app directory; served with SPA fallback when present. */
  webDist?: string | undefined;
  /** JSON body limit in bytes. */
  bodyLimit?: number;
  /** Where uploaded photos are stored (by content hash). */
  filesDir: string;
  /** Telemetry batching and retention (defaults: DEFAULT_INGESTION_OPTIONS). */
  ingestion?: Partial<IngestionOptions>;
}

export type App = FastifyInstance;

export async function buildApp(options: AppOptions): Promise<App> {
  const app = Fastify({
    logger: options.logLevel === 'silent' || !options.logLevel ? false : { level: options.logLevel },
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    trustProxy: false,
    genReqId: () => crypto.randomUUID(),
    ajv: { customOptions: { removeAdditional: false } },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.decorate('db', options.db);
  app.decorate('clock', options.clock ?? systemClock);
  app.decorate('sessionPolicy', options.sessionPolicy ?? { idleMs: 30 * 60_000, absoluteMs: 12 * 3_600_000 });
  app.decorate('demo', options.demo ?? false);
  // One telemetry pipeline per app: the HTTP route, the MQTT sources (wired in main.ts) and the device routes share it.
  app.decorate(
    'ingestion',
    new Ingestion(options.db, options.clock ?? systemClock, { ...DEFAULT_INGESTION_OPTIONS, ...options.ingestion, log: app.log }),
  );
  app.addHook('onClose', () => app.ingestion.close());
  const routeTable: RouteEntry[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD' || !route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) continue;
      routeTable.push({ method, url: route.url, config: (route.config ?? {}) as RouteEntry['config'] });
    }
  });

  // The request id ties a response to its log lines and audit row; support staff ask users for it.
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  const spa = Boolean(options.webDist && existsSync(options.webDist));
  registerErrorHandling(app, { spa });
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
      },
    },
  });
  await app.register(cookie, { secret: options.sessionSecret });
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: 20 * 1024 * 1024, files: 10 } });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Zhiben 治本 API', version: '1.0.0', description: '工贸行业安全生产治本攻坚监管平台' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'zb_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  await app.register(authHook);

  await registerModules(app, { loginRateLimit: options.loginRateLimit ?? 30, filesDir: options.filesDir });

  if (spa && options.webDist) await app.register(fastifyStatic, { root: options.webDist, wildcard: false });

  await app.ready();
  return app;
}
