import { type OfficerDto, ROLE_PERMISSIONS, ROLES, type Role } from '@zhiben/contracts';
import { type Executor, schema } from '@zhiben/db';
import { shanghaiDate } from '@zhiben/domain';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { mutateAs, type ServiceContext } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { officerCertificates } from './tables.js';

/** Roles whose holders may be assigned to an inspection: bureau roles holding `enforcement.inspect` (data, roles.ts). */
export const OFFICER_ROLES: Role[] = ROLES.filter(
  (r) => ROLE_PERMISSIONS[r].includes('enforcement.inspect') && !r.startsWith('enterprise'),
);

const { users } = schema;

async function officerRows(db: Executor, ids?: readonly string[]) {
  return db
    .select({
      id: users.id,
      displayName: users.displayName,
      username: users.username,
      certificateNo: officerCertificates.certificateNo,
      validUntil: officerCertificates.validUntil,
    })
    .from(users)
    .leftJoin(officerCertificates, eq(officerCertificates.userId, users.id))
    .where(
      and(
        inArray(users.role, OFFICER_ROLES),
        eq(users.status, 'active'),
        sql`${users.enterpriseId} is null`,
        ids ? inArray(users.id, [...ids]) : undefined,
      ),
    )
    .orderBy(asc(users.displayName), asc(users.id));
}

const toDto = (r: Awaited<ReturnType<typeof officerRows>>[number], today: string): OfficerDto => ({
  ...r,
  assignable: r.certificateNo !== null && (r.validUntil === null || r.validUntil >= today),
});

export async function listOfficers(ctx: ServiceContext): Promise<{ items: OfficerDto[]; total: number }> {
  const today = shanghaiDate(ctx.clock());
  const items = (await officerRows(ctx.db)).map((r) => toDto(r, today));
  return { items, total: items.length };
}

/**
 * 行政处罚法 第四十二条: 执法人员不得少于两人，并应当主动出示执法证件. Every officer named must be an active bureau
 * account that may inspect and holds a certificate valid today; 400 naming the ones that are not.
 */
export async function assertAssignable(db: Executor, ids: readonly string[], now: Date, field = 'officerIds'): Promise<void> {
  const today = shanghaiDate(now);
  const usable = new Set(
    (await officerRows(db, ids))
      .map((r) => toDto(r, today))
      .filter((o) => o.assignable)
      .map((o) => o.id),
  );
  const bad = ids.filter((id) => !usable.has(id));
  if (bad.length > 0) {
    throw new AppError('OFFICER_NOT_ASSIGNABLE', undefined, {
      issues: [{ path: ['body', field], message: '执法人员须为区局在用账号且已登记有效的行政执法证' }],
      officerIds: bad,
    });
  }
}

/** Registers or renews an officer's certificate (行政执法证号 and validity). */
export async function saveCertificate(
  ctx: ServiceContext,
  userId: string,
  body: { certificateNo: string; validUntil?: string | null | undefined },
): Promise<OfficerDto> {
  const [officer] = await officerRows(ctx.db, [userId]);
  if (!officer) throw notFound();
  const now = ctx.clock();
  await mutateAs(ctx, async (tx) => {
    await tx
      .insert(officerCertificates)
      .values({ userId, certificateNo: body.certificateNo, validUntil: body.validUntil ?? null, updatedAt: now })
      .onConflictDoUpdate({
        target: officerCertificates.userId,
        set: { certificateNo: body.certificateNo, validUntil: body.validUntil ?? null, updatedAt: now },
      });
    return {
      result: undefined,
      audit: {
        action: 'enforcement.certificate_saved',
        entityType: 'officer',
        entityId: userId,
        before: { certificateNo: officer.certificateNo, validUntil: officer.validUntil },
        after: { certificateNo: body.certificateNo, validUntil: body.validUntil ?? null },
      },
    };
  });
  const [saved] = await officerRows(ctx.db, [userId]);
  if (!saved) throw notFound();
  return toDto(saved, shanghaiDate(now));
}

/** Display names of some users (officers on a task). */
export async function namesOf(db: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(inArray(users.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}
