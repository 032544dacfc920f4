import type {
  CreateSupervisionMeasureBody,
  ListResult,
  SupervisionMeasureDto,
  SupervisionMeasureKind,
  SupervisionMeasureListQuery,
} from '@zhiben/contracts';
import { SUPERVISION_MEASURE_KIND_LABELS } from '@zhiben/contracts';
import { schema } from '@zhiben/db';
import { and, desc, eq, ilike, inArray, sql } from 'drizzle-orm';
import { mutateAs, type ServiceContext } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { likeContains, pageOf } from '../../platform/listing.js';
import { enterpriseScope } from '../../platform/scope.js';
import { findEnterprise } from '../enterprises/enterprises.repository.js';
import { invalid } from '../hazards/hazards.service.js';
import { caseLink, notifyEnterprise } from './notify.js';
import { enforcementCases, supervisionMeasures } from './tables.js';

const m = supervisionMeasures;

const toDto = (r: typeof m.$inferSelect & { enterpriseName: string }): SupervisionMeasureDto => ({
  id: r.id,
  enterpriseId: r.enterpriseId,
  enterpriseName: r.enterpriseName,
  kind: r.kind as SupervisionMeasureKind,
  date: r.date,
  subject: r.subject,
  content: r.content,
  attendees: r.attendees,
  caseId: r.caseId,
  hazardIds: r.hazardIds,
  createdAt: r.createdAt.toISOString(),
});

export async function listMeasures(ctx: ServiceContext, query: SupervisionMeasureListQuery): Promise<ListResult<SupervisionMeasureDto>> {
  const where = and(
    enterpriseScope(ctx.principal.scope, { enterpriseId: m.enterpriseId, regionPath: m.regionPath }),
    query.kind ? eq(m.kind, query.kind) : undefined,
    query.enterpriseId ? eq(m.enterpriseId, query.enterpriseId) : undefined,
    query.q ? ilike(schema.enterprises.name, likeContains(query.q)) : undefined,
  );
  const { limit, offset } = pageOf(query);
  const [rows, count] = await Promise.all([
    ctx.db
      .select({ row: m, enterpriseName: schema.enterprises.name })
      .from(m)
      .innerJoin(schema.enterprises, eq(schema.enterprises.id, m.enterpriseId))
      .where(where)
      .orderBy(desc(m.date), desc(m.id))
      .limit(limit)
      .offset(offset),
    ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(m)
      .innerJoin(schema.enterprises, eq(schema.enterprises.id, m.enterpriseId))
      .where(where),
  ]);
  return { items: rows.map((r) => toDto({ ...r.row, enterpriseName: r.enterpriseName })), total: count[0]?.n ?? 0 };
}

/**
 * 通报 / 约谈 / 曝光 (seed §三(八)18 集中挂牌、公布、曝光; §四(三)). The case and hazards named must be the
 * enterprise's own; the enterprise is told.
 */
export async function createMeasure(ctx: ServiceContext, body: CreateSupervisionMeasureBody): Promise<SupervisionMeasureDto> {
  const enterprise = await findEnterprise(ctx.db, ctx.principal.scope, body.enterpriseId);
  if (!enterprise) throw notFound();
  if (body.caseId) {
    const [found] = await ctx.db
      .select({ id: enforcementCases.id })
      .from(enforcementCases)
      .where(and(eq(enforcementCases.id, body.caseId), eq(enforcementCases.enterpriseId, enterprise.id)));
    if (!found) throw invalid('caseId', '所选案件不属于该企业');
  }
  const hazardIds = [...new Set(body.hazardIds)];
  if (hazardIds.length > 0) {
    const found = await ctx.db
      .select({ id: schema.hazards.id })
      .from(schema.hazards)
      .where(and(inArray(schema.hazards.id, hazardIds), eq(schema.hazards.enterpriseId, enterprise.id)));
    if (found.length !== hazardIds.length) throw invalid('hazardIds', '所选隐患不属于该企业');
  }
  return mutateAs(ctx, async (tx) => {
    const [row] = await tx
      .insert(m)
      .values({
        enterpriseId: enterprise.id,
        regionPath: enterprise.regionPath,
        kind: body.kind,
        date: body.date,
        subject: body.subject,
        content: body.content,
        attendees: body.attendees ?? null,
        caseId: body.caseId ?? null,
        hazardIds,
        createdBy: ctx.principal.userId,
        createdAt: ctx.clock(),
      })
      .returning();
    if (!row) throw new AppError('INTERNAL');
    await notifyEnterprise(
      tx,
      enterprise.id,
      {
        kind: `enforcement.${body.kind}`,
        title: `${SUPERVISION_MEASURE_KIND_LABELS[body.kind]}：${body.subject}`,
        body: body.content.slice(0, 120),
        link: body.caseId ? caseLink(body.caseId) : '/enforcement/measures',
        entityType: 'supervision_measure',
        entityId: row.id,
        dedupeKey: `measure:${row.id}`,
      },
      ctx.principal.userId,
    );
    return {
      result: toDto({ ...row, enterpriseName: enterprise.name }),
      audit: {
        action: 'enforcement.measure_recorded',
        entityType: 'supervision_measure',
        entityId: row.id,
        enterpriseId: enterprise.id,
        regionPath: enterprise.regionPath,
        after: { kind: body.kind, date: body.date, subject: body.subject, caseId: body.caseId ?? null, hazardIds },
      },
    };
  });
}
