import { ESCALATION_RULES, schema } from '@zhiben/db';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escalationKey, escalationSlot, runEscalationSweep, runQuarterReminderSweep } from '../src/modules/notifications/index.js';
import { buildTestApp, createEnterprise, createTenant, createUser, regionByCode, type TestApp, uniq } from './harness.js';

/**
 * Escalation with a controllable clock: the sweep takes the time as an argument, so a whole timeline (days of
 * deadlines and repeats) runs in milliseconds. Sweeps are limited to this file's enterprises (the database may be
 * shared with other test files on PostgreSQL).
 */
let t: TestApp;
let tenant: Awaited<ReturnType<typeof createTenant>>;
let township: { id: string };
let otherTownship: { id: string };
let bureau: { id: string };

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

beforeAll(async () => {
  t = await buildTestApp();
  tenant = await createTenant(t, '140404001');
  township = await createUser(t.handle, 'township_officer', { regionId: (await regionByCode(t.handle, '140404001')).id });
  otherTownship = await createUser(t.handle, 'township_officer', { regionId: (await regionByCode(t.handle, '140404106')).id });
  bureau = await createUser(t.handle, 'bureau_officer');
});
afterAll(async () => t?.close());

async function insertHazard(values: { level: 'general' | 'major'; deadline: Date; enterpriseId?: string; regionPath?: string }) {
  const [row] = await t.handle.db
    .insert(schema.hazards)
    .values({
      enterpriseId: values.enterpriseId ?? tenant.enterprise.id,
      regionPath: values.regionPath ?? tenant.enterprise.regionPath,
      source: 'other',
      sourceRef: uniq('esc'),
      level: values.level,
      description: `配电室门口堆放杂物 ${uniq('')}`,
      status: 'rectifying',
      foundAt: new Date(values.deadline.getTime() - 10 * DAY),
      deadline: values.deadline,
      responsibleUserId: tenant.staff.id,
      responsibleName: '张三',
    })
    .returning();
  if (!row) throw new Error('no hazard');
  return row;
}

/** Escalation notifications about one hazard, by recipient user. */
async function received(hazardId: string) {
  const rows = await t.handle.db
    .select()
    .from(schema.notifications)
    .where(and(eq(schema.notifications.entityId, hazardId), eq(schema.notifications.kind, 'hazard_escalation')));
  const count = (userId: string) => rows.filter((r) => r.userId === userId).length;
  return {
    rows,
    responsible: count(tenant.staff.id),
    principal: count(tenant.principal.id),
    safety: count(tenant.safety.id),
    township: count(township.id),
    otherTownship: count(otherTownship.id),
    bureau: count(bureau.id),
  };
}

const sweep = (at: Date) => runEscalationSweep(t.handle.db, at, { enterpriseIds: [tenant.enterprise.id] });
const setHazard = (id: string, set: Partial<typeof schema.hazards.$inferInsert>) =>
  t.handle.db.update(schema.hazards).set(set).where(eq(schema.hazards.id, id));

describe('escalation rules (data)', () => {
  it('are seeded per level and recipient, with N/M per level, each marked as local policy', async () => {
    const rows = await t.handle.db.select().from(schema.escalationRules);
    const offset = (level: string, recipient: string) => rows.find((r) => r.level === level && r.recipient === recipient)?.offsetHours;
    expect(rows).toHaveLength(ESCALATION_RULES.length);
    expect([
      offset('general', 'responsible'),
      offset('general', 'principal'),
      offset('general', 'township'),
      offset('general', 'bureau'),
    ]).toEqual([-24, 0, 72, 168]);
    expect([offset('major', 'township'), offset('major', 'bureau')]).toEqual([24, 72]);
    for (const r of rows) expect(r.source).toContain('本地政策');
  });

  it('computes the repeat slot of a step from the deadline', () => {
    const deadline = new Date('2031-03-10T02:00:00Z');
    const rule = { offsetHours: -24, repeatHours: 24 };
    expect(escalationSlot(rule, deadline, new Date(deadline.getTime() - 24 * HOUR - 1))).toBeNull();
    expect(escalationSlot(rule, deadline, new Date(deadline.getTime() - 24 * HOUR))).toBe(0);
    expect(escalationSlot(rule, deadline, new Date(deadline.getTime() - 1))).toBe(0);
    expect(escalationSlot(rule, deadline, deadline)).toBe(1);
    expect(escalationSlot({ offsetHours: 0, repeatHours: 0 }, deadline, new Date(deadline.getTime() + 30 * DAY))).toBe(0);
    // The key changes with the deadline: a new deadline starts a new series.
    expect(escalationKey('h', 'principal', deadline, 2)).not.toBe(escalationKey('h', 'principal', new Date(deadline.getTime() + DAY), 2));
  });
});

