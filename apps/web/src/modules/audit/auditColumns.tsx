import type { AuditEventDto } from '@zhiben/contracts';
import { type TableColumnsType, Tooltip, Typography } from 'antd';
import { formatDateTimeSeconds } from '../../lib/time';
import { actionLabel, entityTypeLabel } from './auditLabels';

export const auditColumns: TableColumnsType<AuditEventDto> = [
  { title: '时间', dataIndex: 'occurredAt', key: 'occurredAt', width: 170, render: (v: string) => formatDateTimeSeconds(v) },
  {
    title: '操作人',
    dataIndex: 'actorUsername',
    key: 'actor',
    width: 120,
    render: (v: string | null) => v ?? <Typography.Text type="secondary">系统</Typography.Text>,
  },
  {
    title: '动作',
    dataIndex: 'action',
    key: 'action',
    width: 140,
    render: (action: string) => (
      <Tooltip title={action}>
        <span>{actionLabel(action)}</span>
      </Tooltip>
    ),
  },
  {
    title: '对象',
    key: 'entity',
    ellipsis: true,
    render: (_, e) => (
      <span>
        {entityTypeLabel(e.entityType)}{' '}
        {e.entityId && (
          <Typography.Text type="secondary" style={{ fontFamily: 'monospace', fontSize: 12 }}>
            {e.entityId}
          </Typography.Text>
        )}
      </span>
    ),
  },
  { title: 'IP', dataIndex: 'ip', key: 'ip', width: 130, render: (v: string | null) => v ?? '—' },
  {
    title: '请求编号',
    dataIndex: 'requestId',
    key: 'requestId',
    width: 170,
    ellipsis: true,
    render: (v: string | null) =>
      v ? (
        <Typography.Text type="secondary" style={{ fontFamily: 'monospace', fontSize: 12 }}>
          {v}
        </Typography.Text>
      ) : (
        '—'
      ),
  },
];
