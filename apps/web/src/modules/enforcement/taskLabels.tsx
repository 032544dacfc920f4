import { INSPECTION_TASK_STATUS_LABELS, type InspectionTaskStatus } from '@zhiben/contracts';
import { Tag } from 'antd';

const STATUS_COLORS: Record<InspectionTaskStatus, string> = {
  scheduled: 'default',
  in_progress: 'processing',
  rectifying: 'warning',
  closed: 'success',
  cancelled: 'default',
};

export function TaskStatusTag({ status }: { status: InspectionTaskStatus }) {
  return (
    <Tag color={STATUS_COLORS[status]} data-status={status}>
      {INSPECTION_TASK_STATUS_LABELS[status]}
    </Tag>
  );
}