describe('escalation sweep with a controllable clock', () => {
  it('reminds the responsible person, then the principal, the township and the bureau, repeating per slot, until the hazard moves on', async () => {
    const deadline = new Date('2031-03-10T02:00:00Z');
    const h = await insertHazard({ level: 'general', deadline });
    const at = (ms: number) => new Date(deadline.getTime() + ms);

    await sweep(at(-24 * HOUR - 60_000));
    expect((await received(h.id)).rows).toHaveLength(0);

    // 24 h before the deadline: the responsible person only.
    const first = await sweep(at(-24 * HOUR));
    expect(first.byRecipient.responsible).toBe(1);
    expect(await received(h.id)).toMatchObject({ responsible: 1, principal: 0, township: 0, bureau: 0 });
    const [reminder] = (await received(h.id)).rows;
    expect(reminder).toMatchObject({ title: expect.stringContaining('即将到期'), link: `/hazards/${h.id}`, entityType: 'hazard' });
    expect(reminder?.body).toContain('2031-03-10 10:00'); // the deadline in Asia/Shanghai

    // Same slot again (and later in the same slot): nothing new.
    expect((await sweep(at(-24 * HOUR))).notifications).toBe(0);
    expect((await sweep(at(-HOUR))).notifications).toBe(0);

    // At the deadline: the principal (first time) and the responsible person (second slot).
    await sweep(at(0));
    expect(await received(h.id)).toMatchObject({ responsible: 2, principal: 1, safety: 0, township: 0, bureau: 0 });

    // After N = 3 days: the township officer of the enterprise's region, not the one of another township.
    await sweep(at(3 * DAY - 60_000));
    expect((await received(h.id)).township).toBe(0);
    await sweep(at(3 * DAY));
    expect(await received(h.id)).toMatchObject({ township: 1, otherTownship: 0, bureau: 0 });

    // After M = 7 days: the bureau.
    await sweep(at(7 * DAY));
    // One reminder per sweep and step (the current slot; slots missed between sweeps are not sent in a burst).
    expect(await received(h.id)).toMatchObject({ responsible: 5, principal: 4, township: 2, bureau: 1, otherTownship: 0 });

    // Repeats per slot: nothing within the slot, everyone again in the next one.
    expect((await sweep(at(7 * DAY + 23 * HOUR))).notifications).toBe(0);
    await sweep(at(8 * DAY));
    expect(await received(h.id)).toMatchObject({ responsible: 6, principal: 5, township: 3, bureau: 2, otherTownship: 0 });

    // Someone acts: the rectification is submitted (待验收) — reminders stop.
    await setHazard(h.id, { status: 'pending_acceptance' });
    expect((await sweep(at(9 * DAY))).notifications).toBe(0);
    expect((await sweep(at(20 * DAY))).notifications).toBe(0);

    // Sent back (退回) with a new deadline: a new series, counted from the new deadline.
    const newDeadline = at(25 * DAY);
    await setHazard(h.id, { status: 'rectifying', deadline: newDeadline });
    const before = (await received(h.id)).rows.length;
    expect((await sweep(at(23 * DAY))).notifications).toBe(0);
    const renewed = await sweep(new Date(newDeadline.getTime() - 24 * HOUR));
    expect(renewed.byRecipient).toEqual({ responsible: 1, principal: 0, township: 0, bureau: 0 });

    // Closed (销号): nothing more, ever.
    await setHazard(h.id, { status: 'closed', closedAt: newDeadline });
    expect((await sweep(new Date(newDeadline.getTime() + 30 * DAY))).notifications).toBe(0);
    expect((await received(h.id)).rows.length).toBe(before + 1);
  });

  it('escalates a major hazard sooner (township after 1 day, bureau after 3) and every 12 hours', async () => {
    const deadline = new Date('2031-06-01T00:00:00Z');
    const h = await insertHazard({ level: 'major', deadline });
    const at = (ms: number) => new Date(deadline.getTime() + ms);
    await sweep(at(DAY));
    expect(await received(h.id)).toMatchObject({ township: 1, bureau: 0 });
    await sweep(at(DAY + 12 * HOUR));
    expect(await received(h.id)).toMatchObject({ township: 2, bureau: 0 });
    await sweep(at(3 * DAY));
    const r = await received(h.id);
    expect(r).toMatchObject({ township: 3, bureau: 1 });
    expect(r.rows.find((n) => n.userId === bureau.id)?.title).toContain('升级至区局');
    expect(r.rows.find((n) => n.userId === bureau.id)?.body).toContain('重大隐患');
  });

  it('queues one outbox message per step and slot for the channels of the enterprise, its township and the bureau', async () => {
    const enterprise = await createEnterprise(t.handle, '140404001');
    const principal = await createUser(t.handle, 'enterprise_principal', { enterpriseId: enterprise.id });
    const channels = await t.handle.db
      .insert(schema.notificationChannels)
      .values([
        { owner: enterprise.id, kind: 'wecom', target: `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${uniq('ent')}` },
        { owner: '140404/140404001/', kind: 'dingtalk', target: `https://oapi.dingtalk.com/robot/send?access_token=${uniq('town')}` },
        { owner: '140404/140404106/', kind: 'dingtalk', target: `https://oapi.dingtalk.com/robot/send?access_token=${uniq('other')}` },
        { owner: enterprise.id, kind: 'email', target: `${uniq('off')}@example.com`, active: false },
      ])
      .returning();
    const deadline = new Date('2031-09-01T00:00:00Z');
    const h = await insertHazard({ level: 'general', deadline, enterpriseId: enterprise.id, regionPath: enterprise.regionPath });
    const run = (ms: number) => runEscalationSweep(t.handle.db, new Date(deadline.getTime() + ms), { enterpriseIds: [enterprise.id] });
    const outbox = async () =>
      (
        await t.handle.db
          .select()
          .from(schema.outbox)
          .where(
            inArray(
              schema.outbox.target,
              channels.map((c) => c.target),
            ),
          )
      ).filter((m) => (m.payload as { link?: string }).link === `/hazards/${h.id}`);

    // (Counted on this test's channels: on a shared database other files may configure channels for 韩店 too.)
    await run(-24 * HOUR); // responsible step → the enterprise's group
    expect(await outbox()).toHaveLength(1);
    expect((await run(-24 * HOUR)).outbox).toBe(0);
    await run(0); // responsible slot 1 + principal → the enterprise's group
    expect(await outbox()).toHaveLength(3);
    await run(3 * DAY); // responsible + principal + township (韩店's group, not another township's)
    const rows = await outbox();
    expect(rows.map((m) => m.channel).sort()).toEqual(['dingtalk', 'wecom', 'wecom', 'wecom', 'wecom', 'wecom']);
    expect(rows.every((m) => m.status === 'pending' && m.attempts === 0)).toBe(true);
    expect(new Set(rows.map((m) => m.idempotencyKey)).size).toBe(rows.length);
    expect(rows.some((m) => m.target === channels[2]?.target)).toBe(false);
    // The principal of that enterprise got the in-app notification too.
    const inApp = await t.handle.db.select().from(schema.notifications).where(eq(schema.notifications.userId, principal.id));
    expect(inApp.length).toBe(2);
  });
});

