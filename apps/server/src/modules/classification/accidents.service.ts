import type { AccidentDto, AccidentGrade, CreateAccidentBody, ListResult } from '@zhiben/contracts';
import { schema } from '@zhiben/db';
import { and, desc, eq, sql } from 'drizzle-orm';
import { mutateAs, type ServiceContext } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { pageOf } from '../../platform/listing.js';
import { enterpriseScope } from '../../platform/scope.js';
import { accidents } from '../enforcement/tables.js';
import { findEnterprise } from '../enterprises/enterprises.repository.js';
import { reclassify } from './recompute.js';

/** 生产安全事故 records: a fact of the classification (accidents in the last 12 months raise the class). */

type Row = typeof accidents.$inferSelect & { enterpriseName: string };

const toDto = (r: Row): AccidentDto => ({
  id: r.id,
  enterpriseId: r.enterpriseId,
  enterpriseName: r.enterpriseName,
  occurredAt: r.occurredAt.toISOString(),
  grade: r.grade as AccidentGrade,
  deaths: r.deaths,
  seriousInjuries: r.seriousInjuries,
  directLossFen: r.directLossFen,
  description: r.description,
  createdAt: r.createdAt.toISOString(),
});

export async function listAccidents(
  ctx: ServiceContext,
  query: { enterpriseId?: string | undefined; page: number; pageSize: number },
): Promise<ListResult<AccidentDto>> {
  const where = and(
    enterpriseScope(ctx.principal.scope, { enterpriseId: accidents.enterpriseId, regionPath: accidents.regionPath }),
    query.enterpriseId ? eq(accidents.enterpriseId, query.enterpriseId) : undefined,
  );
  const { limit, offset } = pageOf(query);
  const [rows, count] = await Promise.all([
    ctx.db
      .select({ accident: accidents, enterpriseName: schema.enterprises.name })
      .from(accidents)
      .innerJoin(schema.enterprises, eq(schema.enterprises.id, accidents.enterpriseId))
      .where(where)
      .orderBy(desc(accidents.occurredAt), desc(accidents.id))
      .limit(limit)
      .offset(offset),
    ctx.db.select({ n: sql<number>`count(*)::int` }).from(accidents).where(where),
  ]);
  return { items: rows.map((r) => toDto({ ...r.accident, enterpriseName: r.enterpriseName })), total: count[0]?.n ?? 0 };
}

export async function createAccident(ctx: ServiceContext, body: CreateAccidentBody): Promise<AccidentDto> {
  const enterprise = await findEnterprise(ctx.db, ctx.principal.scope, body.enterpriseId);
  if (!enterprise) throw notFound();
  const now = ctx.clock();
  const occurredAt = new Date(body.occurredAt);
  if (occurredAt.getTime() > now.getTime() + 60_000) {
    throw new AppError('VALIDATION_FAILED', '事故时间不能晚于当前时间', {
      issues: [{ path: ['body', 'occurredAt'], message: '事故时间不能晚于当前时间' }],
    });
  }
  return mutateAs(ctx, async (tx) => {
    const [row] = await tx
      .insert(accidents)
      .values({
        enterpriseId: enterprise.id,
        regionPath: enterprise.regionPath,
        occurredAt,
        grade: body.grade,
        deaths: body.deaths,
        seriousInjuries: body.seriousInjuries,
        directLossFen: body.directLossFen,
        description: body.description,
        createdBy: ctx.principal.userId,
      })
      .returning();
    if (!row) throw new AppError('INTERNAL');
    await reclassify(tx, enterprise.id, now, { id: ctx.principal.userId, name: ctx.principal.displayName });
    return {
      result: toDto({ ...row, enterpriseName: enterprise.name }),
      audit: {
        action: 'accidents.recorded',
        entityType: 'accident',
        entityId: row.id,
        enterpriseId: enterprise.id,
        regionPath: enterprise.regionPath,
        after: { occurredAt: body.occurredAt, grade: body.grade, deaths: body.deaths, seriousInjuries: body.seriousInjuries },
      },
    };
  });
}
