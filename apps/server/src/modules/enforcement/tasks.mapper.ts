import type {
  FindingDto,
  InspectionTaskDto,
  InspectionTaskKind,
  InspectionTaskSource,
  InspectionTaskStatus,
  OrderDto,
  ReinspectionResult,
  TaskDetailDto,
} from '@zhiben/contracts';
import { can, type Principal } from '../../platform/principal.js';
import type { TaskRow } from './tasks.repository.js';
import {
  deadlinePassed,
  type FindingRow,
  latestReinspection,
  type OrderRow,
  openFindings,
  openOrder,
  reinspectionDue,
  type TaskState,
} from './tasks.state.js';

type Abilities = InspectionTaskDto['abilities'];

/** Whether the caller acts as one of the task's officers (only they sign its record and documents). */
export const isTaskOfficer = (principal: Principal, row: Pick<TaskRow['task'], 'officerIds'>) =>
  can(principal, 'enforcement.inspect') && row.officerIds.includes(principal.userId);

/** Abilities from the state alone (lists); `detailAbilities` refines them with what was recorded. */
function statusAbilities(principal: Principal, row: TaskRow['task']): Abilities {
  const officer = isTaskOfficer(principal, row);
  const s = row.status as InspectionTaskStatus;
  return {
    start: officer && s === 'scheduled',
    findings: officer && s === 'in_progress',
    order: officer && s === 'in_progress',
    reinspect: officer && s === 'rectifying',
    close: officer && (s === 'in_progress' || s === 'rectifying'),
    cancel: can(principal, 'enforcement.inspect') && s === 'scheduled',
  };
}

function detailAbilities(principal: Principal, row: TaskRow['task'], state: TaskState, now: Date): Abilities {
  const a = statusAbilities(principal, row);
  const open = openOrder(state);
  const unordered = openFindings(state).filter((f) => !state.orders.some((o) => o.findingIds.includes(f.id)));
  return {
    ...a,
    order: a.order && unordered.length > 0 && row.officerIds.length >= 2,
    reinspect: a.reinspect && open !== null && reinspectionDue(state, open, now),
    close: a.close && (row.status === 'in_progress' ? openFindings(state).length === 0 : open === null),
  };
}

export function toTaskDto(
  row: TaskRow,
  officerNames: Map<string, string>,
  principal: Principal,
  now: Date,
  abilities?: Abilities,
): InspectionTaskDto {
  const t = row.task;
  const order = row.latestOrder;
  return {
    id: t.id,
    enterpriseId: t.enterpriseId,
    enterpriseName: row.enterpriseName,
    regionName: row.regionName,
    kind: t.kind as InspectionTaskKind,
    source: t.source as InspectionTaskSource,
    planId: t.planId,
    sourceRef: t.sourceRef,
    unannounced: t.unannounced,
    officers: t.officerIds.map((id) => ({ id, name: officerNames.get(id) ?? '' })),
    status: t.status as InspectionTaskStatus,
    plannedDate: t.plannedDate,
    startedAt: t.startedAt?.toISOString() ?? null,
    closedAt: t.closedAt?.toISOString() ?? null,
    findingCount: row.findingCount,
    majorFindingCount: row.majorFindingCount,
    // The same rule as the order in the detail (toOrderDto).
    latestOrder: order
      ? {
          deadline: order.deadline,
          overdue: deadlinePassed(order, now) && order.result !== 'passed',
          reinspectionResult: (order.result as ReinspectionResult | null) ?? null,
        }
      : null,
    note: t.note,
    createdAt: t.createdAt.toISOString(),
    abilities: abilities ?? statusAbilities(principal, t),
  };
}

export const toFindingDto = (f: FindingRow): FindingDto => ({
  id: f.id,
  taskId: f.taskId,
  description: f.description,
  location: f.location,
  photos: f.photos,
  standardItem: f.item,
  checklistItemKey: f.checklistItemKey,
  legalBasis: f.legalBasis,
  major: f.major,
  hazardId: f.hazardId,
  createdAt: f.createdAt.toISOString(),
});

function toOrderDto(order: OrderRow, state: TaskState, now: Date): OrderDto {
  const latest = latestReinspection(state, order.id);
  return {
    id: order.id,
    taskId: order.taskId,
    documentNumber: order.documentNumber,
    findingIds: order.findingIds,
    deadline: order.deadline,
    legalBasis: order.legalBasis,
    requirements: order.requirements,
    issuedAt: order.issuedAt.toISOString(),
    overdue: deadlinePassed(order, now) && latest?.result !== 'passed',
    reinspection: latest
      ? {
          documentNumber: latest.documentNumber,
          result: latest.result as ReinspectionResult,
          opinion: latest.opinion,
          at: latest.at.toISOString(),
        }
      : null,
  };
}

export function toTaskDetail(
  row: TaskRow,
  state: TaskState,
  officerNames: Map<string, string>,
  principal: Principal,
  now: Date,
  caseIds: string[],
): TaskDetailDto {
  return {
    ...toTaskDto(row, officerNames, principal, now, detailAbilities(principal, row.task, state, now)),
    findings: state.findings.map(toFindingDto),
    orders: state.orders.map((o) => toOrderDto(o, state, now)),
    documents: state.documents.map((d) => ({ id: d.id, type: d.type, number: d.number, createdAt: d.createdAt.toISOString() })),
    caseIds,
  };
}
