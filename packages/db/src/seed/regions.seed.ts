import { eq } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { regions } from '../schema/regions.js';
import { JURISDICTION, type RegionSeed } from './regions.data.js';

/** Inserts the jurisdiction tree if absent (idempotent by code). Returns region ids by code. */
export async function seedRegions(db: Executor, root: RegionSeed = JURISDICTION): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const visit = async (node: RegionSeed, parentId: string | null, parentPath: string, sort: number) => {
    const path = `${parentPath}${node.code}/`;
    // ON CONFLICT: several instances (or test workers) may seed one PostgreSQL at the same moment.
    await db
      .insert(regions)
      .values({ code: node.code, name: node.name, kind: node.kind, parentId, path, sort })
      .onConflictDoNothing({ target: regions.code });
    const existing = await db.select({ id: regions.id }).from(regions).where(eq(regions.code, node.code));
    const id = existing[0]?.id;
    if (!id) throw new Error(`region ${node.code} could not be written`);
    ids.set(node.code, id);
    let i = 0;
    for (const child of node.children ?? []) await visit(child, id, path, i++);
  };
  await visit(root, null, '', 0);
  return ids;
}
