import type { EnterpriseListQuery, Scope } from '@zhiben/contracts';
import type { Executor } from '@zhiben/db';
import { schema } from '@zhiben/db';
import { and, arrayContains, eq, gte, ilike, inArray, like, lt, or, type SQL, sql } from 'drizzle-orm';
import { likeContains, orderBy, pageOf } from '../../platform/listing.js';
import { enterpriseScope } from '../../platform/scope.js';

const { enterprises, regions } = schema;

/** `riskClass`: the stored 分级分类 class (classification module); null until the enterprise is first classified. */
export type EnterpriseRow = typeof enterprises.$inferSelect & { regionName: string; riskClass: string | null };

const riskClassSql = sql<
  string | null
>`(select ec.risk_class from enterprise_classifications ec where ec.enterprise_id = ${enterprises.id})`;
const selection = { enterprise: enterprises, regionName: regions.name, riskClass: riskClassSql };

const scopeOf = (scope: Scope) => enterpriseScope(scope, { enterpriseId: enterprises.id, regionPath: enterprises.regionPath });

export type EnterpriseFilter = Omit<EnterpriseListQuery, 'page' | 'pageSize' | 'sort'>;

/** Filter conditions shared by the list, the export and the dashboard's drill-down links. */
export async function filterConditions(db: Executor, scope: Scope, filter: EnterpriseFilter): Promise<SQL[]> {
  const conditions: SQL[] = [scopeOf(scope)];
  if (filter.q) {
    const pattern = likeContains(filter.q);
    conditions.push(
      or(ilike(enterprises.name, pattern), ilike(enterprises.creditCode, pattern), ilike(enterprises.principalName, pattern)) as SQL,
    );
  }
  if (filter.sector?.length) conditions.push(inArray(enterprises.sector, filter.sector));
  if (filter.regionId) {
    const [region] = await db.select({ path: regions.path }).from(regions).where(eq(regions.id, filter.regionId));
    // An unknown region filters everything out rather than being ignored.
    conditions.push(region ? like(enterprises.regionPath, `${region.path}%`) : sql`false`);
  }
  if (filter.tag?.length) conditions.push(arrayContains(enterprises.riskTags, filter.tag));
  if (filter.scale) conditions.push(eq(enterprises.scale, filter.scale));
  if (filter.status?.length) conditions.push(inArray(enterprises.status, filter.status));
  if (filter.standardizationLevel?.length) conditions.push(inArray(enterprises.standardizationLevel, filter.standardizationLevel));
  if (filter.riskClass?.length) {
    const classes = sql.join(
      filter.riskClass.map((c) => sql`${c}`),
      sql`, `,
    );
    conditions.push(
      sql`exists (select 1 from enterprise_classifications ec where ec.enterprise_id = ${enterprises.id} and ec.risk_class in (${classes}))`,
    );
  }
  if (filter.dustBand) {
    conditions.push(sql`'dust_explosion' = any(${enterprises.riskTags})`);
    if (filter.dustBand === '30plus') conditions.push(gte(enterprises.dustWorkers, 30));
    if (filter.dustBand === '10to29') conditions.push(and(gte(enterprises.dustWorkers, 10), lt(enterprises.dustWorkers, 30)) as SQL);
    if (filter.dustBand === 'under10') conditions.push(lt(enterprises.dustWorkers, 10));
  }
  return conditions;
}

const SORTABLE = {
  name: enterprises.name,
  creditCode: enterprises.creditCode,
  sector: enterprises.sector,
  employees: enterprises.employees,
  dustWorkers: enterprises.dustWorkers,
  status: enterprises.status,
  standardizationLevel: enterprises.standardizationLevel,
  createdAt: enterprises.createdAt,
  updatedAt: enterprises.updatedAt,
};

export async function listEnterprises(
  db: Executor,
  scope: Scope,
  query: EnterpriseListQuery,
  options: { unpaged?: boolean } = {},
): Promise<{ rows: EnterpriseRow[]; total: number }> {
  const where = and(...(await filterConditions(db, scope, query)));
  const order = orderBy(query.sort, SORTABLE, [sql`${enterprises.regionPath}`, sql`${enterprises.name}`, sql`${enterprises.id}`]);
  const base = db
    .select(selection)
    .from(enterprises)
    .innerJoin(regions, eq(regions.id, enterprises.regionId))
    .where(where)
    .orderBy(...order);
  const { limit, offset } = pageOf(query);
  const [rows, count] = await Promise.all([
    options.unpaged ? base.limit(20_000) : base.limit(limit).offset(offset),
    db.select({ n: sql<number>`count(*)::int` }).from(enterprises).where(where),
  ]);
  return { rows: rows.map((r) => ({ ...r.enterprise, regionName: r.regionName, riskClass: r.riskClass })), total: count[0]?.n ?? 0 };
}

/** One enterprise within the scope; undefined when absent or outside it (the caller answers 404). */
export async function findEnterprise(db: Executor, scope: Scope, id: string): Promise<EnterpriseRow | undefined> {
  const rows = await db
    .select(selection)
    .from(enterprises)
    .innerJoin(regions, eq(regions.id, enterprises.regionId))
    .where(and(eq(enterprises.id, id), scopeOf(scope)))
    .limit(1);
  const row = rows[0];
  return row ? { ...row.enterprise, regionName: row.regionName, riskClass: row.riskClass } : undefined;
}

/** Existing enterprises by credit code (the import matches on it), regardless of scope: the caller checks scope. */
export async function enterprisesByCreditCode(db: Executor, codes: string[]): Promise<Map<string, EnterpriseRow>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .select(selection)
    .from(enterprises)
    .innerJoin(regions, eq(regions.id, enterprises.regionId))
    .where(inArray(enterprises.creditCode, codes));
  return new Map(rows.map((r) => [r.enterprise.creditCode, { ...r.enterprise, regionName: r.regionName, riskClass: r.riskClass }]));
}
