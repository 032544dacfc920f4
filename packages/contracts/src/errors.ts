/**
 * Every error the API can answer, with its HTTP status and the Chinese message the UI shows.
 * Clients switch on `code`, never on the message text.
 */
export const ERROR_CODES = {
  VALIDATION_FAILED: { status: 400, message: '提交的数据不符合要求' },
  MALFORMED_JSON: { status: 400, message: '请求内容不是有效的 JSON' },
  BODY_TOO_LARGE: { status: 400, message: '请求内容过大' },
  UNSUPPORTED_MEDIA_TYPE: { status: 400, message: '不支持的请求内容类型' },
  BAD_REQUEST: { status: 400, message: '请求有误' },
  WEAK_PASSWORD: { status: 400, message: '密码强度不足' },
  WRONG_PASSWORD: { status: 400, message: '原密码不正确' },
  UNAUTHENTICATED: { status: 401, message: '请先登录' },
  SESSION_EXPIRED: { status: 401, message: '登录已过期，请重新登录' },
  INVALID_CREDENTIALS: { status: 401, message: '用户名或密码错误' },
  ACCOUNT_LOCKED: { status: 423, message: '登录失败次数过多，账户已临时锁定' },
  ACCOUNT_DISABLED: { status: 403, message: '账户已停用，请联系管理员' },
  PASSWORD_CHANGE_REQUIRED: { status: 403, message: '请先修改初始密码' },
  CSRF_TOKEN_INVALID: { status: 403, message: '安全校验失败，请刷新页面后重试' },
  FORBIDDEN: { status: 403, message: '没有执行此操作的权限' },
  NOT_FOUND: { status: 404, message: '记录不存在或无权访问' },
  ROUTE_NOT_FOUND: { status: 404, message: '接口不存在' },
  CONFLICT: { status: 409, message: '数据已存在，不能重复' },
  STATE_CONFLICT: { status: 409, message: '当前状态不允许此操作' },
  RATE_LIMITED: { status: 429, message: '操作过于频繁，请稍后再试' },
  INTERNAL: { status: 500, message: '服务器内部错误' },
  SERVICE_UNAVAILABLE: { status: 503, message: '服务暂不可用' },
  DEVICE_AUTH_FAILED: { status: 401, message: '设备认证失败：设备编号或密钥不正确，或设备已停用' },
  INGEST_BUSY: { status: 503, message: '监测数据接收繁忙，请稍后重试' },
  // 执法 (issue #7)
  PLAN_OVER_CAP: { status: 400, message: '计划检查次数超过年度上限，须填写理由' },
  OFFICER_NOT_ASSIGNABLE: { status: 400, message: '执法人员须为区局在用账号且已登记有效的行政执法证' },
  REINSPECTION_TOO_EARLY: { status: 409, message: '整改期限未到且企业尚未全部报告整改完成，暂不能复查' },
  TASK_HAS_OPEN_FINDINGS: { status: 409, message: '检查发现的问题尚未整改完毕，须下达责令限期整改指令书或复查合格后办结' },
  RULE_SET_VERSION_CONFLICT: { status: 409, message: '分级规则已被他人修改，请刷新后重试' },
  DOCUMENT_SETTINGS_CONFLICT: { status: 409, message: '执法文书设置已被他人修改，请刷新后重试' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details?: unknown;
  requestId: string;
}

/** One field problem inside a VALIDATION_FAILED answer. */
export interface FieldIssue {
  path: (string | number)[];
  message: string;
}
