import { z } from 'zod';
import { listQuery } from './common.js';

export const auditEventDto = z.object({
  id: z.string(),
  seq: z.number().int(),
  occurredAt: z.string(),
  actorId: z.string().nullable(),
  actorUsername: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  enterpriseId: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
});
export type AuditEventDto = z.infer<typeof auditEventDto>;

export const auditListQuery = listQuery.extend({
  actor: z.string().trim().max(64).optional(),
  entityType: z.string().trim().max(64).optional(),
  entityId: z.string().trim().max(64).optional(),
  action: z.string().trim().max(64).optional(),
  from: z.iso.datetime({ offset: true, error: '开始时间格式不正确' }).optional(),
  to: z.iso.datetime({ offset: true, error: '结束时间格式不正确' }).optional(),
});
export type AuditListQuery = z.infer<typeof auditListQuery>;

/** Chinese labels for audit actions shown in timelines; unknown actions fall back to the raw key. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'auth.login': '登录',
  'auth.login_failed': '登录失败',
  'auth.logout': '退出登录',
  'auth.password_changed': '修改密码',
  'users.created': '新建用户',
  'users.updated': '修改用户',
  'users.password_reset': '重置密码',
  'enterprises.created': '新建企业',
  'enterprises.updated': '修改企业',
  'enterprises.imported': '导入企业台账',
};
