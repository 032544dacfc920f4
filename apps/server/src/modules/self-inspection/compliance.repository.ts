import type { Scope } from '@zhiben/contracts';
import { type Executor, queryRows, schema } from '@zhiben/db';
import { sql } from 'drizzle-orm';
import { enterpriseScope } from '../../platform/scope.js';

const { enterprises } = schema;
const scoped = (scope: Scope) => enterpriseScope(scope, { enterpriseId: enterprises.id, regionPath: enterprises.regionPath });

export interface ComplianceRow {
  enterpriseId: string;
  enterpriseName: string;
  regionName: string;
  ledCount: number;
  lastLedAt: Date | null;
}

/**
 * Per enterprise in scope (operating or suspended — closed and not-yet-built ones owe no rounds): how many
 * completed self-inspections its principal led in [start, end) (seed §三(四)6: 每季度至少带队检查1次).
 */
export async function principalCompliance(db: Executor, scope: Scope, start: Date, end: Date): Promise<ComplianceRow[]> {
  const rows = await queryRows<{
    enterpriseId: string;
    enterpriseName: string;
    regionName: string;
    ledCount: number;
    lastLedAt: string | Date | null;
  }>(
    db,
    sql`select enterprises.id as "enterpriseId", enterprises.name as "enterpriseName", r.name as "regionName",
               count(s.id)::int as "ledCount", max(s.completed_at) as "lastLedAt"
        from enterprises
        join regions r on r.id = enterprises.region_id
        left join self_inspections s on s.enterprise_id = enterprises.id and s.led_by_principal and s.status = 'completed'
             and s.completed_at >= ${start.toISOString()}::timestamptz and s.completed_at < ${end.toISOString()}::timestamptz
        where ${scoped(scope)} and enterprises.status in ('operating', 'suspended')
        group by enterprises.id, enterprises.name, r.name, enterprises.region_path
        order by count(s.id) = 0 desc, enterprises.region_path, enterprises.name`,
  );
  return rows.map((r) => ({ ...r, lastLedAt: r.lastLedAt ? new Date(r.lastLedAt) : null }));
}

export interface SelfInspectionStats {
  coverage: { sector: string | null; enterprises: number; inspected: number }[];
  topNonCompliant: { key: string; articleLabel: string; itemLabel: string; text: string; count: number }[];
  stale: { enterpriseId: string; enterpriseName: string; regionName: string; lastCompletedAt: string | null }[];
}

/** The bureau's self-inspection views: coverage by sector in the last 90 days, most failed items, enterprises silent for 90 days. */
export async function selfInspectionStats(db: Executor, scope: Scope, now: Date): Promise<SelfInspectionStats> {
  const since = new Date(now.getTime() - 90 * 86_400_000).toISOString();
  const year = new Date(now.getTime() - 365 * 86_400_000).toISOString();
  const where = sql`${scoped(scope)} and enterprises.status = 'operating'`;
  const [coverage, topNonCompliant, stale] = await Promise.all([
    queryRows<SelfInspectionStats['coverage'][number]>(
      db,
      sql`select enterprises.sector, count(*)::int as enterprises,
                 count(*) filter (where exists (select 1 from self_inspections s where s.enterprise_id = enterprises.id
                                  and s.status = 'completed' and s.completed_at >= ${since}::timestamptz))::int as inspected
          from enterprises where ${where} group by enterprises.sector order by enterprises desc`,
    ),
    queryRows<SelfInspectionStats['topNonCompliant'][number]>(
      db,
      sql`select si.key, min(si.article_label) as "articleLabel", min(si.item_label) as "itemLabel", min(si.text) as text, count(*)::int as count
          from self_inspection_items i
          join standard_items si on si.id = i.standard_item_id
          join enterprises on enterprises.id = i.enterprise_id
          where i.result = 'non_compliant' and i.recorded_at >= ${year}::timestamptz and ${scoped(scope)}
          group by si.key order by count desc, si.key limit 10`,
    ),
    queryRows<{ enterpriseId: string; enterpriseName: string; regionName: string; lastCompletedAt: string | Date | null }>(
      db,
      sql`select enterprises.id as "enterpriseId", enterprises.name as "enterpriseName", r.name as "regionName", last.at as "lastCompletedAt"
          from enterprises join regions r on r.id = enterprises.region_id
          left join lateral (select max(completed_at) as at from self_inspections s where s.enterprise_id = enterprises.id and s.status = 'completed') last on true
          where ${where} and (last.at is null or last.at < ${since}::timestamptz)
          order by last.at nulls first, enterprises.name limit 200`,
    ),
  ]);
  return {
    coverage,
    topNonCompliant,
    stale: stale.map((s) => ({ ...s, lastCompletedAt: s.lastCompletedAt ? new Date(s.lastCompletedAt).toISOString() : null })),
  };
}
