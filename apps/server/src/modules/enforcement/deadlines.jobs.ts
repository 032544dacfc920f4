import type { Db } from '@zhiben/db';
import { sql } from 'drizzle-orm';
import { idIn } from '../notifications/audience.js';
import { type NotificationInput, notifyMany } from '../notifications/index.js';
import { withoutSent } from '../notifications/notifications.service.js';
import { enterpriseManagers, taskLink } from './notify.js';
import { openOrders } from './open-orders.js';

const HOUR = 3_600_000;
/** Reminder to the enterprise this long before the deadline ends. */
const DUE_SOON_HOURS = 24;

export interface DeadlineSweepResult {
  /** Open orders past their deadline, and those within a day of it. */
  overdue: number;
  dueSoon: number;
  notifications: number;
}

/**
 * Missed deadlines of 责令限期整改 orders escalate through the notification centre: a day before the deadline the
 * enterprise is reminded; once it has passed without a passed re-inspection, the task's officers are told to
 * re-inspect (and, if not rectified, that a case may be opened: 安全生产法 第一百零二条) and the enterprise that it is
 * overdue. Idempotent: each message has one dedupe key per order. `enterpriseIds` limits it (tests).
 */
export async function runEnforcementDeadlineSweep(
  db: Db,
  now: Date,
  options: { enterpriseIds?: string[] } = {},
): Promise<DeadlineSweepResult> {
  const only = options.enterpriseIds ? idIn(sql`t.enterprise_id`, options.enterpriseIds) : sql`true`;
  const orders = (await openOrders(db, only)).filter((o) => o.due.getTime() - DUE_SOON_HOURS * HOUR <= now.getTime());
  const inputs: NotificationInput[] = [];
  let overdue = 0;
  let dueSoon = 0;
  for (const o of orders) {
    const managers = await enterpriseManagers(db, o.enterpriseId);
    const base = { link: taskLink(o.taskId), entityType: 'inspection_task', entityId: o.taskId, createdAt: now };
    if (o.due < now) {
      overdue++;
      inputs.push({
        ...base,
        userIds: o.officerIds,
        kind: 'enforcement.order_overdue',
        title: `【逾期】${o.enterpriseName} 责令限期整改（${o.number}）期限已过`,
        body: `整改期限 ${o.deadline} 已过${o.reported ? '，企业已报告整改完成，请及时复查' : '，企业尚未报告整改完成。请复查；逾期未整改的，可依法立案处罚（《安全生产法》第一百零二条）'}。`,
        dedupeKey: `order:${o.orderId}:overdue`,
      });
      if (!o.reported) {
        inputs.push({
          ...base,
          userIds: managers,
          kind: 'enforcement.order_overdue',
          title: `【整改逾期】责令限期整改指令书 ${o.number}`,
          body: `整改期限 ${o.deadline} 已过，尚有问题未报告整改完成。请立即整改，逾期未整改的将依法处理。`,
          dedupeKey: `order:${o.orderId}:overdue`,
        });
      }
    } else if (!o.reported) {
      dueSoon++;
      inputs.push({
        ...base,
        userIds: managers,
        kind: 'enforcement.order_due_soon',
        title: `【整改即将到期】责令限期整改指令书 ${o.number}`,
        body: `整改期限为 ${o.deadline}，请按期完成整改并在隐患台账中逐项提交。`,
        dedupeKey: `order:${o.orderId}:due-soon`,
      });
    }
  }
  const fresh = await withoutSent(db, inputs);
  const written = fresh.inputs.length === 0 ? [] : await db.transaction((tx) => notifyMany(tx, fresh.inputs));
  return { overdue, dueSoon, notifications: written.length };
}
