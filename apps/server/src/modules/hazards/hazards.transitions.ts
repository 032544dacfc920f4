import {
  type AcceptHazardBody,
  type AssignHazardBody,
  type DismissHazardBody,
  HAZARD_ACTION_LABELS,
  HAZARD_LEVEL_LABELS,
  type HazardAction,
  type HazardDto,
  type HazardLevel,
  type HazardStatus,
  type JudgeHazardBody,
  judgingLevel,
  type PublishHazardBody,
  type RejectHazardBody,
  ROLE_SIDE,
  type SubmitHazardBody,
  type SuperviseHazardBody,
} from '@zhiben/contracts';
import { schema, type Tx } from '@zhiben/db';
import { endOfShanghaiDay, shanghaiDate } from '@zhiben/domain';
import { eq } from 'drizzle-orm';
import { mutateAs, type ServiceContext } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { findEnterprise } from '../enterprises/enterprises.repository.js';
import { assertPhotosUsable } from '../files/files.service.js';
import { authorize, requireEvidence } from './hazards.machine.js';
import { notifyEnterpriseManagers, notifyNext } from './hazards.notify.js';
import { enterpriseNameOf, enterpriseUser, type HazardRecord, hazardRecord, isDelisted, lockHazard } from './hazards.repository.js';
import { get, invalid, resolveChecklistItem } from './hazards.service.js';

type HazardChanges = Partial<typeof schema.hazards.$inferInsert>;

const PAST: Record<HazardAction, string> = {
  judge: 'judged',
  dismiss: 'dismissed',
  assign: 'assigned',
  submit: 'submitted',
  accept: 'accepted',
  reject: 'rejected',
  supervise: 'supervised',
  publish: 'published',
  unpublish: 'unpublished',
};

interface Step {
  changes: HazardChanges;
  /** Extra facts for the timeline entry (defaults to the changed fields). */
  data?: Record<string, unknown>;
  /** Who is told: whoever the hazard now waits for, the enterprise's managers (bureau overlays), or nobody. */
  notify: 'next' | 'managers' | 'none';
}

interface Act {
  /** The level that decides who may act (judging: the effective level); default the hazard's own. */
  level?: (h: HazardRecord) => HazardLevel;
  evidence: { note?: string | null | undefined; photos?: string[] | undefined };
  /** Checks and changes, under the row lock; throws 400 / 403 / 409 for what the table cannot say. */
  plan: (tx: Tx, h: HazardRecord, now: Date) => Promise<Step> | Step;
}

const statusOf = (h: HazardRecord) => h.status as HazardStatus;
const levelOf = (h: HazardRecord) => h.level as HazardLevel;

/** JSON form of a value as the audit trail and the timeline keep it. */
const plain = (value: unknown) => (value === undefined ? null : JSON.parse(JSON.stringify(value)));

/**
 * One lifecycle action: scope (404) → state (409 with the current state) → role (403) → evidence and content
 * (400), then — in one transaction, on the locked row, checked again — the change, one `hazard_events` row, the
 * notification of the next actor and exactly one audit row.
 */
async function act(ctx: ServiceContext, id: string, action: HazardAction, spec: Act): Promise<HazardDto> {
  const scope = ctx.principal.scope;
  const level = spec.level ?? levelOf;
  const first = await hazardRecord(ctx.db, scope, id);
  if (!first) throw notFound();
  authorize(ctx.principal, action, statusOf(first), level(first));
  requireEvidence(action, level(first), spec.evidence);
  // Photos are checked before the transaction (the check reads through the pool).
  await assertPhotosUsable(ctx, spec.evidence.photos ?? [], first.enterpriseId);

  const now = ctx.clock();
  await mutateAs(ctx, async (tx) => {
    const h = await lockHazard(tx, scope, id);
    if (!h) throw notFound();
    const from = statusOf(h);
    const to = authorize(ctx.principal, action, from, level(h)) ?? from;
    const step = await spec.plan(tx, h, now);
    const changes: HazardChanges = { ...step.changes, status: to, ...(to === 'closed' && from !== 'closed' ? { closedAt: now } : {}) };
    await tx
      .update(schema.hazards)
      .set({ ...changes, updatedAt: now })
      .where(eq(schema.hazards.id, id));

    const keys = Object.keys(changes) as (keyof HazardRecord)[];
    const before = Object.fromEntries(keys.map((k) => [k, plain(h[k])]));
    const after = Object.fromEntries(keys.map((k) => [k, plain(changes[k as keyof HazardChanges])]));
    const [event] = await tx
      .insert(schema.hazardEvents)
      .values({
        hazardId: id,
        enterpriseId: h.enterpriseId,
        action,
        fromStatus: from,
        toStatus: to,
        actorId: ctx.principal.userId,
        actorName: ctx.principal.displayName,
        note: spec.evidence.note?.trim() || null,
        photos: spec.evidence.photos ?? [],
        data: step.data ?? after,
        at: now,
      })
      .returning({ id: schema.hazardEvents.id });
    if (!event) throw new AppError('INTERNAL');

    const updated = { ...h, ...changes } as HazardRecord;
    const ref = {
      id,
      enterpriseId: h.enterpriseId,
      status: statusOf(updated),
      level: levelOf(updated),
      responsibleUserId: updated.responsibleUserId,
      description: h.description,
    };
    const enterpriseName = await enterpriseNameOf(tx, h.enterpriseId);
    if (step.notify === 'next') await notifyNext(tx, ref, { eventId: event.id, actorId: ctx.principal.userId, enterpriseName });
    if (step.notify === 'managers') {
      await notifyEnterpriseManagers(tx, ref, {
        kind: `hazard.${PAST[action]}`,
        title: `隐患${HAZARD_ACTION_LABELS[action]}（${HAZARD_LEVEL_LABELS[ref.level]}）`,
        body: `${enterpriseName}：${h.description.slice(0, 80)}`,
        eventId: event.id,
        actorId: ctx.principal.userId,
      });
    }
    return {
      result: undefined,
      audit: {
        action: `hazards.${PAST[action]}`,
        entityType: 'hazard',
        entityId: id,
        enterpriseId: h.enterpriseId,
        regionPath: h.regionPath,
        before,
        after: { ...after, note: spec.evidence.note ?? null, photos: spec.evidence.photos?.length ?? 0 },
      },
    };
  });
  return get(ctx, id);
}

