import type { Role, Scope, UserDto } from '@zhiben/contracts';
import type { Executor } from '@zhiben/db';
import { schema } from '@zhiben/db';
import { and, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import { likeContains, orderBy, pageOf } from '../../platform/listing.js';
import { enterpriseIdScope } from '../../platform/scope.js';

const { users, enterprises, regions } = schema;

/** Users visible in a scope: all for the bureau; an enterprise's own accounts for its principal. */
function userScope(scope: Scope): SQL {
  return scope.kind === 'all' ? sql`true` : enterpriseIdScope(scope, users.enterpriseId);
}

const selection = {
  user: users,
  enterpriseName: enterprises.name,
  regionName: regions.name,
};

export type UserRow = typeof users.$inferSelect & { enterpriseName: string | null; regionName: string | null };

export interface UserFilter {
  q?: string | undefined;
  role?: Role | undefined;
  status?: string | undefined;
  enterpriseId?: string | undefined;
  sort?: string | undefined;
  page: number;
  pageSize: number;
}

export async function listUsers(db: Executor, scope: Scope, filter: UserFilter): Promise<{ rows: UserRow[]; total: number }> {
  const conditions: SQL[] = [userScope(scope)];
  if (filter.q) {
    const pattern = likeContains(filter.q);
    conditions.push(or(ilike(users.username, pattern), ilike(users.displayName, pattern), ilike(users.phone, pattern)) as SQL);
  }
  if (filter.role) conditions.push(eq(users.role, filter.role));
  if (filter.status) conditions.push(eq(users.status, filter.status));
  if (filter.enterpriseId) conditions.push(eq(users.enterpriseId, filter.enterpriseId));
  const where = and(...conditions);
  const { limit, offset } = pageOf(filter);
  const [rows, count] = await Promise.all([
    db
      .select(selection)
      .from(users)
      .leftJoin(enterprises, eq(enterprises.id, users.enterpriseId))
      .leftJoin(regions, eq(regions.id, users.regionId))
      .where(where)
      .orderBy(
        ...orderBy(
          filter.sort,
          {
            username: users.username,
            displayName: users.displayName,
            role: users.role,
            createdAt: users.createdAt,
            lastLoginAt: users.lastLoginAt,
          },
          [sql`${users.createdAt} desc`, sql`${users.id}`],
        ),
      )
      .limit(limit)
      .offset(offset),
    db.select({ n: sql<number>`count(*)::int` }).from(users).where(where),
  ]);
  return { rows: rows.map(flatten), total: count[0]?.n ?? 0 };
}

/** One user by id within the scope; undefined when absent *or* outside the scope (the caller answers 404). */
export async function findUser(db: Executor, scope: Scope, id: string): Promise<UserRow | undefined> {
  const rows = await db
    .select(selection)
    .from(users)
    .leftJoin(enterprises, eq(enterprises.id, users.enterpriseId))
    .leftJoin(regions, eq(regions.id, users.regionId))
    .where(and(eq(users.id, id), userScope(scope)))
    .limit(1);
  return rows[0] ? flatten(rows[0]) : undefined;
}

export async function usernameTaken(db: Executor, username: string): Promise<boolean> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(sql`lower(${users.username})`, username.toLowerCase()))
    .limit(1);
  return rows.length > 0;
}

function flatten(row: { user: typeof users.$inferSelect; enterpriseName: string | null; regionName: string | null }): UserRow {
  return { ...row.user, enterpriseName: row.enterpriseName, regionName: row.regionName };
}

export type { UserDto };
