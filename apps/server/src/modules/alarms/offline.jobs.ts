import { type Db, queryRows } from '@zhiben/db';
import type { Reading } from '@zhiben/domain';
import { type SQL, sql } from 'drizzle-orm';
import { plainArray } from '../telemetry/sql-arrays.js';
import type { RuleRunner } from './rule-runner.js';

export interface OfflineSweepResult {
  /** Devices looked at (quiet for more than two reporting intervals, or never evaluated). */
  candidates: number;
  /** States written (something changed). */
  devices: number;
  events: number;
}

const CHUNK = 500;

/**
 * Offline detection needs time to pass, not readings: every tick, the devices that have been quiet for more than two
 * reporting intervals (the least an offline rule may wait) are evaluated with no readings at `now`, each chunk in its
 * own transaction with the same locks as the ingest path. Disabled devices are left alone (they may not send).
 * `only` limits the sweep to some enterprises (tests sharing a database).
 */
export async function runOfflineSweep(
  db: Db,
  runner: RuleRunner,
  now: Date,
  options: { enterpriseIds?: string[] } = {},
): Promise<OfflineSweepResult> {
  const only: SQL = options.enterpriseIds ? sql`and d.enterprise_id = any(${plainArray(options.enterpriseIds)}::uuid[])` : sql``;
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select d.id from devices d left join device_rule_states s on s.device_id = d.id
        where d.status = 'active' ${only}
          and (s.last_seen is null or s.last_seen < ${now.toISOString()}::timestamptz - make_interval(secs => d.reporting_interval_s * 2))
        order by d.id`,
  );
  const result: OfflineSweepResult = { candidates: rows.length, devices: 0, events: 0 };
  const none: readonly Reading[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = new Map(rows.slice(i, i + CHUNK).map((r) => [r.id, none]));
    const run = await db.transaction((tx) => runner.run(tx, chunk, now, { onlyChanged: true }));
    result.devices += run.devices;
    result.events += run.events;
  }
  return result;
}
