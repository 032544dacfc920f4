import { createHash } from 'node:crypto';
import type { Executor } from '@zhiben/db';
import { schema } from '@zhiben/db';
import canonicalize from 'canonicalize';
import { asc, desc, gt, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';

/** What a mutation tells the audit trail about itself. */
export interface AuditInput {
  /** `<module>.<past-tense verb>`, e.g. `users.created`. */
  action: string;
  entityType: string;
  entityId: string | null;
  enterpriseId?: string | null;
  regionPath?: string | null;
  before?: unknown;
  after?: unknown;
}

export interface AuditActor {
  actorId: string | null;
  actorUsername: string | null;
  requestId: string | null;
  ip: string | null;
}

export const GENESIS_HASH = '0'.repeat(64);
/** Advisory lock key: one writer appends to the chain at a time, so the chain never forks. */
const AUDIT_CHAIN_LOCK = 72_110_002;

/** The fields a row's hash covers, in a form that survives a round trip through jsonb unchanged. */
interface HashedContent {
  id: string;
  occurredAt: string;
  actorId: string | null;
  actorUsername: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  enterpriseId: string | null;
  regionPath: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  ip: string | null;
}

export function auditHash(prevHash: string, content: HashedContent): string {
  return createHash('sha256')
    .update(prevHash)
    .update(canonicalize(content) ?? '')
    .digest('hex');
}

/** Dates become ISO strings and undefined disappears, exactly as jsonb will give them back. */
function jsonSafe(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}

/**
 * Appends one audit row inside the caller's transaction. The chain lock is transaction-scoped, so it is held
 * until commit and released on rollback — a failed mutation leaves neither a row nor a gap.
 */
export async function appendAudit(tx: Executor, actor: AuditActor, input: AuditInput, at: Date): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const last = await tx.select({ hash: schema.auditEvents.hash }).from(schema.auditEvents).orderBy(desc(schema.auditEvents.seq)).limit(1);
  const prevHash = last[0]?.hash ?? GENESIS_HASH;
  const content: HashedContent = {
    id: uuidv7(),
    occurredAt: at.toISOString(),
    actorId: actor.actorId,
    actorUsername: actor.actorUsername,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    enterpriseId: input.enterpriseId ?? null,
    regionPath: input.regionPath ?? null,
    before: jsonSafe(input.before),
    after: jsonSafe(input.after),
    requestId: actor.requestId,
    ip: actor.ip,
  };
  await tx.insert(schema.auditEvents).values({
    ...content,
    occurredAt: at,
    prevHash,
    hash: auditHash(prevHash, content),
  });
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  /** The first row whose stored hash or link does not match, when !ok. */
  brokenAt?: { seq: number; reason: 'hash_mismatch' | 'chain_broken' };
}

/** Walks the whole chain in `seq` order, recomputing every hash. Reads in pages to keep memory flat. */
export async function verifyAuditChain(db: Executor, pageSize = 2000): Promise<VerifyResult> {
  let prevHash = GENESIS_HASH;
  let lastSeq = 0;
  let checked = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(schema.auditEvents)
      .where(gt(schema.auditEvents.seq, lastSeq))
      .orderBy(asc(schema.auditEvents.seq))
      .limit(pageSize);
    if (rows.length === 0) return { ok: true, checked };
    for (const row of rows) {
      if (row.prevHash !== prevHash) return { ok: false, checked, brokenAt: { seq: row.seq, reason: 'chain_broken' } };
      const expected = auditHash(prevHash, {
        id: row.id,
        occurredAt: row.occurredAt.toISOString(),
        actorId: row.actorId,
        actorUsername: row.actorUsername,
        action: row.action,
        entityType: row.entityType,
        entityId: row.entityId,
        enterpriseId: row.enterpriseId,
        regionPath: row.regionPath,
        before: row.before,
        after: row.after,
        requestId: row.requestId,
        ip: row.ip,
      });
      if (expected !== row.hash) return { ok: false, checked, brokenAt: { seq: row.seq, reason: 'hash_mismatch' } };
      prevHash = row.hash;
      lastSeq = row.seq;
      checked++;
    }
  }
}
