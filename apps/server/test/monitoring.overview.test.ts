import type { IncomingMessage } from 'node:http';
import { request as httpRequest } from 'node:http';
import { ALARM_LEVEL_RANK, type AlarmLevel, DEVICE_PROFILES, type ProfileCode } from '@zhiben/contracts';
import { queryRows, schema } from '@zhiben/db';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alarmsOf, MIN, type Sender, sender } from './alarms.helpers.js';
import {
  as,
  buildTestApp,
  createEnterprise,
  createTenant,
  createUser,
  login,
  regionByCode,
  type Session,
  type TestApp,
} from './harness.js';
import type { Tenant } from './route-samples.js';
import { fixtureDevice } from './samples/monitoring.js';

/**
 * The monitoring overview and roll-out tracker, checked against direct SQL over the raw readings and alarms of
 * fixtures (the services read rollups and rule state: two routes to the same numbers), and the live stream.
 */
const REGION = '140404104';
const DAY = 86_400_000;
let t: TestApp;
let e1: Tenant;
let e2: Tenant;
let township: Session;
let senders: Record<'full' | 'partial' | 'wet' | 'stale', Sender>;

type Ent = { id: string; regionPath: string };
async function makeDust(enterpriseId: string, dustWorkers: number) {
  await t.handle.db
    .update(schema.enterprises)
    .set({ riskTags: ['dust_explosion'], dustWorkers })
    .where(eq(schema.enterprises.id, enterpriseId));
}
async function device(enterprise: Ent, collectorType: 'dry' | 'wet', createdDaysAgo: number): Promise<Sender> {
  const { device: row, secret, creditCode } = await fixtureDevice({ t }, { enterprise } as unknown as Tenant, collectorType);
  await t.handle.db
    .update(schema.devices)
    .set({ createdAt: new Date(Date.now() - createdDaysAgo * DAY) })
    .where(eq(schema.devices.id, row.id));
  return sender(() => t.app, row, creditCode, secret);
}
/** One message per minute over `minutes`, ending `endAgoMs` before now. */
function series(minutes: number, endAgoMs: number, values: (i: number) => Record<string, number>) {
  const end = Date.now() - endAgoMs;
  return Array.from({ length: minutes }, (_, i) => ({ ts: end - (minutes - 1 - i) * MIN, values: values(i) }));
}

beforeAll(async () => {
  t = await buildTestApp();
  e1 = await createTenant(t, REGION);
  e2 = await createTenant(t, REGION);
  const e3 = await createEnterprise(t.handle, REGION);
  const e4 = await createEnterprise(t.handle, REGION);
  await makeDust(e1.enterprise.id, 35);
  await makeDust(e2.enterprise.id, 15);
  await makeDust(e3.id, 5);
  await makeDust(e4.id, 12);
  township = await login(
    t.app,
    (await createUser(t.handle, 'township_officer', { regionId: (await regionByCode(t.handle, REGION)).id })).username,
  );

  senders = {
    full: await device(e1.enterprise, 'dry', 8),
    partial: await device(e1.enterprise, 'dry', 8),
    wet: await device(e2.enterprise, 'wet', 2),
    stale: await device(e3, 'dry', 8),
  };
  const dry = (i: number) => ({ hopper_temp: 40 + (i % 5) * 0.1, diff_pressure: 900 + i, airlock_fault: 0 });
  // Three days ago (in the 7-day window, not in the last 24 h), then the last 90 minutes ending with a red excursion.
  await senders.full.send(series(30, 3 * DAY, dry));
  await senders.full.send(series(90, MIN, (i) => ({ ...dry(i), hopper_temp: i === 89 ? 85 : 40 + (i % 5) * 0.1 })));
  // Only one of the three mandatory signals: not connected.
  await senders.partial.send(series(60, MIN, (i) => ({ hopper_temp: 41 + (i % 3) * 0.1 })));
  // Wet collector: level falls to 15 % (orange, low) at the end.
  await senders.wet.send(series(45, 2 * MIN, (i) => ({ water_level: i === 44 ? 15 : 60 + (i % 4), water_flow: 12 + (i % 2) })));
  // Reported two days ago only: not connected, offline.
  await senders.stale.send(series(20, 2 * DAY, dry));
}, 60_000);
afterAll(async () => t?.close());

