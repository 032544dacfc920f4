import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../src/app.js';
import { runOfflineSweep } from '../src/modules/alarms/index.js';
import { alarmsOf, MIN, SEC, type Sender, sender, timelineOf } from './alarms.helpers.js';
import { as, buildTestApp, createTenant, login, type Session, type TestApp } from './harness.js';
import { uploadPhoto } from './samples/alarms.js';
import { deviceCode, registerDevice } from './samples/monitoring.js';

/**
 * The rule stage in the telemetry batch transaction (issue #6 items 3–4): readings through the real HTTP ingestion
 * path, alarms as the engine's events leave them, and state that survives a restart.
 */
let t: TestApp;
let app: App;
let tenant: Awaited<ReturnType<typeof createTenant>>;
let safety: Session;

beforeAll(async () => {
  t = await buildTestApp();
  app = t.app;
  tenant = await createTenant(t);
  safety = await login(t.app, tenant.safety.username);
});
afterAll(async () => {
  await app?.close();
  await t?.handle.close();
});

async function newDevice(collectorType: 'dry' | 'wet', optionalSignals: string[] = []): Promise<Sender> {
  const { device, secret } = await registerDevice({ t }, safety, {
    code: deviceCode('A'),
    name: '砂光除尘器',
    collectorType,
    optionalSignals,
  });
  return sender(() => app, device, device.creditCode, secret);
}

const dry = (ts: number, hopper: number, extra: Record<string, number> = {}) => ({
  ts,
  values: { hopper_temp: hopper, diff_pressure: 900, airlock_fault: 0, ...extra },
});

describe('threshold alarms through the ingestion path', () => {
  it('raises one alarm per device and rule; re-triggers change level, count and peak; a duplicate changes nothing', async () => {
    const dev = await newDevice('dry');
    // Recent readings: old ones would (rightly) also raise the offline rule, which is not what this test is about.
    const base = Date.now() - 4 * MIN;
    await dev.send([dry(base, 65)]);
    let [alarm] = await alarmsOf(t.handle, dev.deviceId, 'hopper_temp.high');
    expect(alarm).toMatchObject({ level: 'yellow', maxLevel: 'yellow', status: 'pending', count: 1, peak: 65, kind: 'threshold' });

    await dev.send([dry(base + MIN, 72), dry(base + 2 * MIN, 85)]);
    // A resend of an acknowledged-by-the-server reading is a duplicate: it never reaches the rules twice.
    expect(await dev.send([dry(base + 2 * MIN, 85)])).toMatchObject({ accepted: 0, duplicates: 3 });
    await dev.send([dry(base + 3 * MIN, 83)]);
    const all = await alarmsOf(t.handle, dev.deviceId, 'hopper_temp.high');
    expect(all).toHaveLength(1);
    [alarm] = all;
    // yellow → orange → red: two level changes, each a re-trigger; 83 stays red (deadband 2 below 80).
    expect(alarm).toMatchObject({ level: 'red', maxLevel: 'red', count: 3, peak: 85, clearedAt: null });
    // The 20 ℃ rise within 10 minutes is a second rule of the same device: its own alarm.
    expect((await alarmsOf(t.handle, dev.deviceId)).map((a) => a.ruleId).sort()).toEqual(['hopper_temp.high', 'hopper_temp.rise']);
    expect(await timelineOf(t.handle, alarm?.id ?? '')).toEqual(['raised', 'level_changed', 'level_changed']);
  });

  it('keeps a cleared, unhandled alarm as 已恢复未处置, re-opens it, and closes it once disposed and cleared', async () => {
    const dev = await newDevice('dry');
    const base = Date.now() - 5 * MIN;
    await dev.send([dry(base, 82), dry(base + MIN, 50)]);
    const [first] = await alarmsOf(t.handle, dev.deviceId, 'hopper_temp.high');
    expect(first).toMatchObject({ status: 'pending', count: 1, peak: 82 });
    expect(first?.clearedAt?.getTime()).toBe(base + MIN);
    const id = first?.id ?? '';
    const seen = await as(app, safety).get(`/api/v1/alarms/${id}`);
    expect(seen.json()).toMatchObject({ status: 'pending', displayStatus: 'recovered', count: 1 });

    // The condition returns before anyone filed a report: the same alarm again, count 2.
    await dev.send([dry(base + 2 * MIN, 71)]);
    const reopened = await alarmsOf(t.handle, dev.deviceId, 'hopper_temp.high');
    expect(reopened).toHaveLength(1);
    expect(reopened[0]).toMatchObject({ id, count: 2, level: 'orange', maxLevel: 'red', clearedAt: null });

    const disposed = await as(app, safety).post(`/api/v1/alarms/${id}/dispose`, {
      cause: '灰斗积灰受热',
      action: '清理积灰并检查温度探头',
      photos: [await uploadPhoto({ t }, safety)],
    });
    expect(disposed.statusCode, disposed.body).toBe(200);
    // Disposed while the condition still holds: 已处置, not closed.
    expect(disposed.json()).toMatchObject({ status: 'disposed', displayStatus: 'disposed', closedAt: null });

    await dev.send([dry(base + 3 * MIN, 40)]);
    expect((await alarmsOf(t.handle, dev.deviceId, 'hopper_temp.high'))[0]).toMatchObject({ id, status: 'closed' });
    expect(await timelineOf(t.handle, id)).toEqual(['raised', 'cleared', 'reraised', 'acknowledged', 'disposed', 'cleared', 'closed']);

    // After closing, the next excursion is a new alarm.
    await dev.send([dry(base + 4 * MIN, 90)]);
    const after = await alarmsOf(t.handle, dev.deviceId, 'hopper_temp.high');
    expect(after).toHaveLength(2);
    expect(after[1]).toMatchObject({ status: 'pending', level: 'red', count: 1 });
    expect(after[1]?.id).not.toBe(id);
  });

  it('raises a combination alarm and a separate 数据异常 alarm for an impossible reading (no process alarm from it)', async () => {
    const dev = await newDevice('dry', ['fan_running']);
    const base = Date.now() - 2 * MIN;
    await dev.send([{ ts: base, values: { hopper_temp: 30, diff_pressure: 900, airlock_fault: 1, fan_running: 1 } }]);
    const kinds = (await alarmsOf(t.handle, dev.deviceId)).map((a) => `${a.ruleId}:${a.kind}:${a.level}`).sort();
    expect(kinds).toEqual(['airlock_fault.active:threshold:orange', 'fan_running.airlock_fault:combination:red']);

    await dev.send([{ ts: base + MIN, values: { hopper_temp: 5000 } }]);
    const hopper = await alarmsOf(t.handle, dev.deviceId);
    expect(hopper.filter((a) => a.ruleId.startsWith('hopper_temp'))).toEqual([
      expect.objectContaining({ ruleId: 'hopper_temp.impossible', kind: 'data_quality' }),
    ]);
  });
});

