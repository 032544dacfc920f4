import type { CreateFindingBody } from '@zhiben/contracts';
import { schema, type Tx } from '@zhiben/db';
import { and, asc, eq } from 'drizzle-orm';
import { AppError } from '../../platform/errors.js';
import type { EnterpriseRow } from '../enterprises/enterprises.repository.js';
import { notifyNext } from '../hazards/hazards.notify.js';
import { inspectionFindings, type inspectionTasks } from './tables.js';

type Task = typeof inspectionTasks.$inferSelect;

/** Placeholder 整改措施 until the order sets the deadline and the requirements. */
export const PENDING_ORDER_MEASURES = '按执法检查发现的问题整改，整改期限和要求以责令限期整改指令书为准';

/** The enterprise's principal account, who is 整改责任人 of what an inspection finds (安全生产法 第二十一条). */
async function principalAccount(tx: Tx, enterpriseId: string): Promise<string | null> {
  const { users } = schema;
  const [row] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.enterpriseId, enterpriseId), eq(users.role, 'enterprise_principal'), eq(users.status, 'active')))
    .orderBy(asc(users.createdAt), asc(users.id))
    .limit(1);
  return row?.id ?? null;
}

/**
 * Records one finding of a started task and makes it a hazard of the hazard loop, in the caller's transaction.
 * The officer on the spot is the one who judges it (判定): a major one can only be judged by the bureau, and
 * an enterprise must not dismiss what an inspection found, so the hazard starts 整改中 (judged by the officer, with
 * the 令10 item for a major one), its 整改责任人 the enterprise's principal; the order then sets its deadline. The
 * hazard's timeline gets 'reported' and 'judge' entries, and the responsible person is told.
 * `standardItemId` must already be resolved against the enterprise's current checklist.
 */
export async function recordFinding(
  tx: Tx,
  input: {
    task: Task;
    enterprise: EnterpriseRow;
    body: CreateFindingBody;
    standardItemId: string | null;
    actor: { id: string; name: string };
    now: Date;
  },
): Promise<{ findingId: string; hazardId: string }> {
  const { task, enterprise, body, now, actor } = input;
  const [finding] = await tx
    .insert(inspectionFindings)
    .values({
      taskId: task.id,
      enterpriseId: task.enterpriseId,
      description: body.description,
      location: body.location ?? null,
      photos: [...new Set(body.photos)],
      standardItemId: input.standardItemId,
      checklistItemKey: body.checklistItemKey ?? null,
      legalBasis: body.legalBasis,
      major: body.major,
      createdBy: actor.id,
      createdAt: now,
    })
    .returning({ id: inspectionFindings.id });
  if (!finding) throw new AppError('INTERNAL');

  const level = body.major ? 'major' : 'general';
  const responsibleUserId = await principalAccount(tx, task.enterpriseId);
  const [hazard] = await tx
    .insert(schema.hazards)
    .values({
      enterpriseId: task.enterpriseId,
      regionPath: enterprise.regionPath,
      source: task.kind === 'online_patrol' ? 'online_patrol' : 'bureau_inspection',
      sourceRef: `enforcement_finding:${finding.id}`,
      level,
      standardItemId: input.standardItemId,
      description: body.description,
      location: body.location ?? null,
      photos: [...new Set(body.photos)],
      status: 'rectifying',
      foundBy: actor.id,
      foundAt: now,
      judgedBy: actor.id,
      judgedAt: now,
      responsibleUserId,
      responsibleName: responsibleUserId ? null : (enterprise.principalName ?? '企业主要负责人'),
      measures: PENDING_ORDER_MEASURES,
      fundsFen: 0,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: schema.hazards.id });
  if (!hazard) throw new AppError('INTERNAL');
  const common = { hazardId: hazard.id, enterpriseId: task.enterpriseId, actorId: actor.id, actorName: actor.name, at: now };
  await tx.insert(schema.hazardEvents).values({
    ...common,
    action: 'reported',
    fromStatus: null,
    toStatus: 'pending_judgement',
    note: null,
    photos: [...new Set(body.photos)],
    data: {
      source: task.kind === 'online_patrol' ? 'online_patrol' : 'bureau_inspection',
      level,
      standardItemId: input.standardItemId,
      taskId: task.id,
      findingId: finding.id,
    },
  });
  const [judged] = await tx
    .insert(schema.hazardEvents)
    .values({
      ...common,
      // Judged on the spot, right after it was recorded: a millisecond later keeps the timeline's order by time.
      at: new Date(now.getTime() + 1),
      action: 'judge',
      fromStatus: 'pending_judgement',
      toStatus: 'rectifying',
      note: '执法检查当场判定',
      photos: [],
      data: { level, standardItemId: input.standardItemId, legalBasis: body.legalBasis, onTheSpot: true, taskId: task.id },
    })
    .returning({ id: schema.hazardEvents.id });
  if (!judged) throw new AppError('INTERNAL');
  await tx.update(inspectionFindings).set({ hazardId: hazard.id }).where(eq(inspectionFindings.id, finding.id));
  await notifyNext(
    tx,
    { id: hazard.id, enterpriseId: task.enterpriseId, status: 'rectifying', level, responsibleUserId, description: body.description },
    { eventId: judged.id, actorId: actor.id, enterpriseName: enterprise.name },
  );
  return { findingId: finding.id, hazardId: hazard.id };
}
