import type { Db, Tx } from '@zhiben/db';
import type { FastifyRequest } from 'fastify';
import { type AuditActor, type AuditInput, appendAudit } from './audit.js';
import type { Clock } from './clock.js';
import { AppError } from './errors.js';
import type { Principal } from './principal.js';

/** What a service needs to know about the request it serves. Built once per request by `contextOf`. */
export interface ServiceContext {
  db: Db;
  clock: Clock;
  principal: Principal;
  actor: AuditActor;
}

export function contextOf(request: FastifyRequest): ServiceContext {
  const principal = request.principal;
  if (!principal) throw new AppError('UNAUTHENTICATED');
  return {
    db: request.server.db,
    clock: request.server.clock,
    principal,
    actor: actorOf(request, principal),
  };
}

export function actorOf(request: FastifyRequest, principal: Pick<Principal, 'userId' | 'username'> | null): AuditActor {
  return {
    actorId: principal?.userId ?? null,
    actorUsername: principal?.username ?? null,
    requestId: request.id,
    ip: request.ip,
  };
}

export interface MutationOutcome<T> {
  result: T;
  audit: AuditInput;
}

/**
 * The one way to change data: runs `work` in a transaction and appends exactly one audit row in the same
 * transaction. If `work` throws, nothing — neither the change nor the audit row — is written.
 */
export async function mutate<T>(db: Db, actor: AuditActor, clock: Clock, work: (tx: Tx) => Promise<MutationOutcome<T>>): Promise<T> {
  return db.transaction(async (tx) => {
    const { result, audit } = await work(tx);
    await appendAudit(tx, actor, audit, clock());
    return result;
  });
}

/** `mutate` for a service context. */
export function mutateAs<T>(ctx: ServiceContext, work: (tx: Tx) => Promise<MutationOutcome<T>>): Promise<T> {
  return mutate(ctx.db, ctx.actor, ctx.clock, work);
}
