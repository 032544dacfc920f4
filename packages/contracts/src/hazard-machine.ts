import type { Role } from './roles.js';
import type { HAZARD_LEVELS, HAZARD_STATUSES } from './self-inspection.js';

export type HazardStatus = (typeof HAZARD_STATUSES)[number];
export type HazardLevel = (typeof HAZARD_LEVELS)[number];

/**
 * The hazard lifecycle (隐患排查治理闭环): 待判定 → 整改中 → 待验收 → 已销号, 退回 back to 整改中, 挂牌督办 as an
 * overlay on major hazards. 逾期 is derived (deadline passed while not closed), not a state.
 * Who may act depends on the hazard's level: major hazards are judged and accepted by the bureau
 * (an enterprise can never close its own major hazard); general ones by the enterprise.
 */
export const HAZARD_ACTIONS = ['judge', 'dismiss', 'assign', 'submit', 'accept', 'reject', 'supervise', 'publish', 'unpublish'] as const;
export type HazardAction = (typeof HAZARD_ACTIONS)[number];

export const HAZARD_ACTION_LABELS: Record<HazardAction, string> = {
  judge: '判定并下达整改',
  dismiss: '判定不构成隐患',
  assign: '调整五落实',
  submit: '提交整改',
  accept: '验收销号',
  reject: '验收退回',
  supervise: '挂牌督办',
  publish: '向社会公布（挂牌）',
  unpublish: '公布销号（摘牌）',
};

const BUREAU: Role[] = ['bureau_admin', 'bureau_officer'];
const ENTERPRISE_MANAGERS: Role[] = ['enterprise_principal', 'enterprise_safety_manager'];

export interface HazardTransition {
  /** States the action may start from. */
  from: readonly HazardStatus[];
  /** State after the action; `null` = unchanged (an overlay or an edit). */
  to: HazardStatus | null;
  /** Roles allowed per hazard level (for judge/dismiss: the level being decided). */
  actors: Record<HazardLevel, readonly Role[]>;
  /** Evidence photos required. */
  photosRequired: Record<HazardLevel, boolean>;
  /** A note is required (why it is sent back, why it is no hazard). */
  noteRequired: boolean;
}

export const HAZARD_TRANSITIONS: Record<HazardAction, HazardTransition> = {
  judge: {
    from: ['pending_judgement'],
    to: 'rectifying',
    actors: { general: [...ENTERPRISE_MANAGERS, ...BUREAU], major: BUREAU },
    photosRequired: { general: false, major: false },
    noteRequired: false,
  },
  dismiss: {
    from: ['pending_judgement'],
    to: 'closed',
    actors: { general: [...ENTERPRISE_MANAGERS, ...BUREAU], major: BUREAU },
    photosRequired: { general: false, major: false },
    noteRequired: true,
  },
  assign: {
    from: ['rectifying'],
    to: null,
    actors: { general: [...ENTERPRISE_MANAGERS, ...BUREAU], major: [...ENTERPRISE_MANAGERS, ...BUREAU] },
    photosRequired: { general: false, major: false },
    noteRequired: false,
  },
  submit: {
    from: ['rectifying'],
    to: 'pending_acceptance',
    actors: {
      general: [...ENTERPRISE_MANAGERS, 'enterprise_staff'],
      major: [...ENTERPRISE_MANAGERS, 'enterprise_staff'],
    },
    photosRequired: { general: true, major: true },
    noteRequired: true,
  },
  accept: {
    from: ['pending_acceptance'],
    to: 'closed',
    // 复查验收: a major hazard is closed only by the bureau, with photos of the re-inspection.
    actors: { general: ['enterprise_principal', ...BUREAU], major: BUREAU },
    photosRequired: { general: false, major: true },
    noteRequired: false,
  },
  reject: {
    from: ['pending_acceptance'],
    to: 'rectifying',
    actors: { general: ['enterprise_principal', ...BUREAU], major: BUREAU },
    photosRequired: { general: false, major: false },
    noteRequired: true,
  },
  supervise: {
    from: ['pending_judgement', 'rectifying', 'pending_acceptance'],
    to: null,
    actors: { general: [], major: BUREAU },
    photosRequired: { general: false, major: false },
    noteRequired: false,
  },
  // Publication to the public page (an overlay): a judged major hazard is listed (挂牌); once it is closed, its
  // closure is announced (摘牌). Only the bureau publishes, never with personal data.
  publish: {
    from: ['rectifying', 'pending_acceptance'],
    to: null,
    actors: { general: [], major: BUREAU },
    photosRequired: { general: false, major: false },
    noteRequired: false,
  },
  unpublish: {
    from: ['closed'],
    to: null,
    actors: { general: [], major: BUREAU },
    photosRequired: { general: false, major: false },
    noteRequired: false,
  },
};

export type TransitionCheck = { ok: true; to: HazardStatus | null } | { ok: false; reason: 'state' | 'role'; message: string };

const STATUS_LABELS: Record<HazardStatus, string> = {
  pending_judgement: '待判定',
  rectifying: '整改中',
  pending_acceptance: '待验收',
  closed: '已销号',
};

/** Pure check of one transition; the service turns `state` into 409 (with the current state) and `role` into 403. */
export function checkHazardTransition(action: HazardAction, status: HazardStatus, level: HazardLevel, role: Role): TransitionCheck {
  const t = HAZARD_TRANSITIONS[action];
  if (!t.from.includes(status)) {
    return { ok: false, reason: 'state', message: `隐患当前为「${STATUS_LABELS[status]}」，不能${HAZARD_ACTION_LABELS[action]}` };
  }
  if (!t.actors[level].includes(role)) {
    const who = level === 'major' ? '重大隐患须由区应急管理局办理' : '当前角色无权办理此环节';
    return { ok: false, reason: 'role', message: `${who}（${HAZARD_ACTION_LABELS[action]}）` };
  }
  return { ok: true, to: t.to };
}

/**
 * The level that decides who may judge: 'major' when either the hazard's current level or the level being decided
 * is major. So an enterprise can neither downgrade a (suggested) major hazard nor upgrade one to major: both need
 * the bureau.
 */
export function judgingLevel(current: HazardLevel, decided: HazardLevel): HazardLevel {
  return current === 'major' || decided === 'major' ? 'major' : 'general';
}

/**
 * The actions a role could take on a hazard now (drives `abilities` in the hazard DTO). Judging and dismissing
 * are checked at the hazard's current level (see judgingLevel): a manager sees them on a general hazard only.
 */
export function availableHazardActions(status: HazardStatus, level: HazardLevel, role: Role): HazardAction[] {
  return HAZARD_ACTIONS.filter((a) => checkHazardTransition(a, status, level, role).ok);
}
