import { once } from 'node:events';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTcpServer, type Server as TcpServer } from 'node:net';
import { schema, type Tx } from '@zhiben/db';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { notifyUsers } from '../src/modules/notifications/index.js';
import {
  type DELIVERY_POLICY,
  deliverDue,
  dingtalkBody,
  enqueueOutbox,
  type OutboxMessage,
  outboxKey,
  retryDelayMs,
  smtpMailer,
  wecomBody,
} from '../src/platform/channels/index.js';
import { buildTestApp, createTenant, type TestApp, uniq } from './harness.js';

/**
 * Outbox delivery against real local receivers (node:http, and a minimal SMTP server on node:net): retries with
 * back-off, idempotency keys, and the guarantee that the change that produced a message is committed before, and
 * independently of, its delivery.
 */
let t: TestApp;
let tenant: Awaited<ReturnType<typeof createTenant>>;
const servers: (Server | TcpServer)[] = [];

beforeAll(async () => {
  t = await buildTestApp();
  tenant = await createTenant(t);
});
afterEach(async () => {
  for (const s of servers.splice(0)) await new Promise((resolve) => s.close(resolve));
});
afterAll(async () => t?.close());

interface Receiver {
  url: string;
  requests: { key: string | undefined; body: Record<string, unknown> }[];
  /** Messages the receiver acted on (deduplicated by Idempotency-Key). */
  processed: Record<string, unknown>[];
}

