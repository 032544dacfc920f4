import { ERROR_CODES, type ErrorCode, type FieldIssue } from '@zhiben/contracts';

/** Codes the client adds for failures that never reached the API's error handler. */
export type ClientErrorCode = 'NETWORK_ERROR' | 'UNEXPECTED_RESPONSE';

const CLIENT_MESSAGES: Record<ClientErrorCode, string> = {
  NETWORK_ERROR: '网络连接失败，请检查网络后重试',
  UNEXPECTED_RESPONSE: '服务器返回了无法识别的结果，请稍后重试',
};

/** An API failure: the server's `{ code, message, details, requestId }`, or a client-side stand-in. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: ErrorCode | ClientErrorCode,
    message: string,
    readonly details?: unknown,
    readonly requestId?: string,
  ) {
    super(message);
  }

  /** Field problems of a VALIDATION_FAILED answer (empty for other codes). */
  get fieldIssues(): FieldIssue[] {
    if (this.code !== 'VALIDATION_FAILED') return [];
    const issues = (this.details as { issues?: unknown } | undefined)?.issues;
    return Array.isArray(issues) ? (issues as FieldIssue[]) : [];
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

function isKnownCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.hasOwn(ERROR_CODES, code);
}

/** Builds the ApiError for a non-2xx response body (already parsed, or undefined when it was not JSON). */
export function apiErrorFrom(status: number, body: unknown): ApiError {
  const b = (body ?? {}) as { code?: unknown; message?: unknown; details?: unknown; requestId?: unknown };
  const requestId = typeof b.requestId === 'string' ? b.requestId : undefined;
  if (isKnownCode(b.code)) {
    const message = typeof b.message === 'string' && b.message ? b.message : ERROR_CODES[b.code].message;
    return new ApiError(status, b.code, message, b.details, requestId);
  }
  // No error body we know (a proxy page, a crash): fall back on the status.
  const byStatus: Record<number, ErrorCode> = {
    400: 'BAD_REQUEST',
    401: 'UNAUTHENTICATED',
    403: 'FORBIDDEN',
    404: 'ROUTE_NOT_FOUND',
    409: 'CONFLICT',
    429: 'RATE_LIMITED',
    503: 'SERVICE_UNAVAILABLE',
  };
  const code = byStatus[status] ?? (status >= 500 ? 'INTERNAL' : 'UNEXPECTED_RESPONSE');
  const message = code === 'UNEXPECTED_RESPONSE' ? CLIENT_MESSAGES[code] : ERROR_CODES[code].message;
  return new ApiError(status, code, message, undefined, requestId);
}

export function networkError(): ApiError {
  return new ApiError(0, 'NETWORK_ERROR', CLIENT_MESSAGES.NETWORK_ERROR);
}

/** The text to show a user for any thrown value; server faults carry the request id for support staff. */
export function errorMessage(error: unknown): string {
  if (isApiError(error)) {
    return error.status >= 500 && error.requestId ? `${error.message}（请求编号 ${error.requestId}）` : error.message;
  }
  return '操作失败，请稍后重试';
}

/** Whether the error means the route is not deployed yet (used by pages depending on modules still being built). */
export function isRouteMissing(error: unknown): boolean {
  return isApiError(error) && error.code === 'ROUTE_NOT_FOUND';
}
