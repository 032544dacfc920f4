import {
  INSPECTION_TASK_ACTION_LABELS,
  INSPECTION_TASK_STATUS_LABELS,
  INSPECTION_TASK_TRANSITIONS,
  type InspectionTaskAction,
  type InspectionTaskStatus,
} from '@zhiben/contracts';
import type { Tx } from '@zhiben/db';
import { eq } from 'drizzle-orm';
import type { AuditInput } from '../../platform/audit.js';
import { mutateAs, type ServiceContext } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { can } from '../../platform/principal.js';
import { type EnterpriseRow, findEnterprise } from '../enterprises/enterprises.repository.js';
import { inspectionTasks } from './tables.js';
import { isTaskOfficer } from './tasks.mapper.js';
import { lockTask } from './tasks.repository.js';

export type Task = typeof inspectionTasks.$inferSelect;

/** State (409 with the current state), then role (403): only the task's officers act on it; anyone who inspects may cancel. */
function check(ctx: ServiceContext, task: Task, action: InspectionTaskAction) {
  const status = task.status as InspectionTaskStatus;
  if (!INSPECTION_TASK_TRANSITIONS[action].from.includes(status)) {
    throw new AppError(
      'STATE_CONFLICT',
      `任务当前为「${INSPECTION_TASK_STATUS_LABELS[status]}」，不能${INSPECTION_TASK_ACTION_LABELS[action]}`,
      { currentStatus: status, action },
    );
  }
  const allowed = action === 'cancel' ? can(ctx.principal, 'enforcement.inspect') : isTaskOfficer(ctx.principal, task);
  if (!allowed) throw new AppError('FORBIDDEN', '仅指派的执法人员可以办理此检查任务');
}

export interface ActionStep {
  /** Changes of the task row besides the status. */
  changes?: Partial<typeof inspectionTasks.$inferInsert>;
  audit: Omit<AuditInput, 'action' | 'entityType' | 'entityId' | 'enterpriseId' | 'regionPath'> & { action: string };
}

/**
 * One action on a task: visible (404) → state (409) → officer (403), checked again on the locked row inside one
 * transaction that applies the action's own work, moves the status (INSPECTION_TASK_TRANSITIONS) and writes
 * exactly one audit row.
 */
export async function taskAction(
  ctx: ServiceContext,
  id: string,
  action: InspectionTaskAction,
  run: (tx: Tx, task: Task, enterprise: EnterpriseRow, now: Date) => Promise<ActionStep>,
  precheck?: (task: Task, enterprise: EnterpriseRow) => Promise<void>,
): Promise<void> {
  const scope = ctx.principal.scope;
  const now = ctx.clock();
  const first = await lockTask(ctx.db, scope, id);
  if (!first) throw notFound();
  check(ctx, first, action);
  const enterprise = await findEnterprise(ctx.db, { kind: 'all' }, first.enterpriseId);
  if (!enterprise) throw notFound();
  await precheck?.(first, enterprise);
  await mutateAs(ctx, async (tx) => {
    const task = await lockTask(tx, scope, id);
    if (!task) throw notFound();
    check(ctx, task, action);
    const step = await run(tx, task, enterprise, now);
    const to = INSPECTION_TASK_TRANSITIONS[action].to ?? (task.status as InspectionTaskStatus);
    await tx
      .update(inspectionTasks)
      .set({ ...step.changes, status: to, updatedAt: now })
      .where(eq(inspectionTasks.id, id));
    return {
      result: undefined,
      audit: {
        ...step.audit,
        entityType: 'inspection_task',
        entityId: id,
        enterpriseId: task.enterpriseId,
        regionPath: task.regionPath,
        before: step.audit.before ?? { status: task.status },
        after: { status: to, ...((step.audit.after as object | undefined) ?? {}) },
      },
    };
  });
}
