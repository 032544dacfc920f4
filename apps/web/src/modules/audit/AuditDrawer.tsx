import type { AuditEventDto } from '@zhiben/contracts';
import { Descriptions, Drawer, Empty, Flex, Grid, Switch, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { formatDateTimeSeconds } from '../../lib/time';
import { AuditValue } from './AuditValue';
import { diffSnapshots, type FieldChange } from './auditDiff';
import { actionLabel, entityTypeLabel, fieldLabel } from './auditLabels';

/** One audit event: who did what to which record, and the fields before and after, changes highlighted. */
export function AuditDrawer({ event, onClose }: { event: AuditEventDto | undefined; onClose: () => void }) {
  const screens = Grid.useBreakpoint();
  const [changedOnly, setChangedOnly] = useState(false);
  const changes = useMemo(() => (event ? diffSnapshots(event.before, event.after) : []), [event]);
  const shown = changedOnly ? changes.filter((c) => c.changed) : changes;
  const changedCount = changes.filter((c) => c.changed).length;
  const entityType = event?.entityType ?? '';

  const columns: TableColumnsType<FieldChange> = [
    {
      title: '字段',
      dataIndex: 'key',
      key: 'key',
      width: 150,
      render: (key: string, row) => (
        <Flex vertical>
          <span>{fieldLabel(entityType, key)}</span>
          {row.changed && event?.before != null && event.after != null && (
            <Tag color="gold" style={{ width: 'fit-content', marginTop: 2 }}>
              已变更
            </Tag>
          )}
        </Flex>
      ),
    },
    { title: '变更前', key: 'before', render: (_, row) => <AuditValue entityType={entityType} field={row.key} value={row.before} /> },
    { title: '变更后', key: 'after', render: (_, row) => <AuditValue entityType={entityType} field={row.key} value={row.after} /> },
  ];

  return (
    <Drawer
      title={event ? `审计记录 #${event.seq}：${actionLabel(event.action)}` : '审计记录'}
      open={!!event}
      onClose={onClose}
      size={screens.md ? 720 : '100%'}
      destroyOnHidden
      data-testid="audit-drawer"
    >
      {event && (
        <Flex vertical gap={20}>
          <Descriptions
            bordered
            size="small"
            column={1}
            styles={{ label: { width: 120 } }}
            items={[
              { key: 'time', label: '时间', children: formatDateTimeSeconds(event.occurredAt) },
              { key: 'actor', label: '操作人', children: event.actorUsername ?? '系统' },
              {
                key: 'action',
                label: '动作',
                children: (
                  <>
                    {actionLabel(event.action)} <Typography.Text type="secondary">（{event.action}）</Typography.Text>
                  </>
                ),
              },
              { key: 'entity', label: '对象', children: `${entityTypeLabel(event.entityType)} ${event.entityId ?? ''}` },
              ...(event.enterpriseId ? [{ key: 'enterprise', label: '所属企业编号', children: event.enterpriseId }] : []),
              { key: 'ip', label: 'IP 地址', children: event.ip ?? '—' },
              {
                key: 'request',
                label: '请求编号',
                children: event.requestId ? <Typography.Text copyable>{event.requestId}</Typography.Text> : '—',
              },
            ]}
          />
          <div>
            <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
              <Typography.Title level={5} style={{ margin: 0 }}>
                字段变化{changes.length > 0 && event.before != null && event.after != null ? `（${changedCount} 项变更）` : ''}
              </Typography.Title>
              {changes.length > 0 && (
                <Flex align="center" gap={6}>
                  <Switch size="small" checked={changedOnly} onChange={setChangedOnly} />
                  <span>仅显示变更字段</span>
                </Flex>
              )}
            </Flex>
            {changes.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="此操作未记录字段内容（如登录、退出、重置密码）" />
            ) : (
              <Table<FieldChange>
                rowKey="key"
                size="small"
                columns={columns}
                dataSource={shown}
                pagination={false}
                bordered
                rowClassName={(row) => (row.changed ? 'zb-diff-changed' : '')}
                data-testid="audit-diff"
              />
            )}
          </div>
        </Flex>
      )}
    </Drawer>
  );
}
