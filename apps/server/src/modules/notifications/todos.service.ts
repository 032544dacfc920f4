import {
  availableHazardActions,
  HAZARD_LEVELS,
  HAZARD_TRANSITIONS,
  type HazardAction,
  type HazardLevel,
  type HazardStatus,
  ROLE_SIDE,
  type Role,
  type TodoDto,
} from '@zhiben/contracts';
import { schema } from '@zhiben/db';
import { endOfShanghaiDay, formatQuarter, quarterOf, quarterRange } from '@zhiben/domain';
import { and, asc, eq, inArray, isNotNull, lte, or, type SQL } from 'drizzle-orm';
import type { ServiceContext } from '../../platform/context.js';
import { can } from '../../platform/principal.js';
import { enterpriseScope } from '../../platform/scope.js';
import { alarmTodos } from '../alarms/alarms.todos.js';
import { enforcementTodos } from '../enforcement/enforcement.todos.js';
import { principalCompliance } from '../self-inspection/compliance.repository.js';
import { shortText } from './audience.js';
import { loadEscalationRules } from './escalation.jobs.js';

/** Per category; the list is a work queue, not a report (the hazard ledger has the full lists). */
const LIMIT = 200;
const DAY = 86_400_000;

/**
 * Whether a hazard in `status` waits for `role`: the role may take the action (the lifecycle table), and it is
 * the role's turn — enterprise roles act first; the bureau's to-do list holds only what the enterprise cannot do
 * itself (judging and accepting major hazards), not every general hazard of the district.
 */
export function waitsOn(action: HazardAction, status: HazardStatus, level: HazardLevel, role: Role): boolean {
  if (!availableHazardActions(status, level, role).includes(action)) return false;
  if (ROLE_SIDE[role] === 'enterprise') return true;
  return !HAZARD_TRANSITIONS[action].actors[level].some((r) => ROLE_SIDE[r] === 'enterprise');
}

