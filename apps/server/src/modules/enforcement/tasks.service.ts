import {
  type CreateFindingBody,
  type CreateInspectionTaskBody,
  GENERAL_INSPECTION_ITEMS,
  INSPECTION_TASK_SOURCE_LABELS,
  type InspectionTaskDto,
  type InspectionTaskListQuery,
  type ListResult,
  type TaskChecklistDto,
  type TaskDetailDto,
} from '@zhiben/contracts';
import { and, eq } from 'drizzle-orm';
import { mutateAs, type ServiceContext } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { reclassify } from '../classification/recompute.js';
import { findEnterprise } from '../enterprises/enterprises.repository.js';
import { assertPhotosUsable } from '../files/files.service.js';
import { invalid, resolveChecklistItem } from '../hazards/hazards.service.js';
import { checklistFor } from '../self-inspection/checklist.service.js';
import { recordFinding } from './findings.service.js';
import { notifyEnterprise, notifyOfficers, taskLink } from './notify.js';
import { assertAssignable, namesOf } from './officers.service.js';
import { enforcementPlanEntries, enforcementPlans, inspectionTasks } from './tables.js';
import { taskAction } from './tasks.action.js';
import { toTaskDetail, toTaskDto } from './tasks.mapper.js';
import { findTask, listTasks } from './tasks.repository.js';
import { caseIdsOf, loadTaskState } from './tasks.state.js';

export async function list(ctx: ServiceContext, query: InspectionTaskListQuery): Promise<ListResult<InspectionTaskDto>> {
  const { rows, total } = await listTasks(ctx.db, ctx.principal.scope, ctx.principal.userId, query);
  const names = await namesOf(
    ctx.db,
    rows.flatMap((r) => r.task.officerIds),
  );
  const now = ctx.clock();
  return { items: rows.map((r) => toTaskDto(r, names, ctx.principal, now)), total };
}

export async function get(ctx: ServiceContext, id: string): Promise<TaskDetailDto> {
  const row = await findTask(ctx.db, ctx.principal.scope, id);
  if (!row) throw notFound();
  const [state, names, cases] = await Promise.all([
    loadTaskState(ctx.db, id),
    namesOf(ctx.db, row.task.officerIds),
    caseIdsOf(ctx.db, [id]),
  ]);
  return toTaskDetail(row, state, names, ctx.principal, ctx.clock(), cases.get(id) ?? []);
}

/** The on-site record's items: the enterprise's 令10 checklist (一行业一清单) plus the general items. */
export async function checklist(ctx: ServiceContext, id: string): Promise<TaskChecklistDto> {
  const row = await findTask(ctx.db, ctx.principal.scope, id);
  if (!row) throw notFound();
  const enterprise = await findEnterprise(ctx.db, { kind: 'all' }, row.task.enterpriseId);
  if (!enterprise) throw notFound();
  const list = await checklistFor(ctx.db, enterprise);
  return {
    items: list.items.map((i) => ({
      id: i.id,
      key: i.key,
      articleLabel: i.articleLabel,
      itemLabel: i.itemLabel,
      text: i.text,
      reason: i.reason,
    })),
    general: GENERAL_INSPECTION_ITEMS.map((g) => ({ ...g })),
    standardVersion: list.version,
  };
}

/**
 * 检查任务 from the plan or ad hoc. At least two officers with valid certificates (行政处罚法 第四十二条). An
 * announced task is notified to the enterprise; an unannounced one (四不两直) only to the officers.
 */
