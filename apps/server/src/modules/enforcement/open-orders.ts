import { type Executor, queryRows } from '@zhiben/db';
import { endOfShanghaiDay } from '@zhiben/domain';
import { type SQL, sql } from 'drizzle-orm';

/** A rectification order still waiting for a passed re-inspection, with what the to-dos and the sweep need. */
export interface OpenOrderRow {
  orderId: string;
  taskId: string;
  enterpriseId: string;
  enterpriseName: string;
  regionPath: string;
  officerIds: string[];
  deadline: string;
  number: string;
  /** Every finding of the order reported rectified (hazard submitted for acceptance or closed). */
  reported: boolean;
}

/** Open orders of tasks 整改中 matching `where` (raw SQL over `t` = inspection_tasks, `o` = rectification_orders). */
export async function openOrders(db: Executor, where: SQL): Promise<(OpenOrderRow & { due: Date })[]> {
  const rows = await queryRows<Omit<OpenOrderRow, 'deadline'> & { deadline: string | Date }>(
    db,
    sql`select o.id as "orderId", t.id as "taskId", t.enterprise_id as "enterpriseId", e.name as "enterpriseName",
               t.region_path as "regionPath", t.officer_ids as "officerIds", o.deadline::text as deadline, d.number,
               coalesce((select bool_and(h.status in ('pending_acceptance', 'closed')) from inspection_findings f
                         join hazards h on h.id = f.hazard_id where f.id = any(o.finding_ids)), false) as reported
        from rectification_orders o
        join inspection_tasks t on t.id = o.task_id
        join enterprises e on e.id = t.enterprise_id
        join enforcement_documents d on d.id = o.document_id
        where t.status = 'rectifying'
          and not exists (select 1 from reinspections r where r.order_id = o.id and r.result = 'passed')
          and ${where}
        order by o.deadline, o.issued_at`,
  );
  return rows.map((r) => {
    const deadline = String(r.deadline).slice(0, 10);
    return { ...r, deadline, due: endOfShanghaiDay(deadline) ?? new Date(0) };
  });
}
