import type { HazardDto } from '@zhiben/contracts';
import { dayjs, formatDate } from '../../lib/time';

/** Whole days from now to an instant (negative when past), in the app's days. */
function daysUntil(iso: string): number {
  return Math.ceil(dayjs(iso).diff(dayjs(), 'hour') / 24);
}

/** The deadline with the time left: 2026-05-01（剩 3 天 / 今天到期 / 已逾期 2 天）. */
export function deadlineWithLeft(hazard: Pick<HazardDto, 'deadline' | 'overdue'>): string | null {
  if (!hazard.deadline) return null;
  const days = daysUntil(hazard.deadline);
  const left = hazard.overdue ? `已逾期 ${Math.max(1, -days)} 天` : days <= 0 ? '今天到期' : `剩 ${days} 天`;
  return `${formatDate(hazard.deadline)}（${left}）`;
}

/** The same, introduced: 整改期限 2026-05-01（剩 3 天）. */
export function deadlineText(hazard: Pick<HazardDto, 'deadline' | 'overdue'>): string | null {
  const text = deadlineWithLeft(hazard);
  return text ? `整改期限 ${text}` : null;
}

/**
 * Whom the hazard waits for now (HAZARD_TRANSITIONS: major hazards are judged and accepted by the bureau,
 * general ones by the enterprise's managers and principal).
 */
export function nextStepOf(hazard: HazardDto): { title: string; detail: string | null } {
  const major = hazard.level === 'major';
  switch (hazard.status) {
    case 'pending_judgement':
      return { title: major ? '待区应急管理局判定' : '待企业安全管理人员判定', detail: null };
    case 'rectifying':
      return { title: `待整改${hazard.responsibleName ? `（责任人：${hazard.responsibleName}）` : ''}`, detail: deadlineText(hazard) };
    case 'pending_acceptance':
      return { title: major ? '待区应急管理局复查验收' : '待企业主要负责人验收', detail: null };
    case 'closed':
      return { title: hazard.dismissed ? '不构成隐患，已销号' : '已验收销号', detail: null };
  }
}