/** What waits for the caller now, computed from current state (nothing is stored). Overdue first, then by due date. */
export async function todosFor(ctx: ServiceContext): Promise<{ items: TodoDto[]; total: number }> {
  const { principal, db } = ctx;
  const now = ctx.clock();
  const { hazards, enterprises, selfInspections } = schema;
  const role = principal.role;
  const side = ROLE_SIDE[role];
  const inScope = enterpriseScope(principal.scope, { enterpriseId: hazards.enterpriseId, regionPath: hazards.regionPath });
  const items: TodoDto[] = [];

  const hazardRows = (where: SQL | undefined, order: SQL) =>
    db
      .select({
        id: hazards.id,
        level: hazards.level,
        description: hazards.description,
        deadline: hazards.deadline,
        enterpriseName: enterprises.name,
      })
      .from(hazards)
      .innerJoin(enterprises, eq(enterprises.id, hazards.enterpriseId))
      .where(and(inScope, where))
      .orderBy(order)
      .limit(LIMIT);
  const label = (h: { level: string; description: string; enterpriseName: string }) =>
    `${h.level === 'major' ? '【重大】' : ''}${h.enterpriseName}「${shortText(h.description, 30)}」`;
  const hazardTodo = (kind: TodoDto['kind'], title: string, id: string, deadline: Date | null): TodoDto => ({
    kind,
    title,
    link: `/hazards/${id}`,
    due: deadline?.toISOString() ?? null,
    overdue: deadline !== null && deadline < now,
    entityType: 'hazard',
    entityId: id,
  });

  // 待判定 / 待验收 that are this role's to decide.
  const decisions = [
    { kind: 'hazard_judge', action: 'judge', status: 'pending_judgement', verb: '待判定' },
    { kind: 'hazard_accept', action: 'accept', status: 'pending_acceptance', verb: '待验收' },
  ] as const;
  for (const d of decisions) {
    const levels = HAZARD_LEVELS.filter((level) => waitsOn(d.action, d.status, level, role));
    if (levels.length === 0) continue;
    const rows = await hazardRows(and(eq(hazards.status, d.status), inArray(hazards.level, levels)), asc(hazards.foundAt));
    for (const h of rows) items.push({ ...hazardTodo(d.kind, `${d.verb}：${label(h)}`, h.id, null), overdue: false });
  }

  // 整改中 where the caller is the responsible person (五落实 责任人).
  for (const h of await hazardRows(
    and(eq(hazards.status, 'rectifying'), eq(hazards.responsibleUserId, principal.userId)),
    asc(hazards.deadline),
  )) {
    items.push(hazardTodo('hazard_rectify', `待整改：${label(h)}`, h.id, h.deadline));
  }

  // Township and bureau: overdue hazards in scope that have escalated to them (the escalation rules' offsets).
  const recipient = side === 'township' ? 'township' : side === 'bureau' ? 'bureau' : null;
  if (recipient) {
    const rules = (await loadEscalationRules(db)).filter((r) => r.recipient === recipient);
    const reached = HAZARD_LEVELS.map((level) => {
      const offsetHours = rules.find((r) => r.level === level)?.offsetHours ?? 0;
      return and(eq(hazards.level, level), lte(hazards.deadline, new Date(now.getTime() - Math.max(0, offsetHours) * 3_600_000)));
    });
    for (const h of await hazardRows(
      and(eq(hazards.status, 'rectifying'), isNotNull(hazards.deadline), or(...reached)),
      asc(hazards.deadline),
    )) {
      const days = h.deadline ? Math.floor((now.getTime() - h.deadline.getTime()) / DAY) : 0;
      items.push(hazardTodo('hazard_overdue', `逾期 ${days} 天未整改：${label(h)}`, h.id, h.deadline));
    }
  }

  // Enterprise users who record inspections: their enterprise's inspections not yet completed.
  if (side === 'enterprise' && can(principal, 'inspections.record')) {
    const rows = await db
      .select({
        id: selfInspections.id,
        title: selfInspections.title,
        plannedDate: selfInspections.plannedDate,
        status: selfInspections.status,
      })
      .from(selfInspections)
      .where(
        and(
          enterpriseScope(principal.scope, { enterpriseId: selfInspections.enterpriseId, regionPath: selfInspections.regionPath }),
          inArray(selfInspections.status, ['planned', 'in_progress']),
        ),
      )
      .orderBy(asc(selfInspections.plannedDate), asc(selfInspections.createdAt))
      .limit(LIMIT);
    for (const i of rows) {
      // A planned date is a local calendar day: due at its end (Asia/Shanghai).
      const due = i.plannedDate ? endOfShanghaiDay(i.plannedDate) : null;
      items.push({
        kind: 'inspection_open',
        title: `${i.status === 'planned' ? '待开始' : '进行中'}的自查：${i.title}`,
        link: `/self-inspection/${i.id}`,
        due: due?.toISOString() ?? null,
        overdue: due !== null && due < now,
        entityType: 'self_inspection',
        entityId: i.id,
      });
    }
  }

  // 主要负责人季度带队检查: until the principal has led a completed inspection this quarter.
  if ((role === 'enterprise_principal' || role === 'enterprise_safety_manager') && principal.scope.kind === 'enterprise') {
    const quarter = quarterOf(now);
    const { start, end } = quarterRange(quarter);
    const [row] = await principalCompliance(db, principal.scope, start, end);
    if (row && row.ledCount === 0) {
      items.push({
        kind: 'quarter_round',
        title: `${quarter.year}年第${quarter.quarter}季度主要负责人尚未带队检查（每季度至少 1 次）`,
        link: '/self-inspection?create=1',
        due: new Date(end.getTime() - 1000).toISOString(),
        overdue: false,
        entityType: 'quarter',
        entityId: formatQuarter(quarter),
      });
    }
  }

  // 监测报警 (issue #6): alarms to acknowledge or report on; escalated ones for the township and the bureau.
  items.push(...(await alarmTodos(ctx)));

  // 执法 (issue #7): tasks and re-inspections of the caller's inspections; an enterprise's open orders.
  items.push(...(await enforcementTodos(ctx)));

  items.sort(
    (a, b) =>
      Number(b.overdue) - Number(a.overdue) ||
      (a.due ?? '9999').localeCompare(b.due ?? '9999') ||
      a.kind.localeCompare(b.kind) ||
      a.title.localeCompare(b.title),
  );
  return { items, total: items.length };
}
