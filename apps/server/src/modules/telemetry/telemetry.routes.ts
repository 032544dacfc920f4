import { ingestResult, ingestStatsQuery, ingestStatsResponse, telemetryPayload } from '@zhiben/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { IngestBusyError, WriterClosedError } from './batch-writer.js';
import type { AuthOutcome } from './device-registry.js';
import { readEnvelope } from './telemetry.payload.js';
import { ingestStats } from './telemetry.stats.js';

/** `Authorization: Bearer {creditCode}/{deviceCode}:{secret}` → the MQTT user name and password, or null. */
export function parseDeviceToken(header: string | undefined): { username: string; secret: string } | null {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  const token = match?.[1];
  if (!token) return null;
  const colon = token.indexOf(':');
  if (colon <= 0 || colon === token.length - 1) return null;
  return { username: token.slice(0, colon), secret: token.slice(colon + 1) };
}

/** Per device (or per address without a token): generous for a device reporting every few seconds, a wall for a loop. */
const TELEMETRY_RATE_LIMIT = {
  max: 600,
  timeWindow: '1 minute',
  keyGenerator: (request: FastifyRequest) => parseDeviceToken(request.headers.authorization)?.username ?? request.ip,
};

const pipelineStats = z.object({
  batches: z.number(),
  failedBatches: z.number(),
  rows: z.number(),
  inserted: z.number(),
  lastBatchRows: z.number(),
  lastBatchMs: z.number(),
  maxBatchMs: z.number(),
  queuedMessages: z.number(),
  queuedRows: z.number(),
  outcomes: z.record(z.string(), z.number()),
});

export async function telemetryRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['telemetry'];

  r.route({
    method: 'POST',
    url: '/api/v1/telemetry',
    // Device-authenticated (bearer token), not a user session: no cookie, no CSRF. It writes machine data, counted in
    // ingest_counters, and no audit row (`readOnly` tells the audit suite so; auditing every reading would serialise
    // ingestion on the audit chain's lock).
    config: { public: true, csrfExempt: true, readOnly: true, rateLimit: TELEMETRY_RATE_LIMIT },
    attachValidation: true,
    schema: {
      tags,
      summary: '设备上报监测数据（Authorization: Bearer {统一社会信用代码}/{设备编号}:{设备密钥}；写入数据库后才返回 200）',
      body: telemetryPayload,
      response: { 200: ingestResult },
    },
    handler: async (request) => {
      const ingestion = request.server.ingestion;
      const token = parseDeviceToken(request.headers.authorization);
      const auth: AuthOutcome | null = token ? await ingestion.registry.authenticate(token.username, token.secret) : null;
      // A malformed body is a 400 whoever sends it (as on every route, validation comes first); it is counted against
      // the device when the device is known.
      if (request.validationError) {
        // The schema is a union (one message or an array), whose own error only says that neither form matched; the
        // envelope check names the field and what is wrong with it.
        const envelope = readEnvelope(request.body);
        const detail = envelope.ok ? request.validationError.message : envelope.detail;
        if (auth?.ok) {
          const who = { enterpriseId: auth.device.enterpriseId, deviceId: auth.device.id };
          await ingestion.record('bad_payload', who, detail.slice(0, 200)).catch(() => {});
        }
        if (envelope.ok) throw request.validationError;
        throw new AppError('VALIDATION_FAILED', undefined, {
          issues: [{ path: ['body', ...envelope.path], message: envelope.message }],
        });
      }
      if (!auth?.ok) {
        if (auth) {
          await ingestion
            .record(auth.reason, { enterpriseId: auth.enterpriseId, deviceId: auth.deviceId }, `HTTP as ${token?.username ?? ''}`)
            .catch(() => {});
        }
        throw new AppError('DEVICE_AUTH_FAILED');
      }
      try {
        return await ingestion.submit(auth.device, request.body);
      } catch (err) {
        if (err instanceof IngestBusyError || err instanceof WriterClosedError) throw new AppError('INGEST_BUSY');
        throw err;
      }
    },
  });

  r.route({
    method: 'GET',
    url: '/api/v1/telemetry/stats',
    config: { permission: 'monitoring.read' },
    schema: {
      tags,
      summary: '数据接收统计：按日、企业、设备统计已接收、重复和各类拒收原因',
      querystring: ingestStatsQuery,
      response: { 200: ingestStatsResponse },
    },
    handler: (request) => ingestStats(contextOf(request), request.query),
  });

  r.route({
    method: 'GET',
    url: '/api/v1/telemetry/pipeline',
    config: { permission: 'monitoring.read' },
    schema: {
      tags,
      summary: '本实例数据接收管道状态（批次、队列、耗时；仅区局）',
      response: { 200: pipelineStats },
    },
    handler: (request) => {
      if (contextOf(request).principal.scope.kind !== 'all') throw new AppError('FORBIDDEN');
      return request.server.ingestion.stats();
    },
  });
}
