import type { RiskTagDto, Sector } from '@zhiben/contracts';
import type { Executor } from '@zhiben/db';
import { schema } from '@zhiben/db';
import { asc, desc, eq } from 'drizzle-orm';

export interface SectorRule {
  prefix: string;
  sector: Sector | null;
  source: string;
  verified: boolean;
  note?: string;
}

/** Active tags of the catalog, in display order. */
export async function loadRiskTags(db: Executor): Promise<RiskTagDto[]> {
  const rows = await db.select().from(schema.riskTags).where(eq(schema.riskTags.active, true)).orderBy(asc(schema.riskTags.sort));
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    category: r.category as RiskTagDto['category'],
    parentCode: r.parentCode,
    requiresOneChild: r.requiresOneChild,
    description: r.description,
    sort: r.sort,
  }));
}

/** The newest published version of the industry-code → sector rules. */
export async function loadSectorRules(db: Executor): Promise<{ version: string; title: string; rules: SectorRule[] }> {
  const [latest] = await db
    .select({ version: schema.sectorRules.version, title: schema.sectorRules.title })
    .from(schema.sectorRules)
    .orderBy(desc(schema.sectorRules.createdAt))
    .limit(1);
  if (!latest) return { version: '', title: '', rules: [] };
  const rows = await db.select().from(schema.sectorRules).where(eq(schema.sectorRules.version, latest.version));
  return {
    version: latest.version,
    title: latest.title,
    rules: rows.map((r) => ({
      prefix: r.prefix,
      sector: r.sector as Sector | null,
      source: r.source,
      verified: r.verified,
      ...(r.note ? { note: r.note } : {}),
    })),
  };
}
