import { schema, type Tx } from '@zhiben/db';
import { sql } from 'drizzle-orm';

export interface NewHazard {
  enterpriseId: string;
  regionPath: string;
  source: 'self_inspection' | 'employee_report' | 'bureau_inspection' | 'online_patrol' | 'monitoring_alarm' | 'other';
  /** The producing record; the same (source, sourceRef) always yields the same hazard. */
  sourceRef: string;
  inspectionId?: string | null;
  level: 'general' | 'major';
  standardItemId?: string | null;
  description: string;
  location?: string | null;
  photos: string[];
  foundBy: string | null;
  foundAt: Date;
}

/**
 * Creates the hazard a finding produces, or refreshes it when the same finding is recorded again (photos are
 * merged, the description updated): one finding, one hazard. Every hazard starts 待判定 (pending judgement);
 * major ones are judged by the bureau (hazard closed-loop module). Runs inside the caller's transaction.
 */
export async function upsertHazardFromFinding(tx: Tx, hazard: NewHazard): Promise<{ id: string; created: boolean }> {
  const [row] = await tx
    .insert(schema.hazards)
    .values({ ...hazard, status: 'pending_judgement' })
    .onConflictDoUpdate({
      target: [schema.hazards.source, schema.hazards.sourceRef],
      set: {
        description: hazard.description,
        photos: sql`(select coalesce(array_agg(distinct p), '{}') from unnest(${schema.hazards.photos} || excluded.photos) as p)`,
        updatedAt: hazard.foundAt,
      },
    })
    .returning({ id: schema.hazards.id, created: sql<boolean>`(xmax = 0)` });
  if (!row) throw new Error('hazard upsert returned nothing');
  return row;
}
