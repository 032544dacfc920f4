import { listResponse, type RegionDto, regionDto } from '@zhiben/contracts';
import { schema } from '@zhiben/db';
import { asc } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';

/** The jurisdiction tree. Region names are not confidential, so every signed-in role may read all of it. */
export async function regionRoutes(app: FastifyInstance) {
  app.withTypeProvider<ZodTypeProvider>().route({
    method: 'GET',
    url: '/api/v1/regions',
    config: { permission: 'regions.read' },
    schema: { tags: ['regions'], summary: '行政区划（辖区树，按路径排序）', response: { 200: listResponse(regionDto) } },
    handler: async () => {
      const rows = await app.db.select().from(schema.regions).orderBy(asc(schema.regions.sort), asc(schema.regions.path));
      const items: RegionDto[] = rows.map((r) => ({
        id: r.id,
        code: r.code,
        name: r.name,
        kind: r.kind as RegionDto['kind'],
        parentId: r.parentId,
        path: r.path,
        sort: r.sort,
      }));
      return { items, total: items.length };
    },
  });
}
