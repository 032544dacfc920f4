import { type EnforcementStatsDto, PENALTY_TYPES, type PenaltyType } from '@zhiben/contracts';
import { queryRows } from '@zhiben/db';
import { shanghaiParts, yearOf } from '@zhiben/domain';
import { sql } from 'drizzle-orm';
import type { ServiceContext } from '../../platform/context.js';
import { rawScope } from './raw-scope.js';

const MAX_BUCKET = 5;

/**
 * The enforcement views (issue #7 item 8) for a year, within the caller's scope: plan progress by month and by
 * officer, findings per inspection, penalties by type and amount. Months are local (Asia/Shanghai).
 */
export async function enforcementStats(ctx: ServiceContext, query: { year?: number | undefined }): Promise<EnforcementStatsDto> {
  const year = query.year ?? shanghaiParts(ctx.clock()).year;
  const { start, end } = yearOf(new Date(Date.UTC(year, 6, 1)));
  const from = sql`${start.toISOString()}::timestamptz`;
  const to = sql`${end.toISOString()}::timestamptz`;
  const taskScope = rawScope(ctx.principal.scope, sql`t.enterprise_id`, sql`t.region_path`);
  const enterpriseScope = rawScope(ctx.principal.scope, sql`e.id`, sql`e.region_path`);
  const caseScope = rawScope(ctx.principal.scope, sql`c.enterprise_id`, sql`c.region_path`);
  // The plan in force for the year (approved or published), else the latest draft.
  const planOfYear = sql`(select id from enforcement_plans where year = ${year}
                          order by (status in ('approved', 'published')) desc, created_at desc limit 1)`;

  const [plans, quarterRows, monthRows, officerRows, perTask, typeRows, totals] = await Promise.all([
    queryRows<{ id: string; status: string; enterprises: number }>(
      ctx.db,
      sql`select p.id, p.status,
                 (select count(*)::int from enforcement_plan_entries pe join enterprises e on e.id = pe.enterprise_id
                  where pe.plan_id = p.id and pe.planned_count > 0 and ${enterpriseScope}) as enterprises
          from enforcement_plans p where p.id = ${planOfYear}`,
    ),
    queryRows<{ quarter: number; n: number }>(
      ctx.db,
      sql`select q as quarter, count(*)::int as n
          from enforcement_plans p join enforcement_plan_entries pe on pe.plan_id = p.id
          join enterprises e on e.id = pe.enterprise_id cross join lateral unnest(pe.quarters) as q
          where p.id = ${planOfYear} and ${enterpriseScope} group by q`,
    ),
    queryRows<{ month: number; n: number }>(
      ctx.db,
      sql`select extract(month from t.started_at at time zone 'Asia/Shanghai')::int as month, count(*)::int as n
          from inspection_tasks t where t.kind = 'onsite' and t.started_at >= ${from} and t.started_at < ${to} and ${taskScope}
          group by 1`,
    ),
    queryRows<{ officerId: string; name: string; tasks: number; started: number; closed: number; findings: number }>(
      ctx.db,
      sql`select o.id as "officerId", u.display_name as name, count(*)::int as tasks,
                 count(*) filter (where t.started_at is not null)::int as started,
                 count(*) filter (where t.status = 'closed')::int as closed,
                 coalesce(sum((select count(*) from inspection_findings f where f.task_id = t.id)), 0)::int as findings
          from inspection_tasks t cross join lateral unnest(t.officer_ids) as o(id) join users u on u.id = o.id
          where t.status <> 'cancelled' and coalesce(t.started_at, t.created_at) >= ${from}
            and coalesce(t.started_at, t.created_at) < ${to} and ${taskScope}
          group by o.id, u.display_name order by tasks desc, name`,
    ),
    queryRows<{ findings: number; major: number }>(
      ctx.db,
      sql`select count(f.id)::int as findings, count(f.id) filter (where f.major)::int as major
          from inspection_tasks t left join inspection_findings f on f.task_id = t.id
          where t.started_at >= ${from} and t.started_at < ${to} and ${taskScope} group by t.id`,
    ),
    queryRows<{ type: PenaltyType; decisions: number; fineFen: number }>(
      ctx.db,
      sql`select ty as type, count(*)::int as decisions,
                 coalesce(sum(case when ty = 'fine' then d.fine_fen else 0 end), 0)::bigint as "fineFen"
          from penalty_decisions d join enforcement_cases c on c.id = d.case_id cross join lateral unnest(d.types) as ty
          where d.decision_date >= ${`${year}-01-01`}::date and d.decision_date <= ${`${year}-12-31`}::date and ${caseScope}
          group by ty`,
    ),
    queryRows<{ cases: number; decisions: number; dual: number; fineFen: number; paidFen: number }>(
      ctx.db,
      sql`select count(distinct c.id)::int as cases, count(d.id)::int as decisions,
                 count(distinct c.id) filter (where d.party = 'principal')::int as dual,
                 coalesce(sum(d.fine_fen), 0)::bigint as "fineFen",
                 coalesce(sum(d.fine_fen) filter (where d.paid_on is not null), 0)::bigint as "paidFen"
          from penalty_decisions d join enforcement_cases c on c.id = d.case_id
          where d.decision_date >= ${`${year}-01-01`}::date and d.decision_date <= ${`${year}-12-31`}::date and ${caseScope}`,
    ),
  ]);

  const plannedByQuarter = new Map(quarterRows.map((q) => [Number(q.quarter), q.n]));
  const doneByMonth = new Map(monthRows.map((m) => [m.month, m.n]));
  let doneCumulative = 0;
  const byMonth = Array.from({ length: 12 }, (_, i) => {
    const month = i + 1;
    const done = doneByMonth.get(month) ?? 0;
    doneCumulative += done;
    let plannedCumulative = 0;
    for (let q = 1; q * 3 <= month; q++) plannedCumulative += plannedByQuarter.get(q) ?? 0;
    return { month, done, doneCumulative, plannedCumulative };
  });

  const buckets = new Map<number, number>();
  for (const t of perTask) buckets.set(Math.min(t.findings, MAX_BUCKET), (buckets.get(Math.min(t.findings, MAX_BUCKET)) ?? 0) + 1);
  const findingsTotal = perTask.reduce((n, t) => n + t.findings, 0);
  const plan = plans[0];
  const total = totals[0];
  const byType = new Map(typeRows.map((r) => [r.type, r]));
  return {
    year,
    plan: plan
      ? {
          id: plan.id,
          status: plan.status,
          plannedInspections: [...plannedByQuarter.values()].reduce((a, b) => a + b, 0),
          enterprises: plan.enterprises,
        }
      : null,
    byMonth,
    byOfficer: officerRows,
    findings: {
      inspections: perTask.length,
      findings: findingsTotal,
      major: perTask.reduce((n, t) => n + t.major, 0),
      average: perTask.length === 0 ? 0 : Math.round((findingsTotal / perTask.length) * 100) / 100,
      distribution: Array.from({ length: MAX_BUCKET + 1 }, (_, n) => ({ findings: n, inspections: buckets.get(n) ?? 0 })),
    },
    penalties: {
      byType: PENALTY_TYPES.filter((t) => byType.has(t)).map((t) => ({
        type: t,
        decisions: byType.get(t)?.decisions ?? 0,
        fineFen: Number(byType.get(t)?.fineFen ?? 0),
      })),
      cases: total?.cases ?? 0,
      decisions: total?.decisions ?? 0,
      dualPenaltyCases: total?.dual ?? 0,
      fineFen: Number(total?.fineFen ?? 0),
      paidFen: Number(total?.paidFen ?? 0),
    },
  };
}