const rank = (level: string | null) => (level ? ALARM_LEVEL_RANK[level as AlarmLevel] : 0);

/**
 * Per active device of the region, straight from telemetry_readings. The 7-day window counts whole minutes from the
 * minute of its start (the rollups' granularity), its length in exact seconds.
 */
async function readingsTruth(now: Date) {
  const region = await regionByCode(t.handle, REGION);
  const rows = await queryRows<{
    id: string;
    enterprise_id: string;
    profile: string;
    interval_s: number;
    ws: string | Date;
    recent: string[];
    last_ts: string | Date | null;
    readings: Record<string, number> | null;
    minutes: number;
  }>(
    t.handle.db,
    sql`select d.id, d.enterprise_id, d.profile, d.reporting_interval_s as interval_s,
               greatest(${now.toISOString()}::timestamptz - interval '7 days', d.created_at) as ws,
               array(select distinct r.signal from telemetry_readings r where r.device_id = d.id
                       and r.ts >= ${now.toISOString()}::timestamptz - interval '24 hours' and r.ts <= ${now.toISOString()}::timestamptz) as recent,
               (select max(r.ts) from telemetry_readings r where r.device_id = d.id) as last_ts,
               (select jsonb_object_agg(x.signal, x.n) from (select r.signal, count(*) as n from telemetry_readings r
                  where r.device_id = d.id
                    and date_trunc('minute', r.ts) >= date_trunc('minute', greatest(${now.toISOString()}::timestamptz - interval '7 days', d.created_at))
                    and date_trunc('minute', r.ts) < ${now.toISOString()}::timestamptz group by r.signal) x) as readings,
               (select count(distinct date_trunc('minute', r.ts)) from telemetry_readings r where r.device_id = d.id
                  and date_trunc('minute', r.ts) >= date_trunc('minute', greatest(${now.toISOString()}::timestamptz - interval '7 days', d.created_at))
                  and date_trunc('minute', r.ts) < ${now.toISOString()}::timestamptz)::int as minutes
        from devices d where d.status = 'active' and d.region_path like ${`${region.path}%`}`,
  );
  return rows.map((r) => {
    const mandatory = DEVICE_PROFILES[r.profile as ProfileCode].mandatorySignals as readonly string[];
    const windowS = (now.getTime() - new Date(r.ws).getTime()) / 1000;
    const counts = r.readings ?? {};
    const relevant = Object.entries(counts)
      .filter(([signal]) => mandatory.length === 0 || mandatory.includes(signal))
      .reduce((n, [, c]) => n + Number(c), 0);
    return {
      id: r.id,
      enterpriseId: r.enterprise_id,
      connected: mandatory.length === 0 ? r.recent.length > 0 : mandatory.every((s) => r.recent.includes(s)),
      lastTs: r.last_ts === null ? null : new Date(r.last_ts).toISOString(),
      completeness: Math.min(1, relevant / ((Math.max(mandatory.length, 1) * windowS) / Number(r.interval_s))),
      uptime: Math.min(1, Number(r.minutes) / (windowS / Math.max(60, Number(r.interval_s)))),
    };
  });
}

