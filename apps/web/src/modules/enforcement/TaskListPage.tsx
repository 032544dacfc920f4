import {
  INSPECTION_TASK_KIND_LABELS,
  INSPECTION_TASK_KINDS,
  INSPECTION_TASK_SOURCE_LABELS,
  INSPECTION_TASK_STATUS_LABELS,
  INSPECTION_TASK_STATUSES,
  type InspectionTaskDto,
} from '@zhiben/contracts';
import { Card, Flex, Input, Select, Table, Tag } from 'antd';
import { Link } from 'react-router';
import { sideOf } from '../../app/access';
import { useSession } from '../../app/session';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { formatDate } from '../../lib/time';
import { paginationOf, useListState } from '../../lib/useListState';
import { EnterpriseTaskListPage } from './EnterpriseTaskPages';
import { useTasks } from './enforcement.api';
import { TaskStatusTag } from './taskLabels';

const FILTERS = ['q', 'status', 'kind', 'mine'] as const;

/** /enforcement/tasks — the bureau's 检查任务, or for enterprise accounts their own inspections (read-only). */
export function TaskListPage() {
  return sideOf(useSession()) === 'enterprise' ? <EnterpriseTaskListPage /> : <BureauTaskListPage />;
}

/** 检查任务: filters (关键词, 状态, 类型, 我的), server paging. */
function BureauTaskListPage() {
  const list = useListState(FILTERS);
  const f = list.filters;
  const query = useTasks({ page: list.page, pageSize: list.pageSize, q: f.q, status: f.status, kind: f.kind, mine: f.mine });

  return (
    <Flex vertical gap={16}>
      <PageHeader title="检查任务" description="现场检查与线上巡查：开始检查、记录问题、责令整改、复查、办结" />
      <Card>
        <Flex wrap gap={8} style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            placeholder="企业名称"
            defaultValue={f.q}
            onSearch={(v) => list.setFilters({ q: v.trim() || undefined })}
            style={{ width: 240 }}
            data-testid="task-filter-q"
          />
          <Select
            allowClear
            placeholder="状态"
            value={f.status}
            onChange={(v: string | undefined) => list.setFilters({ status: v })}
            options={INSPECTION_TASK_STATUSES.map((s) => ({ value: s, label: INSPECTION_TASK_STATUS_LABELS[s] }))}
            style={{ width: 140 }}
            data-testid="task-filter-status"
          />
          <Select
            allowClear
            placeholder="类型"
            value={f.kind}
            onChange={(v: string | undefined) => list.setFilters({ kind: v })}
            options={INSPECTION_TASK_KINDS.map((k) => ({ value: k, label: INSPECTION_TASK_KIND_LABELS[k] }))}
            style={{ width: 140 }}
            data-testid="task-filter-kind"
          />
          <Select
            allowClear
            placeholder="全部任务"
            value={f.mine}
            onChange={(v: string | undefined) => list.setFilters({ mine: v })}
            options={[{ value: 'true', label: '我参与的' }]}
            style={{ width: 140 }}
            data-testid="task-filter-mine"
          />
        </Flex>
        {query.isError ? (
          <QueryError error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <Table<InspectionTaskDto>
            rowKey="id"
            size="middle"
            loading={query.isFetching}
            dataSource={query.data?.items}
            pagination={paginationOf(list, query.data?.total)}
            onChange={list.onTableChange}
            scroll={{ x: 900 }}
            data-testid="task-table"
            onRow={(row) => ({ 'data-testid': `task-row-${row.id}` }) as React.HTMLAttributes<HTMLElement>}
            locale={{ emptyText: list.filtered ? '没有符合条件的任务，请调整筛选条件' : '暂无检查任务' }}
            columns={[
              {
                title: '企业',
                dataIndex: 'enterpriseName',
                render: (name: string, row) => (
                  <Link to={`/enforcement/tasks/${row.id}`} data-testid="task-row-link">
                    {name}
                  </Link>
                ),
              },
              { title: '乡镇', dataIndex: 'regionName', width: 120 },
              {
                title: '类型',
                key: 'kind',
                width: 150,
                render: (_: unknown, row) => (
                  <span>
                    {INSPECTION_TASK_KIND_LABELS[row.kind]}
                    {row.unannounced && (
                      <Tag color="purple" style={{ marginLeft: 4 }}>
                        四不两直
                      </Tag>
                    )}
                  </span>
                ),
              },
              {
                title: '来源',
                dataIndex: 'source',
                width: 100,
                render: (s: InspectionTaskDto['source']) => INSPECTION_TASK_SOURCE_LABELS[s],
              },
              { title: '状态', dataIndex: 'status', width: 100, render: (s: InspectionTaskDto['status']) => <TaskStatusTag status={s} /> },
              { title: '计划日期', dataIndex: 'plannedDate', width: 110, render: (d: string | null) => formatDate(d) },
              {
                title: '发现问题',
                key: 'findings',
                width: 110,
                render: (_: unknown, row) => `${row.findingCount}（重大 ${row.majorFindingCount}）`,
              },
              { title: '执法人员', key: 'officers', render: (_: unknown, row) => row.officers.map((o) => o.name).join('、') },
            ]}
          />
        )}
      </Card>
    </Flex>
  );
}
