import { PlusOutlined } from '@ant-design/icons';
import { CASE_STATUS_LABELS, CASE_STATUSES, type CaseDto } from '@zhiben/contracts';
import { Button, Card, Empty, Flex, Grid, Input, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { can } from '../../app/access';
import { useSession } from '../../app/session';
import { CardListPager } from '../../components/CardListPager';
import { EnterpriseSelect } from '../../components/EnterpriseSelect';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { formatDateTime } from '../../lib/time';
import { paginationOf, useListState } from '../../lib/useListState';
import { useEnterprise } from '../enterprises/enterprises.api';
import { CaseStatusTag } from './CaseDecisions';
import { CreateCaseDialog } from './CreateCaseDialog';
import { useCases, yuan } from './cases.api';

const FILTERS = ['q', 'status', 'enterpriseId', 'taskId'] as const;

/** /enforcement/cases — 案件 (行政处罚, 一案双罚): 立案, then each case's page for the decision, payment and closing. */
export function CaseListPage() {
  const me = useSession();
  const navigate = useNavigate();
  const phone = Grid.useBreakpoint().md === false;
  const [creating, setCreating] = useState(false);
  const list = useListState(FILTERS);
  const f = list.filters;
  const canFile = can(me, 'enforcement.penalize');
  const params = { page: list.page, pageSize: list.pageSize, q: f.q, status: f.status, enterpriseId: f.enterpriseId, taskId: f.taskId };
  const query = useCases(params);
  // The chosen enterprise's name for the filter when the page opens from a link (?enterpriseId=…).
  const filterEnterprise = useEnterprise(f.enterpriseId);
  const initialOption = filterEnterprise.data ? { value: filterEnterprise.data.id, label: filterEnterprise.data.name } : undefined;

  const empty = list.filtered ? (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有符合条件的案件，请调整筛选条件" />
  ) : (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={canFile ? '暂无案件，点击「新建案件」立案' : '暂无案件'} />
  );

  return (
    <Flex vertical gap={16}>
      <PageHeader
        title="案件"
        description="行政处罚案件：立案、处罚决定（一案双罚）、缴款与结案"
        extra={
          canFile && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="case-create">
              新建案件
            </Button>
          )
        }
      />
      <Card>
        <Flex wrap gap={8} style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            placeholder="企业名称"
            defaultValue={f.q}
            onSearch={(v) => list.setFilters({ ...f, q: v.trim() || undefined })}
            style={{ width: phone ? '100%' : 220 }}
            data-testid="case-filter-q"
          />
          {/* A grid cell stretches the select to the cell's width. */}
          <div style={{ display: 'grid', width: phone ? '100%' : 260 }}>
            <EnterpriseSelect
              value={f.enterpriseId ?? null}
              initialOption={initialOption}
              placeholder="按企业筛选"
              onChange={(v) => list.setFilters({ ...f, enterpriseId: v ?? undefined })}
              data-testid="case-filter-enterprise"
            />
          </div>
          <Select
            allowClear
            placeholder="状态"
            value={f.status}
            onChange={(v: string | undefined) => list.setFilters({ ...f, status: v })}
            options={CASE_STATUSES.map((s) => ({ value: s, label: CASE_STATUS_LABELS[s] }))}
            style={{ width: 160 }}
            data-testid="case-filter-status"
          />
          {f.taskId && (
            <Tag closable onClose={() => list.setFilters({ ...f, taskId: undefined })} style={{ alignSelf: 'center' }}>
              仅本次检查任务的案件
            </Tag>
          )}
        </Flex>
        {query.isError ? (
          <QueryError error={query.error} onRetry={() => void query.refetch()} />
        ) : phone ? (
          <Flex vertical gap={8}>
            {query.isLoading && <Card loading size="small" />}
            {query.data?.items.length === 0 && empty}
            {query.data?.items.map((c) => (
              <Card
                key={c.id}
                size="small"
                hoverable
                onClick={() => navigate(`/enforcement/cases/${c.id}`)}
                data-testid={`case-card-${c.id}`}
              >
                <Flex vertical gap={4}>
                  <Typography.Text strong>{c.enterpriseName}</Typography.Text>
                  <span>
                    <CaseStatusTag status={c.status} />
                    {c.dualPenalty && <Tag color="red">一案双罚</Tag>}
                  </span>
                  <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
                    {c.facts}
                  </Typography.Paragraph>
                  <Typography.Text style={{ fontSize: 13 }}>
                    罚款 {yuan(c.decisions.reduce((sum, d) => sum + d.fineFen, 0))} 元 · 立案 {formatDateTime(c.createdAt)}
                  </Typography.Text>
                </Flex>
              </Card>
            ))}
            <CardListPager list={list} total={query.data?.total} />
          </Flex>
        ) : (
          <Table<CaseDto>
            rowKey="id"
            loading={query.isFetching}
            dataSource={query.data?.items}
            pagination={paginationOf(list, query.data?.total)}
            onChange={list.onTableChange}
            scroll={{ x: 1000 }}
            data-testid="case-table"
            locale={{ emptyText: empty }}
            onRow={(c) => ({ 'data-testid': `case-row-${c.id}` }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              {
                title: '企业',
                dataIndex: 'enterpriseName',
                width: 220,
                render: (name: string, c) => (
                  <Link to={`/enforcement/cases/${c.id}`} data-testid="case-row-link">
                    {name}
                  </Link>
                ),
              },
              {
                title: '状态',
                dataIndex: 'status',
                width: 150,
                render: (s: CaseDto['status'], c) => (
                  <Flex vertical gap={4} align="flex-start">
                    <CaseStatusTag status={s} />
                    {c.dualPenalty && <Tag color="red">一案双罚</Tag>}
                  </Flex>
                ),
              },
              {
                title: '违法事实',
                dataIndex: 'facts',
                render: (v: string) => <span title={v}>{v.length > 40 ? `${v.slice(0, 40)}…` : v}</span>,
              },
              {
                title: '罚款合计（元）',
                key: 'fine',
                width: 130,
                align: 'right',
                render: (_: unknown, c) => yuan(c.decisions.reduce((sum, d) => sum + d.fineFen, 0)),
              },
              { title: '立案时间', dataIndex: 'createdAt', width: 150, render: (v: string) => formatDateTime(v) },
              {
                title: '操作',
                key: 'actions',
                width: 110,
                render: (_: unknown, c) => (
                  <Flex gap={8}>
                    <Link to={`/enforcement/cases/${c.id}`}>详情</Link>
                    {c.taskId && <Link to={`/enforcement/tasks/${c.taskId}`}>检查任务</Link>}
                  </Flex>
                ),
              },
            ]}
          />
        )}
      </Card>
      {canFile && <CreateCaseDialog open={creating} onClose={() => setCreating(false)} onCreated={() => setCreating(false)} />}
    </Flex>
  );
}
