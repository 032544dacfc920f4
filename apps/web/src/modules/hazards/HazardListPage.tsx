import { PictureOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import {
  HAZARD_LEVEL_LABELS,
  HAZARD_LEVELS,
  HAZARD_SOURCE_LABELS,
  HAZARD_SOURCES,
  HAZARD_STATUS_LABELS,
  HAZARD_STATUSES,
  type HazardDto,
} from '@zhiben/contracts';
import { Button, Card, Empty, Flex, Form, Grid, Input, Select, Table, type TableColumnsType, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { can } from '../../app/access';
import { useSession } from '../../app/session';
import { CardListPager } from '../../components/CardListPager';
import { ColumnChooser } from '../../components/ColumnChooser';
import { EnterpriseSelect } from '../../components/EnterpriseSelect';
import { FilterBar } from '../../components/FilterBar';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { testId } from '../../lib/testId';
import { formatDate, formatDateTime } from '../../lib/time';
import { paginationOf, useListState } from '../../lib/useListState';
import { useStoredState } from '../../lib/useStoredState';
import { CreateHazardDialog } from './CreateHazardDialog';
import { HazardLevelTag, HazardStatusTag, OverdueTag, SupervisedTag } from './hazardLabels';
import { useHazards } from './hazards.api';
import { LINKED_FILTERS, LinkedFilters } from './LinkedFilters';

const FILTERS = ['level', 'status', 'open', 'overdue', 'supervised', 'source', 'enterpriseId', 'q', ...LINKED_FILTERS] as const;
const OPTIONAL_COLUMNS = [
  { key: 'deadline', title: '整改期限' },
  { key: 'source', title: '来源' },
  { key: 'standard', title: '判定依据' },
  { key: 'photos', title: '照片' },
];
// 来源 and 照片 are off by default, so that the table fits a 1366px screen (来源 is also a filter).
const DEFAULT_COLUMNS = ['deadline', 'standard'];
/** The filter bar's items in display order: the first ones stay visible when it is collapsed. */
const FILTERS_SHOWN = ['level', 'status', 'enterpriseId', 'q', 'open', 'overdue', 'supervised', 'source'] as const;
type Filters = Partial<Record<(typeof FILTERS)[number], string>>;
const YES_NO = [
  { value: 'true', label: '是' },
  { value: 'false', label: '否' },
];

const refOf = (h: HazardDto) => (h.standardItem ? `${h.standardItem.articleLabel}${h.standardItem.itemLabel}` : null);

/**
 * 隐患台账 (bureau) / 隐患整改 (enterprise): hazards in scope, filtered and paged in the URL; a row opens the
 * hazard's page (/hazards/:id). Old links of the form /hazards?hazard=<id> are sent there too.
 */
export function HazardListPage() {
  const me = useSession();
  const enterpriseSide = me.scope.kind === 'enterprise';
  const screens = Grid.useBreakpoint();
  const phone = screens.md === false;
  const list = useListState(FILTERS);
  const [form] = Form.useForm<Filters>();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const location = useLocation();
  const [creating, setCreating] = useState(false);
  const legacyId = params.get('hazard');
  const query = useHazards({ page: list.page, pageSize: list.pageSize, sort: list.sort, ...list.filters });
  const [visibleColumns, setVisibleColumns] = useStoredState<string[]>('zb.hazards.columns.v2', DEFAULT_COLUMNS);
  const canCreate = can(me, 'hazards.report');

  // The list's URL travels along, so that the detail page's back link returns to the same filters and page.
  const open = (id: string) => navigate(`/hazards/${id}`, { state: { listSearch: location.search } });

  const columns = useMemo<TableColumnsType<HazardDto>>(
    () => [
      {
        title: '发现时间',
        key: 'foundAt',
        width: 150,
        sorter: true,
        sortOrder: list.sortOrderOf('foundAt'),
        render: (_, h) => formatDateTime(h.foundAt),
      },
      ...(enterpriseSide
        ? []
        : [
            {
              title: '企业',
              key: 'enterprise',
              width: 200,
              render: (_: unknown, h: HazardDto) => (
                <Flex vertical>
                  <Typography.Text ellipsis={{ tooltip: h.enterpriseName }}>{h.enterpriseName}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {h.regionName}
                  </Typography.Text>
                </Flex>
              ),
            },
          ]),
      {
        title: '级别',
        key: 'level',
        width: 100,
        sorter: true,
        sortOrder: list.sortOrderOf('level'),
        render: (_, h) => <HazardLevelTag level={h.level} />,
      },
      {
        title: '状态',
        key: 'status',
        width: 110,
        sorter: true,
        sortOrder: list.sortOrderOf('status'),
        render: (_, h) => (
          <Flex gap={4} wrap>
            <HazardStatusTag status={h.status} />
            {h.overdue && <OverdueTag />}
            {h.supervised && <SupervisedTag />}
          </Flex>
        ),
      },
      {
        title: '整改期限',
        key: 'deadline',
        width: 112,
        render: (_, h) =>
          h.deadline ? (
            <Typography.Text type={h.overdue ? 'danger' : undefined}>{formatDate(h.deadline)}</Typography.Text>
          ) : (
            <Typography.Text type="secondary">—</Typography.Text>
          ),
      },
      { title: '来源', key: 'source', width: 90, render: (_, h) => HAZARD_SOURCE_LABELS[h.source] },
      {
        title: '判定依据',
        key: 'standard',
        width: 130,
        render: (_, h) => {
          const ref = refOf(h);
          return ref ? <span data-testid={`hazard-ref-${h.id}`}>{ref}</span> : <Typography.Text type="secondary">—</Typography.Text>;
        },
      },
      {
        title: '隐患描述',
        key: 'description',
        render: (_, h) => (
          <Link
            to={`/hazards/${h.id}`}
            state={{ listSearch: location.search }}
            onClick={(e) => e.stopPropagation()}
            style={{ color: 'inherit' }}
            data-testid={`hazard-link-${h.id}`}
          >
            <Typography.Paragraph style={{ margin: 0 }} ellipsis={{ rows: 2 }}>
              {h.description}
            </Typography.Paragraph>
          </Link>
        ),
      },
      {
        title: '照片',
        key: 'photos',
        width: 70,
        render: (_, h) =>
          h.photos.length > 0 ? (
            <span>
              <PictureOutlined /> {h.photos.length}
            </span>
          ) : (
            <Typography.Text type="secondary">—</Typography.Text>
          ),
      },
    ],
    [enterpriseSide, list.sortOrderOf, location.search],
  );
  const shownColumns = useMemo(() => {
    const optional = new Set(OPTIONAL_COLUMNS.map((c) => c.key));
    return columns.filter((c) => !optional.has(String(c.key)) || visibleColumns.includes(String(c.key)));
  }, [columns, visibleColumns]);

  const empty = (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={
        list.filtered ? (
          '没有符合条件的隐患，请调整查询条件'
        ) : enterpriseSide ? (
          <span>
            暂无隐患，点击<Link to="/self-inspection">「开展自查」</Link>按清单排查
          </span>
        ) : (
          '暂无隐患，企业自查发现的隐患将在此显示'
        )
      }
    />
  );

  if (legacyId) return <Navigate to={`/hazards/${encodeURIComponent(legacyId)}`} replace />;

  // Filter items in display order (the enterprise picker only for the bureau side); a filter set by a link
  // (e.g. 逾期 from the zeroing board) must not hide behind 展开, so then the whole bar shows.
  const shownFilters = FILTERS_SHOWN.filter((k) => k !== 'enterpriseId' || !enterpriseSide);
  const collapsedCount = phone ? 1 : enterpriseSide ? 3 : 4;
  const linked = Object.fromEntries(LINKED_FILTERS.map((k) => [k, list.filters[k]]));
  const hiddenFilterActive = shownFilters.slice(collapsedCount).some((k) => list.filters[k]);

  return (
    <Flex vertical gap={phone ? 12 : 16}>
      <PageHeader
        title={enterpriseSide ? '隐患整改' : '隐患台账'}
        description={enterpriseSide ? '本企业自查等途径发现的隐患' : '辖区企业隐患；自查中判定为不符合的标准条款自动列为重大隐患'}
        extra={
          canCreate && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="hazards-create">
              {enterpriseSide ? '上报隐患' : '登记隐患'}
            </Button>
          )
        }
      />
      <FilterBar<Filters>
        form={form}
        values={list.filters}
        // The link-only filters have no form field: a search keeps them (their tags drop them), a reset clears all.
        onSearch={(v) => list.setFilters({ ...v, ...linked })}
        onReset={() => list.setFilters({})}
        collapsedCount={hiddenFilterActive ? shownFilters.length : collapsedCount}
        testIdPrefix="hazards"
      >
        <Form.Item key="level" name="level" label="级别">
          <Select
            allowClear
            placeholder="全部"
            options={HAZARD_LEVELS.map((l) => ({ value: l, label: HAZARD_LEVEL_LABELS[l], ...testId(`hazards-level-${l}`) }))}
            data-testid="hazards-filter-level"
          />
        </Form.Item>
        <Form.Item key="status" name="status" label="状态">
          <Select
            allowClear
            placeholder="全部"
            options={HAZARD_STATUSES.map((s) => ({ value: s, label: HAZARD_STATUS_LABELS[s] }))}
            data-testid="hazards-filter-status"
          />
        </Form.Item>
        {enterpriseSide ? null : (
          <Form.Item key="enterpriseId" name="enterpriseId" label="企业">
            <EnterpriseSelect data-testid="hazards-filter-enterprise" />
          </Form.Item>
        )}
        <Form.Item key="q" name="q" label="关键字">
          <Input allowClear placeholder="隐患描述，如 第十一条(八)" data-testid="hazards-filter-q" />
        </Form.Item>
        <Form.Item key="open" name="open" label="销号">
          <Select
            allowClear
            placeholder="全部"
            options={YES_NO.map((o) => ({
              ...o,
              label: o.value === 'true' ? '未销号' : '已销号',
              ...testId(`hazards-open-${o.value}`),
            }))}
            data-testid="hazards-filter-open"
          />
        </Form.Item>
        <Form.Item key="overdue" name="overdue" label="逾期">
          <Select
            allowClear
            placeholder="全部"
            options={YES_NO.map((o) => ({
              ...o,
              label: o.value === 'true' ? '已逾期' : '未逾期',
              ...testId(`hazards-overdue-${o.value}`),
            }))}
            data-testid="hazards-filter-overdue"
          />
        </Form.Item>
        <Form.Item key="supervised" name="supervised" label="挂牌督办">
          <Select
            allowClear
            placeholder="全部"
            options={YES_NO.map((o) => ({ ...o, ...testId(`hazards-supervised-${o.value}`) }))}
            data-testid="hazards-filter-supervised"
          />
        </Form.Item>
        <Form.Item key="source" name="source" label="来源">
          <Select allowClear placeholder="全部" options={HAZARD_SOURCES.map((s) => ({ value: s, label: HAZARD_SOURCE_LABELS[s] }))} />
        </Form.Item>
      </FilterBar>
      <LinkedFilters values={linked} onRemove={(k) => list.setFilters({ ...list.filters, [k]: undefined })} />
      {query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : phone ? (
        <Flex vertical gap={10} data-testid="hazards-list">
          {query.isLoading && <Card loading size="small" />}
          {query.data?.items.length === 0 && <Card size="small">{empty}</Card>}
          {query.data?.items.map((h) => (
            <Card key={h.id} size="small" hoverable onClick={() => open(h.id)} data-testid={`hazard-card-${h.id}`}>
              <Flex justify="space-between" align="center" gap={8}>
                <Flex vertical gap={6} style={{ minWidth: 0, flex: 1 }}>
                  <Flex gap={6} wrap align="center">
                    <HazardLevelTag level={h.level} />
                    <HazardStatusTag status={h.status} />
                    {h.overdue && <OverdueTag />}
                    {h.supervised && <SupervisedTag />}
                    {refOf(h) && <Typography.Text strong>{refOf(h)}</Typography.Text>}
                  </Flex>
                  <Typography.Paragraph style={{ margin: 0 }} ellipsis={{ rows: 2 }}>
                    {h.description}
                  </Typography.Paragraph>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatDateTime(h.foundAt)} · {HAZARD_SOURCE_LABELS[h.source]}
                    {enterpriseSide ? '' : ` · ${h.enterpriseName}`}
                    {h.photos.length > 0 ? ` · 照片 ${h.photos.length}` : ''}
                    {h.deadline && h.status !== 'closed' ? ` · 期限 ${formatDate(h.deadline)}` : ''}
                  </Typography.Text>
                </Flex>
                <RightOutlined style={{ color: 'rgba(0,0,0,0.3)' }} />
              </Flex>
            </Card>
          ))}
          <CardListPager list={list} total={query.data?.total} />
        </Flex>
      ) : (
        <Card>
          <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
            <Typography.Text type="secondary">点击一行进入隐患详情办理：判定、整改、验收和处理记录</Typography.Text>
            <ColumnChooser columns={OPTIONAL_COLUMNS} visible={visibleColumns} onChange={setVisibleColumns} />
          </Flex>
          <Table<HazardDto>
            className="zb-clickable-rows"
            rowKey="id"
            columns={shownColumns}
            dataSource={query.data?.items}
            loading={query.isFetching}
            pagination={paginationOf(list, query.data?.total)}
            onChange={list.onTableChange}
            onRow={(h) => ({ onClick: () => open(h.id), ...testId(`hazard-row-${h.id}`) })}
            scroll={{ x: enterpriseSide ? 860 : 1060 }}
            locale={{ emptyText: empty }}
            data-testid="hazards-table"
          />
        </Card>
      )}
      {creating && (
        <CreateHazardDialog
          open
          onClose={() => setCreating(false)}
          onCreated={(h) => {
            setCreating(false);
            open(h.id);
          }}
        />
      )}
    </Flex>
  );
}
