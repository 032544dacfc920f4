import { listResponse, riskTagDto, SECTORS } from '@zhiben/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { loadRiskTags, loadSectorRules } from './catalogs.repository.js';

/** Rule catalogs the forms and the registry read: risk/process tags and the industry → sector rules. */
export async function catalogRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.route({
    method: 'GET',
    url: '/api/v1/risk-tags',
    config: { permission: 'enterprises.read' },
    schema: { tags: ['catalogs'], summary: '风险与工艺标签目录', response: { 200: listResponse(riskTagDto) } },
    handler: async () => {
      const items = await loadRiskTags(app.db);
      return { items, total: items.length };
    },
  });
  r.route({
    method: 'GET',
    url: '/api/v1/sector-rules',
    config: { permission: 'enterprises.read' },
    schema: {
      tags: ['catalogs'],
      summary: '行业代码与监管行业对应规则（应急厅〔2019〕17号，现行版本）',
      response: {
        200: z.object({
          version: z.string(),
          title: z.string(),
          items: z.array(
            z.object({
              prefix: z.string(),
              sector: z.enum(SECTORS).nullable(),
              source: z.string(),
              verified: z.boolean(),
              note: z.string().optional(),
            }),
          ),
        }),
      },
    },
    handler: async () => {
      const { version, title, rules } = await loadSectorRules(app.db);
      return { version, title, items: rules };
    },
  });
}
