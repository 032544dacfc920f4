import type { TodoDto } from '@zhiben/contracts';
import { queryRows } from '@zhiben/db';
import { endOfShanghaiDay } from '@zhiben/domain';
import { sql } from 'drizzle-orm';
import type { ServiceContext } from '../../platform/context.js';
import { can } from '../../platform/principal.js';
import { taskLink } from './notify.js';
import { openOrders } from './open-orders.js';
import { rawScope } from './raw-scope.js';

const LIMIT = 200;

/**
 * What the enforcement loop waits for from the caller (computed, nothing stored): an officer's tasks to start or
 * finish and orders due for 复查; an enterprise manager's open 责令限期整改 orders. An unannounced task never shows
 * on an enterprise's list before it starts: enterprise to-dos come only from orders, which exist only after.
 */
export async function enforcementTodos(ctx: ServiceContext): Promise<TodoDto[]> {
  const { principal, db } = ctx;
  const now = ctx.clock();
  const items: TodoDto[] = [];
  const scope = rawScope(principal.scope, sql`t.enterprise_id`, sql`t.region_path`);

  if (can(principal, 'enforcement.inspect')) {
    const mine = sql`${principal.userId}::uuid = any(t.officer_ids)`;
    const tasks = await queryRows<{ id: string; status: string; unannounced: boolean; plannedDate: string | null; enterpriseName: string }>(
      db,
      sql`select t.id, t.status, t.unannounced, t.planned_date::text as "plannedDate", e.name as "enterpriseName"
          from inspection_tasks t join enterprises e on e.id = t.enterprise_id
          where ${scope} and ${mine} and t.status in ('scheduled', 'in_progress')
          order by t.planned_date nulls last, t.created_at limit ${LIMIT}`,
    );
    for (const t of tasks) {
      const due = t.plannedDate ? endOfShanghaiDay(t.plannedDate) : null;
      const what = t.status === 'scheduled' ? `待检查${t.unannounced ? '（四不两直）' : ''}` : '检查中，待下达指令书或办结';
      items.push({
        kind: 'enforcement_task',
        title: `${what}：${t.enterpriseName}`,
        link: taskLink(t.id),
        due: t.status === 'scheduled' ? (due?.toISOString() ?? null) : null,
        overdue: t.status === 'scheduled' && due !== null && due < now,
        entityType: 'inspection_task',
        entityId: t.id,
      });
    }
    for (const o of (await openOrders(db, sql`${scope} and ${mine}`)).slice(0, LIMIT)) {
      if (o.due >= now && !o.reported) continue;
      items.push({
        kind: 'enforcement_reinspect',
        title: `${o.due < now ? '整改期限已过，' : '企业已报告整改完成，'}待复查：${o.enterpriseName}（${o.number}）`,
        link: taskLink(o.taskId),
        due: o.due.toISOString(),
        overdue: o.due < now && !o.reported,
        entityType: 'inspection_task',
        entityId: o.taskId,
      });
    }
  }

  if (
    principal.scope.kind === 'enterprise' &&
    (principal.role === 'enterprise_principal' || principal.role === 'enterprise_safety_manager')
  ) {
    for (const o of (await openOrders(db, scope)).slice(0, LIMIT)) {
      items.push({
        kind: 'enforcement_order',
        title: `责令限期整改（${o.number}）：${o.reported ? '已报告整改，待执法人员复查' : `请于 ${o.deadline} 前完成整改`}`,
        link: taskLink(o.taskId),
        due: o.due.toISOString(),
        overdue: o.due < now && !o.reported,
        entityType: 'inspection_task',
        entityId: o.taskId,
      });
    }
  }
  return items;
}
