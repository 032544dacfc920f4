import { type Executor, schema } from '@zhiben/db';

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
}

/** Writes in-app notifications inside the caller's transaction; duplicates (same user + key) are dropped. */
export async function notifyUsers(tx: Executor, input: NotificationInput): Promise<number> {
  const userIds = [...new Set(input.userIds)];
  if (userIds.length === 0) return 0;
  const rows = await tx
    .insert(schema.notifications)
    .values(
      userIds.map((userId) => ({
        userId,
        kind: input.kind,
        title: input.title,
        body: input.body,
        link: input.link ?? null,
        entityType: input.entityType ?? null,
        entityId: input.entityId ?? null,
        dedupeKey: input.dedupeKey,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: schema.notifications.id });
  return rows.length;
}
