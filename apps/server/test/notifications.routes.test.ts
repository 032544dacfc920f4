import { request as httpRequest, type IncomingMessage } from 'node:http';
import { availableHazardActions } from '@zhiben/contracts';
import { schema } from '@zhiben/db';
import { quarterOf, quarterRange } from '@zhiben/domain';
import { eq } from 'drizzle-orm';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifyUsers } from '../src/modules/notifications/index.js';
import { openEventStream } from '../src/platform/sse.js';
import {
  as,
  auditRowsOf,
  buildTestApp,
  createTenant,
  createUser,
  login,
  regionByCode,
  type Session,
  type TestApp,
  uniq,
} from './harness.js';

let t: TestApp;
let a: Awaited<ReturnType<typeof createTenant>>;
let b: Awaited<ReturnType<typeof createTenant>>;
const s = {} as Record<'principalA' | 'safetyA' | 'staffA' | 'principalB' | 'admin' | 'officer' | 'township' | 'townshipOther', Session>;

const DAY = 86_400_000;

beforeAll(async () => {
  t = await buildTestApp();
  a = await createTenant(t, '140404001');
  b = await createTenant(t, '140404101');
  const admin = await createUser(t.handle, 'bureau_admin');
  const officer = await createUser(t.handle, 'bureau_officer');
  const township = await createUser(t.handle, 'township_officer', { regionId: (await regionByCode(t.handle, '140404001')).id });
  const townshipOther = await createUser(t.handle, 'township_officer', { regionId: (await regionByCode(t.handle, '140404106')).id });
  s.principalA = await login(t.app, a.principal.username);
  s.safetyA = await login(t.app, a.safety.username);
  s.staffA = await login(t.app, a.staff.username);
  s.principalB = await login(t.app, b.principal.username);
  s.admin = await login(t.app, admin.username);
  s.officer = await login(t.app, officer.username);
  s.township = await login(t.app, township.username);
  s.townshipOther = await login(t.app, townshipOther.username);
});
afterAll(async () => t?.close());

const notify = (userId: string, title = uniq('通知')) =>
  notifyUsers(t.handle.db, { userIds: [userId], kind: 'test', title, body: '正文', link: '/hazards/x', dedupeKey: uniq('d') });

describe('notification centre', () => {
  it('lists only the caller’s own notifications, with the unread count and filter', async () => {
    await notify(a.principal.id, '甲的通知一');
    await notify(a.principal.id, '甲的通知二');
    await notify(b.principal.id, '乙的通知');
    const res = await as(t.app, s.principalA).get('/api/v1/notifications');
    expect(res.statusCode).toBe(200);
    const body = res.json() as { items: { id: string; title: string; readAt: string | null }[]; total: number; unread: number };
    expect(body.items.map((n) => n.title)).toEqual(['甲的通知二', '甲的通知一']);
    expect(body).toMatchObject({ total: 2, unread: 2 });
    expect(res.body).not.toContain('乙的通知');

    const first = body.items[1]?.id ?? '';
    const read = await as(t.app, s.principalA).post(`/api/v1/notifications/${first}/read`);
    expect(read.statusCode).toBe(200);
    expect(read.json().readAt).not.toBeNull();
    expect(await auditRowsOf(t.handle, read.headers['x-request-id'])).toHaveLength(1);
    const unread = (await as(t.app, s.principalA).get('/api/v1/notifications?unread=true')).json();
    expect(unread).toMatchObject({ total: 1, unread: 1 });

    // Someone else's notification: 404, whoever asks.
    expect((await as(t.app, s.principalB).post(`/api/v1/notifications/${first}/read`)).statusCode).toBe(404);
    expect((await as(t.app, s.admin).post(`/api/v1/notifications/${first}/read`)).statusCode).toBe(404);
    expect((await as(t.app, s.principalA).post('/api/v1/notifications/not-a-uuid/read')).statusCode).toBe(400);
  });

  it('marks all read, optionally only up to a moment (what the user has seen)', async () => {
    const staff = s.staffA;
    await notify(a.staff.id, '旧');
    const seen = new Date(Date.now() + 1000).toISOString();
    await t.handle.db.insert(schema.notifications).values({
      userId: a.staff.id,
      kind: 'test',
      title: '新',
      body: '新',
      dedupeKey: uniq('late'),
      createdAt: new Date(Date.now() + 60_000),
    });
    const res = await as(t.app, staff).post('/api/v1/notifications/read-all', { upTo: seen });
    expect(res.json()).toEqual({ updated: 1 });
    expect((await as(t.app, staff).get('/api/v1/notifications?unread=true')).json().items.map((n: { title: string }) => n.title)).toEqual([
      '新',
    ]);
    expect((await as(t.app, staff).post('/api/v1/notifications/read-all', {})).json()).toEqual({ updated: 1 });
    expect((await as(t.app, staff).get('/api/v1/notifications')).json().unread).toBe(0);
    expect((await as(t.app, staff).post('/api/v1/notifications/read-all', { upTo: 'yesterday' })).statusCode).toBe(400);
  });
});

