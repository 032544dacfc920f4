import { EMPLOYEE_REPORT_STATUS_LABELS, type EmployeeReportStatus } from '@zhiben/contracts';
import { Tag } from 'antd';

/** UI.md status colours: 待处理 (待核实) orange, done (属实) green; closed without a hazard stays neutral. */
export const REPORT_STATUS_COLORS: Record<EmployeeReportStatus, string> = {
  submitted: 'orange',
  confirmed: 'green',
  rejected: 'default',
  duplicate: 'default',
};

export function ReportStatusTag({ status }: { status: EmployeeReportStatus }) {
  return (
    <Tag color={REPORT_STATUS_COLORS[status]} data-testid="report-status" data-status={status}>
      {EMPLOYEE_REPORT_STATUS_LABELS[status]}
    </Tag>
  );
}

const YUAN = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Money is stored in integer fen; UI.md shows 元 with two decimals and thousands separators. */
export function formatYuan(fen: number): string {
  return `${YUAN.format(fen / 100)} 元`;
}

/** 元 typed into a form (up to two decimals) as integer fen, without floating-point drift (0.29 × 100 ≠ 29). */
export function yuanToFen(yuan: number): number {
  return Math.round(yuan * 100);
}
