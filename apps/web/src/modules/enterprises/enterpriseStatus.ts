import { ENTERPRISE_STATUS_LABELS, type EnterpriseDto } from '@zhiben/contracts';

/** Tag colours of 生产状态 (UI.md: green = normal/done, orange = needs attention). */
export const ENTERPRISE_STATUS_COLORS: Record<EnterpriseDto['status'], string> = {
  operating: 'green',
  suspended: 'orange',
  closed: 'default',
  preparing: 'blue',
};

export function enterpriseStatusLabel(status: EnterpriseDto['status']): string {
  return ENTERPRISE_STATUS_LABELS[status] ?? status;
}
