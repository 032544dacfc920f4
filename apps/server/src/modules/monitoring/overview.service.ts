import {
  ALARM_LEVEL_RANK,
  ALARM_LEVELS,
  type AlarmLevel,
  type ConnectionStatus,
  type MonitoringOverviewDto,
  type OverviewEnterpriseDto,
} from '@zhiben/contracts';
import { queryRows } from '@zhiben/db';
import { sql } from 'drizzle-orm';
import type { ServiceContext } from '../../platform/context.js';
import { iso } from '../../platform/listing.js';
import { deviceConnectivity, enterpriseInScope } from './connectivity.sql.js';

export function connectionStatus(devices: number, connected: number): ConnectionStatus {
  if (devices === 0) return 'no_devices';
  if (connected === devices) return 'connected';
  return connected === 0 ? 'disconnected' : 'partial';
}

const zeroLevels = () => ({ blue: 0, yellow: 0, orange: 0, red: 0 });

/**
 * The monitoring overview: every enterprise in scope that has registered a device, with its worst open alarm (current
 * level of alarms not closed), its connection status and its latest data. Three grouped queries, whatever the size.
 */
export async function overview(ctx: ServiceContext): Promise<MonitoringOverviewDto> {
  const now = ctx.clock();
  const inScope = enterpriseInScope(ctx.principal.scope);
  const enterprises = await queryRows<{
    id: string;
    name: string;
    region_name: string;
    devices: number;
    connected: number;
    last_seen: string | Date | null;
  }>(
    ctx.db,
    sql`with conn as ${deviceConnectivity(inScope, now)}
        select enterprises.id, enterprises.name, rg.name as region_name,
               count(conn.device_id)::int as devices, count(conn.device_id) filter (where conn.connected)::int as connected,
               max(conn.last_seen) as last_seen
        from enterprises join regions rg on rg.id = enterprises.region_id
        left join conn on conn.enterprise_id = enterprises.id
        where ${inScope} and exists (select 1 from devices d where d.enterprise_id = enterprises.id)
        group by enterprises.id, enterprises.name, rg.name`,
  );
  const alarms = await queryRows<{ enterprise_id: string; level: AlarmLevel; n: number; pending: number }>(
    ctx.db,
    sql`select a.enterprise_id, a.level, count(*)::int as n, count(*) filter (where a.status = 'pending')::int as pending
        from alarms a join enterprises on enterprises.id = a.enterprise_id
        where a.status <> 'closed' and ${inScope}
        group by a.enterprise_id, a.level`,
  );
  const byEnterprise = new Map<string, { levels: Record<AlarmLevel, number>; pending: number }>();
  for (const a of alarms) {
    const entry = byEnterprise.get(a.enterprise_id) ?? { levels: zeroLevels(), pending: 0 };
    entry.levels[a.level] += Number(a.n);
    entry.pending += Number(a.pending);
    byEnterprise.set(a.enterprise_id, entry);
  }

  const items: OverviewEnterpriseDto[] = enterprises.map((e) => {
    const open = byEnterprise.get(e.id) ?? { levels: zeroLevels(), pending: 0 };
    const worst = [...ALARM_LEVELS].reverse().find((l) => open.levels[l] > 0) ?? null;
    const devices = Number(e.devices);
    const connected = Number(e.connected);
    return {
      enterpriseId: e.id,
      enterpriseName: e.name,
      regionName: e.region_name,
      deviceCount: devices,
      connectedDeviceCount: connected,
      connectionStatus: connectionStatus(devices, connected),
      lastDataAt: iso(e.last_seen === null ? null : new Date(e.last_seen)),
      worstLevel: worst,
      openAlarmCount: ALARM_LEVELS.reduce((n, l) => n + open.levels[l], 0),
      openByLevel: open.levels,
      pendingCount: open.pending,
    };
  });
  const rank = (l: AlarmLevel | null) => (l === null ? 0 : ALARM_LEVEL_RANK[l]);
  items.sort((a, b) => rank(b.worstLevel) - rank(a.worstLevel) || a.enterpriseName.localeCompare(b.enterpriseName, 'zh-CN'));

  const openByLevel = zeroLevels();
  for (const i of items) for (const l of ALARM_LEVELS) openByLevel[l] += i.openByLevel[l];
  return {
    asOf: now.toISOString(),
    summary: {
      enterprises: items.length,
      connectedEnterprises: items.filter((i) => i.connectionStatus === 'connected').length,
      devices: items.reduce((n, i) => n + i.deviceCount, 0),
      connectedDevices: items.reduce((n, i) => n + i.connectedDeviceCount, 0),
      openAlarms: items.reduce((n, i) => n + i.openAlarmCount, 0),
      openByLevel,
      pending: items.reduce((n, i) => n + i.pendingCount, 0),
    },
    items,
  };
}
