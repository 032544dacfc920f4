import { auditEventDto, auditListQuery, listResponse } from '@zhiben/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { verifyAuditChain } from '../../platform/audit.js';
import { listAuditEvents } from './audit.repository.js';

export async function auditRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.route({
    method: 'GET',
    url: '/api/v1/audit-events',
    config: { permission: 'audit.read' },
    schema: {
      tags: ['audit'],
      summary: '审计日志（按操作人、对象、动作、时间筛选）',
      querystring: auditListQuery,
      response: { 200: listResponse(auditEventDto) },
    },
    handler: (request) => listAuditEvents(app.db, request.query),
  });
  r.route({
    method: 'GET',
    url: '/api/v1/audit-events/verify',
    config: { permission: 'audit.read' },
    schema: {
      tags: ['audit'],
      summary: '校验审计链完整性',
      response: {
        200: z.object({
          ok: z.boolean(),
          checked: z.number().int(),
          brokenAt: z.object({ seq: z.number().int(), reason: z.enum(['hash_mismatch', 'chain_broken']) }).optional(),
        }),
      },
    },
    handler: () => verifyAuditChain(app.db),
  });
}
