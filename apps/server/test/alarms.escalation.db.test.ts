import { queryRows, schema } from '@zhiben/db';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runAlarmEscalationSweep, runAlarmHazardSweep } from '../src/modules/alarms/index.js';
import { alarmsOf, MIN, type Sender, sender, timelineOf } from './alarms.helpers.js';
import { as, buildTestApp, createTenant, createUser, login, regionByCode, type Session, type TestApp, uniq } from './harness.js';
import { deviceCode, registerDevice } from './samples/monitoring.js';

/**
 * Escalation of unacknowledged alarms and alarm → hazard, driven by the harness clock: the sweeps take the time as an
 * argument, so an hour of T1 / T2 / repeats runs in milliseconds. Sweeps are limited to this file's enterprise (the
 * database may be shared with other test files on PostgreSQL).
 */
let t: TestApp;
let tenant: Awaited<ReturnType<typeof createTenant>>;
let safety: Session;
let township: { id: string; username: string };
let otherTownship: { id: string };
let bureau: { id: string };
let channelTarget: string;

beforeAll(async () => {
  t = await buildTestApp();
  tenant = await createTenant(t, '140404001');
  safety = await login(t.app, tenant.safety.username);
  township = await createUser(t.handle, 'township_officer', { regionId: (await regionByCode(t.handle, '140404001')).id });
  otherTownship = await createUser(t.handle, 'township_officer', { regionId: (await regionByCode(t.handle, '140404106')).id });
  bureau = await createUser(t.handle, 'bureau_officer');
  // The enterprise's WeCom robot: its steps also go out through the outbox.
  channelTarget = `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${uniq('k')}`;
  await t.handle.db.insert(schema.notificationChannels).values({ owner: tenant.enterprise.id, kind: 'wecom', target: channelTarget });
});
afterAll(async () => t?.close());
beforeEach(() => t.clock.set(new Date()));

const escalate = () => runAlarmEscalationSweep(t.handle.db, t.clock.now(), { enterpriseIds: [tenant.enterprise.id] });

async function newDevice(session = safety): Promise<Sender> {
  const { device, secret } = await registerDevice({ t }, session, { code: deviceCode('E'), name: '1号布袋除尘器', collectorType: 'dry' });
  return sender(() => t.app, device, device.creditCode, secret);
}
const reading = (values: Record<string, number>) => ({ ts: t.clock.now().getTime() - 1_000, values: { diff_pressure: 900, ...values } });

/** Escalation notifications about one alarm, per user. */
async function received(alarmId: string) {
  const rows = await t.handle.db
    .select({ userId: schema.notifications.userId })
    .from(schema.notifications)
    .where(and(eq(schema.notifications.entityId, alarmId), eq(schema.notifications.kind, 'alarm_escalation')));
  const count = (userId: string) => rows.filter((r) => r.userId === userId).length;
  return {
    principal: count(tenant.principal.id),
    safety: count(tenant.safety.id),
    staff: count(tenant.staff.id),
    township: count(township.id),
    otherTownship: count(otherTownship.id),
    bureau: count(bureau.id),
  };
}
async function outboxFor(alarmId: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    t.handle.db,
    sql`select count(*)::int as n from outbox where target = ${channelTarget} and payload->>'link' = ${`/monitoring/alarms/${alarmId}`}`,
  );
  return Number(row?.n ?? 0);
}

describe('escalation of an unacknowledged red alarm', () => {
  it('tells the enterprise at once, the township after T1, the bureau after T2, repeats, and stops on acknowledgement', async () => {
    const dev = await newDevice();
    await dev.send([reading({ hopper_temp: 85, airlock_fault: 0 })]);
    const [alarm] = await alarmsOf(t.handle, dev.deviceId, 'hopper_temp.high');
    if (!alarm) throw new Error('no alarm');
    const raisedAt = alarm.raisedAt.getTime();
    const at = (minutes: number) => t.clock.set(new Date(raisedAt + minutes * MIN + 1_000));

    at(0);
    expect(await escalate()).toMatchObject({ alarms: 1, byRecipient: { enterprise: 2, township: 0, bureau: 0 }, escalated: 0 });
    expect(await received(alarm.id)).toEqual({ principal: 1, safety: 1, staff: 0, township: 0, otherTownship: 0, bureau: 0 });
    expect(await outboxFor(alarm.id)).toBe(1);
    // Next due: the enterprise's repeat after 5 minutes (red: repeat 5, T1 15, T2 30).
    expect((await alarmsOf(t.handle, dev.deviceId, 'hopper_temp.high'))[0]?.nextEscalationAt?.getTime()).toBe(raisedAt + 5 * MIN);

    at(2);
    expect(await escalate()).toMatchObject({ alarms: 0, notifications: 0 });

    at(5);
    expect(await escalate()).toMatchObject({ byRecipient: { enterprise: 2, township: 0, bureau: 0 } });
    // Re-running within the same repeat slot sends nothing.
    t.clock.set(new Date(raisedAt + 5 * MIN + 30_000));
    expect(await escalate()).toMatchObject({ notifications: 0 });

    at(15);
    // (Counts by recipient are checked per user: on a shared database other files' officers are in the audience too.)
    expect(await escalate()).toMatchObject({ byRecipient: { enterprise: 2, bureau: 0 }, escalated: 1 });
    expect(await received(alarm.id)).toEqual({ principal: 3, safety: 3, staff: 0, township: 1, otherTownship: 0, bureau: 0 });
    expect((await alarmsOf(t.handle, dev.deviceId, 'hopper_temp.high'))[0]?.escalationStage).toBe('township');

    at(30);
    expect(await escalate()).toMatchObject({ byRecipient: { enterprise: 2 }, escalated: 1 });
    const r30 = await received(alarm.id);
    expect(r30).toMatchObject({ township: 2, otherTownship: 0, bureau: 1, staff: 0 });
    expect((await alarmsOf(t.handle, dev.deviceId, 'hopper_temp.high'))[0]?.escalationStage).toBe('bureau');

    // The alarm's detail shows the stage; the township officer of the region sees the alarm, the other one does not.
    const townshipSession = await login(t.app, township.username);
    expect((await as(t.app, townshipSession).get(`/api/v1/alarms/${alarm.id}`)).json()).toMatchObject({ escalationStage: 'bureau' });
    // The to-do lists: the township officer has an escalated alarm, the enterprise one to acknowledge.
    const todos = async (session: Session) =>
      (await as(t.app, session).get('/api/v1/todos')).json().items as { kind: string; entityId: string }[];
    expect(await todos(townshipSession)).toContainEqual(
      expect.objectContaining({ kind: 'alarm_escalated', entityId: alarm.id, overdue: true }),
    );
    const safetyNow = await login(t.app, tenant.safety.username);
    expect(await todos(safetyNow)).toContainEqual(expect.objectContaining({ kind: 'alarm_pending', entityId: alarm.id }));

    at(32);
    // (Half an hour passed: the session from before has gone idle.)
    const ack = await as(t.app, await login(t.app, tenant.safety.username)).post(`/api/v1/alarms/${alarm.id}/ack`, { note: '已到现场' });
    expect(ack.statusCode, ack.body).toBe(200);
    expect(ack.json()).toMatchObject({ status: 'acknowledged', nextEscalationAt: null, acknowledgedBy: tenant.safety.id });
    expect(await todos(safetyNow)).toContainEqual(expect.objectContaining({ kind: 'alarm_dispose', entityId: alarm.id }));
    expect(await todos(townshipSession)).not.toContainEqual(expect.objectContaining({ entityId: alarm.id }));

    at(90);
    expect(await escalate()).toMatchObject({ alarms: 0, notifications: 0 });
    expect(await received(alarm.id)).toEqual(r30);
    expect(await timelineOf(t.handle, alarm.id)).toEqual(['raised', 'escalated', 'escalated', 'acknowledged']);
  });
});

