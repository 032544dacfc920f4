import type { QuarterNumber, RiskClass, Scope, StandardizationLevel } from '@zhiben/contracts';
import { type Executor, queryRows } from '@zhiben/db';
import { effectiveStandardizationLevel, isHighRiskForCaps, yearOf } from '@zhiben/domain';
import { asc, eq, sql } from 'drizzle-orm';
import { provisionalRiskClass } from '../classification/provisional.js';
import { rawScope } from './raw-scope.js';
import { enforcementPlanEntries } from './tables.js';

/** What the plan needs to know of an enterprise: class, cap basis, last inspection and this year's count. */
export interface PlanEnterpriseRow {
  enterpriseId: string;
  name: string;
  regionName: string;
  regionPath: string;
  status: string;
  riskClass: RiskClass;
  standardizationLevel: StandardizationLevel;
  highRisk: boolean;
  lastInspectedAt: string | null;
  doneCount: number;
}

/**
 * Enterprises in scope (or the ones named) with their class in force (provisional when not classified yet), the
 * standardization level in force, the high-risk cap row, the last administrative (on-site) inspection and the
 * on-site inspections started in `year`.
 */
export async function planEnterprises(
  db: Executor,
  scope: Scope,
  now: Date,
  year: number,
  filter: { ids?: readonly string[]; operatingOnly?: boolean } = {},
): Promise<PlanEnterpriseRow[]> {
  if (filter.ids && filter.ids.length === 0) return [];
  const { start, end } = yearOf(new Date(Date.UTC(year, 6, 1)));
  const ids = filter.ids
    ? sql`and e.id in (${sql.join(
        filter.ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`
    : sql``;
  const operating = filter.operatingOnly ? sql`and e.status = 'operating'` : sql``;
  const rows = await queryRows<{
    id: string;
    name: string;
    regionName: string;
    regionPath: string;
    status: string;
    riskTags: string[];
    standardizationLevel: string;
    standardizationExpiry: string | null;
    riskClass: RiskClass | null;
    lastAt: string | Date | null;
    done: number;
  }>(
    db,
    sql`select e.id, e.name, r.name as "regionName", e.region_path as "regionPath", e.status, e.risk_tags as "riskTags",
               e.standardization_level as "standardizationLevel", e.standardization_expiry::text as "standardizationExpiry",
               ec.risk_class as "riskClass",
               (select max(t.started_at) from inspection_tasks t where t.enterprise_id = e.id and t.kind = 'onsite') as "lastAt",
               (select count(*)::int from inspection_tasks t where t.enterprise_id = e.id and t.kind = 'onsite'
                  and t.started_at >= ${start.toISOString()}::timestamptz and t.started_at < ${end.toISOString()}::timestamptz) as done
        from enterprises e join regions r on r.id = e.region_id
        left join enterprise_classifications ec on ec.enterprise_id = e.id
        where ${rawScope(scope, sql`e.id`, sql`e.region_path`)} ${ids} ${operating}
        order by e.region_path, e.name, e.id`,
  );
  return rows.map((r) => ({
    enterpriseId: r.id,
    name: r.name,
    regionName: r.regionName,
    regionPath: r.regionPath,
    status: r.status,
    riskClass: r.riskClass ?? provisionalRiskClass(r, now),
    standardizationLevel: effectiveStandardizationLevel(r.standardizationLevel as StandardizationLevel, r.standardizationExpiry, now),
    highRisk: isHighRiskForCaps(r.riskTags),
    lastInspectedAt: r.lastAt ? new Date(r.lastAt).toISOString() : null,
    doneCount: r.done,
  }));
}

export async function planEntries(db: Executor, planId: string) {
  const rows = await db
    .select()
    .from(enforcementPlanEntries)
    .where(eq(enforcementPlanEntries.planId, planId))
    .orderBy(asc(enforcementPlanEntries.enterpriseId));
  return rows.map((r) => ({ ...r, quarters: r.quarters as QuarterNumber[] }));
}
