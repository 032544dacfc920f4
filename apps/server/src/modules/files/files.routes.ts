import { fileDto } from '@zhiben/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { MAX_PHOTO_BYTES, readPhoto, storePhoto } from './files.service.js';

export async function fileRoutes(app: FastifyInstance, opts: { filesDir: string }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.route({
    method: 'POST',
    url: '/api/v1/files',
    config: { permission: 'files.upload' },
    schema: {
      tags: ['files'],
      summary: '上传照片（JPEG/PNG/WebP，按内容哈希存储）',
      consumes: ['multipart/form-data'],
      response: { 200: fileDto },
    },
    handler: async (request) => {
      if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', '请以 multipart/form-data 方式上传照片');
      const file = await request.file({ limits: { fileSize: MAX_PHOTO_BYTES, files: 1 } });
      if (!file) throw new AppError('VALIDATION_FAILED', '请选择照片', { issues: [{ path: ['file'], message: '请选择照片' }] });
      const buffer = await file.toBuffer().catch((err: { code?: string }) => {
        throw err.code === 'FST_REQ_FILE_TOO_LARGE' ? new AppError('BODY_TOO_LARGE', '照片不能超过 10 MB') : err;
      });
      return storePhoto(contextOf(request), opts.filesDir, buffer, file.filename);
    },
  });
  r.route({
    method: 'GET',
    url: '/api/v1/files/:hash',
    config: {},
    schema: {
      tags: ['files'],
      summary: '查看照片',
      params: z.strictObject({ hash: z.string().regex(/^[0-9a-f]{64}$/, { error: '文件编号格式不正确' }) }),
    },
    handler: async (request, reply) => {
      const { mime, bytes } = await readPhoto(contextOf(request), opts.filesDir, request.params.hash);
      return reply
        .type(mime)
        .header('cache-control', 'private, max-age=31536000, immutable')
        .header('x-content-type-options', 'nosniff')
        .send(bytes);
    },
  });
}