describe('alarm → hazard', () => {
  // An enterprise of its own: the escalation test above leaves a red alarm that is past T2 (though acknowledged).
  let other: Awaited<ReturnType<typeof createTenant>>;
  let otherSafety: Session;
  beforeAll(async () => {
    other = await createTenant(t, '140404001');
    otherSafety = await login(t.app, other.safety.username);
  });
  const toHazards = () => runAlarmHazardSweep(t.handle.db, t.clock.now(), { enterpriseIds: [other.enterprise.id], clock: t.clock.now });

  it('turns a red alarm still unacknowledged past T2 into a hazard, once, linked both ways', async () => {
    const dev = await newDevice(otherSafety);
    await dev.send([reading({ hopper_temp: 88, airlock_fault: 0 })]);
    const [alarm] = await alarmsOf(t.handle, dev.deviceId, 'hopper_temp.high');
    if (!alarm) throw new Error('no alarm');
    t.clock.set(new Date(alarm.raisedAt.getTime() + 29 * MIN));
    expect(await toHazards()).toMatchObject({ hazards: 0 });
    t.clock.set(new Date(alarm.raisedAt.getTime() + 31 * MIN));
    expect(await toHazards()).toMatchObject({ hazards: 1, byReason: { unacknowledged: 1 } });
    otherSafety = await login(t.app, other.safety.username);
    expect(await toHazards()).toMatchObject({ hazards: 0 });

    const [linked] = await alarmsOf(t.handle, dev.deviceId, 'hopper_temp.high');
    const hazardId = linked?.hazardId ?? '';
    expect(hazardId).not.toBe('');
    const hazard = await as(t.app, otherSafety).get(`/api/v1/hazards/${hazardId}`);
    expect(hazard.json()).toMatchObject({ source: 'monitoring_alarm', level: 'general', status: 'pending_judgement' });
    const hazardTimeline = (await as(t.app, otherSafety).get(`/api/v1/hazards/${hazardId}/timeline`)).json().items as {
      action: string;
      data: unknown;
    }[];
    expect(hazardTimeline.find((e) => e.action === 'monitoring_alarm')?.data).toMatchObject({
      alarmId: alarm.id,
      reason: 'unacknowledged',
    });
    expect((await as(t.app, otherSafety).get(`/api/v1/alarms/${alarm.id}`)).json()).toMatchObject({ hazardId });
    expect(await timelineOf(t.handle, alarm.id)).toContain('hazard_created');
  });

  it('turns an orange alarm raised three times within 24 h into a hazard, even when acknowledged', async () => {
    const dev = await newDevice(otherSafety);
    const fault = async (value: number) => {
      t.clock.advance(MIN);
      await dev.send([reading({ hopper_temp: 30, airlock_fault: value })]);
    };
    await fault(1);
    const [alarm] = await alarmsOf(t.handle, dev.deviceId, 'airlock_fault.active');
    expect((await as(t.app, otherSafety).post(`/api/v1/alarms/${alarm?.id}/ack`, {})).statusCode).toBe(200);
    await fault(0);
    await fault(1);
    await fault(0);
    expect(await toHazards()).toMatchObject({ hazards: 0 });
    await fault(1);
    const [again] = await alarmsOf(t.handle, dev.deviceId, 'airlock_fault.active');
    expect(again).toMatchObject({ id: alarm?.id, count: 3, status: 'acknowledged' });
    expect(await toHazards()).toMatchObject({ hazards: 1, byReason: { recurrence: 1 } });
    expect(await toHazards()).toMatchObject({ hazards: 0 });
  });
});
