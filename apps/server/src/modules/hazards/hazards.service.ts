import {
  BUREAU_REPORT_SOURCES,
  type CreateHazardBody,
  ENTERPRISE_REPORT_SOURCES,
  type HazardAssigneesDto,
  type HazardDto,
  type HazardEventDto,
  type HazardListQuery,
  type ListResult,
  type Role,
} from '@zhiben/contracts';
import { type Executor, schema, type Tx } from '@zhiben/db';
import { eq, sql } from 'drizzle-orm';
import { mutateAs, type ServiceContext } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { findEnterprise } from '../enterprises/enterprises.repository.js';
import { assertPhotosUsable } from '../files/files.service.js';
import { checklistFor } from '../self-inspection/checklist.service.js';
import { toEventDto, toHazardDto } from './hazards.mapper.js';
import { notifyNext } from './hazards.notify.js';
import { enterpriseNameOf, enterpriseUsers, findHazard, hazardTimeline, listHazards } from './hazards.repository.js';

export interface NewHazard {
  enterpriseId: string;
  regionPath: string;
  source: 'self_inspection' | 'employee_report' | 'bureau_inspection' | 'online_patrol' | 'monitoring_alarm' | 'other';
  /** The producing record; the same (source, sourceRef) always yields the same hazard. */
  sourceRef: string;
  inspectionId?: string | null;
  level: 'general' | 'major';
  standardItemId?: string | null;
  description: string;
  location?: string | null;
  photos: string[];
  foundBy: string | null;
  foundAt: Date;
}

/**
 * The first timeline entry of a hazard. An employee report never names its reporter here: the reporter's identity
 * belongs to the employee-reports module, visible only to the principal and the bureau.
 */
async function recordReported(tx: Executor, hazard: NewHazard & { id: string }, actor: { id: string | null; name: string | null }) {
  const hidden = hazard.source === 'employee_report';
  const [event] = await tx
    .insert(schema.hazardEvents)
    .values({
      hazardId: hazard.id,
      enterpriseId: hazard.enterpriseId,
      action: 'reported',
      fromStatus: null,
      toStatus: 'pending_judgement',
      actorId: hidden ? null : actor.id,
      actorName: hidden ? '员工报告' : actor.name,
      note: null,
      photos: hazard.photos,
      data: { source: hazard.source, level: hazard.level, standardItemId: hazard.standardItemId ?? null },
      at: hazard.foundAt,
    })
    .returning({ id: schema.hazardEvents.id });
  if (!event) throw new Error('hazard event not written');
  return event.id;
}

/**
 * Creates the hazard a finding produces, or refreshes it when the same finding is recorded again (photos are
 * merged, the description updated): one finding, one hazard. Every hazard starts 待判定 (pending judgement), with
 * a 'reported' timeline entry, and whoever judges it is told (the bureau for major ones). Runs inside the
 * caller's transaction; the caller writes the audit row.
 */
export async function upsertHazardFromFinding(tx: Tx, hazard: NewHazard): Promise<{ id: string; created: boolean }> {
  const [row] = await tx
    .insert(schema.hazards)
    .values({ ...hazard, status: 'pending_judgement' })
    .onConflictDoUpdate({
      target: [schema.hazards.source, schema.hazards.sourceRef],
      set: {
        description: hazard.description,
        photos: sql`(select coalesce(array_agg(distinct p), '{}') from unnest(${schema.hazards.photos} || excluded.photos) as p)`,
        updatedAt: hazard.foundAt,
      },
    })
    .returning({ id: schema.hazards.id, created: sql<boolean>`(xmax = 0)` });
  if (!row) throw new Error('hazard upsert returned nothing');
  if (row.created) {
    const [finder] = hazard.foundBy
      ? await tx.select({ name: schema.users.displayName }).from(schema.users).where(eq(schema.users.id, hazard.foundBy))
      : [];
    const eventId = await recordReported(tx, { ...hazard, id: row.id }, { id: hazard.foundBy, name: finder?.name ?? null });
    await notifyNext(
      tx,
      { ...hazard, id: row.id, status: 'pending_judgement', responsibleUserId: null },
      { eventId, actorId: hazard.foundBy, enterpriseName: await enterpriseNameOf(tx, hazard.enterpriseId) },
    );
  }
  return row;
}

export async function list(ctx: ServiceContext, query: HazardListQuery): Promise<ListResult<HazardDto>> {
  const { rows, total } = await listHazards(ctx.db, ctx.principal.scope, query, ctx.clock());
  return { items: rows.map((r) => toHazardDto(r, ctx.principal)), total };
}

export async function get(ctx: ServiceContext, id: string): Promise<HazardDto> {
  const row = await findHazard(ctx.db, ctx.principal.scope, id, ctx.clock());
  if (!row) throw notFound();
  return toHazardDto(row, ctx.principal);
}

