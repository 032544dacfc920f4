import type { ClassChangeDto, ClassCounts, ClassificationStatsDto, ClassificationTrigger, RiskClass, Sector } from '@zhiben/contracts';
import { queryRows } from '@zhiben/db';
import { monthOf } from '@zhiben/domain';
import { sql } from 'drizzle-orm';
import type { ServiceContext } from '../../platform/context.js';
import { rawScope } from '../enforcement/raw-scope.js';
import { provisionalRiskClass } from './provisional.js';

const emptyCounts = (): ClassCounts => ({ A: 0, B: 0, C: 0, D: 0 });
const CHANGES_LIMIT = 500;

/**
 * 分级分类 distribution by township and sector, and the class changes since the first of this month, within the
 * caller's scope. An enterprise not classified yet counts under its provisional class (as its DTO shows it).
 */
export async function classificationStats(ctx: ServiceContext): Promise<ClassificationStatsDto> {
  const now = ctx.clock();
  const month = monthOf(now);
  const scope = rawScope(ctx.principal.scope, sql`e.id`, sql`e.region_path`);
  const rows = await queryRows<{
    regionId: string;
    regionName: string;
    sector: Sector | null;
    riskClass: RiskClass | null;
    riskTags: string[];
    standardizationLevel: string;
    standardizationExpiry: string | Date | null;
  }>(
    ctx.db,
    sql`select e.region_id as "regionId", r.name as "regionName", e.sector, ec.risk_class as "riskClass", e.risk_tags as "riskTags",
               e.standardization_level as "standardizationLevel", e.standardization_expiry::text as "standardizationExpiry"
        from enterprises e join regions r on r.id = e.region_id
        left join enterprise_classifications ec on ec.enterprise_id = e.id
        where ${scope} and e.status <> 'closed'`,
  );
  const byClass = emptyCounts();
  const byRegion = new Map<string, ClassCounts & { regionId: string; regionName: string }>();
  const bySector = new Map<Sector | null, ClassCounts & { sector: Sector | null }>();
  for (const row of rows) {
    const riskClass =
      row.riskClass ??
      provisionalRiskClass(
        { ...row, standardizationExpiry: row.standardizationExpiry === null ? null : String(row.standardizationExpiry) },
        now,
      );
    byClass[riskClass]++;
    const region = byRegion.get(row.regionId) ?? { regionId: row.regionId, regionName: row.regionName, ...emptyCounts() };
    region[riskClass]++;
    byRegion.set(row.regionId, region);
    const sector = bySector.get(row.sector) ?? { sector: row.sector, ...emptyCounts() };
    sector[riskClass]++;
    bySector.set(row.sector, sector);
  }

  const historyScope = rawScope(ctx.principal.scope, sql`h.enterprise_id`, sql`h.region_path`);
  const changes = await queryRows<Omit<ClassChangeDto, 'at' | 'trigger'> & { at: string | Date; trigger: ClassificationTrigger }>(
    ctx.db,
    sql`select h.enterprise_id as "enterpriseId", e.name as "enterpriseName", r.name as "regionName",
               h.previous_class as "from", h.risk_class as "to", h.trigger, h.at
        from classification_history h
        join enterprises e on e.id = h.enterprise_id join regions r on r.id = e.region_id
        where ${historyScope} and h.at >= ${month.start.toISOString()}::timestamptz
          and h.previous_class is not null and h.previous_class <> h.risk_class
        order by h.at desc, h.id desc limit ${CHANGES_LIMIT}`,
  );
  return {
    total: rows.length,
    byClass,
    byRegion: [...byRegion.values()].sort((a, b) => a.regionName.localeCompare(b.regionName, 'zh-CN')),
    bySector: [...bySector.values()],
    changesThisMonth: changes.map((c) => ({ ...c, at: new Date(c.at).toISOString() })),
    month: month.label,
  };
}
