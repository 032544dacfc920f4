import type { AuditEventDto, AuditListQuery } from '@zhiben/contracts';
import type { Executor } from '@zhiben/db';
import { schema } from '@zhiben/db';
import { and, desc, eq, gte, ilike, like, lte, type SQL, sql } from 'drizzle-orm';
import { likeContains, pageOf } from '../../platform/listing.js';

const { auditEvents } = schema;

export function toAuditDto(row: typeof auditEvents.$inferSelect): AuditEventDto {
  return {
    id: row.id,
    seq: row.seq,
    occurredAt: row.occurredAt.toISOString(),
    actorId: row.actorId,
    actorUsername: row.actorUsername,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    enterpriseId: row.enterpriseId,
    before: row.before ?? null,
    after: row.after ?? null,
    requestId: row.requestId,
    ip: row.ip,
  };
}

/** The audit viewer's query (bureau admins only: the route's permission guards it, so no scope filter here). */
export async function listAuditEvents(db: Executor, query: AuditListQuery): Promise<{ items: AuditEventDto[]; total: number }> {
  const conditions: SQL[] = [];
  if (query.actor) conditions.push(ilike(auditEvents.actorUsername, likeContains(query.actor)));
  if (query.entityType) conditions.push(eq(auditEvents.entityType, query.entityType));
  if (query.entityId) conditions.push(eq(auditEvents.entityId, query.entityId));
  if (query.action) conditions.push(like(auditEvents.action, `${query.action.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  if (query.from) conditions.push(gte(auditEvents.occurredAt, new Date(query.from)));
  if (query.to) conditions.push(lte(auditEvents.occurredAt, new Date(query.to)));
  if (query.q) conditions.push(sql`(${auditEvents.action} ilike ${likeContains(query.q)} or ${auditEvents.entityId} = ${query.q})`);
  const where = conditions.length ? and(...conditions) : undefined;
  const { limit, offset } = pageOf(query);
  const [rows, count] = await Promise.all([
    db.select().from(auditEvents).where(where).orderBy(desc(auditEvents.seq)).limit(limit).offset(offset),
    db.select({ n: sql<number>`count(*)::int` }).from(auditEvents).where(where),
  ]);
  return { items: rows.map(toAuditDto), total: count[0]?.n ?? 0 };
}

/** History of one entity, oldest first (detail pages' 处理记录 / 变更记录 tabs); the caller checks the entity is in scope. */
export async function entityHistory(db: Executor, entityType: string, entityId: string): Promise<AuditEventDto[]> {
  const rows = await db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, entityType), eq(auditEvents.entityId, entityId)))
    .orderBy(desc(auditEvents.seq))
    .limit(500);
  return rows.map(toAuditDto);
}
