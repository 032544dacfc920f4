import { z } from 'zod';
import { listQuery, phoneSchema, uuidSchema } from './common.js';
import { ROLES } from './roles.js';

export const USER_STATUSES = ['active', 'disabled'] as const;
export const USER_STATUS_LABELS: Record<(typeof USER_STATUSES)[number], string> = {
  active: '正常',
  disabled: '已停用',
};

export const userAbilities = z.object({
  update: z.boolean(),
  resetPassword: z.boolean(),
});

export const userDto = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  enterpriseId: z.string().nullable(),
  enterpriseName: z.string().nullable(),
  regionId: z.string().nullable(),
  regionName: z.string().nullable(),
  phone: z.string().nullable(),
  status: z.enum(USER_STATUSES),
  mustChangePassword: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  abilities: userAbilities,
});
export type UserDto = z.infer<typeof userDto>;

const username = z
  .string()
  .trim()
  .regex(/^[a-zA-Z][a-zA-Z0-9_.-]{2,31}$/, { error: '用户名须以字母开头，3–32 位字母、数字、下划线、点或横线' });

export const createUserBody = z.strictObject({
  username,
  displayName: z.string().trim().min(1, { error: '请输入姓名' }).max(50),
  role: z.enum(ROLES, { error: '角色不正确' }),
  enterpriseId: uuidSchema.nullish(),
  regionId: uuidSchema.nullish(),
  phone: phoneSchema.nullish(),
  password: z.string().min(1, { error: '请输入初始密码' }).max(128),
});
export type CreateUserBody = z.infer<typeof createUserBody>;

export const updateUserBody = z.strictObject({
  displayName: z.string().trim().min(1, { error: '请输入姓名' }).max(50).optional(),
  role: z.enum(ROLES, { error: '角色不正确' }).optional(),
  enterpriseId: uuidSchema.nullish(),
  regionId: uuidSchema.nullish(),
  phone: phoneSchema.nullish(),
  status: z.enum(USER_STATUSES).optional(),
});
export type UpdateUserBody = z.infer<typeof updateUserBody>;

export const resetPasswordBody = z.strictObject({
  newPassword: z.string().min(1, { error: '请输入新密码' }).max(128),
});

export const userListQuery = listQuery.extend({
  role: z.enum(ROLES).optional(),
  status: z.enum(USER_STATUSES).optional(),
  enterpriseId: uuidSchema.optional(),
});
