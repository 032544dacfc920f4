import type { CreatePatrolBody, PatrolSummaryDto, RiskClass, TaskDetailDto } from '@zhiben/contracts';
import { queryRows } from '@zhiben/db';
import { formatQuarter, quarterOf, quarterRange } from '@zhiben/domain';
import { sql } from 'drizzle-orm';
import { mutateAs, type ServiceContext } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { monitoringRequired } from '../classification/monitoring-requirement.js';
import { provisionalRiskClass } from '../classification/provisional.js';
import { reclassify } from '../classification/recompute.js';
import { findEnterprise } from '../enterprises/enterprises.repository.js';
import { assertPhotosUsable } from '../files/files.service.js';
import { resolveChecklistItem } from '../hazards/hazards.service.js';
import { recordFinding } from './findings.service.js';
import { notifyEnterprise, taskLink } from './notify.js';
import { assertAssignable } from './officers.service.js';
import { inspectionTasks } from './tables.js';
import { get } from './tasks.service.js';

const at = (d: Date) => sql`${d.toISOString()}::timestamptz`;
const iso = (v: string | Date | null) => (v === null ? null : new Date(v).toISOString());

/**
 * 线上巡查 summary of one enterprise (互联网+执法, seed §三(八)18): monitoring roll-out, open alarms (when the alarm
 * store exists), the hazard backlog, self-inspection activity and the principal's quarterly rounds, last inspection.
 */
export async function patrolSummary(ctx: ServiceContext, enterpriseId: string): Promise<PatrolSummaryDto> {
  const enterprise = await findEnterprise(ctx.db, ctx.principal.scope, enterpriseId);
  if (!enterprise) throw notFound();
  const now = ctx.clock();
  const quarter = quarterOf(now);
  const { start: quarterStart, end: quarterEnd } = quarterRange(quarter);
  const since30 = new Date(now.getTime() - 30 * 86_400_000);
  const id = sql`${enterpriseId}::uuid`;

  const [[devices], [hazards], [self], [last], alarmTable] = await Promise.all([
    queryRows<{ total: number; active: number; lastAt: string | Date | null }>(
      ctx.db,
      sql`select count(*)::int as total, count(*) filter (where status = 'active')::int as active,
                 (select max(last_at) from ingest_counters where enterprise_id = ${id} and outcome = 'accepted') as "lastAt"
          from devices where enterprise_id = ${id}`,
    ),
    queryRows<PatrolSummaryDto['hazards']>(
      ctx.db,
      sql`select count(*) filter (where status <> 'closed')::int as open,
                 count(*) filter (where status <> 'closed' and level = 'major' and judged_at is not null)::int as "openMajor",
                 count(*) filter (where status <> 'closed' and deadline < ${at(now)})::int as overdue,
                 count(*) filter (where status = 'pending_judgement')::int as "pendingJudgement",
                 count(*) filter (where status = 'pending_acceptance')::int as "pendingAcceptance"
          from hazards where enterprise_id = ${id}`,
    ),
    queryRows<{ completed: number; lastAt: string | Date | null; led: number }>(
      ctx.db,
      sql`select count(*) filter (where completed_at >= ${at(since30)})::int as completed, max(completed_at) as "lastAt",
                 count(*) filter (where led_by_principal and completed_at >= ${at(quarterStart)} and completed_at < ${at(quarterEnd)})::int as led
          from self_inspections where enterprise_id = ${id} and status = 'completed'`,
    ),
    queryRows<{ id: string; startedAt: string | Date; kind: 'onsite' | 'online_patrol' }>(
      ctx.db,
      sql`select id, started_at as "startedAt", kind from inspection_tasks where enterprise_id = ${id} and started_at is not null
          order by started_at desc limit 1`,
    ),
    queryRows<{ ok: boolean }>(ctx.db, sql`select to_regclass('alarms') is not null as ok`),
  ]);
  let alarms: PatrolSummaryDto['alarms'] = null;
  if (alarmTable[0]?.ok) {
    const rows = await queryRows<{ level: string; open: number; red: number }>(
      ctx.db,
      sql`select level, count(*) filter (where status <> 'closed')::int as open,
                 count(*) filter (where max_level = 'red' and raised_at >= ${at(since30)})::int as red
          from alarms where enterprise_id = ${id} group by level`,
    );
    alarms = {
      open: rows.reduce((n, r) => n + r.open, 0),
      openByLevel: Object.fromEntries(rows.filter((r) => r.open > 0).map((r) => [r.level, r.open])),
      red30Days: rows.reduce((n, r) => n + r.red, 0),
    };
  }
  return {
    enterpriseId,
    enterpriseName: enterprise.name,
    riskClass: (enterprise.riskClass as RiskClass | null) ?? provisionalRiskClass(enterprise, now),
    monitoring: {
      required: monitoringRequired(enterprise, now),
      devices: devices?.total ?? 0,
      activeDevices: devices?.active ?? 0,
      lastReadingAt: iso(devices?.lastAt ?? null),
    },
    alarms,
    hazards: hazards ?? { open: 0, openMajor: 0, overdue: 0, pendingJudgement: 0, pendingAcceptance: 0 },
    selfInspection: {
      completedLast30Days: self?.completed ?? 0,
      lastCompletedAt: iso(self?.lastAt ?? null),
      principalLedThisQuarter: self?.led ?? 0,
      quarter: formatQuarter(quarter),
    },
    lastInspection: last ? { taskId: last.id, startedAt: new Date(last.startedAt).toISOString(), kind: last.kind } : null,
  };
}

