import type { ListResult, NotificationDto, NotificationListQuery, ReadAllBody } from '@zhiben/contracts';
import { type Executor, schema } from '@zhiben/db';
import { sql } from 'drizzle-orm';
import { mutateAs, type ServiceContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { countUnread, listForUser, markAllRead, markRead, sentPairs, toNotificationDto } from './notifications.repository.js';

export interface NotificationInput {
  userIds: string[];
  kind: string;
  title: string;
  body: string;
  link?: string | null;
  entityType?: string | null;
  entityId?: string | null;
  /** Same key for the same user = the same notification (a repeated reminder is keyed by its repeat slot). */
  dedupeKey: string;
  /** When it happened (the job's clock); default: the database's now(). */
  createdAt?: Date;
}

/** PostgreSQL NOTIFY channel announcing new notifications to the live (SSE) feed of every instance. */
export const NOTIFICATIONS_CHANNEL = 'zb_notifications';
/** Pairs per NOTIFY payload (PostgreSQL caps a payload at 8,000 bytes; a pair is ~80). */
const PAIRS_PER_NOTIFY = 80;

/** Writes in-app notifications inside the caller's transaction; duplicates (same user + key) are dropped. */
export async function notifyUsers(tx: Executor, input: NotificationInput): Promise<number> {
  return (await notifyMany(tx, [input])).length;
}

/**
 * Many notifications in batched inserts (the sweeps). Returns the rows actually written (duplicates dropped). The
 * live feed is told with `pg_notify` in the same transaction: PostgreSQL delivers it only when the transaction
 * commits, so a rolled-back change never reaches a browser.
 */
export async function notifyMany(
  tx: Executor,
  inputs: readonly NotificationInput[],
): Promise<{ id: string; userId: string; dedupeKey: string }[]> {
  const values = inputs.flatMap((input) =>
    [...new Set(input.userIds)].map((userId) => ({
      userId,
      kind: input.kind,
      title: input.title,
      body: input.body,
      link: input.link ?? null,
      entityType: input.entityType ?? null,
      entityId: input.entityId ?? null,
      dedupeKey: input.dedupeKey,
      ...(input.createdAt ? { createdAt: input.createdAt } : {}),
    })),
  );
  const written: { id: string; userId: string; dedupeKey: string }[] = [];
  for (let i = 0; i < values.length; i += 500) {
    const rows = await tx
      .insert(schema.notifications)
      .values(values.slice(i, i + 500))
      .onConflictDoNothing()
      .returning({ id: schema.notifications.id, userId: schema.notifications.userId, dedupeKey: schema.notifications.dedupeKey });
    written.push(...rows);
  }
  for (let i = 0; i < written.length; i += PAIRS_PER_NOTIFY) {
    const payload = JSON.stringify({ n: written.slice(i, i + PAIRS_PER_NOTIFY).map((r) => [r.id, r.userId]) });
    await tx.execute(sql`select pg_notify(${NOTIFICATIONS_CHANNEL}, ${payload})`);
  }
  return written;
}

/**
 * For the sweeps, which re-evaluate every open case on each tick: drops the recipients who already have the
 * notification (one indexed read instead of re-inserting thousands of duplicates every five minutes). `done` holds
 * the keys that had recipients and are now complete, so their channel messages (queued in the same transaction
 * as the notifications) can be skipped too.
 */
export async function withoutSent(
  db: Executor,
  inputs: readonly NotificationInput[],
): Promise<{ inputs: NotificationInput[]; done: Set<string> }> {
  const sent = await sentPairs(db, [...new Set(inputs.flatMap((i) => i.userIds))], [...new Set(inputs.map((i) => i.dedupeKey))]);
  const done = new Set<string>();
  const fresh: NotificationInput[] = [];
  for (const input of inputs) {
    const userIds = input.userIds.filter((u) => !sent.has(`${u}|${input.dedupeKey}`));
    if (userIds.length > 0) fresh.push({ ...input, userIds });
    else if (input.userIds.length > 0) done.add(input.dedupeKey);
  }
  return { inputs: fresh, done };
}

// ——— the caller's own notification centre ———

export async function list(ctx: ServiceContext, query: NotificationListQuery): Promise<ListResult<NotificationDto> & { unread: number }> {
  return listForUser(ctx.db, ctx.principal.userId, { unreadOnly: query.unread === 'true', page: query.page, pageSize: query.pageSize });
}

export async function read(ctx: ServiceContext, id: string): Promise<NotificationDto> {
  return mutateAs(ctx, async (tx) => {
    const row = await markRead(tx, ctx.principal.userId, id, ctx.clock());
    // Someone else's notification is invisible: 404, never 403.
    if (!row) throw notFound();
    return {
      result: toNotificationDto(row),
      audit: { action: 'notifications.read', entityType: 'notification', entityId: row.id, after: { readAt: row.readAt } },
    };
  });
}

export async function readAll(ctx: ServiceContext, body: ReadAllBody): Promise<{ updated: number }> {
  return mutateAs(ctx, async (tx) => {
    const updated = await markAllRead(tx, ctx.principal.userId, ctx.clock(), body.upTo ? new Date(body.upTo) : undefined);
    return {
      result: { updated },
      audit: { action: 'notifications.read_all', entityType: 'notification', entityId: null, after: { updated, upTo: body.upTo ?? null } },
    };
  });
}

export const unreadCount = (ctx: ServiceContext) => countUnread(ctx.db, ctx.principal.userId);
