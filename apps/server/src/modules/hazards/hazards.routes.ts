import { hazardDto, hazardListQuery, idParams, listResponse } from '@zhiben/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { contextOf } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { findHazard, listHazards } from './hazards.repository.js';

/** Read side of the shared hazard ledger (隐患台账). The lifecycle actions belong to the hazard closed-loop module. */
export async function hazardRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.route({
    method: 'GET',
    url: '/api/v1/hazards',
    config: { permission: 'hazards.read' },
    schema: { tags: ['hazards'], summary: '隐患台账', querystring: hazardListQuery, response: { 200: listResponse(hazardDto) } },
    handler: (request) => listHazards(app.db, contextOf(request).principal.scope, request.query),
  });
  r.route({
    method: 'GET',
    url: '/api/v1/hazards/:id',
    config: { permission: 'hazards.read', entity: 'hazard' },
    schema: { tags: ['hazards'], summary: '隐患详情', params: idParams, response: { 200: hazardDto } },
    handler: async (request) => {
      const hazard = await findHazard(app.db, contextOf(request).principal.scope, request.params.id);
      if (!hazard) throw notFound();
      return hazard;
    },
  });
}
