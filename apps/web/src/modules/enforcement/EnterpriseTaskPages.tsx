import { RightOutlined } from '@ant-design/icons';
import {
  INSPECTION_TASK_KIND_LABELS,
  INSPECTION_TASK_SOURCE_LABELS,
  INSPECTION_TASK_STATUS_LABELS,
  INSPECTION_TASK_STATUSES,
  type InspectionTaskDto,
  REINSPECTION_RESULT_LABELS,
} from '@zhiben/contracts';
import { Card, Flex, Grid, Select, Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { CardListPager } from '../../components/CardListPager';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { formatDate } from '../../lib/time';
import { paginationOf, useListState } from '../../lib/useListState';
import { useTasks } from './enforcement.api';
import { TaskStatusTag } from './taskLabels';

const FILTERS = ['status'] as const;
/** An enterprise never sees a task before it starts, so 待检查 only appears for an announced one. */
const STATUSES = INSPECTION_TASK_STATUSES.filter((s) => s !== 'cancelled');

/** The latest 责令限期整改指令书 of a task: its deadline, and the re-inspection once done. */
function OrderDeadline({ task }: { task: InspectionTaskDto }) {
  if (task.findingCount === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  const order = task.latestOrder;
  if (!order) return <Typography.Text type="secondary">尚未下达</Typography.Text>;
  return (
    <span data-testid={`my-task-deadline-${task.id}`} data-deadline={order.deadline}>
      {formatDate(order.deadline)}
      {order.reinspectionResult ? (
        <Tag color={order.reinspectionResult === 'passed' ? 'success' : 'error'} style={{ marginLeft: 6 }}>
          复查：{REINSPECTION_RESULT_LABELS[order.reinspectionResult]}
        </Tag>
      ) : (
        order.overdue && (
          <Tag color="red" style={{ marginLeft: 6 }}>
            已逾期
          </Tag>
        )
      )}
    </span>
  );
}

function KindCell({ task }: { task: InspectionTaskDto }) {
  return (
    <span>
      {INSPECTION_TASK_KIND_LABELS[task.kind]}
      {task.unannounced && (
        <Tag color="purple" style={{ marginLeft: 4 }}>
          四不两直
        </Tag>
      )}
    </span>
  );
}

/**
 * /enforcement/tasks for enterprise accounts — 执法检查: the bureau's inspections of the own enterprise as the server
 * returns them (an unannounced one only once it started), with the findings and the order's deadline. Read-only.
 */
export function EnterpriseTaskListPage() {
  const list = useListState(FILTERS);
  const phone = Grid.useBreakpoint().md === false;
  const navigate = useNavigate();
  const query = useTasks({ page: list.page, pageSize: list.pageSize, status: list.filters.status });
  const items = query.data?.items ?? [];
  const officers = (t: InspectionTaskDto) => t.officers.map((o) => o.name).join('、');
  const findings = (t: InspectionTaskDto) => (t.findingCount === 0 ? '无' : `${t.findingCount} 项（重大 ${t.majorFindingCount} 项）`);
  const empty: ReactNode = list.filtered
    ? '没有符合条件的检查记录，请调整筛选条件'
    : '暂无执法检查记录。执法人员检查本企业后，检查发现、整改指令书和执法文书会显示在这里。';

  return (
    <Flex vertical gap={16} data-testid="my-tasks">
      <PageHeader title="执法检查" description="应急管理部门对本企业的执法检查：检查发现、责令限期整改指令书、复查结果和执法文书（只读）" />
      <Flex wrap gap={8}>
        <Select
          allowClear
          placeholder="全部状态"
          value={list.filters.status}
          onChange={(v: string | undefined) => list.setFilters({ status: v })}
          options={STATUSES.map((s) => ({ value: s, label: INSPECTION_TASK_STATUS_LABELS[s] }))}
          style={{ width: 160 }}
          data-testid="my-task-filter-status"
        />
      </Flex>
      {query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : phone ? (
        <Flex vertical gap={10} data-testid="my-task-list">
          {query.isLoading && <Card loading size="small" />}
          {query.data?.items.length === 0 && (
            <Card size="small">
              <Typography.Text type="secondary">{empty}</Typography.Text>
            </Card>
          )}
          {items.map((t) => (
            <Card
              key={t.id}
              size="small"
              hoverable
              onClick={() => void navigate(`/enforcement/tasks/${t.id}`)}
              data-testid={`my-task-${t.id}`}
            >
              <Flex justify="space-between" align="center" gap={8}>
                <Flex vertical gap={4} style={{ minWidth: 0, flex: 1 }}>
                  <Flex gap={6} wrap align="center">
                    <TaskStatusTag status={t.status} />
                    <KindCell task={t} />
                  </Flex>
                  <Typography.Text>
                    {formatDate(t.startedAt ?? t.plannedDate)} · 发现问题 {findings(t)}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    执法人员：{officers(t)}
                  </Typography.Text>
                  {t.findingCount > 0 && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      整改期限：
                      <OrderDeadline task={t} />
                    </Typography.Text>
                  )}
                </Flex>
                <RightOutlined style={{ color: 'rgba(0,0,0,0.3)' }} />
              </Flex>
            </Card>
          ))}
          <CardListPager list={list} total={query.data?.total} />
        </Flex>
      ) : (
        <Card>
          <Table<InspectionTaskDto>
            rowKey="id"
            size="middle"
            loading={query.isFetching}
            dataSource={items}
            pagination={paginationOf(list, query.data?.total)}
            onChange={list.onTableChange}
            scroll={{ x: 1040 }}
            data-testid="my-task-table"
            onRow={(row) => ({ 'data-testid': `my-task-${row.id}` }) as React.HTMLAttributes<HTMLElement>}
            locale={{ emptyText: empty }}
            columns={[
              {
                title: '检查',
                key: 'kind',
                width: 150,
                render: (_: unknown, row) => (
                  <Link to={`/enforcement/tasks/${row.id}`} data-testid="my-task-link">
                    <KindCell task={row} />
                  </Link>
                ),
              },
              {
                title: '来源',
                dataIndex: 'source',
                width: 90,
                render: (s: InspectionTaskDto['source']) => INSPECTION_TASK_SOURCE_LABELS[s],
              },
              { title: '状态', dataIndex: 'status', width: 90, render: (s: InspectionTaskDto['status']) => <TaskStatusTag status={s} /> },
              { title: '计划日期', dataIndex: 'plannedDate', width: 105, render: (d: string | null) => formatDate(d) },
              { title: '检查日期', dataIndex: 'startedAt', width: 105, render: (d: string | null) => formatDate(d) },
              { title: '办结日期', dataIndex: 'closedAt', width: 105, render: (d: string | null) => formatDate(d) },
              { title: '执法人员', key: 'officers', render: (_: unknown, row) => officers(row) },
              { title: '发现问题', key: 'findings', width: 120, render: (_: unknown, row) => findings(row) },
              {
                title: '整改期限',
                key: 'deadline',
                width: 160,
                render: (_: unknown, row) => <OrderDeadline task={row} />,
              },
            ]}
          />
        </Card>
      )}
    </Flex>
  );
}
