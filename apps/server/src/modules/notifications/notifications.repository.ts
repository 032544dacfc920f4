import type { NotificationDto } from '@zhiben/contracts';
import { type Executor, schema } from '@zhiben/db';
import { and, desc, eq, inArray, isNull, lte, type SQL, sql } from 'drizzle-orm';
import { iso } from '../../platform/listing.js';

const { notifications } = schema;
type Row = typeof notifications.$inferSelect;

export function toNotificationDto(row: Row): NotificationDto {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    link: row.link,
    entityType: row.entityType,
    entityId: row.entityId,
    createdAt: row.createdAt.toISOString(),
    readAt: iso(row.readAt),
  };
}

/** Notifications are private to their user: every query here is keyed by the caller's user id. */
export async function listForUser(db: Executor, userId: string, filter: { unreadOnly: boolean; page: number; pageSize: number }) {
  const conditions: SQL[] = [eq(notifications.userId, userId)];
  if (filter.unreadOnly) conditions.push(isNull(notifications.readAt));
  const where = and(...conditions);
  const [rows, total, unread] = await Promise.all([
    db
      .select()
      .from(notifications)
      .where(where)
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(notifications).where(where),
    countUnread(db, userId),
  ]);
  return { items: rows.map(toNotificationDto), total: total[0]?.n ?? 0, unread };
}

export async function countUnread(db: Executor, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** Marks one of the user's notifications read (keeps the first read time); undefined when it is not his. */
export async function markRead(db: Executor, userId: string, id: string, now: Date): Promise<Row | undefined> {
  const [row] = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, ${now.toISOString()}::timestamptz)` })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .returning();
  return row;
}

export async function markAllRead(db: Executor, userId: string, now: Date, upTo?: Date): Promise<number> {
  const conditions: SQL[] = [eq(notifications.userId, userId), isNull(notifications.readAt)];
  if (upTo) conditions.push(lte(notifications.createdAt, upTo));
  const rows = await db
    .update(notifications)
    .set({ readAt: now })
    .where(and(...conditions))
    .returning({ id: notifications.id });
  return rows.length;
}

export async function findByIds(db: Executor, ids: string[]): Promise<Row[]> {
  if (ids.length === 0) return [];
  return db.select().from(notifications).where(inArray(notifications.id, ids));
}

/** The (user, key) pairs among these that already have a notification, as `userId|key` strings (unique index). */
export async function sentPairs(db: Executor, userIds: string[], keys: string[]): Promise<Set<string>> {
  const sent = new Set<string>();
  if (userIds.length === 0 || keys.length === 0) return sent;
  for (let i = 0; i < keys.length; i += 1000) {
    const rows = await db
      .select({ userId: notifications.userId, key: notifications.dedupeKey })
      .from(notifications)
      .where(and(inArray(notifications.userId, userIds), inArray(notifications.dedupeKey, keys.slice(i, i + 1000))));
    for (const r of rows) sent.add(`${r.userId}|${r.key}`);
  }
  return sent;
}
