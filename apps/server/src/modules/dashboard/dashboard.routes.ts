import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../platform/context.js';
import { registryStats } from './dashboard.repository.js';

const count = z.number().int();

export async function dashboardRoutes(app: FastifyInstance) {
  app.withTypeProvider<ZodTypeProvider>().route({
    method: 'GET',
    url: '/api/v1/dashboard/registry',
    config: { permission: 'dashboard.read' },
    schema: {
      tags: ['dashboard'],
      summary: '首页驾驶舱：企业按行业、乡镇、风险标签、涉粉人数分档统计（不含已关闭企业）',
      response: {
        200: z.object({
          total: count,
          bySector: z.array(z.object({ sector: z.string().nullable(), count })),
          byRegion: z.array(z.object({ regionId: z.string(), regionName: z.string(), count })),
          byTag: z.array(z.object({ tag: z.string(), count })),
          dustBands: z.array(z.object({ band: z.enum(['30plus', '10to29', 'under10']), count })),
        }),
      },
    },
    handler: (request) => registryStats(app.db, contextOf(request).principal.scope),
  });
}
