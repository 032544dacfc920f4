import { createHash, randomBytes } from 'node:crypto';
import { permissionsOf, ROLE_SIDE, type Role, type Scope } from '@zhiben/contracts';
import type { Db, Executor } from '@zhiben/db';
import { schema } from '@zhiben/db';
import { and, eq, ne } from 'drizzle-orm';
import type { Principal } from './principal.js';

export const SESSION_COOKIE = 'zb_session';
/** Writing last_seen_at on every request would turn reads into writes; once a minute is precise enough. */
const TOUCH_INTERVAL_MS = 60_000;

export interface SessionPolicy {
  idleMs: number;
  absoluteMs: number;
}

export const sessionIdOf = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(
  tx: Executor,
  userId: string,
  now: Date,
  policy: SessionPolicy,
  meta: { ip: string | null; userAgent: string | null },
): Promise<{ token: string; csrfToken: string; sessionId: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const sessionId = sessionIdOf(token);
  await tx.insert(schema.sessions).values({
    id: sessionId,
    userId,
    csrfToken,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + policy.absoluteMs),
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
  });
  return { token, csrfToken, sessionId };
}

export type SessionLookup = { status: 'ok'; principal: Principal } | { status: 'missing' } | { status: 'expired' };

/** Resolves a cookie token to the principal with its scope and permissions, enforcing idle and absolute expiry. */
export async function resolveSession(db: Db, token: string, now: Date, policy: SessionPolicy): Promise<SessionLookup> {
  const sessionId = sessionIdOf(token);
  const rows = await db
    .select({
      session: schema.sessions,
      user: schema.users,
      enterpriseName: schema.enterprises.name,
      regionPath: schema.regions.path,
      regionName: schema.regions.name,
    })
    .from(schema.sessions)
    .innerJoin(schema.users, eq(schema.users.id, schema.sessions.userId))
    .leftJoin(schema.enterprises, eq(schema.enterprises.id, schema.users.enterpriseId))
    .leftJoin(schema.regions, eq(schema.regions.id, schema.users.regionId))
    .where(eq(schema.sessions.id, sessionId))
    .limit(1);
  const row = rows[0];
  if (!row) return { status: 'missing' };
  const { session, user } = row;
  const idleExpired = now.getTime() - session.lastSeenAt.getTime() > policy.idleMs;
  if (idleExpired || session.expiresAt <= now || user.status !== 'active') {
    await db.delete(schema.sessions).where(eq(schema.sessions.id, sessionId));
    return { status: 'expired' };
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await db.update(schema.sessions).set({ lastSeenAt: now }).where(eq(schema.sessions.id, sessionId));
  }
  const role = user.role as Role;
  return {
    status: 'ok',
    principal: {
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      role,
      permissions: permissionsOf(role),
      scope: scopeOf(role, user, row),
      sessionId,
      csrfToken: session.csrfToken,
      mustChangePassword: user.mustChangePassword,
    },
  };
}

/**
 * Scope follows from the role's side. A misconfigured account (township officer without a region, enterprise
 * user without an enterprise) gets a scope that matches nothing: fail closed.
 */
function scopeOf(
  role: Role,
  user: { enterpriseId: string | null; regionId: string | null },
  joined: { enterpriseName: string | null; regionPath: string | null; regionName: string | null },
): Scope {
  switch (ROLE_SIDE[role]) {
    case 'bureau':
    case 'expert':
      return { kind: 'all' };
    case 'township':
      return {
        kind: 'region',
        regionId: user.regionId ?? '',
        regionPath: joined.regionPath ?? '\u0000none/',
        regionName: joined.regionName ?? '',
      };
    case 'enterprise':
      return {
        kind: 'enterprise',
        enterpriseId: user.enterpriseId ?? '00000000-0000-0000-0000-000000000000',
        enterpriseName: joined.enterpriseName ?? '',
      };
  }
}

export async function destroySession(tx: Executor, sessionId: string): Promise<void> {
  await tx.delete(schema.sessions).where(eq(schema.sessions.id, sessionId));
}

/** Ends every session of a user, except `keepSessionId` (the one changing its own password). */
export async function destroyUserSessions(tx: Executor, userId: string, keepSessionId?: string): Promise<void> {
  const ofUser = eq(schema.sessions.userId, userId);
  await tx.delete(schema.sessions).where(keepSessionId ? and(ofUser, ne(schema.sessions.id, keepSessionId)) : ofUser);
}
