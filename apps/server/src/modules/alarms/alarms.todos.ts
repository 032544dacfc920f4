import { ALARM_LEVEL_LABELS, type AlarmLevel, ROLE_SIDE, type TodoDto } from '@zhiben/contracts';
import { schema } from '@zhiben/db';
import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { ServiceContext } from '../../platform/context.js';
import { can } from '../../platform/principal.js';
import { alarmScope } from './alarms.repository.js';

const LIMIT = 200;
const { alarms, devices, enterprises } = schema;
const severity = sql<number>`case ${alarms.maxLevel} when 'red' then 4 when 'orange' then 3 when 'yellow' then 2 else 1 end`;

/**
 * The alarms waiting for the caller (the to-do list of the notification centre): for whoever handles alarms in an
 * enterprise, the ones to acknowledge (待响应) and the ones to report on (待处置, including those that cleared by
 * themselves); for the township and the bureau, the unacknowledged alarms that have escalated to them.
 */
export async function alarmTodos(ctx: ServiceContext): Promise<TodoDto[]> {
  const { principal, db } = ctx;
  const side = ROLE_SIDE[principal.role];
  const rows = (where: SQL | undefined) =>
    db
      .select({
        id: alarms.id,
        status: alarms.status,
        maxLevel: alarms.maxLevel,
        ruleName: alarms.ruleName,
        raisedAt: alarms.raisedAt,
        nextEscalationAt: alarms.nextEscalationAt,
        escalationStage: alarms.escalationStage,
        deviceName: devices.name,
        enterpriseName: enterprises.name,
      })
      .from(alarms)
      .innerJoin(devices, eq(devices.id, alarms.deviceId))
      .innerJoin(enterprises, eq(enterprises.id, alarms.enterpriseId))
      .where(and(alarmScope(principal.scope), where))
      .orderBy(desc(severity), asc(alarms.raisedAt))
      .limit(LIMIT);
  const label = (a: { maxLevel: string; deviceName: string; ruleName: string; enterpriseName: string }) =>
    `${ALARM_LEVEL_LABELS[a.maxLevel as AlarmLevel] ?? ''}报警 ${a.deviceName}「${a.ruleName}」`;
  const todo = (kind: TodoDto['kind'], title: string, id: string, due: Date | null, overdue: boolean): TodoDto => ({
    kind,
    title,
    link: `/monitoring/alarms/${id}`,
    due: due?.toISOString() ?? null,
    overdue,
    entityType: 'alarm',
    entityId: id,
  });

  const items: TodoDto[] = [];
  if (side === 'enterprise' && can(principal, 'alarms.handle')) {
    for (const a of await rows(inArray(alarms.status, ['pending', 'acknowledged']))) {
      items.push(
        a.status === 'pending'
          ? // Due: the next reminder or escalation step; overdue once it has escalated beyond the enterprise.
            todo('alarm_pending', `待响应：${label(a)}`, a.id, a.nextEscalationAt, a.escalationStage !== 'none')
          : todo('alarm_dispose', `待提交处置报告：${label(a)}`, a.id, null, false),
      );
    }
  } else if (side === 'township' || side === 'bureau') {
    const stages = side === 'township' ? ['township', 'bureau'] : ['bureau'];
    for (const a of await rows(and(eq(alarms.status, 'pending'), inArray(alarms.escalationStage, stages)))) {
      items.push(todo('alarm_escalated', `超时未响应：${a.enterpriseName} ${label(a)}`, a.id, a.raisedAt, true));
    }
  }
  return items;
}
