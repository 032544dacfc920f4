import { ERROR_CODES, type ErrorBody, type ErrorCode, type FieldIssue } from '@zhiben/contracts';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

/** The only error services throw on purpose; the handler turns it into `{ code, message, details }`. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly details?: unknown,
  ) {
    super(message ?? ERROR_CODES[code].message);
    this.name = 'AppError';
    this.status = ERROR_CODES[code].status;
  }
}

export const notFound = () => new AppError('NOT_FOUND');
export const forbidden = () => new AppError('FORBIDDEN');

/** Fastify's own error codes mapped to ours. */
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'BAD_REQUEST',
  FST_REQ_FILE_TOO_LARGE: 'BODY_TOO_LARGE',
  FST_FILES_LIMIT: 'BODY_TOO_LARGE',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
};

/** PostgreSQL SQLSTATE codes mapped to ours (never by message text). */
const SQLSTATE_CODES: Record<string, ErrorCode> = {
  '23505': 'CONFLICT',
  '23503': 'VALIDATION_FAILED',
  '22P02': 'VALIDATION_FAILED',
  '40001': 'CONFLICT',
};

function sqlState(err: unknown): string | undefined {
  // Drizzle wraps driver errors in DrizzleQueryError with the driver's error as `cause`.
  for (let e: unknown = err, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

function send(reply: FastifyReply, request: FastifyRequest, code: ErrorCode, message?: string, details?: unknown) {
  const body: ErrorBody = { code, message: message ?? ERROR_CODES[code].message, requestId: request.id };
  if (details !== undefined) body.details = details;
  return reply.status(ERROR_CODES[code].status).send(body);
}

/** `spa`: unknown non-API GETs answer the web app's index.html so deep links work; API misses stay JSON 404s. */
export function registerErrorHandling(app: FastifyInstance, options: { spa?: boolean } = {}) {
  app.setErrorHandler((error: FastifyError | AppError | Error, request, reply) => {
    if (error instanceof AppError) return send(reply, request, error.code, error.message, error.details);

    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues: FieldIssue[] = error.validation.map((v) => ({
        path: [
          ...(error.validationContext ? [error.validationContext] : []),
          ...String(v.instancePath ?? '')
            .split('/')
            .filter(Boolean),
        ],
        message: v.message ?? '格式不正确',
      }));
      return send(reply, request, 'VALIDATION_FAILED', undefined, { issues });
    }

    const fastifyCode = (error as FastifyError).code;
    if (fastifyCode && FASTIFY_CODES[fastifyCode]) return send(reply, request, FASTIFY_CODES[fastifyCode]);
    if ((error as FastifyError).statusCode === 429) return send(reply, request, 'RATE_LIMITED');

    const state = sqlState(error);
    if (state && SQLSTATE_CODES[state]) {
      request.log.warn({ sqlState: state }, 'database constraint rejected a change');
      return send(reply, request, SQLSTATE_CODES[state]);
    }

    const status = (error as FastifyError).statusCode;
    if (status && status >= 400 && status < 500) {
      request.log.warn({ err: error }, 'client error');
      return send(reply, request, 'BAD_REQUEST');
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(reply, request, 'INTERNAL');
  });

  app.setNotFoundHandler((request, reply) => {
    if (options.spa && request.method === 'GET' && !request.url.startsWith('/api/')) return reply.sendFile('index.html');
    return send(reply, request, 'ROUTE_NOT_FOUND');
  });
}
