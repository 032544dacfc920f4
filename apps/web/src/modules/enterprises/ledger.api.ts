import type { ImportReport, MeResponse } from '@zhiben/contracts';
import type { Query } from '../../api/client';
import { type ApiError, apiErrorFrom, networkError } from '../../api/errors';
import { queryClient } from '../../api/queryClient';
import { ME_QUERY_KEY } from '../../api/session';

/**
 * Excel ledger (台账) transfers. The shared API client speaks JSON only; uploads need multipart with upload
 * progress (XMLHttpRequest) and downloads a Blob, so both live here, with the same cookie, CSRF header and
 * `ApiError` handling as the client.
 */
const API_BASE = '/api/v1';

function urlOf(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

function csrfToken(): string | undefined {
  return queryClient.getQueryData<MeResponse | null>(ME_QUERY_KEY)?.csrfToken;
}

/** A lost session or a stale CSRF token: reload the session (the route guard then shows the login page if needed). */
function reactToSessionErrors(error: ApiError): void {
  if (['UNAUTHENTICATED', 'SESSION_EXPIRED', 'CSRF_TOKEN_INVALID', 'PASSWORD_CHANGE_REQUIRED'].includes(error.code)) {
    void queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY });
  }
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export type ImportStage = 'preview' | 'commit';

export interface UploadProgress {
  /** 0–100 of the bytes sent. */
  percent: number;
  /** All bytes are sent; the server is reading the workbook. */
  processing: boolean;
}

/** Sends the workbook to `/enterprises/import/{preview|commit}` as multipart field `file`. */
export function uploadLedger(
  stage: ImportStage,
  file: File,
  onProgress: (progress: UploadProgress) => void,
  signal?: AbortSignal,
): Promise<ImportReport> {
  return uploadXlsx<ImportReport>(`/enterprises/import/${stage}`, file, onProgress, signal);
}

/** POSTs a workbook to `path` (below /api/v1) as multipart field `file`, with upload progress; answers the JSON body. */
export function uploadXlsx<T>(path: string, file: File, onProgress: (progress: UploadProgress) => void, signal?: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', urlOf(path));
    xhr.setRequestHeader('accept', 'application/json');
    const token = csrfToken();
    if (token) xhr.setRequestHeader('x-csrf-token', token);
    xhr.upload.onprogress = (event) => {
      const percent = event.lengthComputable && event.total > 0 ? Math.round((event.loaded / event.total) * 100) : 0;
      onProgress({ percent, processing: percent >= 100 });
    };
    xhr.upload.onload = () => onProgress({ percent: 100, processing: true });
    xhr.onload = () => {
      const body = parseJson(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(body as T);
        return;
      }
      const error = apiErrorFrom(xhr.status, body);
      reactToSessionErrors(error);
      reject(error);
    };
    xhr.onerror = () => reject(networkError());
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    const form = new FormData();
    form.append('file', file, file.name);
    onProgress({ percent: 0, processing: false });
    xhr.send(form);
  });
}

/** The file name of a Content-Disposition header: RFC 5987 `filename*` first, then plain `filename`. */
export function fileNameFromDisposition(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(header);
  return plain?.[1]?.trim() || fallback;
}

/** Downloads `path` (GET, session cookie) and hands it to the browser as a file named by the server. */
export async function downloadFile(path: string, query: Query | undefined, fallbackName: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(urlOf(path, query), { credentials: 'same-origin' });
  } catch {
    throw networkError();
  }
  if (!response.ok) {
    const error = apiErrorFrom(response.status, parseJson(await response.text()));
    reactToSessionErrors(error);
    throw error;
  }
  const blob = await response.blob();
  const name = fileNameFromDisposition(response.headers.get('content-disposition'), fallbackName);
  saveBlob(blob, name);
  return name;
}

export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = name;
  anchor.style.display = 'none';
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  // The browser has taken the blob once the click is handled; free it a little later.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
