import type { FastifyRequest } from 'fastify';
import { AppError } from './errors.js';

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/**
 * Reads the single uploaded file of a multipart request and checks it really is an .xlsx (a ZIP container),
 * whatever its name or declared type says.
 */
export async function readXlsxUpload(request: FastifyRequest, maxBytes = 10 * 1024 * 1024): Promise<Buffer> {
  if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', '请以 multipart/form-data 方式上传 .xlsx 文件');
  const file = await request.file({ limits: { fileSize: maxBytes, files: 1 } });
  if (!file) throw new AppError('VALIDATION_FAILED', '请选择要上传的文件', { issues: [{ path: ['file'], message: '请选择要上传的文件' }] });
  const buffer = await file.toBuffer();
  if (file.file.truncated) throw new AppError('BODY_TOO_LARGE', `文件超过 ${Math.round(maxBytes / 1024 / 1024)} MB`);
  if (!buffer.subarray(0, 4).equals(ZIP_MAGIC)) {
    const message = '文件不是 Excel 2007 及以上格式（.xlsx）；如为 .xls，请在 Excel 中“另存为 .xlsx”后再上传';
    throw new AppError('VALIDATION_FAILED', message, { issues: [{ path: ['file'], message }] });
  }
  return buffer;
}

/** Content-Disposition for a Chinese file name (RFC 6266 / 5987), with an ASCII fallback. */
export function attachment(fileName: string, asciiFallback: string): string {
  return `attachment; filename="${asciiFallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
