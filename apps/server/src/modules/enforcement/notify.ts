import { type Executor, schema } from '@zhiben/db';
import { and, eq, inArray } from 'drizzle-orm';
import { notifyUsers } from '../notifications/index.js';

/**
 * Notifications of the enforcement loop. Enterprise accounts are told only about what they may see: nothing of an
 * unannounced (四不两直) task before it starts — the callers never call `notifyEnterprise` for such a task earlier.
 */
export async function enterpriseManagers(db: Executor, enterpriseId: string): Promise<string[]> {
  const { users } = schema;
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.enterpriseId, enterpriseId),
        eq(users.status, 'active'),
        inArray(users.role, ['enterprise_principal', 'enterprise_safety_manager']),
      ),
    );
  return rows.map((r) => r.id);
}

export interface EnforcementMessage {
  kind: string;
  title: string;
  body: string;
  link: string;
  entityType: string;
  entityId: string;
  dedupeKey: string;
}

export async function notifyEnterprise(tx: Executor, enterpriseId: string, message: EnforcementMessage, actorId: string | null) {
  const recipients = (await enterpriseManagers(tx, enterpriseId)).filter((id) => id !== actorId);
  await notifyUsers(tx, { userIds: recipients, ...message });
}

export async function notifyOfficers(tx: Executor, officerIds: readonly string[], message: EnforcementMessage, actorId: string | null) {
  await notifyUsers(tx, { userIds: officerIds.filter((id) => id !== actorId), ...message });
}

export const taskLink = (taskId: string) => `/enforcement/tasks/${taskId}`;
export const caseLink = (caseId: string) => `/enforcement/cases/${caseId}`;