describe('GET /api/v1/monitoring/overview', () => {
  it('equals direct SQL over readings and alarms: worst open level, connection status, device counts, last data', async () => {
    const res = await as(t.app, township).get('/api/v1/monitoring/overview');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const truth = await readingsTruth(new Date(body.asOf));
    const alarms = await queryRows<{ enterprise_id: string; level: string; status: string }>(
      t.handle.db,
      sql`select enterprise_id, level, status from alarms where status <> 'closed' and region_path like ${`${(await regionByCode(t.handle, REGION)).path}%`}`,
    );
    const enterpriseIds = [...new Set(truth.map((d) => d.enterpriseId))];
    expect(body.items.map((i: { enterpriseId: string }) => i.enterpriseId).sort()).toEqual(enterpriseIds.sort());
    for (const item of body.items) {
      const devices = truth.filter((d) => d.enterpriseId === item.enterpriseId);
      const open = alarms.filter((a) => a.enterprise_id === item.enterpriseId);
      const worst = open.reduce<string | null>((w, a) => (rank(a.level) > rank(w) ? a.level : w), null);
      const connected = devices.filter((d) => d.connected).length;
      const last =
        devices
          .map((d) => d.lastTs)
          .filter((x): x is string => x !== null)
          .sort()
          .at(-1) ?? null;
      expect(item).toMatchObject({
        deviceCount: devices.length,
        connectedDeviceCount: connected,
        connectionStatus:
          devices.length === 0 ? 'no_devices' : connected === devices.length ? 'connected' : connected === 0 ? 'disconnected' : 'partial',
        worstLevel: worst,
        openAlarmCount: open.length,
        pendingCount: open.filter((a) => a.status === 'pending').length,
        lastDataAt: last,
      });
    }
    // And the fixtures say what they were built to say.
    const byId = (id: string) => body.items.find((i: { enterpriseId: string }) => i.enterpriseId === id);
    expect(byId(e1.enterprise.id)).toMatchObject({
      worstLevel: 'red',
      connectionStatus: 'partial',
      deviceCount: 2,
      connectedDeviceCount: 1,
    });
    expect(byId(e2.enterprise.id)).toMatchObject({ worstLevel: 'orange', connectionStatus: 'connected' });
  });

  it('shows an enterprise only itself', async () => {
    const res = await as(t.app, await login(t.app, e2.principal.username)).get('/api/v1/monitoring/overview');
    expect(res.json().items.map((i: { enterpriseId: string }) => i.enterpriseId)).toEqual([e2.enterprise.id]);
  });
});

describe('GET /api/v1/monitoring/rollout', () => {
  it('equals direct SQL: dust enterprises by target, connected or not, 7-day completeness and uptime', async () => {
    const res = await as(t.app, township).get('/api/v1/monitoring/rollout');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const now = new Date(body.asOf);
    const truth = await readingsTruth(now);
    const region = await regionByCode(t.handle, REGION);
    const enterprises = await queryRows<{ id: string; dust_workers: number; dust: boolean; has_devices: boolean }>(
      t.handle.db,
      sql`select e.id, e.dust_workers, 'dust_explosion' = any(e.risk_tags) as dust,
                 exists (select 1 from devices d where d.enterprise_id = e.id) as has_devices
          from enterprises e where e.region_path like ${`${region.path}%`} and e.status <> 'closed'
            and (('dust_explosion' = any(e.risk_tags) and e.dust_workers >= 10) or exists (select 1 from devices d where d.enterprise_id = e.id))`,
    );
    expect(body.items.map((i: { enterpriseId: string }) => i.enterpriseId).sort()).toEqual(enterprises.map((e) => e.id).sort());
    const avg = (xs: number[]) => (xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length);
    const connectedOf = (id: string) => {
      const devices = truth.filter((d) => d.enterpriseId === id);
      return devices.length > 0 && devices.every((d) => d.connected);
    };
    for (const item of body.items) {
      const devices = truth.filter((d) => d.enterpriseId === item.enterpriseId);
      expect(item.connected).toBe(connectedOf(item.enterpriseId));
      expect(item.deviceCount).toBe(devices.length);
      const completeness = avg(devices.map((d) => d.completeness));
      const uptime = avg(devices.map((d) => d.uptime));
      if (completeness === null) expect(item.completeness).toBeNull();
      else expect(item.completeness).toBeCloseTo(completeness, 9);
      if (uptime === null) expect(item.uptime).toBeNull();
      else expect(item.uptime).toBeCloseTo(uptime, 9);
    }
    for (const [key, min] of [
      ['30+', 30],
      ['10+', 10],
    ] as const) {
      const inTarget = enterprises.filter((e) => e.dust && Number(e.dust_workers) >= min);
      expect(body.targets.find((x: { key: string }) => x.key === key)).toMatchObject({
        total: inTarget.length,
        connected: inTarget.filter((e) => connectedOf(e.id)).length,
        due: true,
      });
    }
    const byId = (id: string) => body.items.find((i: { enterpriseId: string }) => i.enterpriseId === id);
    expect(byId(e1.enterprise.id)).toMatchObject({ targetKey: '30+', connected: false, dustWorkers: 35 });
    expect(byId(e2.enterprise.id)).toMatchObject({ targetKey: '10+', connected: true });
    // The 2-day-old wet collector is scored over its 2 days, not 7.
    expect(byId(e2.enterprise.id).completeness).toBeGreaterThan(byId(e1.enterprise.id).completeness);
  });
});

