import {
  HAZARD_LEVEL_LABELS,
  HAZARD_STATUS_LABELS,
  HAZARD_TRANSITIONS,
  type HazardAction,
  type HazardLevel,
  type HazardStatus,
  ROLE_SIDE,
  type Role,
} from '@zhiben/contracts';
import { schema, type Tx } from '@zhiben/db';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { notifyUsers } from '../notifications/index.js';

const { users } = schema;

/** The actions that move a hazard on from each state (who is "next"); overlays and edits are not waited for. */
const NEXT_ACTIONS: Record<HazardStatus, HazardAction[]> = {
  pending_judgement: ['judge', 'dismiss'],
  rectifying: ['submit'],
  pending_acceptance: ['accept', 'reject'],
  closed: [],
};

const ENTERPRISE_MANAGERS: Role[] = ['enterprise_principal', 'enterprise_safety_manager'];

interface HazardRef {
  id: string;
  enterpriseId: string;
  status: HazardStatus;
  level: HazardLevel;
  responsibleUserId: string | null;
  description: string;
}

async function activeUsers(tx: Tx, roles: Role[], enterpriseId: string | null): Promise<string[]> {
  if (roles.length === 0) return [];
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        inArray(users.role, roles),
        eq(users.status, 'active'),
        enterpriseId ? eq(users.enterpriseId, enterpriseId) : isNull(users.enterpriseId),
      ),
    );
  return rows.map((r) => r.id);
}

/**
 * Who the hazard now waits for, from the transition table: the responsible person while rectifying (else the
 * enterprise's managers); otherwise the enterprise users whose role may take the next step, or — when only the
 * bureau may (major hazards awaiting judgement or acceptance) — the bureau's officers.
 */
export async function nextActors(tx: Tx, hazard: HazardRef): Promise<string[]> {
  if (hazard.status === 'rectifying') {
    return hazard.responsibleUserId ? [hazard.responsibleUserId] : activeUsers(tx, ENTERPRISE_MANAGERS, hazard.enterpriseId);
  }
  const roles = [...new Set(NEXT_ACTIONS[hazard.status].flatMap((a) => HAZARD_TRANSITIONS[a].actors[hazard.level]))];
  const enterpriseRoles = roles.filter((r) => ROLE_SIDE[r] === 'enterprise');
  if (enterpriseRoles.length > 0) return activeUsers(tx, enterpriseRoles, hazard.enterpriseId);
  return activeUsers(
    tx,
    roles.filter((r) => ROLE_SIDE[r] === 'bureau'),
    null,
  );
}

const TITLES: Partial<Record<HazardStatus, string>> = {
  pending_judgement: '有隐患待判定',
  rectifying: '有隐患待整改',
  pending_acceptance: '有隐患待验收',
};

/** Tells whoever the hazard now waits for (never the actor himself), in the caller's transaction. */
export async function notifyNext(tx: Tx, hazard: HazardRef, cause: { eventId: string; actorId: string | null; enterpriseName: string }) {
  const title = TITLES[hazard.status];
  if (!title) return;
  const recipients = (await nextActors(tx, hazard)).filter((id) => id !== cause.actorId);
  await notifyUsers(tx, {
    userIds: recipients,
    kind: `hazard.${hazard.status}`,
    title: `${title}（${HAZARD_LEVEL_LABELS[hazard.level]}）`,
    body: `${cause.enterpriseName}：${hazard.description.slice(0, 80)}（${HAZARD_STATUS_LABELS[hazard.status]}）`,
    link: `/hazards/${hazard.id}`,
    entityType: 'hazard',
    entityId: hazard.id,
    dedupeKey: `hazard:${hazard.id}:${cause.eventId}`,
  });
}

/** Tells the enterprise's managers about a bureau overlay on their hazard (挂牌督办). */
export async function notifyEnterpriseManagers(
  tx: Tx,
  hazard: HazardRef,
  message: { kind: string; title: string; body: string; eventId: string; actorId: string | null },
) {
  const recipients = [
    ...(await activeUsers(tx, ENTERPRISE_MANAGERS, hazard.enterpriseId)),
    ...(hazard.responsibleUserId ? [hazard.responsibleUserId] : []),
  ].filter((id) => id !== message.actorId);
  await notifyUsers(tx, {
    userIds: recipients,
    kind: message.kind,
    title: message.title,
    body: message.body,
    link: `/hazards/${hazard.id}`,
    entityType: 'hazard',
    entityId: hazard.id,
    dedupeKey: `hazard:${hazard.id}:${message.eventId}`,
  });
}
