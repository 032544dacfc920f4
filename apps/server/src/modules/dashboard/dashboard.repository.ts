import type { Scope } from '@zhiben/contracts';
import { type Executor, queryRows, schema } from '@zhiben/db';
import { sql } from 'drizzle-orm';
import { enterpriseScope } from '../../platform/scope.js';

const { enterprises } = schema;

export interface RegistryStats {
  total: number;
  bySector: { sector: string | null; count: number }[];
  byRegion: { regionId: string; regionName: string; count: number }[];
  byTag: { tag: string; count: number }[];
  dustBands: { band: '30plus' | '10to29' | 'under10'; count: number }[];
}

/** Counts behind the bureau's home dashboard, within the caller's scope; closed enterprises are left out. */
export async function registryStats(db: Executor, scope: Scope): Promise<RegistryStats> {
  const where = sql`${enterpriseScope(scope, { enterpriseId: enterprises.id, regionPath: enterprises.regionPath })} and ${enterprises.status} <> 'closed'`;
  const [totals, bySector, byRegion, byTag, dustBands] = await Promise.all([
    queryRows<{ n: number }>(db, sql`select count(*)::int as n from enterprises where ${where}`),
    queryRows<{ sector: string | null; count: number }>(
      db,
      sql`select sector, count(*)::int as count from enterprises where ${where} group by sector order by count desc`,
    ),
    queryRows<{ regionId: string; regionName: string; count: number }>(
      db,
      sql`select r.id as "regionId", r.name as "regionName", count(enterprises.id)::int as count
          from regions r left join enterprises on enterprises.region_id = r.id and ${where}
          where r.kind <> 'district' ${scope.kind === 'region' ? sql`and r.id = ${scope.regionId}` : sql``}
          group by r.id, r.name, r.sort order by r.sort`,
    ),
    queryRows<{ tag: string; count: number }>(
      db,
      sql`select tag, count(*)::int as count from enterprises, unnest(risk_tags) as tag where ${where} group by tag order by count desc`,
    ),
    queryRows<{ band: RegistryStats['dustBands'][number]['band']; count: number }>(
      db,
      sql`select case when dust_workers >= 30 then '30plus' when dust_workers >= 10 then '10to29' else 'under10' end as band,
                 count(*)::int as count
          from enterprises where ${where} and 'dust_explosion' = any(risk_tags) group by 1`,
    ),
  ]);
  const bandOrder = ['30plus', '10to29', 'under10'] as const;
  return {
    total: totals[0]?.n ?? 0,
    bySector,
    byRegion,
    byTag,
    dustBands: bandOrder.map((band) => ({ band, count: dustBands.find((b) => b.band === band)?.count ?? 0 })),
  };
}
