import type { MeResponse } from '@zhiben/contracts';
import { apiErrorFrom, networkError } from '../../api/errors';
import { queryClient } from '../../api/queryClient';
import { ME_QUERY_KEY } from '../../api/session';

export interface UploadedFile {
  hash: string;
  mime: string;
  size: number;
  url: string;
}

export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
const ACCEPTED = ['image/jpeg', 'image/png', 'image/webp'];

/** Photos are stored by content hash; the URL works in <img src> (cookie session). */
export function photoUrl(hash: string): string {
  return `/api/v1/files/${hash}`;
}

/** A check before uploading: the same rules the server applies (it sniffs the bytes, so an empty type is let through). */
export function photoProblem(file: File): string | null {
  if (file.type && !ACCEPTED.includes(file.type)) return '只能上传 JPEG、PNG 或 WebP 格式的照片';
  if (file.size > MAX_PHOTO_BYTES) return '照片不能超过 10 MB';
  if (file.size === 0) return '照片文件为空，请重新拍摄';
  return null;
}

/**
 * POST /api/v1/files as multipart (field `file`) with upload progress. The JSON client cannot send multipart or
 * report progress, so this uses XMLHttpRequest with the same cookie and CSRF header; failures become the same
 * ApiError (Chinese message) the client throws.
 */
export function uploadPhoto(file: File, onProgress: (percent: number) => void, signal?: AbortSignal): Promise<UploadedFile> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/v1/files');
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    const token = queryClient.getQueryData<MeResponse | null>(ME_QUERY_KEY)?.csrfToken;
    if (token) xhr.setRequestHeader('x-csrf-token', token);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(Math.min(99, Math.round((event.loaded / event.total) * 100)));
    };
    xhr.onload = () => {
      let body: unknown;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300 && body && typeof (body as UploadedFile).hash === 'string') {
        onProgress(100);
        resolve(body as UploadedFile);
        return;
      }
      const error = apiErrorFrom(xhr.status, body);
      // A stale token (session renewed elsewhere): reload it so that 重试 works.
      if (error.code === 'CSRF_TOKEN_INVALID') void queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY });
      reject(error);
    };
    xhr.onerror = () => reject(networkError());
    xhr.onabort = () => reject(new DOMException('上传已取消', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    const form = new FormData();
    form.append('file', file, file.name || 'photo.jpg');
    xhr.send(form);
  });
}
