import { type MeResponse, passwordProblems } from '@zhiben/contracts';
import type { Db } from '@zhiben/db';
import { schema } from '@zhiben/db';
import { eq, sql } from 'drizzle-orm';
import type { AuditActor } from '../../platform/audit.js';
import type { Clock } from '../../platform/clock.js';
import { mutate, mutateAs, type ServiceContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../../platform/passwords.js';
import type { Principal } from '../../platform/principal.js';
import { createSession, destroySession, destroyUserSessions, type SessionPolicy } from '../../platform/sessions.js';
import { lockUntil } from './auth.policy.js';

export interface LoginDeps {
  db: Db;
  clock: Clock;
  policy: SessionPolicy;
  actor: AuditActor;
  userAgent: string | null;
}

export interface LoginOutcome {
  token: string;
  csrfToken: string;
}

export async function login(deps: LoginDeps, username: string, password: string): Promise<LoginOutcome> {
  const now = deps.clock();
  const [user] = await deps.db
    .select()
    .from(schema.users)
    .where(eq(sql`lower(${schema.users.username})`, username.toLowerCase()))
    .limit(1);
  if (!user) {
    await verifyPassword(await dummyPasswordHash(), password); // same work as a real check: no username oracle
    throw new AppError('INVALID_CREDENTIALS');
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    throw new AppError('ACCOUNT_LOCKED', undefined, { lockedUntil: user.lockedUntil.toISOString() });
  }
  if (user.status !== 'active') throw new AppError('ACCOUNT_DISABLED');

  const actor = { ...deps.actor, actorId: user.id, actorUsername: user.username };
  if (!(await verifyPassword(user.passwordHash, password))) {
    const failures = user.failedAttempts + 1;
    const lockedUntil = lockUntil(failures, now);
    await mutate(deps.db, actor, deps.clock, async (tx) => {
      await tx.update(schema.users).set({ failedAttempts: failures, lockedUntil }).where(eq(schema.users.id, user.id));
      return {
        result: undefined,
        audit: {
          action: 'auth.login_failed',
          entityType: 'user',
          entityId: user.id,
          enterpriseId: user.enterpriseId,
          after: { failedAttempts: failures, lockedUntil },
        },
      };
    });
    if (lockedUntil) throw new AppError('ACCOUNT_LOCKED', undefined, { lockedUntil: lockedUntil.toISOString() });
    throw new AppError('INVALID_CREDENTIALS');
  }

  return mutate(deps.db, actor, deps.clock, async (tx) => {
    await tx.update(schema.users).set({ failedAttempts: 0, lockedUntil: null, lastLoginAt: now }).where(eq(schema.users.id, user.id));
    const session = await createSession(tx, user.id, now, deps.policy, { ip: deps.actor.ip, userAgent: deps.userAgent });
    return {
      result: { token: session.token, csrfToken: session.csrfToken },
      audit: { action: 'auth.login', entityType: 'user', entityId: user.id, enterpriseId: user.enterpriseId },
    };
  });
}

export async function logout(ctx: ServiceContext): Promise<void> {
  await mutateAs(ctx, async (tx) => {
    await destroySession(tx, ctx.principal.sessionId);
    return { result: undefined, audit: { action: 'auth.logout', entityType: 'user', entityId: ctx.principal.userId } };
  });
}

export async function changePassword(ctx: ServiceContext, currentPassword: string, newPassword: string): Promise<void> {
  const [user] = await ctx.db.select().from(schema.users).where(eq(schema.users.id, ctx.principal.userId));
  if (!user) throw new AppError('UNAUTHENTICATED');
  if (!(await verifyPassword(user.passwordHash, currentPassword))) throw new AppError('WRONG_PASSWORD');
  const problems = passwordProblems(newPassword, user.username);
  if (currentPassword === newPassword) problems.push('新密码不能与原密码相同');
  if (problems.length > 0) throw new AppError('WEAK_PASSWORD', `密码强度不足：${problems.join('；')}`, { problems });
  const passwordHash = await hashPassword(newPassword);
  await mutateAs(ctx, async (tx) => {
    await tx
      .update(schema.users)
      .set({ passwordHash, mustChangePassword: false, passwordChangedAt: ctx.clock() })
      .where(eq(schema.users.id, user.id));
    // Other sessions of this user end: a changed password must lock out whoever knew the old one.
    await destroyUserSessions(tx, user.id, ctx.principal.sessionId);
    return { result: undefined, audit: { action: 'auth.password_changed', entityType: 'user', entityId: user.id } };
  });
}

export function meOf(principal: Principal, demo: boolean): MeResponse {
  return {
    user: {
      id: principal.userId,
      username: principal.username,
      displayName: principal.displayName,
      mustChangePassword: principal.mustChangePassword,
    },
    roles: [principal.role],
    scope: principal.scope,
    permissions: [...principal.permissions],
    csrfToken: principal.csrfToken,
    demo,
  };
}
