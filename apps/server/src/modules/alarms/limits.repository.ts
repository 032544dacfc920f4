import { BUREAU_RULE_LIMITS, type BureauRuleLimit } from '@zhiben/contracts';
import { type Executor, queryRows } from '@zhiben/db';
import { sql } from 'drizzle-orm';

/** The one row of `monitoring_limits` (the district's limits); absent = the built-in BUREAU_RULE_LIMITS. */
export const LIMITS_ROW_ID = 'district';

export interface LimitsRecord {
  /** 0 = built-in defaults (no row). */
  rev: number;
  items: readonly BureauRuleLimit[];
  customized: boolean;
  updatedAt: Date | null;
  updatedBy: string | null;
}

export async function loadLimits(db: Executor): Promise<LimitsRecord> {
  const [row] = await queryRows<{ items: BureauRuleLimit[]; rev: number; updated_at: string | Date; updated_by: string | null }>(
    db,
    sql`select items, rev, updated_at, updated_by from monitoring_limits where id = ${LIMITS_ROW_ID}`,
  );
  if (!row) return { rev: 0, items: BUREAU_RULE_LIMITS, customized: false, updatedAt: null, updatedBy: null };
  return {
    rev: Number(row.rev),
    items: row.items,
    customized: true,
    updatedAt: new Date(row.updated_at),
    updatedBy: row.updated_by,
  };
}