/** A robot webhook that dedupes by Idempotency-Key; `answer` decides each response after the message is seen. */
async function receiver(
  answer: (n: number, res: ServerResponse, firstTime: boolean) => void,
  process: (n: number) => boolean = () => true,
): Promise<Receiver> {
  const state: Receiver = { url: '', requests: [], processed: [] };
  const seen = new Set<string>();
  const server = createHttpServer((req: IncomingMessage, res) => {
    let raw = '';
    req.on('data', (c) => {
      raw += c;
    });
    req.on('end', () => {
      const n = state.requests.length;
      const key = req.headers['idempotency-key'] as string | undefined;
      const body = JSON.parse(raw) as Record<string, unknown>;
      state.requests.push({ key, body });
      const firstTime = !key || !seen.has(key);
      // `process(n)`: whether this attempt reaches the point where the receiver acts on the message.
      if (process(n) && firstTime) {
        if (key) seen.add(key);
        state.processed.push(body);
      }
      answer(n, res, firstTime);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  servers.push(server);
  const { port } = server.address() as { port: number };
  state.url = `http://127.0.0.1:${port}/cgi-bin/webhook/send?key=test`;
  return state;
}

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

async function channel(kind: 'wecom' | 'dingtalk' | 'email', target: string) {
  const [row] = await t.handle.db.insert(schema.notificationChannels).values({ owner: tenant.enterprise.id, kind, target }).returning();
  if (!row) throw new Error('no channel');
  return row;
}

async function queue(
  tx: Tx | typeof t.handle.db,
  target: { id: string; kind: string; target: string },
  now: Date,
  message?: OutboxMessage,
) {
  const dedupeKey = uniq('k');
  await enqueueOutbox(
    tx,
    [{ channel: target, message: message ?? { title: '测试消息', body: '正文', link: '/hazards/x' }, dedupeKey }],
    now,
  );
  const [row] = await t.handle.db
    .select()
    .from(schema.outbox)
    .where(eq(schema.outbox.idempotencyKey, outboxKey(dedupeKey, target.id)));
  if (!row) throw new Error('not queued');
  return row;
}

const outboxRow = async (id: string) => (await t.handle.db.select().from(schema.outbox).where(eq(schema.outbox.id, id)))[0];
const deliver = (id: string, at: Date, policy?: Partial<typeof DELIVERY_POLICY>) =>
  deliverDue(t.handle.db, at, fetch, { ids: [id], ...(policy ? { policy } : {}) });

describe('outbox delivery', () => {
  it('backs off exponentially: 1, 2, 4 … minutes, capped at an hour', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => retryDelayMs(n) / 60_000)).toEqual([1, 2, 4, 8, 16, 32, 60, 60]);
  });

  it('renders the WeCom and DingTalk robot formats with the idempotency key inside the text', () => {
    const message = { title: '【隐患到期未整改】某企业', body: '一般隐患「消防通道堵塞」', link: '/hazards/abc' };
    const wecom = wecomBody(message, 'zb-123', { publicUrl: 'https://zhiben.example.gov.cn' });
    expect(wecom.msgtype).toBe('markdown');
    expect(wecom.markdown.content).toContain('### 【隐患到期未整改】某企业');
    expect(wecom.markdown.content).toContain('zb-123');
    expect(wecom.markdown.content).toContain('https://zhiben.example.gov.cn/hazards/abc');
    const ding = dingtalkBody(message, 'zb-123');
    expect(ding).toMatchObject({ msgtype: 'markdown', markdown: { title: message.title } });
    expect(ding.markdown.text).toContain('zb-123');
    expect(ding.markdown.text).not.toContain('http'); // no PUBLIC_URL: no link
  });

  it('delivers once to a webhook that fails twice, then succeeds (same Idempotency-Key on every attempt)', async () => {
    const hook = await receiver(
      (n, res) => (n < 2 ? json(res, 500, { error: 'busy' }) : json(res, 200, { errcode: 0, errmsg: 'ok' })),
      (n) => n >= 2,
    );
    const c = await channel('wecom', hook.url);
    const t0 = new Date('2031-01-01T00:00:00Z');
    const row = await queue(t.handle.db, c, t0);

    expect(await deliver(row.id, t0)).toMatchObject({ claimed: 1, retrying: 1 });
    expect(await outboxRow(row.id)).toMatchObject({ status: 'pending', attempts: 1, nextAttemptAt: new Date(t0.getTime() + 60_000) });
    expect((await deliver(row.id, new Date(t0.getTime() + 59_000))).claimed).toBe(0); // not due yet
    expect(await deliver(row.id, new Date(t0.getTime() + 60_000))).toMatchObject({ claimed: 1, retrying: 1 });
    expect((await outboxRow(row.id))?.nextAttemptAt).toEqual(new Date(t0.getTime() + 3 * 60_000)); // +2 min
    expect(await deliver(row.id, new Date(t0.getTime() + 3 * 60_000))).toMatchObject({ claimed: 1, delivered: 1 });
    expect((await deliver(row.id, new Date(t0.getTime() + 3_600_000))).claimed).toBe(0);

    expect(await outboxRow(row.id)).toMatchObject({ status: 'delivered', attempts: 3, lastError: null });
    expect(hook.requests).toHaveLength(3);
    expect(new Set(hook.requests.map((r) => r.key))).toEqual(new Set([row.idempotencyKey]));
    expect(hook.processed).toHaveLength(1);
    const body = hook.processed[0] as { msgtype: string; markdown: { content: string } };
    expect(body.msgtype).toBe('markdown');
    expect(body.markdown.content).toContain(row.idempotencyKey);
  });

  it('does not act twice when the answer to a processed attempt is lost (the receiver dedupes by key)', async () => {
    // The first attempt is processed, but the answer is an error (as if the response were lost on the way back).
    const hook = await receiver((n, res) => (n === 0 ? json(res, 502, {}) : json(res, 200, { errcode: 0 })));
    const c = await channel('dingtalk', hook.url.replace('key=test', 'access_token=t'));
    const t0 = new Date('2031-01-02T00:00:00Z');
    const row = await queue(t.handle.db, c, t0);
    await deliver(row.id, t0);
    await deliver(row.id, new Date(t0.getTime() + 60_000));
    expect(hook.requests).toHaveLength(2);
    expect(hook.processed).toHaveLength(1);
    expect(hook.processed[0]).toMatchObject({ msgtype: 'markdown', markdown: { title: '测试消息' } });
    expect((await outboxRow(row.id))?.status).toBe('delivered');
  });

  it('treats a robot errcode in an HTTP 200 answer as a failure, and gives up after the maximum attempts', async () => {
    const hook = await receiver((_n, res) => json(res, 200, { errcode: 45009, errmsg: 'api freq out of limit' }));
    const c = await channel('wecom', hook.url);
    const t0 = new Date('2031-01-03T00:00:00Z');
    const row = await queue(t.handle.db, c, t0);
    let at = t0;
    for (let attempt = 1; attempt <= 3; attempt++) {
      await deliver(row.id, at, { maxAttempts: 3 });
      at = new Date(at.getTime() + retryDelayMs(attempt));
    }
    const final = await outboxRow(row.id);
    expect(final).toMatchObject({ status: 'failed', attempts: 3 });
    expect(final?.lastError).toContain('45009');
    expect((await deliver(row.id, new Date(t0.getTime() + 86_400_000))).claimed).toBe(0);
  });

  it('fails at once on a permanent refusal (404), without retrying', async () => {
    const hook = await receiver((_n, res) => json(res, 404, { error: 'no such robot' }));
    const c = await channel('wecom', hook.url);
    const t0 = new Date('2031-01-04T00:00:00Z');
    const row = await queue(t.handle.db, c, t0);
    expect(await deliver(row.id, t0)).toMatchObject({ failed: 1 });
    expect(await outboxRow(row.id)).toMatchObject({ status: 'failed', attempts: 1 });
  });

  it('commits the hazard change even though the channel is down, and delivers later when it is back', async () => {
    // A port with nothing listening: connection refused.
    const probe = await receiver((_n, res) => json(res, 200, { errcode: 0 }));
    const downUrl = probe.url;
    await new Promise((resolve) => (servers.pop() as Server).close(resolve));
    const c = await channel('wecom', downUrl);
    const [hazard] = await t.handle.db
      .insert(schema.hazards)
      .values({
        enterpriseId: tenant.enterprise.id,
        regionPath: tenant.enterprise.regionPath,
        source: 'other',
        sourceRef: uniq('h'),
        level: 'general',
        description: '安全出口堵塞',
        status: 'rectifying',
        foundAt: new Date(),
        deadline: new Date(Date.now() + 86_400_000),
        responsibleUserId: tenant.staff.id,
      })
      .returning();
    if (!hazard) throw new Error('no hazard');

    // A normal mutation: the status change, the in-app notice and the outbox message in one transaction.
    const t0 = new Date('2031-01-05T00:00:00Z');
    await t.handle.db.transaction(async (tx) => {
      await tx.update(schema.hazards).set({ status: 'pending_acceptance' }).where(eq(schema.hazards.id, hazard.id));
      await notifyUsers(tx, {
        userIds: [tenant.principal.id],
        kind: 'hazard_submitted',
        title: '隐患已提交验收',
        body: '安全出口堵塞',
        dedupeKey: `submitted:${hazard.id}`,
      });
      await enqueueOutbox(
        tx,
        [{ channel: c, message: { title: '隐患已提交验收', body: '安全出口堵塞' }, dedupeKey: `submitted:${hazard.id}` }],
        t0,
      );
    });
    const [queued] = await t.handle.db.select().from(schema.outbox).where(eq(schema.outbox.target, downUrl));
    if (!queued) throw new Error('not queued');

    // The channel is down: delivery fails and is retried later; the change stays committed.
    expect(await deliver(queued.id, t0)).toMatchObject({ retrying: 1 });
    const [after] = await t.handle.db.select().from(schema.hazards).where(eq(schema.hazards.id, hazard.id));
    expect(after?.status).toBe('pending_acceptance');
    expect(await outboxRow(queued.id)).toMatchObject({ status: 'pending', attempts: 1 });
    expect((await outboxRow(queued.id))?.lastError).toContain('网络错误');

    // The channel comes back on the same port: the retry delivers.
    const back = createHttpServer((req, res) => {
      req.resume();
      req.on('end', () => json(res, 200, { errcode: 0 }));
    });
    back.listen(Number(new URL(downUrl).port), '127.0.0.1');
    await once(back, 'listening');
    servers.push(back);
    expect(await deliver(queued.id, new Date(t0.getTime() + 60_000))).toMatchObject({ delivered: 1 });
  });

  it('rolls back the message with the change: a failed transaction queues nothing', async () => {
    const c = await channel('wecom', `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${uniq('rollback')}`);
    const boom = new Error('boom');
    await expect(
      t.handle.db.transaction(async (tx) => {
        await enqueueOutbox(tx, [{ channel: c, message: { title: 'x', body: 'y' }, dedupeKey: uniq('r') }], new Date());
        throw boom;
      }),
    ).rejects.toBe(boom);
    expect(await t.handle.db.select().from(schema.outbox).where(eq(schema.outbox.target, c.target))).toHaveLength(0);
  });

  it('sends e-mail through SMTP with the idempotency key, and fails clearly when SMTP is not configured', async () => {
    const smtp = await fakeSmtp();
    const address = `${uniq('safety')}@example.com`;
    const c = await channel('email', address);
    const t0 = new Date('2031-01-06T00:00:00Z');
    const row = await queue(t.handle.db, c, t0, { title: '【隐患到期未整改】测试企业', body: '请督促整改。', link: '/hazards/1' });

    const withoutSmtp = await channel('email', `${uniq('nobody')}@example.com`);
    const orphan = await queue(t.handle.db, withoutSmtp, t0);
    expect(await deliver(orphan.id, t0)).toMatchObject({ failed: 1 });
    expect((await outboxRow(orphan.id))?.lastError).toContain('SMTP_URL');

    const mailer = smtpMailer(`smtp://127.0.0.1:${smtp.port}`, 'zhiben@example.gov.cn');
    try {
      expect(await deliverDue(t.handle.db, t0, fetch, { ids: [row.id], mailer })).toMatchObject({ delivered: 1 });
    } finally {
      mailer.close();
    }
    expect(smtp.messages).toHaveLength(1);
    const mail = smtp.messages[0] ?? '';
    expect(mail).toContain(`Idempotency-Key: ${row.idempotencyKey}`);
    expect(mail).toContain(`<${row.idempotencyKey}@zhiben.local>`);
    expect(smtp.recipients).toEqual([`<${address}>`]);
    expect(await outboxRow(row.id)).toMatchObject({ status: 'delivered' });
    const all = await t.handle.db
      .select()
      .from(schema.outbox)
      .where(inArray(schema.outbox.id, [row.id, orphan.id]));
    expect(all.map((r) => r.status).sort()).toEqual(['delivered', 'failed']);
  });
});

/** Just enough SMTP to accept one message per DATA (no TLS, no auth). */
async function fakeSmtp(): Promise<{ port: number; messages: string[]; recipients: string[] }> {
  const state = { port: 0, messages: [] as string[], recipients: [] as string[] };
  const server = createTcpServer((socket) => {
    socket.setEncoding('utf8');
    let buffer = '';
    let inData = false;
    let data = '';
    socket.write('220 fake ESMTP\r\n');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      for (let i = buffer.indexOf('\r\n'); i >= 0; i = buffer.indexOf('\r\n')) {
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            state.messages.push(data);
            data = '';
            socket.write('250 OK queued\r\n');
          } else data += `${line}\n`;
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') socket.write('250-fake\r\n250 8BITMIME\r\n');
        else if (verb === 'MAIL') socket.write('250 OK\r\n');
        else if (verb === 'RCPT') {
          state.recipients.push(line.slice(line.indexOf(':') + 1).trim());
          socket.write('250 OK\r\n');
        } else if (verb === 'DATA') {
          inData = true;
          socket.write('354 go ahead\r\n');
        } else if (verb === 'QUIT') {
          socket.end('221 bye\r\n');
        } else socket.write('250 OK\r\n');
      }
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  servers.push(server);
  state.port = (server.address() as { port: number }).port;
  return state;
}