describe('offline sweep', () => {
  it('raises an offline alarm for a silent device and clears it when data arrives', async () => {
    const dev = await newDevice('dry');
    const last = Date.now() - 20 * MIN;
    // The batch runs "then" (at the device's time), so it does not see the silence that follows.
    t.clock.set(new Date(last + SEC));
    await dev.send([dry(last, 30)]);
    t.clock.set(new Date());
    const { runner } = app.alarmEngine;
    // Quiet for 4 intervals: not yet (the default rule waits 5 × 60 s).
    await runOfflineSweep(t.handle.db, runner, new Date(last + 4 * MIN), { enterpriseIds: [tenant.enterprise.id] });
    expect(await alarmsOf(t.handle, dev.deviceId, 'offline')).toHaveLength(0);
    await runOfflineSweep(t.handle.db, runner, new Date(last + 6 * MIN), { enterpriseIds: [tenant.enterprise.id] });
    const [offline] = await alarmsOf(t.handle, dev.deviceId, 'offline');
    expect(offline).toMatchObject({ kind: 'offline', level: 'yellow', status: 'pending', clearedAt: null });
    // Dated when the silence reached the limit, not when the sweep ran.
    expect(offline?.firstAt.getTime()).toBe(last + 5 * MIN);
    // Sweeping again raises nothing new.
    await runOfflineSweep(t.handle.db, runner, new Date(last + 8 * MIN), { enterpriseIds: [tenant.enterprise.id] });
    expect(await alarmsOf(t.handle, dev.deviceId, 'offline')).toHaveLength(1);

    await dev.send([dry(Date.now() - SEC, 30)]);
    expect((await alarmsOf(t.handle, dev.deviceId, 'offline'))[0]?.clearedAt).not.toBeNull();
  });
});

describe('restart safety', () => {
  it('continues a duration rule across a restart: "flow stopped for 60 s" spans the two app instances', async () => {
    const dev = await newDevice('wet');
    const base = Date.now() - 2 * MIN;
    const wet = (ts: number, flow: number) => ({ ts, values: { water_level: 80, water_flow: flow } });
    await dev.send([wet(base, 0), wet(base + 30 * SEC, 0)]);
    expect(await alarmsOf(t.handle, dev.deviceId, 'water_flow.stopped')).toHaveLength(0);

    // A new app instance on the same database: nothing of the first one's memory survives but the database.
    await app.close();
    app = await buildApp({
      db: t.handle.db,
      sessionSecret: 'test-secret-test-secret-test-secret!!',
      clock: t.clock.now,
      filesDir: mkdtempSync(join(tmpdir(), 'zb-files-')),
    });
    await dev.send([wet(base + 60 * SEC, 0)]);
    const [alarm] = await alarmsOf(t.handle, dev.deviceId, 'water_flow.stopped');
    // Raised by the first reading after the restart: the run started before it.
    expect(alarm).toMatchObject({ kind: 'duration', level: 'orange', status: 'pending' });
    expect(alarm?.firstAt.getTime()).toBe(base + 60 * SEC);
  });
});
