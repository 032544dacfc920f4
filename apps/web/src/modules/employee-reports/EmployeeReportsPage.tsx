import { PictureOutlined, RightOutlined } from '@ant-design/icons';
import { EMPLOYEE_REPORT_STATUS_LABELS, EMPLOYEE_REPORT_STATUSES, type EmployeeReportDto } from '@zhiben/contracts';
import { Card, Collapse, DatePicker, Empty, Flex, Form, Grid, Input, Select, Table, type TableColumnsType, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { can } from '../../app/access';
import { useSession } from '../../app/session';
import { CardListPager } from '../../components/CardListPager';
import { EnterpriseSelect } from '../../components/EnterpriseSelect';
import { FilterBar } from '../../components/FilterBar';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { testId } from '../../lib/testId';
import { dayjs, formatDate, formatDateTime } from '../../lib/time';
import { paginationOf, useListState } from '../../lib/useListState';
import { useEmployeeReports } from './employeeReports.api';
import { ReportActions } from './ReportActions';
import { ReportDrawer } from './ReportDrawer';
import { ReportSettingsCard } from './ReportSettingsCard';
import { formatYuan, ReportStatusTag } from './reportLabels';

const FILTERS = ['status', 'enterpriseId', 'grade', 'from', 'to', 'q'] as const;
type Filters = { status?: string; enterpriseId?: string; grade?: string; q?: string; range?: [Dayjs | null, Dayjs | null] | null };

function RewardCell({ report }: { report: EmployeeReportDto }) {
  if (report.rewardFen === null) {
    return <Typography.Text type="secondary">{report.status === 'confirmed' ? '待评定' : '—'}</Typography.Text>;
  }
  return (
    <Flex vertical>
      <span>{formatYuan(report.rewardFen)}</span>
      <Typography.Text type={report.rewardPaidAt ? 'success' : 'warning'} style={{ fontSize: 12 }}>
        {report.rewardPaidAt ? `${formatDate(report.rewardPaidAt)} 已发放` : '待发放'}
      </Typography.Text>
    </Flex>
  );
}

function ReporterCell({ report }: { report: EmployeeReportDto }) {
  if (report.identityHidden) return <Typography.Text type="secondary">—</Typography.Text>;
  if (!report.reporterName && !report.reporterPhone) return <Typography.Text type="secondary">匿名</Typography.Text>;
  return (
    <Flex vertical>
      <span>{report.reporterName ?? '匿名'}</span>
      {report.reporterPhone && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {report.reporterPhone}
        </Typography.Text>
      )}
    </Flex>
  );
}

/**
 * 员工举报与奖励 (/my/reports, enterprise) and 员工举报 (/reports, bureau and townships): hazard reports from the QR
 * page (seed §三(四)6 员工报告隐患奖励制度). The enterprise verifies and rewards them and keeps its QR code and reward
 * scale here; the bureau reads them across its scope. Reporter identity appears only in DTOs that carry it.
 */
