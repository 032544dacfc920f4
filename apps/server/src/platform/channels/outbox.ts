import { createHash } from 'node:crypto';
import { type Executor, queryRows, schema } from '@zhiben/db';
import { sql } from 'drizzle-orm';
import type { Mailer } from './email.js';
import { dingtalkBody, emailText, type OutboxMessage, wecomBody } from './message.js';
import { type FetchLike, postWebhook, type SendResult } from './webhook.js';

/**
 * The outbox: messages for channels we do not own (robot webhooks, SMTP) are written in the same transaction as
 * the change that caused them, and delivered afterwards by `deliverDue`. The change never waits for a channel
 * and a failing channel never rolls it back; a message is retried with exponential back-off and carries an
 * idempotency key, so a receiver that saw an attempt whose answer got lost can drop the repeat.
 */
export const DELIVERY_POLICY = {
  /** First retry after 1 min, then 2, 4, 8 … capped at 60 min. */
  baseDelayMs: 60_000,
  maxDelayMs: 60 * 60_000,
  /** After this many attempts the message is `failed` (about 2 h of trying with the defaults). */
  maxAttempts: 8,
  /** A claimed message whose worker died becomes due again after this lease. */
  leaseMs: 2 * 60_000,
  timeoutMs: 10_000,
  batchSize: 50,
  concurrency: 8,
};
export type DeliveryPolicy = typeof DELIVERY_POLICY;

export const retryDelayMs = (attempt: number, policy: DeliveryPolicy = DELIVERY_POLICY) =>
  Math.min(policy.baseDelayMs * 2 ** Math.max(0, attempt - 1), policy.maxDelayMs);

/** One key per (event, channel): stable across sweeps, so the same reminder is never queued twice. */
export const outboxKey = (dedupeKey: string, channelId: string) =>
  `zb-${createHash('sha256').update(`${dedupeKey}|${channelId}`).digest('hex').slice(0, 32)}`;

export interface OutboxChannel {
  id: string;
  kind: string;
  target: string;
}

/** Queues messages inside the caller's transaction; a message already queued (same key) is skipped. */
export async function enqueueOutbox(
  tx: Executor,
  items: readonly { channel: OutboxChannel; message: OutboxMessage; dedupeKey: string }[],
  now: Date,
): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < items.length; i += 500) {
    const rows = await tx
      .insert(schema.outbox)
      .values(
        items.slice(i, i + 500).map((item) => ({
          channel: item.channel.kind,
          target: item.channel.target,
          payload: item.message,
          idempotencyKey: outboxKey(item.dedupeKey, item.channel.id),
          nextAttemptAt: now,
          createdAt: now,
        })),
      )
      .onConflictDoNothing({ target: schema.outbox.idempotencyKey })
      .returning({ id: schema.outbox.id });
    inserted += rows.length;
  }
  return inserted;
}

export interface DeliverOptions {
  mailer?: Mailer | undefined;
  publicUrl?: string | undefined;
  /** Only these outbox rows (tests; a "send now" action). */
  ids?: string[];
  policy?: Partial<DeliveryPolicy>;
}

export interface DeliverResult {
  claimed: number;
  delivered: number;
  retrying: number;
  failed: number;
}

interface Claimed {
  id: string;
  channel: string;
  target: string;
  payload: OutboxMessage;
  idempotencyKey: string;
  attempts: number;
}

/**
 * Claims the due messages (`for update skip locked`: several workers never take the same row), sends them with
 * limited concurrency and records the outcome. Claiming pushes `next_attempt_at` one lease ahead, so a message
 * whose worker crashed mid-send is picked up again later.
 */
export async function deliverDue(
  db: Executor,
  now: Date,
  fetchImpl: FetchLike = fetch,
  options: DeliverOptions = {},
): Promise<DeliverResult> {
  const policy = { ...DELIVERY_POLICY, ...options.policy };
  const leaseUntil = new Date(now.getTime() + policy.leaseMs).toISOString();
  const onlyIds = options.ids ? sql`and id = any(${`{${options.ids.join(',')}}`}::uuid[])` : sql``;
  const claimed = await queryRows<Claimed>(
    db,
    sql`update outbox set status = 'sending', attempts = attempts + 1, next_attempt_at = ${leaseUntil}::timestamptz
        where id in (select id from outbox
                     where status in ('pending', 'sending') and next_attempt_at <= ${now.toISOString()}::timestamptz ${onlyIds}
                     order by next_attempt_at limit ${policy.batchSize}
                     for update skip locked)
        returning id, channel, target, payload, idempotency_key as "idempotencyKey", attempts`,
  );
  const result: DeliverResult = { claimed: claimed.length, delivered: 0, retrying: 0, failed: 0 };

  const deliverOne = async (row: Claimed) => {
    const outcome = await send(row, fetchImpl, options, policy.timeoutMs);
    if (outcome.ok) {
      result.delivered++;
      await db.execute(
        sql`update outbox set status = 'delivered', delivered_at = ${now.toISOString()}::timestamptz, last_error = null where id = ${row.id}`,
      );
      return;
    }
    const giveUp = !outcome.retry || row.attempts >= policy.maxAttempts;
    if (giveUp) result.failed++;
    else result.retrying++;
    const next = new Date(now.getTime() + retryDelayMs(row.attempts, policy)).toISOString();
    await db.execute(
      sql`update outbox set status = ${giveUp ? 'failed' : 'pending'}, last_error = ${outcome.error.slice(0, 1000)},
                 next_attempt_at = ${next}::timestamptz
          where id = ${row.id}`,
    );
  };

  let next = 0;
  const worker = async () => {
    while (next < claimed.length) {
      const row = claimed[next++];
      if (row) await deliverOne(row);
    }
  };
  await Promise.all(Array.from({ length: Math.min(policy.concurrency, claimed.length) }, worker));
  return result;
}

async function send(row: Claimed, fetchImpl: FetchLike, options: DeliverOptions, timeoutMs: number): Promise<SendResult> {
  const render = { publicUrl: options.publicUrl };
  switch (row.channel) {
    case 'wecom':
      return postWebhook(fetchImpl, row.target, wecomBody(row.payload, row.idempotencyKey, render), row.idempotencyKey, timeoutMs);
    case 'dingtalk':
      return postWebhook(fetchImpl, row.target, dingtalkBody(row.payload, row.idempotencyKey, render), row.idempotencyKey, timeoutMs);
    case 'email':
      if (!options.mailer) return { ok: false, retry: false, error: '未配置 SMTP_URL，无法发送邮件' };
      return options.mailer.send({
        to: row.target,
        subject: row.payload.title,
        text: emailText(row.payload, row.idempotencyKey, render),
        idempotencyKey: row.idempotencyKey,
      });
    default:
      return { ok: false, retry: false, error: `未知的渠道类型 ${row.channel}` };
  }
}
