import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors.js';

export async function healthRoutes(app: FastifyInstance) {
  app.withTypeProvider<ZodTypeProvider>().route({
    method: 'GET',
    url: '/api/health',
    config: { public: true },
    schema: { tags: ['system'], summary: '健康检查（含数据库连通）', response: { 200: z.object({ status: z.literal('ok') }) } },
    handler: async () => {
      try {
        await app.db.execute(sql`select 1`);
      } catch {
        throw new AppError('SERVICE_UNAVAILABLE', '数据库不可用');
      }
      return { status: 'ok' as const };
    },
  });
}