export async function timeline(ctx: ServiceContext, id: string): Promise<{ items: HazardEventDto[] }> {
  const row = await findHazard(ctx.db, ctx.principal.scope, id, ctx.clock());
  if (!row) throw notFound();
  return { items: (await hazardTimeline(ctx.db, id)).map(toEventDto) };
}

/**
 * The accounts that may be named 整改责任人 of a hazard: the active users of its enterprise. Whoever may manage the
 * hazard may see them (a safety manager or an officer has no `users.read`, yet must pick a person who gets reminders).
 */
export async function assignees(ctx: ServiceContext, id: string): Promise<HazardAssigneesDto> {
  const row = await findHazard(ctx.db, ctx.principal.scope, id, ctx.clock());
  if (!row) throw notFound();
  const people = await enterpriseUsers(ctx.db, row.hazard.enterpriseId);
  return { items: people.map((u) => ({ id: u.id, displayName: u.displayName, role: u.role as Role })) };
}

export const invalid = (field: string, message: string) =>
  new AppError('VALIDATION_FAILED', message, { issues: [{ path: ['body', field], message }] });

/**
 * The standard item must be one of the enterprise's current checklist (一行业一清单). An item of an earlier version
 * of the standard stands for the same item (same key) of the current version, so a form opened just before the
 * bureau published a new version still works; the hazard links the current wording. Returns the current item id.
 */
export async function resolveChecklistItem(
  db: Executor,
  enterprise: { id: string; sector: string | null; riskTags: string[] },
  itemId: string,
): Promise<string> {
  const checklist = await checklistFor(db, enterprise);
  if (checklist.rows.some((r) => r.id === itemId)) return itemId;
  const [chosen] = await db.select({ key: schema.standardItems.key }).from(schema.standardItems).where(eq(schema.standardItems.id, itemId));
  const current = chosen && checklist.rows.find((r) => r.key === chosen.key);
  if (!current) throw invalid('standardItemId', '所选条款不在该企业现行的重大事故隐患检查清单中');
  return current.id;
}

/**
 * 上报隐患. Enterprise users (staff included) report on their own enterprise (source 企业自查 or 其他); the bureau
 * and township officers on any enterprise in their scope (执法检查, 线上巡查, 其他). A major suggestion must name
 * the standard item it matches. The hazard starts 待判定; whoever judges it is told.
 */
export async function create(ctx: ServiceContext, body: CreateHazardBody): Promise<HazardDto> {
  const scope = ctx.principal.scope;
  const enterpriseSide = scope.kind === 'enterprise';
  const enterpriseId = enterpriseSide ? scope.enterpriseId : body.enterpriseId;
  if (!enterpriseId) throw invalid('enterpriseId', '请选择企业');
  if (enterpriseSide && body.enterpriseId && body.enterpriseId !== scope.enterpriseId) throw notFound();
  const enterprise = await findEnterprise(ctx.db, scope, enterpriseId);
  if (!enterprise) throw notFound();

  const allowedSources: readonly string[] = enterpriseSide ? ENTERPRISE_REPORT_SOURCES : BUREAU_REPORT_SOURCES;
  const source = (body.source ?? allowedSources[0]) as CreateHazardBody['source'] & string;
  if (!allowedSources.includes(source)) throw invalid('source', '隐患来源不正确');
  const standardItemId = body.standardItemId ? await resolveChecklistItem(ctx.db, enterprise, body.standardItemId) : null;
  await assertPhotosUsable(ctx, body.photos, enterpriseId);
  const now = ctx.clock();
  const foundAt = body.foundAt ? new Date(body.foundAt) : now;
  if (foundAt.getTime() > now.getTime() + 60_000) throw invalid('foundAt', '发现时间不能晚于当前时间');

  const id = await mutateAs(ctx, async (tx) => {
    const values = {
      enterpriseId,
      regionPath: enterprise.regionPath,
      source,
      sourceRef: null,
      level: body.level,
      standardItemId,
      description: body.description,
      location: body.location ?? null,
      photos: [...new Set(body.photos)],
      status: 'pending_judgement',
      foundBy: ctx.principal.userId,
      foundAt,
    };
    const [row] = await tx.insert(schema.hazards).values(values).returning({ id: schema.hazards.id });
    if (!row) throw new AppError('INTERNAL');
    const eventId = await recordReported(
      tx,
      { ...values, id: row.id, sourceRef: '' },
      { id: ctx.principal.userId, name: ctx.principal.displayName },
    );
    await notifyNext(
      tx,
      { ...values, id: row.id, status: 'pending_judgement', responsibleUserId: null },
      { eventId, actorId: ctx.principal.userId, enterpriseName: enterprise.name },
    );
    return {
      result: row.id,
      audit: {
        action: 'hazards.reported',
        entityType: 'hazard',
        entityId: row.id,
        enterpriseId,
        regionPath: enterprise.regionPath,
        after: {
          source,
          level: body.level,
          standardItemId: values.standardItemId,
          description: body.description,
          location: values.location,
          photos: values.photos.length,
          status: 'pending_judgement',
        },
      },
    };
  });
  return get(ctx, id);
}
