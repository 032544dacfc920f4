import {
  availableHazardActions,
  checkHazardTransition,
  HAZARD_ACTION_LABELS,
  HAZARD_TRANSITIONS,
  type HazardAction,
  type HazardLevel,
  type HazardStatus,
  type Permission,
} from '@zhiben/contracts';
import { AppError } from '../../platform/errors.js';
import { can, type Principal } from '../../platform/principal.js';

/** The permission each action needs on top of the state machine's role table (role → permission stays data). */
export const ACTION_PERMISSION: Record<HazardAction, Permission> = {
  judge: 'hazards.manage',
  dismiss: 'hazards.manage',
  assign: 'hazards.manage',
  submit: 'hazards.manage',
  accept: 'hazards.manage',
  reject: 'hazards.manage',
  supervise: 'hazards.manage',
  publish: 'hazards.publish',
  unpublish: 'hazards.publish',
};

/** Actions the principal may take on a hazard in this state and level. */
export function allowedActions(principal: Principal, status: HazardStatus, level: HazardLevel): Set<HazardAction> {
  return new Set(availableHazardActions(status, level, principal.role).filter((a) => can(principal, ACTION_PERMISSION[a])));
}

/**
 * Enforces HAZARD_TRANSITIONS: a state that does not allow the action → 409 STATE_CONFLICT with the current state
 * in `details`; a role the table does not list for the level → 403. Returns the state after the action
 * (`null` = unchanged: an overlay or an edit).
 */
export function authorize(principal: Principal, action: HazardAction, status: HazardStatus, level: HazardLevel): HazardStatus | null {
  const check = checkHazardTransition(action, status, level, principal.role);
  if (!check.ok) {
    if (check.reason === 'state') throw new AppError('STATE_CONFLICT', check.message, { currentStatus: status, action });
    if (HAZARD_TRANSITIONS[action].actors[level].length === 0) {
      throw new AppError('FORBIDDEN', `${HAZARD_ACTION_LABELS[action]}仅适用于重大隐患`);
    }
    throw new AppError('FORBIDDEN', check.message);
  }
  if (!can(principal, ACTION_PERMISSION[action])) throw new AppError('FORBIDDEN');
  return check.to;
}

/** The evidence the table requires for the action at this level (400 when missing). */
export function requireEvidence(action: HazardAction, level: HazardLevel, evidence: { note?: string | null; photos?: string[] }) {
  const t = HAZARD_TRANSITIONS[action];
  if (t.photosRequired[level] && (evidence.photos?.length ?? 0) === 0) {
    const message = action === 'accept' ? '重大隐患复查验收须上传现场照片' : '请上传照片';
    throw new AppError('VALIDATION_FAILED', message, { issues: [{ path: ['body', 'photos'], message }] });
  }
  if (t.noteRequired && !evidence.note?.trim()) {
    throw new AppError('VALIDATION_FAILED', '请填写说明', { issues: [{ path: ['body', 'note'], message: '请填写说明' }] });
  }
}
