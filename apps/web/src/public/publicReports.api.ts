import type { ReceiptStatusDto } from '@zhiben/contracts';
import { request } from '../api/client';
import { apiErrorFrom, networkError } from '../api/errors';

export interface ReportFields {
  description: string;
  location?: string | undefined;
  phone?: string | undefined;
}

export interface SubmitOptions {
  /** The session's CSRF token when a signed-in user chooses to report under his name; omitted = anonymous. */
  csrfToken?: string | undefined;
  onProgress: (percent: number) => void;
  signal?: AbortSignal;
}

/**
 * POST /api/v1/public/reports/:token as multipart/form-data (text fields, then up to 3 `file` photos) with upload
 * progress, which the JSON client cannot do. Failures become the same ApiError (the server's Chinese message:
 * rate limit, oversize, not an image, expired QR code) the client throws elsewhere.
 */
export function submitReport(token: string, fields: ReportFields, photos: readonly File[], options: SubmitOptions) {
  return new Promise<{ receiptCode: string }>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1/public/reports/${encodeURIComponent(token)}`);
    xhr.setRequestHeader('accept', 'application/json');
    // Without the token the server ignores any session cookie: the report is anonymous.
    if (options.csrfToken) xhr.setRequestHeader('x-csrf-token', options.csrfToken);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) options.onProgress(Math.min(99, Math.round((event.loaded / event.total) * 100)));
    };
    xhr.onload = () => {
      let body: unknown;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300 && typeof (body as { receiptCode?: unknown })?.receiptCode === 'string') {
        options.onProgress(100);
        resolve(body as { receiptCode: string });
        return;
      }
      reject(apiErrorFrom(xhr.status, body));
    };
    xhr.onerror = () => reject(networkError());
    xhr.onabort = () => reject(new DOMException('提交已取消', 'AbortError'));
    options.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    const form = new FormData();
    form.append('description', fields.description);
    if (fields.location) form.append('location', fields.location);
    if (fields.phone) form.append('phone', fields.phone);
    for (const photo of photos) form.append('file', photo, photo.name || 'photo.jpg');
    xhr.send(form);
  });
}

/** The reporter's view of a report through its receipt code (no login). */
export function fetchReceipt(code: string, signal?: AbortSignal) {
  return request<ReceiptStatusDto>('GET', `/public/reports/receipt/${encodeURIComponent(code)}`, {
    signal,
    skipSessionHandling: true,
  });
}

/** A receipt code as typed (any case, spaces, with or without the dash) in the shape XXXXX-XXXXX, or null. */
export function tidyReceiptCode(input: string): string | null {
  const raw = input.toUpperCase().replace(/[\s-]/g, '');
  if (!/^[0-9A-Z]{10}$/.test(raw)) return null;
  return `${raw.slice(0, 5)}-${raw.slice(5)}`;
}
