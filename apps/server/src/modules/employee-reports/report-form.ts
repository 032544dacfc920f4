import { type FieldIssue, REPORT_LIMITS, type SubmitReportBody, submitReportBody } from '@zhiben/contracts';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import { sniffImage } from '../files/files.service.js';

export interface ReportPhoto {
  buffer: Buffer;
  mime: string;
  name: string | null;
}

export interface ReportForm {
  body: SubmitReportBody;
  photos: ReportPhoto[];
}

const MB = 1024 * 1024;
const PHOTO_MB = REPORT_LIMITS.maxPhotoBytes / MB;
const TEXT_FIELDS = new Set(['description', 'location', 'phone']);
/** Anything larger cannot be a valid form (3 photos at the limit plus the text fields): refused before reading. */
const MAX_MULTIPART_BYTES = REPORT_LIMITS.maxPhotos * REPORT_LIMITS.maxPhotoBytes + 256 * 1024;
const FIELD_BYTES = 16 * 1024;

const fieldIssue = (field: string, message: string): FieldIssue => ({ path: ['body', field], message });

function invalid(issues: FieldIssue[], code: 'VALIDATION_FAILED' | 'BODY_TOO_LARGE' = 'VALIDATION_FAILED'): AppError {
  return new AppError(code, issues.map((i) => i.message).join('；'), { issues });
}

function checkFields(input: unknown, earlier: FieldIssue[] = [], code: 'VALIDATION_FAILED' | 'BODY_TOO_LARGE' = 'VALIDATION_FAILED') {
  const parsed = submitReportBody.safeParse(input ?? {});
  const issues = [
    ...earlier,
    ...(parsed.success ? [] : parsed.error.issues.map((i: z.core.$ZodIssue) => fieldIssue(String(i.path[0] ?? 'body'), i.message))),
  ];
  if (!parsed.success || issues.length > 0) throw invalid(issues, code);
  return parsed.data;
}

/**
 * The report form of the public page: JSON `{description, location?, phone?}`, or multipart/form-data with the
 * same text fields and up to 3 photos in `file` fields. Every photo is checked by its first bytes (JPEG, PNG or
 * WebP — never the file name or declared type) and its size; all problems are reported at once, by file name.
 */
export async function readReportForm(request: FastifyRequest): Promise<ReportForm> {
  if (!request.isMultipart()) return { body: checkFields(request.body), photos: [] };

  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > MAX_MULTIPART_BYTES) {
    throw invalid(
      [fieldIssue('file', `上传内容过大：最多 ${REPORT_LIMITS.maxPhotos} 张照片，每张不超过 ${PHOTO_MB} MB`)],
      'BODY_TOO_LARGE',
    );
  }

  const fields: Record<string, string> = {};
  const photos: ReportPhoto[] = [];
  const issues: FieldIssue[] = [];
  let tooLarge = false;
  let fileIndex = 0;
  try {
    // An oversized photo is read up to the limit and reported with the other problems, not thrown at once
    // (`throwFileSizeLimit` is read by @fastify/multipart at run time; its typings omit it on `parts`).
    const options = {
      throwFileSizeLimit: false,
      limits: { fileSize: REPORT_LIMITS.maxPhotoBytes, files: REPORT_LIMITS.maxPhotos, fields: 10, fieldSize: FIELD_BYTES, parts: 14 },
    };
    for await (const part of request.parts(options)) {
      if (part.type === 'field') {
        if (!TEXT_FIELDS.has(part.fieldname)) {
          issues.push(fieldIssue(part.fieldname, `不认识的表单项「${part.fieldname.slice(0, 40)}」`));
        } else if (part.valueTruncated) {
          issues.push(fieldIssue(part.fieldname, '填写的内容过长'));
        } else {
          fields[part.fieldname] = String(part.value);
        }
        continue;
      }
      const chunks: Buffer[] = [];
      for await (const chunk of part.file) chunks.push(chunk as Buffer);
      const buffer = Buffer.concat(chunks);
      if (part.fieldname !== 'file') {
        issues.push(fieldIssue(part.fieldname, `照片请放在「file」表单项中上传`));
        continue;
      }
      // A browser sends an empty part for a file input left empty.
      if (buffer.length === 0 && !part.filename) continue;
      fileIndex += 1;
      const label = part.filename ? `照片“${part.filename.slice(0, 80)}”` : `第 ${fileIndex} 张照片`;
      const mime = sniffImage(buffer);
      const problems: string[] = [];
      if (!mime) problems.push('不是 JPEG、PNG 或 WebP 格式的图片');
      if (part.file.truncated) {
        tooLarge = true;
        problems.push(`超过 ${PHOTO_MB} MB（每张照片不超过 ${PHOTO_MB} MB）`);
      }
      if (buffer.length === 0) problems.push('是空文件');
      if (problems.length > 0) issues.push({ path: ['body', 'file', fileIndex - 1], message: `${label}${problems.join('，且')}` });
      else if (mime) photos.push({ buffer, mime, name: part.filename || null });
    }
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'FST_FILES_LIMIT') {
      throw invalid([fieldIssue('file', `最多上传 ${REPORT_LIMITS.maxPhotos} 张照片`)], 'BODY_TOO_LARGE');
    }
    if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') throw invalid([fieldIssue('body', '表单项过多')]);
    throw err;
  }
  return { body: checkFields(fields, issues, tooLarge ? 'BODY_TOO_LARGE' : 'VALIDATION_FAILED'), photos };
}
