import { PlusOutlined, RightOutlined } from '@ant-design/icons';
import { INSPECTION_FREQUENCY_LABELS, INSPECTION_STATUS_LABELS, INSPECTION_STATUSES, type InspectionDto } from '@zhiben/contracts';
import { Button, Card, Empty, Flex, Form, Grid, Input, Progress, Select, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { can } from '../../app/access';
import { useSession } from '../../app/session';
import { CardListPager } from '../../components/CardListPager';
import { ColumnChooser } from '../../components/ColumnChooser';
import { EnterpriseSelect } from '../../components/EnterpriseSelect';
import { FilterBar } from '../../components/FilterBar';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { formatDate } from '../../lib/time';
import { paginationOf, useListState } from '../../lib/useListState';
import { useStoredState } from '../../lib/useStoredState';
import { INSPECTION_STATUS_COLORS } from './inspectionLabels';
import { NewInspectionModal } from './NewInspectionModal';
import { useInspections } from './selfInspection.api';

const FILTERS = ['q', 'status', 'ledByPrincipal', 'enterpriseId'] as const;
type Filters = { q?: string; status?: string; ledByPrincipal?: string; enterpriseId?: string };
const OPTIONAL_COLUMNS = [
  { key: 'frequency', title: '类型' },
  { key: 'area', title: '部门/区域' },
  { key: 'plannedDate', title: '计划日期' },
  { key: 'version', title: '标准版本' },
];
const DEFAULT_COLUMNS = OPTIONAL_COLUMNS.map((c) => c.key);

function StatusTag({ status }: { status: InspectionDto['status'] }) {
  return <Tag color={INSPECTION_STATUS_COLORS[status]}>{INSPECTION_STATUS_LABELS[status]}</Tag>;
}

function LeaderTag({ inspection }: { inspection: InspectionDto }) {
  return inspection.ledByPrincipal ? (
    <Tag color="geekblue" data-testid={`inspection-led-${inspection.id}`}>
      主要负责人带队{inspection.leaderName ? `：${inspection.leaderName}` : ''}
    </Tag>
  ) : null;
}

function ProgressCell({ inspection }: { inspection: InspectionDto }) {
  const { total, pending, nonCompliant } = inspection.counts;
  const done = total - pending;
  return (
    <Flex vertical gap={0} style={{ minWidth: 120 }}>
      <Progress percent={total ? Math.round((done / total) * 100) : 0} size="small" showInfo={false} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        已查 {done}/{total}
        {nonCompliant > 0 && <Typography.Text type="danger" style={{ fontSize: 12 }}>{` · 不符合 ${nonCompliant}`}</Typography.Text>}
      </Typography.Text>
    </Flex>
  );
}

function actionLabel(inspection: InspectionDto): string {
  if (!inspection.abilities.record) return '查看';
  return inspection.status === 'planned' ? '开始检查' : '继续检查';
}

/** 开展检查 / 自查记录: the self-inspections in scope; enterprise managers plan new ones from the checklist. */
export function InspectionListPage() {
  const me = useSession();
  const enterpriseSide = me.scope.kind === 'enterprise';
  const mayCreate = can(me, 'inspections.create');
  const screens = Grid.useBreakpoint();
  const phone = screens.md === false;
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const list = useListState(FILTERS);
  const [form] = Form.useForm<Filters>();
  const [creating, setCreating] = useState(false);
  const query = useInspections({ page: list.page, pageSize: list.pageSize, ...list.filters });
  const [visibleColumns, setVisibleColumns] = useStoredState<string[]>('zb.inspections.columns', DEFAULT_COLUMNS);

  // 本企业清单 › 按清单开展检查 links here with ?create=1.
  useEffect(() => {
    if (params.get('create') === '1') {
      if (mayCreate) setCreating(true);
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          next.delete('create');
          return next;
        },
        { replace: true },
      );
    }
  }, [params, setParams, mayCreate]);

  const columns = useMemo<TableColumnsType<InspectionDto>>(
    () => [
      {
        title: '检查名称',
        key: 'title',
        render: (_, i) => (
          <Flex vertical gap={2}>
            <Link to={`/self-inspection/${i.id}`}>{i.title}</Link>
            {!enterpriseSide && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {i.enterpriseName}
              </Typography.Text>
            )}
          </Flex>
        ),
      },
      { title: '类型', key: 'frequency', width: 96, render: (_, i) => INSPECTION_FREQUENCY_LABELS[i.frequency] },
      { title: '部门/区域', key: 'area', width: 120, ellipsis: true, render: (_, i) => i.area ?? '—' },
      { title: '计划日期', key: 'plannedDate', width: 110, render: (_, i) => formatDate(i.plannedDate) },
      { title: '带队', key: 'led', width: 170, render: (_, i) => (i.ledByPrincipal ? <LeaderTag inspection={i} /> : '—') },
      { title: '状态', key: 'status', width: 90, render: (_, i) => <StatusTag status={i.status} /> },
      { title: '进度', key: 'progress', width: 150, render: (_, i) => <ProgressCell inspection={i} /> },
      { title: '标准版本', key: 'version', width: 90, render: (_, i) => `第 ${i.standardVersion} 版` },
      {
        title: '操作',
        key: 'actions',
        width: 96,
        fixed: 'right',
        render: (_, i) => (
          <Link to={`/self-inspection/${i.id}`} data-testid={`inspection-open-${i.id}`}>
            {actionLabel(i)}
          </Link>
        ),
      },
    ],
    [enterpriseSide],
  );
  const shownColumns = useMemo(() => {
    const optional = new Set(OPTIONAL_COLUMNS.map((c) => c.key));
    return columns.filter((c) => !optional.has(String(c.key)) || visibleColumns.includes(String(c.key)));
  }, [columns, visibleColumns]);

  const empty = (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={
        list.filtered
          ? '没有符合条件的检查，请调整查询条件'
          : mayCreate
            ? '暂无检查记录，点击「新建检查」按本企业清单开展自查'
            : '暂无检查记录'
      }
    />
  );

  return (
    <Flex vertical gap={phone ? 12 : 16}>
      <PageHeader
        title={enterpriseSide ? '开展检查' : '自查记录'}
        description={enterpriseSide ? '按本企业清单开展自查，逐项记录符合/不符合并拍照留证' : '辖区企业自查开展情况'}
        extra={
          mayCreate && (
            <Button
              type="primary"
              size={phone ? 'large' : 'middle'}
              block={phone}
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="inspections-create"
            >
              新建检查
            </Button>
          )
        }
      />
      <FilterBar<Filters>
        form={form}
        values={list.filters}
        onSearch={(v) => list.setFilters(v)}
        onReset={() => list.setFilters({})}
        collapsedCount={phone ? 1 : 3}
        testIdPrefix="inspections"
      >
        <Form.Item key="q" name="q" label="名称">
          <Input allowClear placeholder="检查名称" data-testid="inspections-filter-q" />
        </Form.Item>
        <Form.Item key="status" name="status" label="状态">
          <Select
            allowClear
            placeholder="全部"
            options={INSPECTION_STATUSES.map((s) => ({ value: s, label: INSPECTION_STATUS_LABELS[s] }))}
            data-testid="inspections-filter-status"
          />
        </Form.Item>
        <Form.Item key="ledByPrincipal" name="ledByPrincipal" label="带队">
          <Select
            allowClear
            placeholder="全部"
            options={[
              { value: 'true', label: '主要负责人带队' },
              { value: 'false', label: '其他人员' },
            ]}
          />
        </Form.Item>
        {!enterpriseSide && (
          <Form.Item key="enterpriseId" name="enterpriseId" label="企业">
            <EnterpriseSelect />
          </Form.Item>
        )}
      </FilterBar>
      {query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : phone ? (
        <Flex vertical gap={10} data-testid="inspections-list">
          {query.isLoading && <Card loading size="small" />}
          {query.data?.items.length === 0 && <Card size="small">{empty}</Card>}
          {query.data?.items.map((i) => (
            <Link key={i.id} to={`/self-inspection/${i.id}`} data-testid={`inspection-card-${i.id}`}>
              <Card size="small" hoverable>
                <Flex justify="space-between" align="center" gap={8}>
                  <Flex vertical gap={6} style={{ minWidth: 0, flex: 1 }}>
                    <Flex gap={6} align="center" wrap>
                      <Typography.Text strong>{i.title}</Typography.Text>
                      <StatusTag status={i.status} />
                    </Flex>
                    <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                      {INSPECTION_FREQUENCY_LABELS[i.frequency]} · {formatDate(i.plannedDate)}
                      {i.area ? ` · ${i.area}` : ''}
                    </Typography.Text>
                    {i.ledByPrincipal && (
                      <span>
                        <LeaderTag inspection={i} />
                      </span>
                    )}
                    <ProgressCell inspection={i} />
                  </Flex>
                  <RightOutlined style={{ color: 'rgba(0,0,0,0.3)' }} />
                </Flex>
              </Card>
            </Link>
          ))}
          <CardListPager list={list} total={query.data?.total} />
        </Flex>
      ) : (
        <Card>
          <Flex justify="flex-end" style={{ marginBottom: 12 }}>
            <ColumnChooser columns={OPTIONAL_COLUMNS} visible={visibleColumns} onChange={setVisibleColumns} />
          </Flex>
          <Table<InspectionDto>
            rowKey="id"
            columns={shownColumns}
            dataSource={query.data?.items}
            loading={query.isFetching}
            pagination={paginationOf(list, query.data?.total)}
            onChange={list.onTableChange}
            scroll={{ x: 1120 }}
            locale={{ emptyText: empty }}
            data-testid="inspections-table"
          />
        </Card>
      )}
      <NewInspectionModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(created) => {
          setCreating(false);
          navigate(`/self-inspection/${created.id}`);
        }}
      />
    </Flex>
  );
}
