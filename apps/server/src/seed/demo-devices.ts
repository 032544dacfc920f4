import { type CollectorType, DEVICE_PROFILES, PROFILE_OF_COLLECTOR, type SignalCode } from '@zhiben/contracts';
import { type DemoEnterprise, demoEnterprises, schema, type Tx } from '@zhiben/db';
import { inArray } from 'drizzle-orm';
import { hashDeviceSecret } from '../modules/devices/index.js';

/**
 * Demo monitoring devices for the demo 粉尘涉爆 enterprises, so the monitoring screens and the simulator have
 * something to talk to. The roll-out is deliberately incomplete, as in a real district (seed §三(六)11 targets):
 * every enterprise with 30+ dust workers is connected, most with 10–29, about a third of the rest.
 * Collectors are dry (wood, grain, tobacco, textile, graphite dust); metal-dust polishing lines have a wet one first.
 *
 * DEMO MODE ONLY: codes and secrets are deterministic so a simulator can connect without reading the database —
 * device codes DC01…DC03, MQTT user name `{creditCode}/{code}`, secret `demoDeviceSecret(creditCode, code)`
 * = `Demo-{last 6 characters of the credit code}-{code}` (the demo accounts' enterprise 91140404MA0DEM1X2U: DC01
 * connects as `91140404MA0DEM1X2U/DC01` with password `Demo-EM1X2U-DC01`). A real
 * installation never runs this: its secrets are random and shown once.
 */

export interface DemoDevice {
  creditCode: string;
  enterpriseName: string;
  code: string;
  name: string;
  collectorType: CollectorType;
  systemName: string;
  location: string;
  reportingIntervalS: number;
  signals: SignalCode[];
}

/** Demo devices report every 10 s, so the screens move and an offline device shows within a minute. */
const DEMO_INTERVAL_S = 10;

export function demoDeviceSecret(creditCode: string, code: string): string {
  return `Demo-${creditCode.slice(-6)}-${code}`;
}

const WOOD_LINES = ['砂光', '开料', '铣型'];
const OTHER_LINES = ['粉碎', '筛分', '包装'];
const METAL_LINES = ['抛光', '打磨', '切割'];

function collectorsOf(e: DemoEnterprise): number {
  if (e.dustWorkers >= 30) return 3;
  if (e.dustWorkers >= 10) return 2;
  return 1;
}

/** Which demo dust enterprises are connected: all 30+, three in four of 10–29, one in three below 10. */
function connected(e: DemoEnterprise, rank: number): boolean {
  if (e.dustWorkers >= 30) return true;
  if (e.dustWorkers >= 10) return rank % 4 !== 3;
  return rank % 3 === 0;
}

export function demoDevices(): DemoDevice[] {
  const dust = demoEnterprises().filter((e) => e.riskTags.includes('dust_explosion') && e.status === 'operating');
  const devices: DemoDevice[] = [];
  dust.forEach((e, rank) => {
    if (!connected(e, rank)) return;
    const metal = e.riskTags.includes('dust_metal');
    const wood = e.riskTags.includes('dust_wood');
    const lines = metal ? METAL_LINES : wood ? WOOD_LINES : OTHER_LINES;
    for (let i = 0; i < collectorsOf(e); i++) {
      const collectorType: CollectorType = metal && i === 0 ? 'wet' : 'dry';
      const line = lines[i % lines.length] ?? '生产';
      const profile = DEVICE_PROFILES[PROFILE_OF_COLLECTOR[collectorType]];
      // Fan running lets the combination rules work; wood sanding lines usually carry spark detection.
      const optional: SignalCode[] = ['fan_running'];
      if (collectorType === 'dry' && wood) optional.push('spark_count');
      if (collectorType === 'dry' && i === 0) optional.push('pulse_pressure');
      devices.push({
        creditCode: e.creditCode,
        enterpriseName: e.name,
        code: `DC0${i + 1}`,
        name: `${i + 1}号${line}${collectorType === 'wet' ? '湿式' : '布袋'}除尘器`,
        collectorType,
        systemName: `${i + 1}号除尘系统（${line}）`,
        location: `${line}车间`,
        reportingIntervalS: DEMO_INTERVAL_S,
        signals: [...new Set([...profile.mandatorySignals, ...optional])],
      });
    }
  });
  return devices;
}

/** Writes the demo devices (and their dust-collection systems) into the freshly seeded demo registry. */
export async function seedDemoDevices(tx: Tx, options: { now: Date }): Promise<number> {
  const devices = demoDevices();
  const { enterprises, dustSystems } = schema;
  const rows = await tx
    .select({ id: enterprises.id, creditCode: enterprises.creditCode, regionPath: enterprises.regionPath })
    .from(enterprises)
    .where(
      inArray(
        enterprises.creditCode,
        devices.map((d) => d.creditCode),
      ),
    );
  const byCode = new Map(rows.map((r) => [r.creditCode, r]));
  const systems = await tx
    .insert(dustSystems)
    .values(
      devices.flatMap((d) => {
        const e = byCode.get(d.creditCode);
        return e ? [{ enterpriseId: e.id, name: d.systemName }] : [];
      }),
    )
    .onConflictDoNothing()
    .returning({ id: dustSystems.id, enterpriseId: dustSystems.enterpriseId, name: dustSystems.name });
  const systemOf = new Map(systems.map((s) => [`${s.enterpriseId}/${s.name}`, s.id]));
  const values = devices.flatMap((d) => {
    const e = byCode.get(d.creditCode);
    if (!e) return [];
    return [
      {
        enterpriseId: e.id,
        regionPath: e.regionPath,
        systemId: systemOf.get(`${e.id}/${d.systemName}`) ?? null,
        code: d.code,
        name: d.name,
        collectorType: d.collectorType,
        profile: PROFILE_OF_COLLECTOR[d.collectorType],
        location: d.location,
        reportingIntervalS: d.reportingIntervalS,
        status: 'active',
        signals: d.signals,
        secretHash: hashDeviceSecret(demoDeviceSecret(d.creditCode, d.code)),
        secretRotatedAt: options.now,
      },
    ];
  });
  if (values.length > 0) await tx.insert(schema.devices).values(values).onConflictDoNothing();
  return values.length;
}