/**
 * 线上巡查: a task of kind `online_patrol` started now by the caller (with any co-officers), its findings recorded
 * like on-site ones (hazards source 线上巡查, judged by the officer). Without findings it is closed at once; with
 * findings it stays 检查中 so the officers can issue an order through the task routes.
 */
export async function createPatrol(ctx: ServiceContext, body: CreatePatrolBody): Promise<TaskDetailDto> {
  const enterprise = await findEnterprise(ctx.db, ctx.principal.scope, body.enterpriseId);
  if (!enterprise) throw notFound();
  const now = ctx.clock();
  const officerIds = [ctx.principal.userId, ...body.coOfficerIds.filter((o) => o !== ctx.principal.userId)];
  await assertAssignable(ctx.db, [...new Set(officerIds)], now, 'coOfficerIds');
  const itemIds: (string | null)[] = [];
  for (const f of body.findings) itemIds.push(f.standardItemId ? await resolveChecklistItem(ctx.db, enterprise, f.standardItemId) : null);
  await assertPhotosUsable(
    ctx,
    body.findings.flatMap((f) => f.photos),
    enterprise.id,
  );
  const id = await mutateAs(ctx, async (tx) => {
    const closed = body.findings.length === 0;
    const [task] = await tx
      .insert(inspectionTasks)
      .values({
        enterpriseId: enterprise.id,
        regionPath: enterprise.regionPath,
        kind: 'online_patrol',
        source: 'other',
        unannounced: false,
        officerIds: [...new Set(officerIds)],
        status: closed ? 'closed' : 'in_progress',
        place: '线上巡查（互联网+执法）',
        note: body.note ?? null,
        startedAt: now,
        endedAt: now,
        closedAt: closed ? now : null,
        createdBy: ctx.principal.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!task) throw new AppError('INTERNAL');
    const actor = { id: ctx.principal.userId, name: ctx.principal.displayName };
    const recorded = [];
    for (const [i, finding] of body.findings.entries()) {
      recorded.push(await recordFinding(tx, { task, enterprise, body: finding, standardItemId: itemIds[i] ?? null, actor, now }));
    }
    if (!closed) {
      await reclassify(tx, enterprise.id, now, actor);
      await notifyEnterprise(
        tx,
        enterprise.id,
        {
          kind: 'enforcement.patrol_findings',
          title: '线上巡查发现问题',
          body: `区应急管理局线上巡查发现 ${recorded.length} 项问题，已列入隐患台账，请及时整改。`,
          link: taskLink(task.id),
          entityType: 'inspection_task',
          entityId: task.id,
          dedupeKey: `task:${task.id}:patrol`,
        },
        ctx.principal.userId,
      );
    }
    return {
      result: task.id,
      audit: {
        action: 'enforcement.patrol_recorded',
        entityType: 'inspection_task',
        entityId: task.id,
        enterpriseId: enterprise.id,
        regionPath: enterprise.regionPath,
        after: { kind: 'online_patrol', officerIds: task.officerIds, findings: recorded, status: task.status, note: body.note ?? null },
      },
    };
  });
  return get(ctx, id);
}
