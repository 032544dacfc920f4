import type { MonitoringRolloutDto, RolloutEnterpriseDto } from '@zhiben/contracts';
import { queryRows } from '@zhiben/db';
import { endOfShanghaiDay } from '@zhiben/domain';
import { sql } from 'drizzle-orm';
import type { ServiceContext } from '../../platform/context.js';
import { iso } from '../../platform/listing.js';
import { deviceConnectivity, enterpriseInScope, mandatoryRelation } from './connectivity.sql.js';

/**
 * Roll-out targets (seed §三(六)11; 应急厅函〔2023〕82号, regulations.md §2.1): 粉尘涉爆 enterprises with 30 or more
 * dust workers connected by the end of 2024, all with 10 or more by the end of 2025. Strictest first.
 */
export const ROLLOUT_TARGETS = [
  { key: '30+', label: '涉粉作业人数 30 人以上：2024 年底前接入', minDustWorkers: 30, deadline: '2024-12-31' },
  { key: '10+', label: '涉粉作业人数 10 人以上：2025 年底前应接尽接', minDustWorkers: 10, deadline: '2025-12-31' },
] as const;

/** The risk tag of dust-explosion enterprises (catalog `risk_tags`). */
export const DUST_TAG = 'dust_explosion';
export const ROLLOUT_WINDOW_DAYS = 7;

export const targetOf = (dustWorkers: number) => ROLLOUT_TARGETS.find((t) => dustWorkers >= t.minDustWorkers)?.key ?? null;

/**
 * The roll-out tracker: dust enterprises in scope (not closed) with 10+ dust workers, and any other enterprise that
 * registered devices; per enterprise whether it is connected (every active device connected) and, over the last 7
 * days from the 1-minute rollups (from a device's registration when that is later), per device and then averaged:
 *   completeness = readings of mandatory signals / (mandatory signals × window ÷ reporting interval), capped at 1
 *                  (a profile without mandatory signals: readings of any signal ÷ (window ÷ interval));
 *   uptime       = minutes with any reading / (window ÷ max(60 s, interval)), capped at 1.
 */
export async function rollout(ctx: ServiceContext): Promise<MonitoringRolloutDto> {
  const now = ctx.clock();
  const inScope = enterpriseInScope(ctx.principal.scope);
  const nowIso = now.toISOString();
  const windowStart = new Date(now.getTime() - ROLLOUT_WINDOW_DAYS * 86_400_000).toISOString();
  const rows = await queryRows<{
    id: string;
    name: string;
    region_name: string;
    dust_workers: number;
    dust: boolean;
    devices: number;
    connected: number;
    last_seen: string | Date | null;
    completeness: number | null;
    uptime: number | null;
  }>(
    ctx.db,
    sql`with conn as ${deviceConnectivity(inScope, now)},
        win as (
          select d.id as device_id, d.enterprise_id, d.reporting_interval_s as interval_s, coalesce(mandatory.signals, '{}') as signals,
                 greatest(${windowStart}::timestamptz, d.created_at) as ws
          from devices d join enterprises on enterprises.id = d.enterprise_id
          left join ${mandatoryRelation()} on mandatory.profile = d.profile
          where d.status = 'active' and ${inScope}
        ),
        score as (
          select w.device_id, w.enterprise_id,
                 case when extract(epoch from ${nowIso}::timestamptz - w.ws) <= 0 then null else least(1.0,
                   coalesce((select sum(r.count) from telemetry_rollups_1m r
                             where r.device_id = w.device_id and r.minute >= date_trunc('minute', w.ws) and r.minute < ${nowIso}::timestamptz
                               and (cardinality(w.signals) = 0 or r.signal = any(w.signals))), 0)
                   / (greatest(cardinality(w.signals), 1) * extract(epoch from ${nowIso}::timestamptz - w.ws) / w.interval_s)) end as completeness,
                 case when extract(epoch from ${nowIso}::timestamptz - w.ws) <= 0 then null else least(1.0,
                   (select count(distinct r.minute) from telemetry_rollups_1m r
                    where r.device_id = w.device_id and r.minute >= date_trunc('minute', w.ws) and r.minute < ${nowIso}::timestamptz)
                   / (extract(epoch from ${nowIso}::timestamptz - w.ws) / greatest(60, w.interval_s))) end as uptime
          from win w
        )
        select enterprises.id, enterprises.name, rg.name as region_name, enterprises.dust_workers,
               (${DUST_TAG} = any(enterprises.risk_tags)) as dust,
               (select count(*) from conn where conn.enterprise_id = enterprises.id)::int as devices,
               (select count(*) from conn where conn.enterprise_id = enterprises.id and conn.connected)::int as connected,
               (select max(conn.last_seen) from conn where conn.enterprise_id = enterprises.id) as last_seen,
               (select avg(s.completeness) from score s where s.enterprise_id = enterprises.id)::float8 as completeness,
               (select avg(s.uptime) from score s where s.enterprise_id = enterprises.id)::float8 as uptime
        from enterprises join regions rg on rg.id = enterprises.region_id
        where ${inScope} and enterprises.status <> 'closed'
          and ((${DUST_TAG} = any(enterprises.risk_tags) and enterprises.dust_workers >= ${ROLLOUT_TARGETS[1].minDustWorkers})
               or exists (select 1 from devices d where d.enterprise_id = enterprises.id))
        order by enterprises.dust_workers desc, enterprises.name`,
  );

  const items: RolloutEnterpriseDto[] = rows.map((e) => {
    const devices = Number(e.devices);
    const connected = Number(e.connected);
    return {
      enterpriseId: e.id,
      enterpriseName: e.name,
      regionName: e.region_name,
      dustWorkers: Number(e.dust_workers),
      targetKey: e.dust ? targetOf(Number(e.dust_workers)) : null,
      deviceCount: devices,
      connectedDeviceCount: connected,
      connected: devices > 0 && connected === devices,
      lastDataAt: iso(e.last_seen === null ? null : new Date(e.last_seen)),
      completeness: e.completeness === null ? null : Number(e.completeness),
      uptime: e.uptime === null ? null : Number(e.uptime),
    };
  });
  const targets = ROLLOUT_TARGETS.map((t) => {
    const inTarget = items.filter((i) => i.targetKey !== null && (i.dustWorkers ?? 0) >= t.minDustWorkers);
    const connected = inTarget.filter((i) => i.connected).length;
    const deadline = endOfShanghaiDay(t.deadline);
    return {
      key: t.key,
      label: t.label,
      minDustWorkers: t.minDustWorkers,
      deadline: t.deadline,
      total: inTarget.length,
      connected,
      rate: inTarget.length === 0 ? null : connected / inTarget.length,
      due: deadline !== null && now.getTime() > deadline.getTime(),
    };
  });
  return { asOf: nowIso, windowDays: ROLLOUT_WINDOW_DAYS, targets, items };
}