export function EmployeeReportsPage() {
  const me = useSession();
  const enterpriseSide = me.scope.kind === 'enterprise';
  const seesIdentity = can(me, 'reports.read_identity');
  const screens = Grid.useBreakpoint();
  const phone = screens.md === false;
  const list = useListState(FILTERS);
  const [form] = Form.useForm<Filters>();
  const formValues = useMemo<Filters>(() => {
    const { from, to, ...plain } = list.filters;
    return { ...plain, range: from || to ? [from ? dayjs(from) : null, to ? dayjs(to) : null] : null };
  }, [list.filters]);
  const [params, setParams] = useSearchParams();
  const openId = params.get('report') ?? undefined;
  const query = useEmployeeReports({ page: list.page, pageSize: list.pageSize, sort: list.sort, ...list.filters });
  const anyActions = query.data?.items.some((r) => r.abilities.verify || r.abilities.reward) ?? false;

  const open = (id: string | undefined) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (id) next.set('report', id);
        else next.delete('report');
        return next;
      },
      { replace: !id },
    );

  const columns = useMemo<TableColumnsType<EmployeeReportDto>>(
    () => [
      {
        title: '提交时间',
        key: 'createdAt',
        width: 150,
        sorter: true,
        sortOrder: list.sortOrderOf('createdAt'),
        render: (_, r) => formatDateTime(r.createdAt),
      },
      ...(enterpriseSide
        ? []
        : [
            {
              title: '企业',
              key: 'enterprise',
              width: 220,
              render: (_: unknown, r: EmployeeReportDto) => (
                <Flex vertical>
                  <Typography.Text ellipsis={{ tooltip: r.enterpriseName }}>{r.enterpriseName}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {r.regionName}
                  </Typography.Text>
                </Flex>
              ),
            },
          ]),
      {
        title: '状态',
        key: 'status',
        width: 90,
        sorter: true,
        sortOrder: list.sortOrderOf('status'),
        render: (_, r) => <ReportStatusTag status={r.status} />,
      },
      {
        title: '隐患描述',
        key: 'description',
        render: (_, r) => (
          <Flex vertical>
            <Typography.Paragraph style={{ margin: 0 }} ellipsis={{ rows: 2 }}>
              {r.description}
            </Typography.Paragraph>
            {r.location && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                位置：{r.location}
              </Typography.Text>
            )}
          </Flex>
        ),
      },
      {
        title: '照片',
        key: 'photos',
        width: 64,
        render: (_, r) =>
          r.photos.length > 0 ? (
            <span>
              <PictureOutlined /> {r.photos.length}
            </span>
          ) : (
            <Typography.Text type="secondary">—</Typography.Text>
          ),
      },
      { title: '等级', key: 'grade', width: 72, render: (_, r) => r.grade ?? <Typography.Text type="secondary">—</Typography.Text> },
      {
        title: '奖励',
        key: 'rewardFen',
        width: 150,
        sorter: true,
        sortOrder: list.sortOrderOf('rewardFen'),
        render: (_, r) => <RewardCell report={r} />,
      },
      ...(seesIdentity
        ? [{ title: '报告人', key: 'reporter', width: 120, render: (_: unknown, r: EmployeeReportDto) => <ReporterCell report={r} /> }]
        : []),
      // The enterprise pays rewards against the receipt code (masked for staff without the identity permission).
      ...(enterpriseSide
        ? [
            {
              title: '回执码',
              key: 'receiptCode',
              width: 130,
              render: (_: unknown, r: EmployeeReportDto) => <Typography.Text code>{r.receiptCode}</Typography.Text>,
            },
          ]
        : []),
      ...(anyActions
        ? [
            {
              title: '操作',
              key: 'actions',
              width: 170,
              fixed: 'right' as const,
              render: (_: unknown, r: EmployeeReportDto) => <ReportActions report={r} inRow />,
            },
          ]
        : []),
    ],
    [enterpriseSide, seesIdentity, anyActions, list.sortOrderOf],
  );

  const empty = (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={
        list.filtered
          ? '没有符合条件的报告，请调整查询条件'
          : enterpriseSide
            ? '暂无员工报告。下载二维码张贴在车间、班组，员工扫码即可报告隐患'
            : '暂无员工报告，企业员工扫码报告的隐患将在此显示'
      }
    />
  );

  return (
    <Flex vertical gap={phone ? 12 : 16}>
      <PageHeader
        title={enterpriseSide ? '员工举报与奖励' : '员工举报'}
        description={
          enterpriseSide
            ? '员工扫码报告的隐患：核实属实的自动列入隐患整改，并按奖励标准给予奖励'
            : '辖区企业员工报告隐患及核实、奖励情况（员工报告隐患奖励制度）'
        }
      />
      {me.scope.kind === 'enterprise' &&
        can(me, 'reports.settings') &&
        (phone ? (
          // On a phone the list comes first; the QR code and scale fold away.
          <Collapse
            size="small"
            items={[
              {
                key: 'settings',
                label: '二维码与奖励标准',
                children: <ReportSettingsCard enterpriseId={me.scope.enterpriseId} embedded />,
              },
            ]}
          />
        ) : (
          <ReportSettingsCard enterpriseId={me.scope.enterpriseId} />
        ))}
      <FilterBar<Filters>
        form={form}
        values={formValues}
        onSearch={({ range, ...v }) => {
          const [start, end] = range ?? [];
          list.setFilters({ ...v, from: start?.format('YYYY-MM-DD'), to: end?.format('YYYY-MM-DD') });
        }}
        onReset={() => list.setFilters({})}
        collapsedCount={phone ? 1 : 3}
        testIdPrefix="reports"
      >
        <Form.Item key="status" name="status" label="状态">
          <Select
            allowClear
            placeholder="全部"
            options={EMPLOYEE_REPORT_STATUSES.map((s) => ({
              value: s,
              label: EMPLOYEE_REPORT_STATUS_LABELS[s],
              ...testId(`reports-status-${s}`),
            }))}
            data-testid="reports-filter-status"
          />
        </Form.Item>
        {enterpriseSide ? null : (
          <Form.Item key="enterpriseId" name="enterpriseId" label="企业">
            <EnterpriseSelect data-testid="reports-filter-enterprise" />
          </Form.Item>
        )}
        <Form.Item key="grade" name="grade" label="奖励等级">
          <Input allowClear placeholder="如 一般、较大" data-testid="reports-filter-grade" />
        </Form.Item>
        <Form.Item key="range" name="range" label="报告日期">
          <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: '100%' }} data-testid="reports-filter-range" />
        </Form.Item>
        <Form.Item key="q" name="q" label="关键字">
          <Input allowClear placeholder="隐患描述或位置" data-testid="reports-filter-q" />
        </Form.Item>
      </FilterBar>
      {query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : phone ? (
        <Flex vertical gap={10} data-testid="reports-list">
          {query.isLoading && <Card loading size="small" />}
          {query.data?.items.length === 0 && <Card size="small">{empty}</Card>}
          {query.data?.items.map((r) => (
            <Card key={r.id} size="small" hoverable onClick={() => open(r.id)} data-testid={`report-card-${r.id}`}>
              <Flex justify="space-between" align="center" gap={8}>
                <Flex vertical gap={6} style={{ minWidth: 0, flex: 1 }}>
                  <Flex gap={6} wrap align="center">
                    <ReportStatusTag status={r.status} />
                    {r.grade && <Typography.Text strong>{r.grade}</Typography.Text>}
                    {r.rewardFen !== null && <Typography.Text>{formatYuan(r.rewardFen)}</Typography.Text>}
                  </Flex>
                  <Typography.Paragraph style={{ margin: 0 }} ellipsis={{ rows: 2 }}>
                    {r.description}
                  </Typography.Paragraph>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatDateTime(r.createdAt)}
                    {r.location ? ` · ${r.location}` : ''}
                    {enterpriseSide ? '' : ` · ${r.enterpriseName}`}
                    {r.photos.length > 0 ? ` · 照片 ${r.photos.length}` : ''}
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
          <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 12 }}>
            点击一行查看报告详情和现场照片
            {seesIdentity ? '' : '；报告人身份仅企业主要负责人和区应急管理局可见'}
          </Typography.Text>
          <Table<EmployeeReportDto>
            className="zb-clickable-rows"
            rowKey="id"
            columns={columns}
            dataSource={query.data?.items}
            loading={query.isFetching}
            pagination={paginationOf(list, query.data?.total)}
            onChange={list.onTableChange}
            onRow={(r) => ({ onClick: () => open(r.id), ...testId(`report-row-${r.id}`) })}
            scroll={{ x: 1080 }}
            locale={{ emptyText: empty }}
            data-testid="reports-table"
          />
        </Card>
      )}
      <ReportDrawer id={openId} onClose={() => open(undefined)} />
    </Flex>
  );
}
