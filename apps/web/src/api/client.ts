import { apiErrorFrom, networkError } from './errors';

/** Where the API lives; the dev server proxies it, production serves it from the same origin. */
const API_BASE = '/api/v1';

type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  /** Do not treat a 401 as "session gone" (login itself answers 401 for a wrong password). */
  skipSessionHandling?: boolean;
}

export interface SessionHandlers {
  /** The session is missing or expired: show the login page, keeping the intended URL. */
  onUnauthenticated(): void;
  /** The account still has its initial password: show the forced change-password page. */
  onPasswordChangeRequired(): void;
  /** The CSRF token is stale (e.g. the session was renewed in another tab): reload the session. */
  onCsrfInvalid(): void;
}

let csrfToken: string | null = null;
let handlers: SessionHandlers | null = null;

/** Remembers the session's CSRF token (from the login answer or GET /me) for every mutating request. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function configureSessionHandlers(next: SessionHandlers): void {
  handlers = next;
}

function urlOf(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

async function parseJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * The one way the web app talks to the API: JSON in and out, the session cookie, the CSRF header on
 * mutations, and every failure turned into an `ApiError` with the server's Chinese message.
 */
export async function request<T>(
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  path: string,
  options: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const mutating = method !== 'GET';
  if (mutating) {
    headers['content-type'] = 'application/json';
    if (csrfToken) headers['x-csrf-token'] = csrfToken;
  }
  let response: Response;
  try {
    response = await fetch(urlOf(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      // Mutations always carry a JSON body (the server requires JSON on POST/PATCH/PUT/DELETE).
      body: mutating ? JSON.stringify(options.body ?? {}) : undefined,
      signal: options.signal ?? null,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw networkError();
  }
  const body = await parseJson(response);
  if (response.ok) return body as T;

  const error = apiErrorFrom(response.status, body);
  if (!options.skipSessionHandling && handlers) {
    if (error.code === 'UNAUTHENTICATED' || error.code === 'SESSION_EXPIRED') handlers.onUnauthenticated();
    else if (error.code === 'PASSWORD_CHANGE_REQUIRED') handlers.onPasswordChangeRequired();
    else if (error.code === 'CSRF_TOKEN_INVALID') handlers.onCsrfInvalid();
  }
  throw error;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body }),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, { body }),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, { body }),
  delete: <T>(path: string, body?: unknown) => request<T>('DELETE', path, { body }),
};
