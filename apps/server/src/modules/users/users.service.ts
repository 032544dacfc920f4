import {
  type CreateUserBody,
  ENTERPRISE_MANAGED_ROLES,
  type ListResult,
  passwordProblems,
  ROLE_SIDE,
  type Role,
  type UpdateUserBody,
  type UserDto,
} from '@zhiben/contracts';
import type { Executor } from '@zhiben/db';
import { schema } from '@zhiben/db';
import { eq } from 'drizzle-orm';
import { mutateAs, type ServiceContext } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { hashPassword } from '../../platform/passwords.js';
import { destroyUserSessions } from '../../platform/sessions.js';
import { auditViewOfUser, canManage, toUserDto } from './users.mapper.js';
import { findUser, listUsers, type UserFilter, usernameTaken } from './users.repository.js';

export async function list(ctx: ServiceContext, filter: UserFilter): Promise<ListResult<UserDto>> {
  const { rows, total } = await listUsers(ctx.db, ctx.principal.scope, filter);
  return { items: rows.map((r) => toUserDto(r, ctx.principal)), total };
}

export async function get(ctx: ServiceContext, id: string): Promise<UserDto> {
  const row = await findUser(ctx.db, ctx.principal.scope, id);
  if (!row) throw notFound();
  return toUserDto(row, ctx.principal);
}

function fieldError(field: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', message, { issues: [{ path: ['body', field], message }] });
}

/** Checks that an account's role, enterprise and region fit together and exist. */
async function checkAttachment(
  tx: Executor,
  role: Role,
  enterpriseId: string | null | undefined,
  regionId: string | null | undefined,
): Promise<void> {
  const side = ROLE_SIDE[role];
  if (side === 'enterprise') {
    if (!enterpriseId) throw fieldError('enterpriseId', '企业用户必须选择所属企业');
    const [e] = await tx.select({ id: schema.enterprises.id }).from(schema.enterprises).where(eq(schema.enterprises.id, enterpriseId));
    if (!e) throw fieldError('enterpriseId', '所选企业不存在');
  } else if (enterpriseId) {
    throw fieldError('enterpriseId', '非企业角色不能关联企业');
  }
  if (side === 'township') {
    if (!regionId) throw fieldError('regionId', '乡镇（街道）监管人员必须选择所属乡镇（街道）或园区');
    const [r] = await tx.select({ kind: schema.regions.kind }).from(schema.regions).where(eq(schema.regions.id, regionId));
    if (!r) throw fieldError('regionId', '所选区划不存在');
    if (r.kind === 'district') throw fieldError('regionId', '请选择乡镇（街道）或园区，而不是整个区');
  } else if (regionId) {
    throw fieldError('regionId', '只有乡镇（街道）监管人员需要选择区划');
  }
}

function assertStrong(password: string, username: string) {
  const problems = passwordProblems(password, username);
  if (problems.length > 0) throw new AppError('WEAK_PASSWORD', `密码强度不足：${problems.join('；')}`, { problems });
}

export async function create(ctx: ServiceContext, body: CreateUserBody, demo: boolean): Promise<UserDto> {
  const { principal } = ctx;
  let enterpriseId = body.enterpriseId ?? null;
  if (principal.scope.kind === 'enterprise') {
    // An enterprise principal creates only his own staff accounts.
    if (!ENTERPRISE_MANAGED_ROLES.includes(body.role)) throw new AppError('FORBIDDEN', '企业负责人只能创建本企业安全管理人员和员工账号');
    if (enterpriseId && enterpriseId !== principal.scope.enterpriseId) throw new AppError('FORBIDDEN', '只能为本企业创建账号');
    enterpriseId = principal.scope.enterpriseId;
  } else if (principal.scope.kind !== 'all') {
    throw new AppError('FORBIDDEN');
  }
  assertStrong(body.password, body.username);
  const passwordHash = await hashPassword(body.password);

  const id = await mutateAs(ctx, async (tx) => {
    await checkAttachment(tx, body.role, enterpriseId, body.regionId);
    if (await usernameTaken(tx, body.username)) throw new AppError('CONFLICT', `用户名「${body.username}」已被使用`);
    const values = {
      username: body.username,
      displayName: body.displayName,
      role: body.role,
      enterpriseId,
      regionId: body.regionId ?? null,
      phone: body.phone ?? null,
      passwordHash,
      status: 'active',
      // Outside demo mode an initial password set by someone else must be changed at first login.
      mustChangePassword: !demo,
    };
    const [created] = await tx.insert(schema.users).values(values).returning({ id: schema.users.id });
    if (!created) throw new AppError('INTERNAL');
    return {
      result: created.id,
      audit: { action: 'users.created', entityType: 'user', entityId: created.id, enterpriseId, after: auditViewOfUser(values) },
    };
  });
  return get(ctx, id);
}

