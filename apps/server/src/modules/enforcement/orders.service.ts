import { type IssueOrderBody, type ReinspectBody, reinspectionResultOf, type TaskDetailDto } from '@zhiben/contracts';
import { schema, type Tx } from '@zhiben/db';
import { endOfShanghaiDay, shanghaiDate } from '@zhiben/domain';
import { eq } from 'drizzle-orm';
import type { ServiceContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { reclassify } from '../classification/recompute.js';
import type { EnterpriseRow } from '../enterprises/enterprises.repository.js';
import { assertPhotosUsable } from '../files/files.service.js';
import { notifyEnterpriseManagers, notifyNext } from '../hazards/hazards.notify.js';
import { invalid } from '../hazards/hazards.service.js';
import { inspectionRecordData, rectificationOrderData, reinspectionOpinionData } from './document-data.js';
import { documentOfficers, issueDocument } from './documents/issue.js';
import { notifyEnterprise, taskLink } from './notify.js';
import { rectificationOrders, reinspections } from './tables.js';
import { type Task, taskAction } from './tasks.action.js';
import { get } from './tasks.service.js';
import { type FindingRow, loadTaskState, openFindings, openOrder, reinspectionDue, type TaskState } from './tasks.state.js';

const actorOf = (ctx: ServiceContext) => ({ id: ctx.principal.userId, name: ctx.principal.displayName });

/**
 * The 现场检查记录 is numbered when the on-site part ends (the order, or closing without one), so it lists every
 * finding; a task gets one.
 */
async function issueInspectionRecord(tx: Tx, ctx: ServiceContext, task: Task, enterprise: EnterpriseRow, state: TaskState, now: Date) {
  if (state.documents.some((d) => d.type === 'inspection_record')) return null;
  const officers = await documentOfficers(tx, task.officerIds);
  return issueDocument(tx, {
    type: 'inspection_record',
    now,
    enterpriseId: task.enterpriseId,
    regionPath: task.regionPath,
    taskId: task.id,
    actorId: ctx.principal.userId,
    render: (number) =>
      inspectionRecordData(number, { ...task, startedAt: task.startedAt ?? now }, enterprise, officers, state.findings, now),
  });
}

/** A hazard's lifecycle step taken by the re-inspection or the order, with its timeline entry (same transaction). */
async function hazardStep(
  tx: Tx,
  ctx: ServiceContext,
  hazardId: string,
  step: {
    action: string;
    to: string | null;
    changes?: Partial<typeof schema.hazards.$inferInsert>;
    note: string | null;
    photos?: string[];
    data: object;
  },
  now: Date,
): Promise<{ eventId: string; from: string; to: string } | null> {
  const { hazards, hazardEvents } = schema;
  const [h] = await tx.select().from(hazards).where(eq(hazards.id, hazardId)).for('update');
  if (!h) return null;
  const to = step.to ?? h.status;
  await tx
    .update(hazards)
    .set({ ...step.changes, status: to, ...(to === 'closed' && h.status !== 'closed' ? { closedAt: now } : {}), updatedAt: now })
    .where(eq(hazards.id, hazardId));
  const [event] = await tx
    .insert(hazardEvents)
    .values({
      hazardId,
      enterpriseId: h.enterpriseId,
      action: step.action,
      fromStatus: h.status,
      toStatus: to,
      actorId: ctx.principal.userId,
      actorName: ctx.principal.displayName,
      note: step.note,
      photos: step.photos ?? [],
      data: step.data,
      at: now,
    })
    .returning({ id: hazardEvents.id });
  if (!event) throw new AppError('INTERNAL');
  return { eventId: event.id, from: h.status, to };
}

const hazardRef = (f: FindingRow, status: string, responsibleUserId: string | null) => ({
  id: f.hazardId ?? '',
  enterpriseId: f.enterpriseId,
  status: status as 'rectifying',
  level: (f.major ? 'major' : 'general') as 'major' | 'general',
  responsibleUserId,
  description: f.description,
});

/**
 * 责令限期整改指令书: the findings to correct by the deadline (the end of that local day, after today). Every
 * finding not yet rectified must be in it. Numbers the on-site record (if not yet) and the order, sets the
 * deadline and the requirements on the findings' hazards (the enterprise reports rectification through the hazard
 * loop's submit), tells the enterprise, and the task goes 整改中. Two officers sign an order (行政处罚法 第四十二条).
 */
export async function issueOrder(ctx: ServiceContext, id: string, body: IssueOrderBody): Promise<TaskDetailDto> {
  await taskAction(ctx, id, 'order', async (tx, task, enterprise, now) => {
    if (task.officerIds.length < 2) throw invalid('findingIds', '下达责令限期整改指令书须有两名以上执法人员（请先指派）');
    const deadline = endOfShanghaiDay(body.deadline);
    if (!deadline || body.deadline <= shanghaiDate(now)) throw invalid('deadline', `整改期限应晚于今天（${shanghaiDate(now)}）`);
    const state = await loadTaskState(tx, task.id);
    const byId = new Map(state.findings.map((f) => [f.id, f]));
    const chosen = [...new Set(body.findingIds)].map((fid) => byId.get(fid));
    if (chosen.some((f) => f === undefined)) throw invalid('findingIds', '所选问题不属于本次检查');
    const ordered = chosen as FindingRow[];
    const missing = openFindings(state).filter((f) => !body.findingIds.includes(f.id));
    if (missing.length > 0) {
      throw invalid('findingIds', `以下问题尚未整改，须列入指令书：${missing.map((f) => f.description.slice(0, 20)).join('；')}`);
    }
    const record = await issueInspectionRecord(tx, ctx, task, enterprise, state, now);
    const officers = await documentOfficers(tx, task.officerIds);
    const document = await issueDocument(tx, {
      type: 'rectification_order',
      now,
      enterpriseId: task.enterpriseId,
      regionPath: task.regionPath,
      taskId: task.id,
      actorId: ctx.principal.userId,
      render: (number) =>
        rectificationOrderData(number, {
          task,
          enterprise,
          officers,
          findings: ordered,
          legalBasis: body.legalBasis,
          deadline: body.deadline,
          requirements: body.requirements ?? null,
          now,
        }),
    });
    const [order] = await tx
      .insert(rectificationOrders)
      .values({
        taskId: task.id,
        enterpriseId: task.enterpriseId,
        documentId: document.id,
        findingIds: ordered.map((f) => f.id),
        deadline: body.deadline,
        legalBasis: body.legalBasis,
        requirements: body.requirements ?? null,
        issuedBy: ctx.principal.userId,
        issuedAt: now,
      })
      .returning({ id: rectificationOrders.id });
    if (!order) throw new AppError('INTERNAL');
    const measures = body.requirements ?? `按《责令限期整改指令书》（${document.number}）要求整改`;
    for (const f of ordered) {
      if (!f.hazardId) continue;
      const step = await hazardStep(
        tx,
        ctx,
        f.hazardId,
        {
          action: 'assign',
          to: null,
          changes: { deadline, measures },
          note: `责令限期整改（${document.number}），期限 ${body.deadline}`,
          data: { deadline: deadline.toISOString(), measures, orderNumber: document.number },
        },
        now,
      );
      const [h] = await tx
        .select({ responsibleUserId: schema.hazards.responsibleUserId })
        .from(schema.hazards)
        .where(eq(schema.hazards.id, f.hazardId));
      if (step && step.to === 'rectifying') {
        await notifyNext(tx, hazardRef(f, step.to, h?.responsibleUserId ?? null), {
          eventId: step.eventId,
          actorId: ctx.principal.userId,
          enterpriseName: enterprise.name,
        });
      }
    }
    await notifyEnterprise(
      tx,
      task.enterpriseId,
      {
        kind: 'enforcement.order_issued',
        title: `责令限期整改指令书 ${document.number}`,
        body: `请于 ${body.deadline} 前完成 ${ordered.length} 项问题的整改，并在隐患台账中逐项提交整改情况。`,
        link: taskLink(task.id),
        entityType: 'inspection_task',
        entityId: task.id,
        dedupeKey: `order:${order.id}:issued`,
      },
      ctx.principal.userId,
    );
    return {
      changes: record ? { endedAt: now } : {},
      audit: {
        action: 'enforcement.order_issued',
        after: {
          orderId: order.id,
          number: document.number,
          inspectionRecord: record?.number ?? null,
          findingIds: ordered.map((f) => f.id),
          deadline: body.deadline,
          legalBasis: body.legalBasis,
        },
      },
    };
  });
  return get(ctx, id);
}

/**
 * 复查 of the open order: on or after the deadline, or earlier once the enterprise has reported every finding as
 * rectified (409 otherwise). Each finding is judged rectified or not: a rectified one closes its hazard (验收销号 by
 * the officer; a major one needs photos), an unrectified one submitted for acceptance goes back to 整改中. The
 * 整改复查意见书 is numbered; passing lets the task be closed, failing keeps it 整改中 (a case may follow).
 */
export async function reinspect(ctx: ServiceContext, id: string, body: ReinspectBody): Promise<TaskDetailDto> {
  await taskAction(
    ctx,
    id,
    'reinspect',
    async (tx, task, enterprise, now) => {
      const state = await loadTaskState(tx, task.id);
      const order = openOrder(state);
      if (!order) throw new AppError('STATE_CONFLICT', '没有待复查的责令限期整改指令书', { currentStatus: task.status });
      if (!reinspectionDue(state, order, now)) throw new AppError('REINSPECTION_TOO_EARLY', undefined, { deadline: order.deadline });
      const results = new Map(body.findingResults.map((r) => [r.findingId, r]));
      if (
        results.size !== body.findingResults.length ||
        results.size !== order.findingIds.length ||
        order.findingIds.some((f) => !results.has(f))
      ) {
        throw invalid('findingResults', '请对指令书列出的每一项问题逐项填写复查结果（不多不少）');
      }
      const findings = state.findings.filter((f) => results.has(f.id));
      if (findings.some((f) => f.major && results.get(f.id)?.rectified) && body.photos.length === 0) {
        throw invalid('photos', '重大事故隐患复查验收须上传现场照片');
      }
      const result = reinspectionResultOf(body.findingResults);
      const officers = await documentOfficers(tx, task.officerIds);
      const items = findings.map((f) => ({
        description: f.description,
        rectified: results.get(f.id)?.rectified ?? false,
        note: results.get(f.id)?.note ?? null,
      }));
      const document = await issueDocument(tx, {
        type: 'reinspection_opinion',
        now,
        enterpriseId: task.enterpriseId,
        regionPath: task.regionPath,
        taskId: task.id,
        actorId: ctx.principal.userId,
        render: (number) => reinspectionOpinionData(number, { enterprise, officers, order, items, opinion: body.opinion, now }),
      });
      const [row] = await tx
        .insert(reinspections)
        .values({
          orderId: order.id,
          taskId: task.id,
          enterpriseId: task.enterpriseId,
          documentId: document.id,
          result,
          findingResults: body.findingResults,
          opinion: body.opinion,
          photos: [...new Set(body.photos)],
          by: ctx.principal.userId,
          at: now,
        })
        .returning({ id: reinspections.id });
      if (!row) throw new AppError('INTERNAL');

      for (const f of findings) {
        if (!f.hazardId) continue;
        const r = results.get(f.id);
        const note = `整改复查（${document.number}）：${r?.note ?? (r?.rectified ? '已整改' : '未整改')}`;
        const data = { reinspectionId: row.id, documentNumber: document.number, taskId: task.id };
        if (r?.rectified && f.hazardStatus !== 'closed') {
          const step = await hazardStep(tx, ctx, f.hazardId, { action: 'accept', to: 'closed', note, photos: body.photos, data }, now);
          if (step) {
            await notifyEnterpriseManagers(tx, hazardRef(f, 'closed', null), {
              kind: 'hazard.accepted',
              title: `隐患复查验收通过（${f.major ? '重大事故隐患' : '一般隐患'}）`,
              body: `${enterprise.name}：${f.description.slice(0, 80)}`,
              eventId: step.eventId,
              actorId: ctx.principal.userId,
            });
          }
        } else if (!r?.rectified && (f.hazardStatus === 'pending_acceptance' || f.hazardStatus === 'closed')) {
          // The officer's finding prevails: a hazard the enterprise accepted itself is reopened.
          const changes = f.hazardStatus === 'closed' ? { closedAt: null } : {};
          const step = await hazardStep(tx, ctx, f.hazardId, { action: 'reject', to: 'rectifying', changes, note, data }, now);
          const [h] = await tx
            .select({ responsibleUserId: schema.hazards.responsibleUserId })
            .from(schema.hazards)
            .where(eq(schema.hazards.id, f.hazardId));
          if (step) {
            await notifyNext(tx, hazardRef(f, 'rectifying', h?.responsibleUserId ?? null), {
              eventId: step.eventId,
              actorId: ctx.principal.userId,
              enterpriseName: enterprise.name,
            });
          }
        }
      }
      await reclassify(tx, task.enterpriseId, now, actorOf(ctx));
      await notifyEnterprise(
        tx,
        task.enterpriseId,
        {
          kind: 'enforcement.reinspected',
          title: `整改复查意见书 ${document.number}：${result === 'passed' ? '已整改完毕' : '未按期整改完毕'}`,
          body: body.opinion.slice(0, 120),
          link: taskLink(task.id),
          entityType: 'inspection_task',
          entityId: task.id,
          dedupeKey: `reinspection:${row.id}`,
        },
        ctx.principal.userId,
      );
      return {
        audit: {
          action: 'enforcement.reinspected',
          after: { reinspectionId: row.id, orderId: order.id, number: document.number, result, findingResults: body.findingResults },
        },
      };
    },
    async (task) => assertPhotosUsable(ctx, body.photos, task.enterpriseId),
  );
  return get(ctx, id);
}

/**
 * 办结: from 检查中 when nothing found is left open (numbering the on-site record), from 整改中 only after a passed
 * re-inspection. The class is recomputed (closed hazards no longer count as open).
 */
export async function close(ctx: ServiceContext, id: string, body: { note?: string | null | undefined }): Promise<TaskDetailDto> {
  await taskAction(ctx, id, 'close', async (tx, task, enterprise, now) => {
    const state = await loadTaskState(tx, task.id);
    let recordNumber: string | null = null;
    if (task.status === 'in_progress') {
      if (openFindings(state).length > 0) throw new AppError('TASK_HAS_OPEN_FINDINGS');
      recordNumber = (await issueInspectionRecord(tx, ctx, task, enterprise, state, now))?.number ?? null;
    } else if (openOrder(state) !== null) {
      throw new AppError('TASK_HAS_OPEN_FINDINGS');
    }
    await reclassify(tx, task.enterpriseId, now, actorOf(ctx));
    await notifyEnterprise(
      tx,
      task.enterpriseId,
      {
        kind: 'enforcement.task_closed',
        title: '执法检查已办结',
        body: body.note ?? `${enterprise.name}的执法检查已办结。`,
        link: taskLink(task.id),
        entityType: 'inspection_task',
        entityId: task.id,
        dedupeKey: `task:${task.id}:closed`,
      },
      ctx.principal.userId,
    );
    return {
      changes: { closedAt: now, ...(recordNumber ? { endedAt: now } : {}), ...(body.note ? { note: body.note } : {}) },
      audit: { action: 'enforcement.task_closed', after: { closedAt: now, inspectionRecord: recordNumber, note: body.note ?? null } },
    };
  });
  return get(ctx, id);
}
