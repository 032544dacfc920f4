import { ENTERPRISE_FIELD_LABELS, type EnterpriseHistoryItem } from '@zhiben/contracts';
import type { Executor } from '@zhiben/db';
import { schema } from '@zhiben/db';
import { and, desc, eq, or, sql } from 'drizzle-orm';

const { auditEvents } = schema;

type Diff = Record<string, unknown> | null;

/**
 * Change history of one enterprise from the audit trail: its own events, plus ledger imports that touched it
 * (an import writes one audit row listing every enterprise it changed under `after.touched`).
 */
export async function enterpriseHistory(db: Executor, enterpriseId: string): Promise<EnterpriseHistoryItem[]> {
  const rows = await db
    .select()
    .from(auditEvents)
    .where(
      or(
        and(eq(auditEvents.entityType, 'enterprise'), eq(auditEvents.entityId, enterpriseId)),
        and(eq(auditEvents.action, 'enterprises.imported'), sql`(${auditEvents.after} -> 'touched') ? ${enterpriseId}`),
      ),
    )
    .orderBy(desc(auditEvents.seq))
    .limit(200);
  return rows.map((row) => {
    let before = row.before as Diff;
    let after = row.after as Diff;
    if (row.action === 'enterprises.imported') {
      const entry = (after?.touched as Record<string, { before: Diff; after: Diff }> | undefined)?.[enterpriseId];
      before = entry?.before ?? null;
      after = entry?.after ?? null;
    }
    const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
    return {
      id: row.id,
      occurredAt: row.occurredAt.toISOString(),
      actorUsername: row.actorUsername,
      action: row.action,
      changes: fields.map((field) => ({
        field,
        label: ENTERPRISE_FIELD_LABELS[field] ?? field,
        before: before?.[field] ?? null,
        after: after?.[field] ?? null,
      })),
    };
  });
}