export async function create(ctx: ServiceContext, body: CreateInspectionTaskBody): Promise<TaskDetailDto> {
  const enterprise = await findEnterprise(ctx.db, ctx.principal.scope, body.enterpriseId);
  if (!enterprise) throw notFound();
  const now = ctx.clock();
  await assertAssignable(ctx.db, body.officerIds, now);
  if (body.planId) {
    const [entry] = await ctx.db
      .select({ status: enforcementPlans.status })
      .from(enforcementPlanEntries)
      .innerJoin(enforcementPlans, eq(enforcementPlans.id, enforcementPlanEntries.planId))
      .where(and(eq(enforcementPlanEntries.planId, body.planId), eq(enforcementPlanEntries.enterpriseId, body.enterpriseId)));
    if (!entry) throw invalid('planId', '该企业不在所选的年度执法计划中');
    if (entry.status !== 'approved' && entry.status !== 'published') throw invalid('planId', '所选年度执法计划尚未批准或已被替代');
  }
  const id = await mutateAs(ctx, async (tx) => {
    const [row] = await tx
      .insert(inspectionTasks)
      .values({
        enterpriseId: enterprise.id,
        regionPath: enterprise.regionPath,
        kind: 'onsite',
        source: body.source,
        planId: body.planId ?? null,
        sourceRef: body.sourceRef ?? null,
        unannounced: body.unannounced,
        officerIds: body.officerIds,
        status: 'scheduled',
        plannedDate: body.plannedDate ?? null,
        note: body.note ?? null,
        createdBy: ctx.principal.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: inspectionTasks.id });
    if (!row) throw new AppError('INTERNAL');
    const when = body.plannedDate ? `，计划检查日期 ${body.plannedDate}` : '';
    await notifyOfficers(
      tx,
      body.officerIds,
      {
        kind: 'enforcement.task_assigned',
        title: `执法检查任务${body.unannounced ? '（四不两直）' : ''}`,
        body: `${enterprise.name}（${INSPECTION_TASK_SOURCE_LABELS[body.source]}）${when}`,
        link: taskLink(row.id),
        entityType: 'inspection_task',
        entityId: row.id,
        dedupeKey: `task:${row.id}:assigned`,
      },
      ctx.principal.userId,
    );
    // 四不两直: 不发通知、不打招呼 — the enterprise hears nothing before the officers arrive.
    if (!body.unannounced) {
      await notifyEnterprise(
        tx,
        enterprise.id,
        {
          kind: 'enforcement.task_announced',
          title: '执法检查通知',
          body: `区应急管理局将对你单位进行执法检查${when}，请做好准备。`,
          link: taskLink(row.id),
          entityType: 'inspection_task',
          entityId: row.id,
          dedupeKey: `task:${row.id}:announced`,
        },
        ctx.principal.userId,
      );
    }
    return {
      result: row.id,
      audit: {
        action: 'enforcement.task_created',
        entityType: 'inspection_task',
        entityId: row.id,
        enterpriseId: enterprise.id,
        regionPath: enterprise.regionPath,
        after: {
          source: body.source,
          planId: body.planId ?? null,
          unannounced: body.unannounced,
          officerIds: body.officerIds,
          plannedDate: body.plannedDate ?? null,
        },
      },
    };
  });
  return get(ctx, id);
}

/** 开始检查: the officers arrive; from now on an unannounced task is visible to the enterprise, which is told. */
export async function start(ctx: ServiceContext, id: string, body: { place?: string | null | undefined }): Promise<TaskDetailDto> {
  await taskAction(ctx, id, 'start', async (tx, task, enterprise, now) => {
    await notifyEnterprise(
      tx,
      task.enterpriseId,
      {
        kind: 'enforcement.task_started',
        title: task.unannounced ? '执法检查（四不两直）已开始' : '执法检查已开始',
        body: `区应急管理局执法人员正在对${enterprise.name}进行现场检查。`,
        link: taskLink(id),
        entityType: 'inspection_task',
        entityId: id,
        dedupeKey: `task:${id}:started`,
      },
      ctx.principal.userId,
    );
    const place = body.place ?? enterprise.address ?? null;
    return { changes: { startedAt: now, place }, audit: { action: 'enforcement.task_started', after: { startedAt: now, place } } };
  });
  return get(ctx, id);
}

/** 取消 a task not started; the officers (and, for an announced task, the enterprise) are told. */
export async function cancel(ctx: ServiceContext, id: string, body: { reason: string }): Promise<TaskDetailDto> {
  await taskAction(ctx, id, 'cancel', async (tx, task, enterprise, now) => {
    const message = {
      kind: 'enforcement.task_cancelled',
      title: '执法检查任务已取消',
      body: `${enterprise.name}：${body.reason}`,
      link: taskLink(id),
      entityType: 'inspection_task',
      entityId: id,
      dedupeKey: `task:${id}:cancelled`,
    };
    await notifyOfficers(tx, task.officerIds, message, ctx.principal.userId);
    if (!task.unannounced) await notifyEnterprise(tx, task.enterpriseId, message, ctx.principal.userId);
    return { changes: { cancelledAt: now }, audit: { action: 'enforcement.task_cancelled', after: { reason: body.reason } } };
  });
  return get(ctx, id);
}

/**
 * 记录检查发现: one finding with photos, the 令10 item (required for a major one; from the enterprise's current
 * checklist) and the legal basis. It becomes a hazard judged on the spot; a major one raises the enterprise's class
 * at once (reclassified in the same transaction).
 */
export async function addFinding(ctx: ServiceContext, id: string, body: CreateFindingBody): Promise<TaskDetailDto> {
  let standardItemId: string | null = null;
  await taskAction(
    ctx,
    id,
    'findings',
    async (tx, task, enterprise, now) => {
      const actor = { id: ctx.principal.userId, name: ctx.principal.displayName };
      const { findingId, hazardId } = await recordFinding(tx, { task, enterprise, body, standardItemId, actor, now });
      await reclassify(tx, task.enterpriseId, now, actor);
      return {
        audit: {
          action: 'enforcement.finding_recorded',
          before: null,
          after: { findingId, hazardId, major: body.major, standardItemId, legalBasis: body.legalBasis, photos: body.photos.length },
        },
      };
    },
    async (task, enterprise) => {
      if (body.standardItemId) standardItemId = await resolveChecklistItem(ctx.db, enterprise, body.standardItemId);
      await assertPhotosUsable(ctx, body.photos, task.enterpriseId);
    },
  );
  return get(ctx, id);
}