/** A deadline from the API: a date means the end of that day (Asia/Shanghai); it must lie in the future. */
function parseDeadline(value: string, field: string, now: Date): Date {
  const instant = /^\d{4}-\d{2}-\d{2}$/.test(value) ? endOfShanghaiDay(value) : new Date(value);
  if (!instant || Number.isNaN(instant.getTime())) throw invalid(field, '日期不正确');
  if (instant.getTime() <= now.getTime()) throw invalid(field, `期限不能早于今天（${shanghaiDate(now)}）`);
  return instant;
}

/** 整改责任人: an active user of the hazard's enterprise, or a name for someone without an account. */
async function responsibleOf(tx: Tx, enterpriseId: string, body: { responsibleUserId?: string | null; responsibleName?: string | null }) {
  if (body.responsibleUserId) {
    const user = await enterpriseUser(tx, enterpriseId, body.responsibleUserId);
    if (!user) throw invalid('responsibleUserId', '整改责任人须为该企业的在用账号');
    return { responsibleUserId: user.id, responsibleName: body.responsibleName ?? null };
  }
  if (!body.responsibleName) throw invalid('responsibleUserId', '请指定整改责任人（选择本企业用户或填写姓名）');
  return { responsibleUserId: null, responsibleName: body.responsibleName };
}

async function checklistItemFor(tx: Tx, h: HazardRecord, itemId: string): Promise<string> {
  const enterprise = await findEnterprise(tx, { kind: 'all' }, h.enterpriseId);
  if (!enterprise) throw notFound();
  return resolveChecklistItem(tx, enterprise, itemId);
}

/**
 * 判定: sets the level (the effective level for the role check is major when either the current or the judged level
 * is: an enterprise can neither downgrade a major hazard nor upgrade one), the standard item (required for major,
 * from the enterprise's current checklist when changed) and the 五落实; for major also the six-part plan and
 * whether production is stopped. → 整改中.
 */
export function judge(ctx: ServiceContext, id: string, body: JudgeHazardBody) {
  return act(ctx, id, 'judge', {
    level: (h) => judgingLevel(levelOf(h), body.level),
    evidence: { note: body.note },
    plan: async (tx, h, now) => {
      const major = body.level === 'major';
      let standardItemId = body.standardItemId === undefined ? h.standardItemId : body.standardItemId;
      if (major && !standardItemId) throw invalid('standardItemId', '重大隐患须选择对应的判定标准条款');
      if (standardItemId && standardItemId !== h.standardItemId) standardItemId = await checklistItemFor(tx, h, standardItemId);
      return {
        changes: {
          level: body.level,
          standardItemId: standardItemId ?? null,
          judgedBy: ctx.principal.userId,
          judgedAt: now,
          ...(await responsibleOf(tx, h.enterpriseId, body)),
          measures: body.measures,
          fundsFen: body.fundsFen,
          deadline: parseDeadline(body.deadline, 'deadline', now),
          contingencyPlan: body.contingencyPlan ?? null,
          majorPlan: major ? (body.majorPlan ?? null) : null,
          productionStopped: major ? Boolean(body.productionStopped) : false,
        },
        notify: 'next',
      };
    },
  });
}