describe('live stream (server-sent events)', () => {
  /** Opens the stream over real HTTP and collects the `data:` events. */
  async function openStream(port: number, session: Session) {
    const events: { type: string; [k: string]: unknown }[] = [];
    const waiters: (() => void)[] = [];
    const res = await new Promise<IncomingMessage>((resolve, reject) => {
      const req = httpRequest(
        { host: '127.0.0.1', port, path: '/api/v1/notifications/stream', headers: { cookie: session.cookie } },
        resolve,
      );
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
        for (const w of waiters.splice(0)) w();
      }
    });
    const waitFor = async (predicate: () => boolean, ms = 5000) => {
      const deadline = Date.now() + ms;
      while (!predicate()) {
        if (Date.now() > deadline) throw new Error(`timed out; events: ${JSON.stringify(events)}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 50);
        });
      }
    };
    return { res, events, waitFor, close: () => res.destroy() };
  }

  it('pushes a committed notification to the connected user only, never a rolled-back one', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as { port: number };
    const stream = await openStream(port, s.safetyA);
    expect(stream.res.statusCode).toBe(200);
    expect(stream.res.headers['content-type']).toContain('text/event-stream');
    await stream.waitFor(() => stream.events.some((e) => e.type === 'hello'));

    // Rolled back: never pushed. Someone else's: not pushed here. Committed: pushed.
    await expect(
      t.handle.db.transaction(async (tx) => {
        await notifyUsers(tx, { userIds: [a.safety.id], kind: 'test', title: '回滚的通知', body: 'x', dedupeKey: uniq('rb') });
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    await notify(b.principal.id, '别人的通知');
    await t.handle.db.transaction(async (tx) => {
      await notifyUsers(tx, {
        userIds: [a.safety.id],
        kind: 'test',
        title: '实时通知',
        body: '正文',
        link: '/hazards/1',
        dedupeKey: uniq('live'),
      });
    });
    await stream.waitFor(() => stream.events.some((e) => e.type === 'notification'));
    const pushed = stream.events.filter((e) => e.type === 'notification');
    expect(pushed).toHaveLength(1);
    expect(pushed[0]).toMatchObject({ type: 'notification', notification: { title: '实时通知', link: '/hazards/1', readAt: null } });

    // Disconnect: the server lets go of the stream (no open connection left).
    stream.close();
    const deadline = Date.now() + 5000;
    for (;;) {
      const open = await new Promise<number>((resolve) => t.app.server.getConnections((_e, n) => resolve(n)));
      if (open === 0) break;
      if (Date.now() > deadline) throw new Error(`${open} connection(s) still open`);
      await new Promise((r) => setTimeout(r, 50));
    }
    await notify(a.safety.id, '断开后的通知'); // nobody listening: nothing to do, nothing breaks
  });

  it('answers the snapshot once and closes with ?once=true, and refuses an anonymous caller', async () => {
    await notify(a.principal.id);
    const res = await as(t.app, s.principalA).get('/api/v1/notifications/stream?once=true');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/event-stream');
    const unread = (await as(t.app, s.principalA).get('/api/v1/notifications')).json().unread;
    expect(res.body).toBe(`data: ${JSON.stringify({ type: 'hello', unread })}\n\n`);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/notifications/stream' })).statusCode).toBe(401);
  });

  it('sends a heartbeat comment on an idle stream and cleans up when the client goes away', async () => {
    const app = Fastify();
    let closed = 0;
    app.get('/s', (_req, reply) => {
      openEventStream(reply, { heartbeatMs: 30, onClose: () => closed++ });
      return reply;
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const { port } = app.server.address() as { port: number };
      const res = await new Promise<IncomingMessage>((resolve) => httpRequest({ host: '127.0.0.1', port, path: '/s' }, resolve).end());
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => {
        text += c;
      });
      await new Promise((r) => setTimeout(r, 120));
      expect(text.startsWith('retry: 5000\n\n')).toBe(true);
      expect(text.match(/: heartbeat\n\n/g)?.length).toBeGreaterThanOrEqual(2);
      res.destroy();
      await new Promise((r) => setTimeout(r, 100));
      expect(closed).toBe(1);
    } finally {
      await app.close();
    }
  });
});

describe('to-do list (computed from current state)', () => {
  async function hazard(values: {
    level: 'general' | 'major';
    status: string;
    deadline?: Date;
    responsibleUserId?: string;
    tenant?: typeof a;
  }) {
    const owner = values.tenant ?? a;
    const [row] = await t.handle.db
      .insert(schema.hazards)
      .values({
        enterpriseId: owner.enterprise.id,
        regionPath: owner.enterprise.regionPath,
        source: 'other',
        sourceRef: uniq('todo'),
        level: values.level,
        description: `待办测试隐患${uniq('')}`,
        status: values.status,
        foundAt: new Date(Date.now() - 20 * DAY),
        deadline: values.deadline ?? null,
        responsibleUserId: values.responsibleUserId ?? null,
      })
      .returning();
    if (!row) throw new Error('no hazard');
    return row.id;
  }
  const todos = async (session: Session) => {
    const res = await as(t.app, session).get('/api/v1/todos');
    expect(res.statusCode).toBe(200);
    return (
      res.json() as {
        items: { kind: string; entityId: string | null; overdue: boolean; link: string; title: string; due: string | null }[];
      }
    ).items;
  };
  const has = (items: Awaited<ReturnType<typeof todos>>, kind: string, id: string) =>
    items.some((i) => i.kind === kind && i.entityId === id);

  it('gives each role what waits for it', async () => {
    const judgeGeneral = await hazard({ level: 'general', status: 'pending_judgement' });
    const judgeMajor = await hazard({ level: 'major', status: 'pending_judgement' });
    const rectifyLate = await hazard({
      level: 'general',
      status: 'rectifying',
      deadline: new Date(Date.now() - 4 * DAY),
      responsibleUserId: a.staff.id,
    });
    const rectifyOnTime = await hazard({
      level: 'major',
      status: 'rectifying',
      deadline: new Date(Date.now() + 2 * DAY),
      responsibleUserId: a.staff.id,
    });
    const longOverdue = await hazard({ level: 'general', status: 'rectifying', deadline: new Date(Date.now() - 8 * DAY) });
    const acceptGeneral = await hazard({ level: 'general', status: 'pending_acceptance' });
    const acceptMajor = await hazard({ level: 'major', status: 'pending_acceptance' });
    const elsewhere = await hazard({ level: 'major', status: 'pending_judgement', tenant: b });

    const staff = await todos(s.staffA);
    expect(staff.find((i) => i.entityId === rectifyLate)).toMatchObject({
      kind: 'hazard_rectify',
      overdue: true,
      link: `/hazards/${rectifyLate}`,
    });
    expect(staff.find((i) => i.entityId === rectifyOnTime)).toMatchObject({ kind: 'hazard_rectify', overdue: false });
    expect(staff.find((i) => i.entityId === rectifyLate)?.title).toContain('待整改');
    expect(has(staff, 'hazard_judge', judgeGeneral)).toBe(false);
    expect(staff[0]?.overdue).toBe(true); // overdue first

    // Judging and accepting follow the lifecycle table (availableHazardActions): general ones are the enterprise's.
    const safety = await todos(s.safetyA);
    expect(has(safety, 'hazard_judge', judgeGeneral)).toBe(true);
    expect(has(safety, 'hazard_judge', judgeMajor)).toBe(
      availableHazardActions('pending_judgement', 'major', 'enterprise_safety_manager').includes('judge'),
    );
    expect(has(safety, 'hazard_accept', acceptGeneral)).toBe(false);
    expect(has(safety, 'hazard_rectify', rectifyLate)).toBe(false);

    const principal = await todos(s.principalA);
    expect(has(principal, 'hazard_accept', acceptGeneral)).toBe(true);
    expect(has(principal, 'hazard_accept', acceptMajor)).toBe(false); // 复查验收 of a major hazard is the bureau's
    expect(has(principal, 'hazard_judge', elsewhere)).toBe(false);

    // The bureau: what the enterprise cannot do (major hazards), and what has escalated to it (M = 7 days).
    const officer = await todos(s.officer);
    expect(has(officer, 'hazard_judge', judgeMajor)).toBe(true);
    expect(has(officer, 'hazard_judge', elsewhere)).toBe(true);
    expect(has(officer, 'hazard_judge', judgeGeneral)).toBe(false);
    expect(has(officer, 'hazard_accept', acceptMajor)).toBe(true);
    expect(has(officer, 'hazard_accept', acceptGeneral)).toBe(false);
    expect(has(officer, 'hazard_overdue', longOverdue)).toBe(true);
    expect(has(officer, 'hazard_overdue', rectifyLate)).toBe(false);

    // The township: overdue hazards of its region once escalated (N = 3 days); another township sees none of them.
    const township = await todos(s.township);
    expect(township.find((i) => i.entityId === rectifyLate)).toMatchObject({ kind: 'hazard_overdue', overdue: true });
    expect(township.find((i) => i.entityId === rectifyLate)?.title).toContain('逾期 4 天');
    expect(has(township, 'hazard_overdue', longOverdue)).toBe(true);
    expect(has(township, 'hazard_judge', judgeMajor)).toBe(false);
    const other = await todos(s.townshipOther);
    expect(other.some((i) => [rectifyLate, longOverdue, judgeMajor].includes(i.entityId ?? ''))).toBe(false);
  });

  it('lists open self-inspections and the quarterly principal-led round until it is done', async () => {
    const [version] = await t.handle.db.select({ id: schema.hazardStandardVersions.id }).from(schema.hazardStandardVersions).limit(1);
    if (!version) throw new Error('no standard version');
    const [planned] = await t.handle.db
      .insert(schema.selfInspections)
      .values({
        enterpriseId: a.enterprise.id,
        regionPath: a.enterprise.regionPath,
        title: '周检',
        frequency: 'weekly',
        plannedDate: '2020-01-06',
        standardVersionId: version.id,
      })
      .returning();
    const staff = await todos(s.staffA);
    expect(staff.find((i) => i.entityId === planned?.id)).toMatchObject({
      kind: 'inspection_open',
      link: `/self-inspection/${planned?.id}`,
      due: '2020-01-06T15:59:59.999Z',
      overdue: true,
    });
    expect(staff.some((i) => i.kind === 'quarter_round')).toBe(false);

    const round = (await todos(s.principalA)).find((i) => i.kind === 'quarter_round');
    const { end } = quarterRange(quarterOf(new Date()));
    expect(round).toMatchObject({ link: '/self-inspection?create=1', overdue: false, due: new Date(end.getTime() - 1000).toISOString() });
    expect((await todos(s.safetyA)).some((i) => i.kind === 'quarter_round')).toBe(true);

    await t.handle.db
      .update(schema.selfInspections)
      .set({ ledByPrincipal: true, status: 'completed', completedAt: new Date() })
      .where(eq(schema.selfInspections.id, planned?.id ?? ''));
    const after = await todos(s.principalA);
    expect(after.some((i) => i.kind === 'quarter_round')).toBe(false);
    expect(after.some((i) => i.entityId === planned?.id)).toBe(false);
  });
});

describe('notification channels (bureau administrators)', () => {
  const wecom = () => `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${uniq('secretkey')}`;

  it('creates and updates channels with validated addresses, masking the webhook secret', async () => {
    const admin = as(t.app, s.admin);
    const target = wecom();
    const created = await admin.post('/api/v1/notification-channels', { owner: a.enterprise.id, kind: 'wecom', target });
    expect(created.statusCode).toBe(200);
    const dto = created.json();
    expect(dto).toMatchObject({ owner: a.enterprise.id, ownerName: a.enterprise.name, kind: 'wecom', active: true });
    expect(dto.target).not.toContain(target.split('key=')[1]);
    expect(dto.target).toContain('****');
    const [audit] = await auditRowsOf(t.handle, created.headers['x-request-id']);
    expect(audit?.action).toBe('notifications.channel_created');
    expect(JSON.stringify(audit?.after)).not.toContain(target.split('key=')[1]);
    const [stored] = await t.handle.db.select().from(schema.notificationChannels).where(eq(schema.notificationChannels.id, dto.id));
    expect(stored?.target).toBe(target);

    const town = await admin.post('/api/v1/notification-channels', {
      owner: '140404/140404001/',
      kind: 'dingtalk',
      target: 'https://oapi.dingtalk.com/robot/send?access_token=abcdef123',
    });
    expect(town.json()).toMatchObject({ ownerName: '韩店街道', kind: 'dingtalk' });
    const mail = await admin.post('/api/v1/notification-channels', { owner: 'bureau', kind: 'email', target: 'duty@example.gov.cn' });
    expect(mail.json()).toMatchObject({ ownerName: '区应急管理局', target: 'duty@example.gov.cn' });

    const patched = await admin.patch(`/api/v1/notification-channels/${dto.id}`, { active: false });
    expect(patched.json().active).toBe(false);
    expect((await admin.patch(`/api/v1/notification-channels/${dto.id}`, { target: 'duty@example.gov.cn' })).statusCode).toBe(400);
    const listed = (await admin.get('/api/v1/notification-channels')).json().items as { id: string }[];
    expect(listed.map((c) => c.id)).toEqual(expect.arrayContaining([dto.id, town.json().id, mail.json().id]));
  });

  it('rejects bad addresses and unknown owners with field messages', async () => {
    const admin = as(t.app, s.admin);
    const bad = [
      { owner: 'bureau', kind: 'wecom', target: 'http://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=x' },
      { owner: 'bureau', kind: 'wecom', target: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send' },
      { owner: 'bureau', kind: 'dingtalk', target: 'https://oapi.dingtalk.com/robot/send?key=x' },
      { owner: 'bureau', kind: 'dingtalk', target: 'not a url' },
      { owner: 'bureau', kind: 'email', target: 'not-an-address' },
      { owner: 'bureau', kind: 'sms', target: '13800138000' },
      { owner: 'nobody', kind: 'email', target: 'a@example.com' },
    ];
    for (const body of bad) {
      const res = await admin.post('/api/v1/notification-channels', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
    }
    const unknown = await admin.post('/api/v1/notification-channels', {
      owner: '00000000-0000-7000-8000-000000000000',
      kind: 'email',
      target: 'a@example.com',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().details.issues[0].path).toEqual(['body', 'owner']);
    const noKey = await admin.post('/api/v1/notification-channels', {
      owner: 'bureau',
      kind: 'wecom',
      target: 'https://qyapi.weixin.qq.com/x',
    });
    expect(
      noKey
        .json()
        .details.issues.map((i: { message: string }) => i.message)
        .join(),
    ).toContain('key');
  });

  it('is for the bureau administrators only', async () => {
    for (const session of [s.principalA, s.officer, s.township]) {
      expect((await as(t.app, session).get('/api/v1/notification-channels')).statusCode).toBe(403);
      expect(
        (await as(t.app, session).post('/api/v1/notification-channels', { owner: 'bureau', kind: 'email', target: 'x@example.com' }))
          .statusCode,
      ).toBe(403);
    }
  });
});
