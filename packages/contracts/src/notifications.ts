import { z } from 'zod';
import type { HAZARD_LEVELS } from './self-inspection.js';

/**
 * The notification centre (in-app notifications + SSE), the to-do list and the outgoing channels (WeCom /
 * DingTalk robot webhooks, e-mail). Shared by every module: others write notifications through the server's
 * `notifyUsers`, and the escalation rules are data (table `escalation_rules`).
 */

export const notificationDto = z.object({
  id: z.string(),
  /** e.g. `hazard_escalation`, `quarter_reminder`; modules add their own. */
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type NotificationDto = z.infer<typeof notificationDto>;

export const notificationListQuery = z.object({
  unread: z.enum(['true', 'false'], { error: '只能是 true 或 false' }).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type NotificationListQuery = z.infer<typeof notificationListQuery>;

export const notificationListResponse = z.object({
  items: z.array(notificationDto),
  total: z.number().int(),
  /** Unread count of the caller (the bell badge), whatever the filter. */
  unread: z.number().int(),
});

export const readAllBody = z.strictObject({
  /** Marks only notifications created up to this instant (what the user has seen); default: all. */
  upTo: z.iso.datetime({ offset: true, error: '时间格式不正确' }).optional(),
});
export type ReadAllBody = z.infer<typeof readAllBody>;
export const readAllResponse = z.object({ updated: z.number().int() });

export const notificationStreamQuery = z.object({
  /** `true`: send the snapshot event and close (polling fallback for proxies that buffer streams). */
  once: z.enum(['true', 'false'], { error: '只能是 true 或 false' }).optional(),
});

/** Events on `GET /api/v1/notifications/stream` (`data:` of each server-sent event, JSON). */
export type NotificationStreamEvent =
  | { type: 'hello'; unread: number }
  | { type: 'notification'; notification: NotificationDto }
  /** The live feed was interrupted (database reconnect): refetch the list. */
  | { type: 'resync' };

// ——— to-do list ———

export const TODO_KINDS = [
  'hazard_judge',
  'hazard_rectify',
  'hazard_accept',
  'hazard_overdue',
  'inspection_open',
  'quarter_round',
  // 执法 (issue #7): an officer's task to start or finish, an order due for 复查; an enterprise's open order.
  'enforcement_task',
  'enforcement_reinspect',
  'enforcement_order',
  // 监测报警 (issue #6): alarms to acknowledge or report on; for the township and the bureau, those escalated to them.
  'alarm_pending',
  'alarm_dispose',
  'alarm_escalated',
] as const;
export type TodoKind = (typeof TODO_KINDS)[number];
export const TODO_KIND_LABELS: Record<TodoKind, string> = {
  hazard_judge: '待判定隐患',
  hazard_rectify: '待整改隐患',
  hazard_accept: '待验收隐患',
  hazard_overdue: '逾期隐患督促',
  inspection_open: '未完成的自查',
  quarter_round: '主要负责人季度带队检查',
  enforcement_task: '执法检查任务',
  enforcement_reinspect: '待整改复查',
  enforcement_order: '责令限期整改',
  alarm_pending: '待响应报警',
  alarm_dispose: '待提交处置报告的报警',
  alarm_escalated: '超时未响应报警',
};

export const todoDto = z.object({
  kind: z.enum(TODO_KINDS),
  title: z.string(),
  link: z.string(),
  due: z.string().nullable(),
  overdue: z.boolean(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
});
export type TodoDto = z.infer<typeof todoDto>;
export const todoListResponse = z.object({ items: z.array(todoDto), total: z.number().int() });

// ——— escalation rules (data) ———

export const ESCALATION_RECIPIENTS = ['responsible', 'principal', 'township', 'bureau'] as const;
export type EscalationRecipient = (typeof ESCALATION_RECIPIENTS)[number];
export const ESCALATION_RECIPIENT_LABELS: Record<EscalationRecipient, string> = {
  responsible: '整改责任人',
  principal: '企业主要负责人',
  township: '属地乡镇（街道）监管人员',
  bureau: '区应急管理局',
};

export interface EscalationRuleData {
  level: (typeof HAZARD_LEVELS)[number];
  recipient: EscalationRecipient;
  /** Hours relative to the rectification deadline (negative = before it). */
  offsetHours: number;
  /** Repeat every N hours until someone acts (0 = once). */
  repeatHours: number;
  source: string;
}

// ——— outgoing channels ———

export const CHANNEL_KINDS = ['wecom', 'dingtalk', 'email'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];
export const CHANNEL_KIND_LABELS: Record<ChannelKind, string> = { wecom: '企业微信群机器人', dingtalk: '钉钉群机器人', email: '电子邮件' };

/** `bureau`, a region path (`140404/140404001/`) or an enterprise id. */
const channelOwner = z
  .string()
  .trim()
  .refine((v) => v === 'bureau' || /^(\d+\/)+$/.test(v) || z.uuid().safeParse(v).success, {
    error: '接收方应为 bureau（区局）、区划路径或企业编号',
  });

function targetProblem(kind: ChannelKind, target: string): string | null {
  if (kind === 'email') return z.email().safeParse(target).success ? null : '邮箱地址格式不正确';
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return 'Webhook 地址不是有效的网址';
  }
  if (url.protocol !== 'https:') return 'Webhook 地址必须以 https:// 开头';
  if (url.username || url.password) return 'Webhook 地址不能包含用户名或密码';
  if (url.hash) return 'Webhook 地址不能包含 # 片段';
  if (kind === 'wecom' && !url.searchParams.get('key')) return '企业微信机器人地址应包含 key 参数（…/cgi-bin/webhook/send?key=…）';
  if (kind === 'dingtalk' && !url.searchParams.get('access_token'))
    return '钉钉机器人地址应包含 access_token 参数（…/robot/send?access_token=…）';
  return null;
}

const checkTarget = (value: { kind?: ChannelKind | undefined; target?: string | undefined }, ctx: z.RefinementCtx) => {
  if (!value.kind || value.target === undefined) return;
  const problem = targetProblem(value.kind, value.target);
  if (problem) ctx.addIssue({ code: 'custom', path: ['target'], message: problem });
};

export const createChannelBody = z
  .strictObject({
    owner: channelOwner,
    kind: z.enum(CHANNEL_KINDS, { error: '渠道类型只能是 wecom、dingtalk 或 email' }),
    target: z.string().trim().min(1, { error: '请填写地址' }).max(500),
    active: z.boolean().default(true),
  })
  .superRefine(checkTarget);
export type CreateChannelBody = z.infer<typeof createChannelBody>;

/** The kind cannot change (a new kind is a new channel); a new target is validated against the current kind. */
export const updateChannelBody = z
  .strictObject({
    target: z.string().trim().min(1, { error: '请填写地址' }).max(500).optional(),
    active: z.boolean().optional(),
  })
  .refine((v) => v.target !== undefined || v.active !== undefined, { error: '没有要修改的内容' });
export type UpdateChannelBody = z.infer<typeof updateChannelBody>;

export { targetProblem as channelTargetProblem };

export const channelDto = z.object({
  id: z.string(),
  owner: z.string(),
  ownerName: z.string(),
  kind: z.enum(CHANNEL_KINDS),
  /** The webhook's secret (key / access_token) is masked; e-mail addresses are shown. */
  target: z.string(),
  active: z.boolean(),
  createdAt: z.string(),
});
export type ChannelDto = z.infer<typeof channelDto>;
export const channelListResponse = z.object({ items: z.array(channelDto), total: z.number().int() });
