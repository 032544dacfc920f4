import type { ClassificationRuleSet, Scope, StandardizationLevel } from '@zhiben/contracts';
import { type Executor, queryRows } from '@zhiben/db';
import { type ClassificationFacts, effectiveStandardizationLevel, factWindowStart, shanghaiDate } from '@zhiben/domain';
import { type SQL, sql } from 'drizzle-orm';
import { rawScope } from '../enforcement/raw-scope.js';
import { monitoringRequired } from './monitoring-requirement.js';

/** One enterprise with its live facts and what is stored about its class. */
export interface EnterpriseFactsRow {
  enterpriseId: string;
  name: string;
  regionPath: string;
  regionName: string;
  facts: ClassificationFacts;
  stored: {
    riskClass: string;
    computedClass: string;
    overrideClass: string | null;
    overrideReason: string | null;
  } | null;
}

interface RawRow {
  id: string;
  name: string;
  regionPath: string;
  regionName: string;
  riskTags: string[];
  standardizationLevel: string;
  standardizationExpiry: string | Date | null;
  dustWorkers: number;
  status: string;
  majorHazardInstallation: boolean;
  riskClass: string | null;
  computedClass: string | null;
  overrideClass: string | null;
  overrideReason: string | null;
  openMajor: number;
  overdueMajor: number;
  majorFound: number;
  redAlarms: number;
  penalties: number;
  accidents: number;
  activeDevices: number;
}

const at = (d: Date) => sql`${d.toISOString()}::timestamptz`;

/** The alarms table belongs to the monitoring module; a database without it has no red alarms to count. */
async function hasAlarmTable(db: Executor): Promise<boolean> {
  const [row] = await queryRows<{ ok: boolean }>(db, sql`select to_regclass('alarms') is not null as ok`);
  return row?.ok === true;
}

const dateOnly = (v: string | Date | null) => (v === null ? null : typeof v === 'string' ? v.slice(0, 10) : shanghaiDate(v));

/**
 * The facts of every enterprise in scope (or of the ones named), counted in SQL in one statement over the rule
 * set's windows: open and overdue major hazards (judged, not closed), major hazards found in the window (not
 * dismissed), red alarms, penalty cases decided, accidents, and whether a collector is registered.
 */
export async function loadFacts(
  db: Executor,
  rules: ClassificationRuleSet,
  now: Date,
  filter: { scope?: Scope; enterpriseIds?: readonly string[] } = {},
): Promise<EnterpriseFactsRow[]> {
  if (filter.enterpriseIds && filter.enterpriseIds.length === 0) return [];
  const foundFrom = factWindowStart(now, rules.windows.majorHazardsFound);
  const alarmsFrom = factWindowStart(now, rules.windows.redAlarms);
  const penaltiesFrom = shanghaiDate(factWindowStart(now, rules.windows.penalties));
  const accidentsFrom = factWindowStart(now, rules.windows.accidents);
  const ids = filter.enterpriseIds
    ? sql`and e.id in (${sql.join(
        filter.enterpriseIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`
    : sql``;
  const scope: SQL = filter.scope ? rawScope(filter.scope, sql`e.id`, sql`e.region_path`) : sql`true`;
  const alarms = (await hasAlarmTable(db))
    ? sql`left join (select enterprise_id, count(*)::int as n from alarms where max_level = 'red' and raised_at >= ${at(alarmsFrom)}
                     group by enterprise_id) a on a.enterprise_id = e.id`
    : sql`left join (select null::uuid as enterprise_id, 0 as n) a on false`;
  const rows = await queryRows<RawRow>(
    db,
    sql`select e.id, e.name, e.region_path as "regionPath", r.name as "regionName", e.risk_tags as "riskTags",
               e.standardization_level as "standardizationLevel", e.standardization_expiry as "standardizationExpiry",
               e.dust_workers as "dustWorkers", e.status,
               coalesce(ec.major_hazard_installation, false) as "majorHazardInstallation",
               ec.risk_class as "riskClass", ec.computed_class as "computedClass",
               ec.override_class as "overrideClass", ec.override_reason as "overrideReason",
               coalesce(h.open_major, 0)::int as "openMajor", coalesce(h.overdue_major, 0)::int as "overdueMajor",
               coalesce(h.found, 0)::int as "majorFound", coalesce(a.n, 0)::int as "redAlarms",
               coalesce(p.n, 0)::int as penalties, coalesce(acc.n, 0)::int as accidents,
               coalesce(dv.n, 0)::int as "activeDevices"
        from enterprises e
        join regions r on r.id = e.region_id
        left join enterprise_classifications ec on ec.enterprise_id = e.id
        left join (
          select hz.enterprise_id,
                 count(*) filter (where hz.status <> 'closed') as open_major,
                 count(*) filter (where hz.status <> 'closed' and hz.deadline < ${at(now)}) as overdue_major,
                 count(*) filter (where hz.found_at >= ${at(foundFrom)}
                                  and not exists (select 1 from hazard_events de where de.hazard_id = hz.id and de.action = 'dismiss')) as found
          from hazards hz where hz.level = 'major' and hz.judged_at is not null group by hz.enterprise_id
        ) h on h.enterprise_id = e.id
        ${alarms}
        left join (select c.enterprise_id, count(distinct c.id)::int as n from enforcement_cases c
                   join penalty_decisions d on d.case_id = c.id
                   where d.decision_date >= ${penaltiesFrom}::date group by c.enterprise_id) p on p.enterprise_id = e.id
        left join (select enterprise_id, count(*)::int as n from accidents where occurred_at >= ${at(accidentsFrom)}
                   and occurred_at <= ${at(now)} group by enterprise_id) acc on acc.enterprise_id = e.id
        left join (select enterprise_id, count(*)::int as n from devices where status = 'active' group by enterprise_id) dv
               on dv.enterprise_id = e.id
        where ${scope} ${ids}
        order by e.region_path, e.name, e.id`,
  );
  return rows.map((r) => ({
    enterpriseId: r.id,
    name: r.name,
    regionPath: r.regionPath,
    regionName: r.regionName,
    facts: {
      riskTags: r.riskTags,
      majorHazardInstallation: r.majorHazardInstallation,
      standardizationLevel: effectiveStandardizationLevel(
        r.standardizationLevel as StandardizationLevel,
        dateOnly(r.standardizationExpiry),
        now,
      ),
      openMajorHazards: r.openMajor,
      overdueMajorHazards: r.overdueMajor,
      majorHazardsFound: r.majorFound,
      redAlarms: r.redAlarms,
      penalties: r.penalties,
      accidents: r.accidents,
      monitoringRequired: monitoringRequired(r, now),
      monitoringConnected: r.activeDevices > 0,
    },
    stored:
      r.riskClass && r.computedClass
        ? { riskClass: r.riskClass, computedClass: r.computedClass, overrideClass: r.overrideClass, overrideReason: r.overrideReason }
        : null,
  }));
}
