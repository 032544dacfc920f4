import { z } from 'zod';
import { PERMISSIONS, ROLES } from './roles.js';

export const loginBody = z.strictObject({
  username: z.string().trim().min(1, { error: '请输入用户名' }).max(64),
  password: z.string().min(1, { error: '请输入密码' }).max(128),
});
export type LoginBody = z.infer<typeof loginBody>;

export const scopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }),
  z.object({ kind: z.literal('region'), regionId: z.string(), regionPath: z.string(), regionName: z.string() }),
  z.object({ kind: z.literal('enterprise'), enterpriseId: z.string(), enterpriseName: z.string() }),
]);
export type Scope = z.infer<typeof scopeSchema>;

export const meResponse = z.object({
  user: z.object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    mustChangePassword: z.boolean(),
  }),
  roles: z.array(z.enum(ROLES)),
  scope: scopeSchema,
  permissions: z.array(z.enum(PERMISSIONS)),
  csrfToken: z.string(),
  demo: z.boolean(),
});
export type MeResponse = z.infer<typeof meResponse>;

/**
 * Password rule: at least 8 characters with at least three of: lower case, upper case, digits, symbols;
 * and not containing the username. Returns the Chinese reasons it fails (empty when strong enough).
 */
export function passwordProblems(password: string, username?: string): string[] {
  const problems: string[] = [];
  if (password.length < 8) problems.push('密码长度至少 8 位');
  if (password.length > 128) problems.push('密码长度不能超过 128 位');
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) problems.push('密码须包含大写字母、小写字母、数字、符号中的至少三类');
  if (username && username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) {
    problems.push('密码不能包含用户名');
  }
  return problems;
}

export const changePasswordBody = z.strictObject({
  currentPassword: z.string().min(1, { error: '请输入原密码' }).max(128),
  newPassword: z.string().min(1, { error: '请输入新密码' }).max(128),
});
export type ChangePasswordBody = z.infer<typeof changePasswordBody>;
