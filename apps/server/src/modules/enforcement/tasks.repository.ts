import type { InspectionTaskListQuery, Scope } from '@zhiben/contracts';
import { type Executor, schema } from '@zhiben/db';
import { yearOf } from '@zhiben/domain';
import { type AnyColumn, and, desc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import { likeContains, orderBy, pageOf } from '../../platform/listing.js';
import { enterpriseScope } from '../../platform/scope.js';
import { inspectionFindings, inspectionTasks } from './tables.js';

const t = inspectionTasks;
const { enterprises, regions } = schema;

/**
 * Rows of `inspection_tasks` the caller may see: the scope, and — for enterprise accounts — never an unannounced
 * (四不两直) task before it has started. Every read of tasks, and of anything hanging off a task, goes through this.
 */
export function taskVisibility(scope: Scope): SQL {
  const inScope = enterpriseScope(scope, { enterpriseId: t.enterpriseId, regionPath: t.regionPath });
  if (scope.kind !== 'enterprise') return inScope;
  return and(inScope, sql`(not ${t.unannounced} or ${t.startedAt} is not null)`) as SQL;
}

/** The same rule for a table that references a task by `task_id` (null = not from a task: visible). */
export const visibleTaskRef = (scope: Scope, taskId: SQL | AnyColumn): SQL =>
  scope.kind === 'enterprise'
    ? sql`(${taskId} is null or exists (select 1 from inspection_tasks vt where vt.id = ${taskId} and (not vt.unannounced or vt.started_at is not null)))`
    : sql`true`;

const selection = {
  task: t,
  enterpriseName: enterprises.name,
  regionName: regions.name,
  findingCount: sql<number>`(select count(*)::int from inspection_findings f where f.task_id = ${t.id})`,
  majorFindingCount: sql<number>`(select count(*)::int from inspection_findings f where f.task_id = ${t.id} and f.major)`,
  // The latest order and its latest 复查, so a list shows deadlines without reading every task's detail.
  latestOrder: sql<{ deadline: string; result: string | null } | null>`(
    select json_build_object('deadline', o.deadline, 'result',
             (select r.result from reinspections r where r.order_id = o.id order by r.at desc limit 1))
    from rectification_orders o where o.task_id = ${t.id} order by o.issued_at desc limit 1)`,
};

export type TaskRow = {
  task: typeof t.$inferSelect;
  enterpriseName: string;
  regionName: string;
  findingCount: number;
  majorFindingCount: number;
  latestOrder: { deadline: string; result: string | null } | null;
};

const base = (db: Executor) =>
  db
    .select(selection)
    .from(t)
    .innerJoin(enterprises, eq(enterprises.id, t.enterpriseId))
    .innerJoin(regions, eq(regions.id, enterprises.regionId));

export async function listTasks(db: Executor, scope: Scope, userId: string, query: InspectionTaskListQuery) {
  const conditions: (SQL | undefined)[] = [taskVisibility(scope)];
  if (query.q) conditions.push(or(ilike(enterprises.name, likeContains(query.q)), ilike(t.note, likeContains(query.q))));
  if (query.status?.length) conditions.push(inArray(t.status, query.status));
  if (query.kind) conditions.push(eq(t.kind, query.kind));
  if (query.source) conditions.push(eq(t.source, query.source));
  if (query.enterpriseId) conditions.push(eq(t.enterpriseId, query.enterpriseId));
  if (query.planId) conditions.push(eq(t.planId, query.planId));
  if (query.mine === 'true') conditions.push(sql`${userId}::uuid = any(${t.officerIds})`);
  if (query.year) {
    const { start, end } = yearOf(new Date(Date.UTC(query.year, 6, 1)));
    conditions.push(
      sql`coalesce(${t.startedAt}, ${t.plannedDate}::timestamptz, ${t.createdAt}) >= ${start.toISOString()}::timestamptz
          and coalesce(${t.startedAt}, ${t.plannedDate}::timestamptz, ${t.createdAt}) < ${end.toISOString()}::timestamptz`,
    );
  }
  const where = and(...conditions);
  const { limit, offset } = pageOf(query);
  const [rows, count] = await Promise.all([
    base(db)
      .where(where)
      .orderBy(
        ...orderBy(query.sort, { createdAt: t.createdAt, plannedDate: t.plannedDate, startedAt: t.startedAt, status: t.status }, [
          desc(t.createdAt),
          desc(t.id),
        ]),
      )
      .limit(limit)
      .offset(offset),
    db.select({ n: sql<number>`count(*)::int` }).from(t).innerJoin(enterprises, eq(enterprises.id, t.enterpriseId)).where(where),
  ]);
  return { rows: rows as TaskRow[], total: count[0]?.n ?? 0 };
}

export async function findTask(db: Executor, scope: Scope, id: string): Promise<TaskRow | undefined> {
  const [row] = await base(db)
    .where(and(eq(t.id, id), taskVisibility(scope)))
    .limit(1);
  return row as TaskRow | undefined;
}

/** The task row locked for the rest of the transaction (bureau actions only: no enterprise visibility rule needed). */
export async function lockTask(tx: Executor, scope: Scope, id: string) {
  const [row] = await tx
    .select()
    .from(t)
    .where(and(eq(t.id, id), taskVisibility(scope)))
    .for('update')
    .limit(1);
  return row;
}

export const findingsOf = (db: Executor, taskId: string) =>
  db
    .select()
    .from(inspectionFindings)
    .where(eq(inspectionFindings.taskId, taskId))
    .orderBy(inspectionFindings.createdAt, inspectionFindings.id);