export async function update(ctx: ServiceContext, id: string, body: UpdateUserBody): Promise<UserDto> {
  const { principal } = ctx;
  await mutateAs(ctx, async (tx) => {
    const current = await findUser(tx, principal.scope, id);
    if (!current) throw notFound();
    if (!canManage(principal, current)) throw new AppError('FORBIDDEN', '无权修改此账号');
    const role = body.role ?? (current.role as Role);
    if (principal.scope.kind === 'enterprise') {
      if (!ENTERPRISE_MANAGED_ROLES.includes(role)) throw new AppError('FORBIDDEN', '企业负责人只能设置安全管理人员或员工角色');
      if (body.enterpriseId && body.enterpriseId !== principal.scope.enterpriseId) throw new AppError('FORBIDDEN', '只能管理本企业账号');
    }
    if (id === principal.userId && body.status === 'disabled') throw new AppError('BAD_REQUEST', '不能停用自己的账号');
    if (id === principal.userId && body.role && body.role !== current.role) throw new AppError('BAD_REQUEST', '不能修改自己的角色');
    const enterpriseId = body.enterpriseId !== undefined ? body.enterpriseId : current.enterpriseId;
    const regionId = body.regionId !== undefined ? body.regionId : current.regionId;
    const side = ROLE_SIDE[role];
    const next = {
      displayName: body.displayName ?? current.displayName,
      role,
      enterpriseId: side === 'enterprise' ? enterpriseId : null,
      regionId: side === 'township' ? regionId : null,
      phone: body.phone !== undefined ? body.phone : current.phone,
      status: body.status ?? current.status,
    };
    await checkAttachment(tx, role, next.enterpriseId, next.regionId);
    await tx.update(schema.users).set(next).where(eq(schema.users.id, id));
    // A disabled account or a changed role/attachment must not keep sessions granted under the old rights.
    if (
      next.status !== current.status ||
      next.role !== current.role ||
      next.enterpriseId !== current.enterpriseId ||
      next.regionId !== current.regionId
    ) {
      await destroyUserSessions(tx, id);
    }
    return {
      result: undefined,
      audit: {
        action: 'users.updated',
        entityType: 'user',
        entityId: id,
        enterpriseId: next.enterpriseId ?? current.enterpriseId,
        before: auditViewOfUser(current),
        after: auditViewOfUser({ ...current, ...next }),
      },
    };
  });
  return get(ctx, id);
}

export async function resetPassword(ctx: ServiceContext, id: string, newPassword: string, demo: boolean): Promise<UserDto> {
  const { principal } = ctx;
  const target = await findUser(ctx.db, principal.scope, id);
  if (!target) throw notFound();
  if (!canManage(principal, target)) throw new AppError('FORBIDDEN', '无权重置此账号密码');
  assertStrong(newPassword, target.username);
  const passwordHash = await hashPassword(newPassword);
  await mutateAs(ctx, async (tx) => {
    await tx
      .update(schema.users)
      .set({ passwordHash, mustChangePassword: !demo, failedAttempts: 0, lockedUntil: null, passwordChangedAt: ctx.clock() })
      .where(eq(schema.users.id, id));
    await destroyUserSessions(tx, id);
    return {
      result: undefined,
      audit: { action: 'users.password_reset', entityType: 'user', entityId: id, enterpriseId: target.enterpriseId },
    };
  });
  return get(ctx, id);
}