describe('GET /api/v1/monitoring/stream', () => {
  async function openStream(port: number, session: Session) {
    const events: { type: string; [k: string]: unknown }[] = [];
    const res = await new Promise<IncomingMessage>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, path: '/api/v1/monitoring/stream', headers: { cookie: session.cookie } }, resolve);
      req.on('error', reject);
      req.end();
    });
    let buffer = '';
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      buffer += chunk;
      for (let i = buffer.indexOf('\n\n'); i >= 0; i = buffer.indexOf('\n\n')) {
        const block = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        for (const line of block.split('\n')) if (line.startsWith('data: ')) events.push(JSON.parse(line.slice(6)));
      }
    });
    const waitFor = async (predicate: () => boolean, ms = 5000) => {
      const deadline = Date.now() + ms;
      while (!predicate()) {
        if (Date.now() > deadline) throw new Error(`timed out; events: ${JSON.stringify(events)}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    };
    return { res, events, waitFor, close: () => res.destroy() };
  }

  it('pushes alarm changes and connection changes to those who may see them only', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as { port: number };
    const mine = await openStream(port, await login(t.app, e1.principal.username));
    const theirs = await openStream(port, await login(t.app, e2.principal.username));
    const region = await openStream(port, township);
    expect(mine.res.headers['content-type']).toContain('text/event-stream');
    for (const s of [mine, theirs, region]) await s.waitFor(() => s.events.some((e) => e.type === 'hello'));

    const fresh = await device(e1.enterprise, 'dry', 0);
    await fresh.send([{ ts: Date.now() - 1_000, values: { hopper_temp: 88, diff_pressure: 900, airlock_fault: 0 } }]);
    const [alarm] = await alarmsOf(t.handle, fresh.deviceId, 'hopper_temp.high');
    const raised = (s: typeof mine) =>
      s.events.some((e) => e.type === 'alarm' && (e.alarm as { id: string }).id === alarm?.id && e.change === 'raised');
    await mine.waitFor(() => raised(mine));
    await region.waitFor(() => raised(region));
    const connected = (s: typeof mine) =>
      s.events.some((e) => e.type === 'connection' && e.deviceId === fresh.deviceId && e.connected === true);
    await mine.waitFor(() => connected(mine));

    const ack = await as(t.app, await login(t.app, e1.safety.username)).post(`/api/v1/alarms/${alarm?.id}/ack`, {});
    expect(ack.statusCode).toBe(200);
    await mine.waitFor(() => mine.events.some((e) => e.type === 'alarm' && e.change === 'acknowledged'));
    const pushed = mine.events.find((e) => e.type === 'alarm' && e.change === 'acknowledged');
    expect(pushed?.alarm).toMatchObject({ id: alarm?.id, status: 'acknowledged', level: 'red', enterpriseId: e1.enterprise.id });

    // Enterprise 2 heard nothing of enterprise 1.
    await new Promise((r) => setTimeout(r, 200));
    expect(theirs.events.filter((e) => e.type !== 'hello')).toEqual([]);
    for (const s of [mine, theirs, region]) s.close();
  });
});
