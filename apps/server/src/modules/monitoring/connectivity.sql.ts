import { DEVICE_PROFILES, type Scope } from '@zhiben/contracts';
import { schema } from '@zhiben/db';
import { type SQL, sql } from 'drizzle-orm';
import { enterpriseScope } from '../../platform/scope.js';

/** 已接入 looks back 24 h (seed §三(六)11 roll-out; issue #6 item 5). */
export const CONNECTED_WINDOW_HOURS = 24;

/** Enterprises (table `enterprises`, unaliased) within the caller's scope. */
export const enterpriseInScope = (scope: Scope): SQL =>
  enterpriseScope(scope, { enterpriseId: schema.enterprises.id, regionPath: schema.enterprises.regionPath });

/** The mandatory signals of each profile as an SQL relation `mandatory(profile, signals text[])`, from the profile data. */
export function mandatoryRelation(): SQL {
  const rows = Object.values(DEVICE_PROFILES).map((p) => sql`(${p.code}::text, ${`{${p.mandatorySignals.join(',')}}`}::text[])`);
  return sql`(values ${sql.join(rows, sql`, `)}) as mandatory(profile, signals)`;
}

/**
 * Per active device of the enterprises matched by `enterprises`: whether it is connected at `now` — every mandatory
 * signal of its profile has a reading within the last 24 h (a profile without mandatory signals: any signal) — read
 * from the 1-minute rollups (`last_ts` is the latest reading of the minute, so the 24 h edge is exact), and the time
 * of its latest reading (`device_rule_states.last_seen`, kept by the rule stage in the batch transaction).
 * Columns: device_id, enterprise_id, connected, last_seen.
 */
export function deviceConnectivity(enterprises: SQL, now: Date): SQL {
  const since = new Date(now.getTime() - CONNECTED_WINDOW_HOURS * 3_600_000).toISOString();
  return sql`(
    select d.id as device_id, d.enterprise_id,
           case when cardinality(coalesce(mandatory.signals, '{}')) = 0 then exists (
                  select 1 from telemetry_rollups_1m r
                  where r.device_id = d.id and r.minute >= date_trunc('minute', ${since}::timestamptz) and r.last_ts >= ${since}::timestamptz)
                else (select count(distinct r.signal) from telemetry_rollups_1m r
                      where r.device_id = d.id and r.signal = any(mandatory.signals)
                        and r.minute >= date_trunc('minute', ${since}::timestamptz) and r.last_ts >= ${since}::timestamptz)
                     = cardinality(mandatory.signals)
           end as connected,
           s.last_seen
    from devices d
    join enterprises on enterprises.id = d.enterprise_id
    left join ${mandatoryRelation()} on mandatory.profile = d.profile
    left join device_rule_states s on s.device_id = d.id
    where d.status = 'active' and ${enterprises}
  )`;
}
