import type { ReinspectionResult } from '@zhiben/contracts';
import { type Executor, schema } from '@zhiben/db';
import { endOfShanghaiDay } from '@zhiben/domain';
import { asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { enforcementCases, enforcementDocuments, inspectionFindings, rectificationOrders, reinspections } from './tables.js';

export type FindingRow = typeof inspectionFindings.$inferSelect & {
  item: { id: string; key: string; articleLabel: string; itemLabel: string } | null;
  hazardStatus: string | null;
};
export type OrderRow = typeof rectificationOrders.$inferSelect & { documentNumber: string };
export type ReinspectionRow = typeof reinspections.$inferSelect & { documentNumber: string };

/** Everything recorded on a task: findings (with their hazard's state), orders, re-inspections, documents. */
export interface TaskState {
  findings: FindingRow[];
  orders: OrderRow[];
  reinspections: ReinspectionRow[];
  documents: { id: string; type: string; number: string; createdAt: Date }[];
}

export async function loadTaskState(db: Executor, taskId: string): Promise<TaskState> {
  const { standardItems, hazards } = schema;
  const [findings, orders, reins, documents] = await Promise.all([
    db
      .select({
        finding: inspectionFindings,
        item: {
          id: standardItems.id,
          key: standardItems.key,
          articleLabel: standardItems.articleLabel,
          itemLabel: standardItems.itemLabel,
        },
        hazardStatus: hazards.status,
      })
      .from(inspectionFindings)
      .leftJoin(standardItems, eq(standardItems.id, inspectionFindings.standardItemId))
      .leftJoin(hazards, eq(hazards.id, inspectionFindings.hazardId))
      .where(eq(inspectionFindings.taskId, taskId))
      .orderBy(asc(inspectionFindings.createdAt), asc(inspectionFindings.id)),
    db
      .select({ order: rectificationOrders, documentNumber: enforcementDocuments.number })
      .from(rectificationOrders)
      .innerJoin(enforcementDocuments, eq(enforcementDocuments.id, rectificationOrders.documentId))
      .where(eq(rectificationOrders.taskId, taskId))
      .orderBy(asc(rectificationOrders.issuedAt)),
    db
      .select({ reinspection: reinspections, documentNumber: enforcementDocuments.number })
      .from(reinspections)
      .innerJoin(enforcementDocuments, eq(enforcementDocuments.id, reinspections.documentId))
      .where(eq(reinspections.taskId, taskId))
      .orderBy(desc(reinspections.at), desc(reinspections.id)),
    db
      .select({
        id: enforcementDocuments.id,
        type: enforcementDocuments.type,
        number: enforcementDocuments.number,
        createdAt: enforcementDocuments.createdAt,
      })
      .from(enforcementDocuments)
      .where(eq(enforcementDocuments.taskId, taskId))
      // Documents numbered together (record and order) in their ENFORCEMENT_DOCUMENT_TYPES order.
      .orderBy(
        asc(enforcementDocuments.createdAt),
        sql`array_position(array['inspection_record', 'rectification_order', 'reinspection_opinion', 'penalty_decision'], ${enforcementDocuments.type})`,
      ),
  ]);
  return {
    findings: findings.map((f) => ({ ...f.finding, item: f.item?.id ? f.item : null, hazardStatus: f.hazardStatus })),
    orders: orders.map((o) => ({ ...o.order, documentNumber: o.documentNumber })),
    reinspections: reins.map((r) => ({ ...r.reinspection, documentNumber: r.documentNumber })),
    documents,
  };
}

/** The latest re-inspection of an order. */
export const latestReinspection = (state: TaskState, orderId: string) => state.reinspections.find((r) => r.orderId === orderId) ?? null;

/** The order of the task still waiting for a passed re-inspection (at most one: an order is issued once per task). */
export function openOrder(state: TaskState): OrderRow | null {
  return state.orders.find((o) => latestReinspection(state, o.id)?.result !== ('passed' satisfies ReinspectionResult)) ?? null;
}

/** The deadline has passed (the end of the deadline's local day). */
export const deadlinePassed = (order: { deadline: string }, now: Date) =>
  (endOfShanghaiDay(order.deadline)?.getTime() ?? 0) < now.getTime();

/**
 * 复查 is due on or after the deadline, or earlier once the enterprise has reported every finding of the order as
 * rectified (its hazards submitted for acceptance or closed).
 */
export function reinspectionDue(state: TaskState, order: OrderRow, now: Date): boolean {
  if (deadlinePassed(order, now)) return true;
  const ordered = new Set(order.findingIds);
  return state.findings
    .filter((f) => ordered.has(f.id))
    .every((f) => f.hazardStatus === 'pending_acceptance' || f.hazardStatus === 'closed');
}

/** Findings whose hazard is not closed yet. */
export const openFindings = (state: TaskState) => state.findings.filter((f) => f.hazardStatus !== 'closed');

export async function caseIdsOf(db: Executor, taskIds: string[]): Promise<Map<string, string[]>> {
  if (taskIds.length === 0) return new Map();
  const rows = await db
    .select({ id: enforcementCases.id, taskId: enforcementCases.taskId })
    .from(enforcementCases)
    .where(inArray(enforcementCases.taskId, taskIds));
  const out = new Map<string, string[]>();
  for (const r of rows) if (r.taskId) out.set(r.taskId, [...(out.get(r.taskId) ?? []), r.id]);
  return out;
}