/** 判定不构成隐患 (with the reason) → 已销号; such a record never counts as a hazard. */
export function dismiss(ctx: ServiceContext, id: string, body: DismissHazardBody) {
  return act(ctx, id, 'dismiss', {
    evidence: { note: body.note },
    plan: (_tx, _h, now) => ({ changes: { judgedBy: ctx.principal.userId, judgedAt: now }, data: { dismissed: true }, notify: 'none' }),
  });
}

/**
 * 调整五落实 while rectifying: only the fields sent change. The deadline of a major hazard is the bureau's to set
 * (an enterprise cannot move it to escape 逾期); the six-part plan belongs to major hazards only.
 */
export function assign(ctx: ServiceContext, id: string, body: AssignHazardBody) {
  return act(ctx, id, 'assign', {
    evidence: { note: body.note },
    plan: async (tx, h, now) => {
      const major = h.level === 'major';
      if (!major && (body.majorPlan !== undefined || body.productionStopped !== undefined)) {
        throw invalid('majorPlan', '治理方案和停产情况仅适用于重大隐患');
      }
      if (major && body.deadline !== undefined && ROLE_SIDE[ctx.principal.role] !== 'bureau') {
        throw new AppError('FORBIDDEN', '重大隐患的整改期限由区应急管理局确定');
      }
      if (major && body.contingencyPlan === null) throw invalid('contingencyPlan', '重大隐患须填写应急预案');
      const changes: HazardChanges = {};
      if (body.responsibleUserId !== undefined || body.responsibleName !== undefined) {
        Object.assign(changes, await responsibleOf(tx, h.enterpriseId, body));
      }
      if (body.measures !== undefined) changes.measures = body.measures;
      if (body.fundsFen !== undefined) changes.fundsFen = body.fundsFen;
      if (body.deadline !== undefined) changes.deadline = parseDeadline(body.deadline, 'deadline', now);
      if (body.contingencyPlan !== undefined) changes.contingencyPlan = body.contingencyPlan;
      if (body.majorPlan !== undefined) changes.majorPlan = body.majorPlan;
      if (body.productionStopped !== undefined) changes.productionStopped = body.productionStopped;
      const newResponsible = changes.responsibleUserId && changes.responsibleUserId !== h.responsibleUserId;
      return { changes, notify: newResponsible ? 'next' : 'none' };
    },
  });
}

/** 提交整改 with photos and a note → 待验收; the acceptor is told (the principal, or the bureau for major). */
export function submit(ctx: ServiceContext, id: string, body: SubmitHazardBody) {
  return act(ctx, id, 'submit', { evidence: body, plan: () => ({ changes: {}, notify: 'next' }) });
}

/** 验收销号 → 已销号. A major hazard needs the bureau's 复查验收 with photos (the table says so). */
export function accept(ctx: ServiceContext, id: string, body: AcceptHazardBody) {
  return act(ctx, id, 'accept', { evidence: body, plan: () => ({ changes: {}, notify: 'managers' }) });
}

/** 验收退回 with the reason → 整改中; the responsible person is told. */
export function reject(ctx: ServiceContext, id: string, body: RejectHazardBody) {
  return act(ctx, id, 'reject', { evidence: body, plan: () => ({ changes: {}, notify: 'next' }) });
}

/** 挂牌督办 (major hazards, the bureau): supervising unit and deadline; an overlay, the state is unchanged. */
export function supervise(ctx: ServiceContext, id: string, body: SuperviseHazardBody) {
  return act(ctx, id, 'supervise', {
    evidence: { note: body.note },
    plan: (_tx, _h, now) => ({
      changes: {
        supervised: true,
        supervisingUnit: body.supervisingUnit,
        supervisionDeadline: parseDeadline(body.supervisionDeadline, 'supervisionDeadline', now),
      },
      notify: 'managers',
    }),
  });
}

/** 挂牌: lists a judged, open major hazard on the public page (once). */
export function publish(ctx: ServiceContext, id: string, body: PublishHazardBody) {
  return act(ctx, id, 'publish', {
    evidence: { note: body.note },
    plan: (_tx, h, now) => {
      if (h.publishedAt) {
        throw new AppError('STATE_CONFLICT', '该隐患已向社会公布', { currentStatus: h.status, publishedAt: h.publishedAt.toISOString() });
      }
      return { changes: { publishedAt: now }, notify: 'none' };
    },
  });
}

/** 摘牌: announces the closure of a published major hazard on the public page (once, after 销号). */
export function unpublish(ctx: ServiceContext, id: string, body: PublishHazardBody) {
  return act(ctx, id, 'unpublish', {
    evidence: { note: body.note },
    plan: async (tx, h) => {
      if (!h.publishedAt)
        throw new AppError('STATE_CONFLICT', '该隐患未向社会公布，无需摘牌', { currentStatus: h.status, published: false });
      if (await isDelisted(tx, h.id)) throw new AppError('STATE_CONFLICT', '该隐患已摘牌', { currentStatus: h.status, delisted: true });
      return { changes: {}, data: { delisted: true }, notify: 'none' };
    },
  });
}
