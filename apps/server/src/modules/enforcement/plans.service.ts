import type {
  KeyListDto,
  ListResult,
  PlanDto,
  PlanEntryDto,
  PlanEntryInput,
  PlanStatus,
  PlanSummaryDto,
  SavePlanBody,
} from '@zhiben/contracts';
import { queryRows, type Tx } from '@zhiben/db';
import { capFor, draftAnnualPlan, KEY_CLASSES, validatePlan } from '@zhiben/domain';
import { and, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import { mutateAs, type ServiceContext } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { can } from '../../platform/principal.js';
import { type PlanEnterpriseRow, planEnterprises, planEntries } from './plans.repository.js';
import { enforcementPlanEntries, enforcementPlans } from './tables.js';

type PlanRow = typeof enforcementPlans.$inferSelect;

const defaultTitle = (year: number) => `${year}年度工贸行业安全生产执法检查计划`;

function abilities(ctx: ServiceContext, plan: PlanRow) {
  return {
    update: plan.status === 'draft' && can(ctx.principal, 'enforcement.plan'),
    approve: plan.status === 'draft' && can(ctx.principal, 'enforcement.approve'),
    publish: plan.status === 'approved' && can(ctx.principal, 'enforcement.approve'),
  };
}

const planBase = (ctx: ServiceContext, plan: PlanRow) => ({
  id: plan.id,
  year: plan.year,
  title: plan.title,
  status: plan.status as PlanStatus,
  approvedAt: plan.approvedAt?.toISOString() ?? null,
  publishedAt: plan.publishedAt?.toISOString() ?? null,
  createdAt: plan.createdAt.toISOString(),
  abilities: abilities(ctx, plan),
});

async function entryDtos(ctx: ServiceContext, plan: PlanRow): Promise<PlanEntryDto[]> {
  const entries = await planEntries(ctx.db, plan.id);
  const enterprises = new Map(
    (await planEnterprises(ctx.db, ctx.principal.scope, ctx.clock(), plan.year, { ids: entries.map((e) => e.enterpriseId) })).map((e) => [
      e.enterpriseId,
      e,
    ]),
  );
  return entries.flatMap((entry) => {
    const e = enterprises.get(entry.enterpriseId);
    if (!e) return [];
    const cap = capFor(e);
    return [
      {
        enterpriseId: e.enterpriseId,
        enterpriseName: e.name,
        regionName: e.regionName,
        riskClass: e.riskClass,
        standardizationLevel: e.standardizationLevel,
        highRisk: e.highRisk,
        cap,
        plannedCount: entry.plannedCount,
        quarters: entry.quarters,
        overCapReason: entry.overCapReason,
        overCap: entry.plannedCount > cap,
        key: KEY_CLASSES.includes(e.riskClass),
        lastInspectedAt: e.lastInspectedAt,
        doneCount: e.doneCount,
      },
    ];
  });
}

async function findPlan(ctx: ServiceContext, id: string): Promise<PlanRow> {
  const [plan] = await ctx.db.select().from(enforcementPlans).where(eq(enforcementPlans.id, id));
  if (!plan) throw notFound();
  return plan;
}

export async function getPlan(ctx: ServiceContext, id: string): Promise<PlanDto> {
  const plan = await findPlan(ctx, id);
  const entries = (await entryDtos(ctx, plan)).sort(
    (a, b) =>
      a.riskClass.localeCompare(b.riskClass) ||
      a.regionName.localeCompare(b.regionName, 'zh-CN') ||
      a.enterpriseName.localeCompare(b.enterpriseName, 'zh-CN'),
  );
  return { ...planBase(ctx, plan), entries };
}

/**
 * The plans, newest year first, with their totals in one query. `keyEnterprises` counts the entries saved as class A
 * or B; the plan's detail shows the classes in force now.
 */
export async function listPlans(ctx: ServiceContext): Promise<ListResult<PlanSummaryDto>> {
  const rows = await queryRows<{
    id: string;
    enterprises: number;
    planned: number;
    key: number;
    overCap: number;
    done: number;
  }>(
    ctx.db,
    sql`select p.id,
               count(pe.plan_id) filter (where pe.planned_count > 0)::int as enterprises,
               coalesce(sum(pe.planned_count), 0)::int as planned,
               count(pe.plan_id) filter (where pe.risk_class in ('A', 'B'))::int as key,
               count(pe.plan_id) filter (where pe.planned_count > pe.cap)::int as "overCap",
               coalesce(sum(least(pe.planned_count, (
                 select count(*) from inspection_tasks t where t.enterprise_id = pe.enterprise_id and t.kind = 'onsite'
                   and t.started_at >= make_timestamptz(p.year, 1, 1, 0, 0, 0, 'Asia/Shanghai')
                   and t.started_at < make_timestamptz(p.year + 1, 1, 1, 0, 0, 0, 'Asia/Shanghai')))), 0)::int as done
        from enforcement_plans p left join enforcement_plan_entries pe on pe.plan_id = p.id
        group by p.id`,
  );
  const totals = new Map(rows.map((r) => [r.id, r]));
  const plans = await ctx.db
    .select()
    .from(enforcementPlans)
    .orderBy(desc(enforcementPlans.year), desc(enforcementPlans.createdAt))
    .limit(200);
  const items = plans.map((plan) => {
    const t = totals.get(plan.id);
    return {
      ...planBase(ctx, plan),
      enterprises: t?.enterprises ?? 0,
      plannedInspections: t?.planned ?? 0,
      keyEnterprises: t?.key ?? 0,
      overCapEntries: t?.overCap ?? 0,
      doneInspections: t?.done ?? 0,
    };
  });
  return { items, total: items.length };
}

/** 重点检查企业名单: the plan's enterprises of class A and B (seed §三(八)18 分级确定重点检查企业名单). */
export async function keyList(ctx: ServiceContext, id: string): Promise<KeyListDto> {
  const plan = await getPlan(ctx, id);
  return { planId: plan.id, year: plan.year, status: plan.status, items: plan.entries.filter((e) => e.key) };
}

/**
 * Checks the entries against the caps (domain validatePlan, regulations.md §5.3): over a cap without a reason →
 * 400 PLAN_OVER_CAP; any other problem → 400 VALIDATION_FAILED. Returns the accepted over-cap entries (audited).
 */
async function validated(ctx: ServiceContext, year: number, entries: PlanEntryInput[]) {
  const enterprises = await planEnterprises(ctx.db, ctx.principal.scope, ctx.clock(), year, {
    ids: [...new Set(entries.map((e) => e.enterpriseId))],
  });
  const check = validatePlan(
    entries,
    enterprises.map((e) => ({
      enterpriseId: e.enterpriseId,
      name: e.name,
      highRisk: e.highRisk,
      standardizationLevel: e.standardizationLevel,
    })),
  );
  if (!check.ok) {
    const issues = check.issues.map((i) => ({ path: ['body', ...i.path], message: i.message, code: i.code }));
    const overCap = check.issues.some((i) => i.code === 'OVER_CAP_WITHOUT_REASON');
    throw new AppError(overCap ? 'PLAN_OVER_CAP' : 'VALIDATION_FAILED', check.issues[0]?.message, { issues });
  }
  return { overCap: check.overCap, enterprises: new Map(enterprises.map((e) => [e.enterpriseId, e])) };
}

async function writeEntries(tx: Tx, planId: string, entries: PlanEntryInput[], enterprises: Map<string, PlanEnterpriseRow>) {
  await tx.delete(enforcementPlanEntries).where(eq(enforcementPlanEntries.planId, planId));
  const values = entries.flatMap((entry) => {
    const e = enterprises.get(entry.enterpriseId);
    if (!e) return [];
    return [
      {
        planId,
        enterpriseId: entry.enterpriseId,
        plannedCount: entry.plannedCount,
        quarters: [...entry.quarters],
        cap: capFor(e),
        riskClass: e.riskClass,
        overCapReason: entry.plannedCount > capFor(e) ? (entry.overCapReason?.trim() ?? null) : null,
      },
    ];
  });
  for (let i = 0; i < values.length; i += 500) await tx.insert(enforcementPlanEntries).values(values.slice(i, i + 500));
}

async function insertPlan(ctx: ServiceContext, tx: Tx, year: number, title: string | undefined): Promise<PlanRow> {
  const [plan] = await tx
    .insert(enforcementPlans)
    .values({
      year,
      title: title ?? defaultTitle(year),
      status: 'draft',
      createdBy: ctx.principal.userId,
      createdAt: ctx.clock(),
      updatedAt: ctx.clock(),
    })
    .returning();
  if (!plan) throw new AppError('INTERNAL');
  return plan;
}

/**
 * 生成年度执法计划草稿 (domain draftAnnualPlan): every operating enterprise in scope with its class, cap and last
 * inspection; counts per class within the caps, spread over the quarters. Enterprises proposed 0 are left out.
 */
export async function generatePlan(ctx: ServiceContext, body: { year: number; title?: string | undefined }): Promise<PlanDto> {
  const candidates = await planEnterprises(ctx.db, ctx.principal.scope, ctx.clock(), body.year, { operatingOnly: true });
  const draft = draftAnnualPlan(body.year, candidates);
  const entries: PlanEntryInput[] = draft.entries
    .filter((e) => e.plannedCount > 0)
    .map((e) => ({ enterpriseId: e.enterpriseId, plannedCount: e.plannedCount, quarters: e.quarters, overCapReason: null }));
  const byId = new Map(candidates.map((c) => [c.enterpriseId, c]));
  const id = await mutateAs(ctx, async (tx) => {
    const plan = await insertPlan(ctx, tx, body.year, body.title);
    await writeEntries(tx, plan.id, entries, byId);
    return {
      result: plan.id,
      audit: {
        action: 'enforcement.plan_generated',
        entityType: 'enforcement_plan',
        entityId: plan.id,
        after: {
          year: body.year,
          enterprises: entries.length,
          plannedInspections: entries.reduce((n, e) => n + e.plannedCount, 0),
          keyList: draft.keyList.length,
          quarterLoad: draft.quarterLoad,
        },
      },
    };
  });
  return getPlan(ctx, id);
}

/** A plan from entries given by the official (validated against the caps). */
export async function createPlan(ctx: ServiceContext, body: SavePlanBody): Promise<PlanDto> {
  const { overCap, enterprises } = await validated(ctx, body.year, body.entries);
  const id = await mutateAs(ctx, async (tx) => {
    const plan = await insertPlan(ctx, tx, body.year, body.title);
    await writeEntries(tx, plan.id, body.entries, enterprises);
    return {
      result: plan.id,
      audit: {
        action: 'enforcement.plan_created',
        entityType: 'enforcement_plan',
        entityId: plan.id,
        after: { year: body.year, entries: body.entries.length, overCap },
      },
    };
  });
  return getPlan(ctx, id);
}

/**
 * 调整计划 (draft only): the entries are replaced. An entry over its cap needs a reason (400 PLAN_OVER_CAP
 * without); with one it is accepted and the audit row lists it with its cap and reason.
 */
export async function updatePlan(ctx: ServiceContext, id: string, body: SavePlanBody): Promise<PlanDto> {
  const plan = await findPlan(ctx, id);
  if (body.year !== plan.year) {
    throw new AppError('VALIDATION_FAILED', '年度不能修改', { issues: [{ path: ['body', 'year'], message: '年度不能修改' }] });
  }
  const { overCap, enterprises } = await validated(ctx, plan.year, body.entries);
  await mutateAs(ctx, async (tx) => {
    const [locked] = await tx.select().from(enforcementPlans).where(eq(enforcementPlans.id, id)).for('update');
    if (!locked) throw notFound();
    if (locked.status !== 'draft') throw new AppError('STATE_CONFLICT', '计划已批准，不能再调整', { currentStatus: locked.status });
    const before = await planEntries(tx, id);
    await writeEntries(tx, id, body.entries, enterprises);
    await tx
      .update(enforcementPlans)
      .set({ ...(body.title ? { title: body.title } : {}), updatedAt: ctx.clock() })
      .where(eq(enforcementPlans.id, id));
    return {
      result: undefined,
      audit: {
        action: 'enforcement.plan_updated',
        entityType: 'enforcement_plan',
        entityId: id,
        before: { entries: before.length, plannedInspections: before.reduce((n, e) => n + e.plannedCount, 0) },
        after: {
          entries: body.entries.length,
          plannedInspections: body.entries.reduce((n, e) => n + e.plannedCount, 0),
          // Over-cap entries accepted with a reason (regulations.md §5.3 caps), for the record.
          overCap,
        },
      },
    };
  });
  return getPlan(ctx, id);
}

async function moveStatus(ctx: ServiceContext, id: string, from: PlanStatus, to: PlanStatus): Promise<PlanDto> {
  await mutateAs(ctx, async (tx) => {
    const [plan] = await tx.select().from(enforcementPlans).where(eq(enforcementPlans.id, id)).for('update');
    if (!plan) throw notFound();
    if (plan.status !== from) throw new AppError('STATE_CONFLICT', undefined, { currentStatus: plan.status });
    const now = ctx.clock();
    const stamp =
      to === 'approved' ? { approvedAt: now, approvedBy: ctx.principal.userId } : { publishedAt: now, publishedBy: ctx.principal.userId };
    // 计划调整: approving a revised plan replaces the one in force for the year (one in force: partial unique index).
    const superseded =
      to === 'approved'
        ? await tx
            .update(enforcementPlans)
            .set({ status: 'superseded', updatedAt: now })
            .where(
              and(
                eq(enforcementPlans.year, plan.year),
                inArray(enforcementPlans.status, ['approved', 'published']),
                ne(enforcementPlans.id, id),
              ),
            )
            .returning({ id: enforcementPlans.id })
        : [];
    await tx
      .update(enforcementPlans)
      .set({ status: to, ...stamp, updatedAt: now })
      .where(eq(enforcementPlans.id, id));
    return {
      result: undefined,
      audit: {
        action: `enforcement.plan_${to}`,
        entityType: 'enforcement_plan',
        entityId: id,
        before: { status: from },
        after: { status: to, supersededPlanIds: superseded.map((p) => p.id) },
      },
    };
  });
  return getPlan(ctx, id);
}

export const approvePlan = (ctx: ServiceContext, id: string) => moveStatus(ctx, id, 'draft', 'approved');
export const publishPlan = (ctx: ServiceContext, id: string) => moveStatus(ctx, id, 'approved', 'published');
