import type { HazardAbilities, HazardDto, HazardEventDto, MajorPlan } from '@zhiben/contracts';
import type { Principal } from '../../platform/principal.js';
import { allowedActions } from './hazards.machine.js';
import type { HazardRow, hazardTimeline } from './hazards.repository.js';

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/**
 * What the caller may do with a hazard now: the state machine's actions for his role at the hazard's level,
 * filtered by the permissions the role holds, plus the publication guards. Enterprise users only ever see their
 * own enterprise's hazards (scope), so their abilities are always about their own.
 */
export function abilitiesOf(principal: Principal, row: Pick<HazardRow, 'hazard' | 'delistedAt'>): HazardAbilities {
  const h = row.hazard;
  const allowed = allowedActions(principal, h.status as HazardDto['status'], h.level as HazardDto['level']);
  return {
    judge: allowed.has('judge'),
    dismiss: allowed.has('dismiss'),
    assign: allowed.has('assign'),
    submit: allowed.has('submit'),
    accept: allowed.has('accept'),
    reject: allowed.has('reject'),
    supervise: allowed.has('supervise'),
    publish: allowed.has('publish') && !h.publishedAt,
    unpublish: allowed.has('unpublish') && Boolean(h.publishedAt) && !row.delistedAt,
  };
}

export function toHazardDto(row: HazardRow, principal: Principal): HazardDto {
  const h = row.hazard;
  return {
    id: h.id,
    enterpriseId: h.enterpriseId,
    enterpriseName: row.enterpriseName,
    regionName: row.regionName,
    source: h.source as HazardDto['source'],
    level: h.level as HazardDto['level'],
    status: h.status as HazardDto['status'],
    overdue: row.overdue,
    description: h.description,
    location: h.location,
    photos: h.photos,
    standardItem: row.item ? { ...row.item, version: row.version ?? 0 } : null,
    inspectionId: h.inspectionId,
    foundAt: h.foundAt.toISOString(),
    judgedAt: iso(h.judgedAt),
    responsibleUserId: h.responsibleUserId,
    responsibleName: row.responsibleUserName ?? h.responsibleName,
    measures: h.measures,
    fundsFen: h.fundsFen,
    deadline: iso(h.deadline),
    contingencyPlan: h.contingencyPlan,
    majorPlan: (h.majorPlan as MajorPlan | null) ?? null,
    productionStopped: h.productionStopped,
    supervised: h.supervised,
    supervisingUnit: h.supervisingUnit,
    supervisionDeadline: iso(h.supervisionDeadline),
    publishedAt: iso(h.publishedAt),
    delistedAt: iso(row.delistedAt),
    dismissed: row.dismissed,
    closedAt: iso(h.closedAt),
    createdAt: h.createdAt.toISOString(),
    abilities: abilitiesOf(principal, row),
  };
}

type TimelineRow = Awaited<ReturnType<typeof hazardTimeline>>[number];

export function toEventDto({ event, userName }: TimelineRow): HazardEventDto {
  return {
    id: event.id,
    action: event.action,
    fromStatus: event.fromStatus as HazardEventDto['fromStatus'],
    toStatus: event.toStatus as HazardEventDto['toStatus'],
    actorName: event.actorName ?? userName,
    note: event.note,
    photos: event.photos,
    data: event.data ?? null,
    at: event.at.toISOString(),
  };
}