describe('quarterly reminder of the principal-led inspection (last 15 days of a quarter, Asia/Shanghai)', () => {
  it('reminds principal and safety manager once per local day from 08:00, only where the principal has not led one', async () => {
    const led = await createTenant(t, '140404101');
    const [version] = await t.handle.db.select({ id: schema.hazardStandardVersions.id }).from(schema.hazardStandardVersions).limit(1);
    if (!version) throw new Error('no standard version');
    await t.handle.db.insert(schema.selfInspections).values({
      enterpriseId: led.enterprise.id,
      regionPath: led.enterprise.regionPath,
      title: '主要负责人带队检查',
      frequency: 'quarterly',
      standardVersionId: version.id,
      ledByPrincipal: true,
      status: 'completed',
      startedAt: new Date('2031-11-03T01:00:00Z'),
      completedAt: new Date('2031-11-03T03:00:00Z'),
    });
    const ids = [tenant.enterprise.id, led.enterprise.id];
    const run = (iso: string) => runQuarterReminderSweep(t.handle.db, new Date(iso), { enterpriseIds: ids });
    const inbox = async (userId: string) =>
      t.handle.db
        .select()
        .from(schema.notifications)
        .where(and(eq(schema.notifications.userId, userId), eq(schema.notifications.kind, 'quarter_reminder')));

    // 2031Q4 ends 2032-01-01 00:00 +08:00; the window opens 15 days before: 2031-12-17 00:00 +08:00.
    expect(await run('2031-12-16T23:59:00+08:00')).toMatchObject({ skipped: 'outside_window', notifications: 0 });
    expect(await run('2031-12-17T07:59:00+08:00')).toMatchObject({ skipped: 'before_office_hours', notifications: 0 });
    const first = await run('2031-12-17T08:00:00+08:00');
    expect(first).toMatchObject({ quarter: '2031Q4', enterprises: 1, notifications: 2 });
    expect((await inbox(tenant.principal.id)).length).toBe(1);
    expect((await inbox(tenant.safety.id)).length).toBe(1);
    expect((await inbox(tenant.staff.id)).length).toBe(0);
    expect((await inbox(led.principal.id)).length).toBe(0);
    const [note] = await inbox(tenant.principal.id);
    expect(note?.body).toContain('还剩 15 天');
    expect(note?.body).toContain('2031-12-31');

    // Same local day: nothing new. Next day: again. The last minute of the quarter is still in the window.
    expect((await run('2031-12-17T23:59:00+08:00')).notifications).toBe(0);
    expect((await run('2031-12-18T09:00:00+08:00')).notifications).toBe(2);
    expect((await run('2031-12-31T23:59:00+08:00')).notifications).toBe(2);
    // A new quarter: outside its window (90 days left).
    expect(await run('2032-01-01T09:00:00+08:00')).toMatchObject({ quarter: '2032Q1', skipped: 'outside_window' });
    expect((await inbox(tenant.principal.id)).length).toBe(3);
  });
});
