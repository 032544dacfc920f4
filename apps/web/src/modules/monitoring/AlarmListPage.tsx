import { RightOutlined } from '@ant-design/icons';
import { ALARM_KIND_LABELS, ALARM_KINDS, ALARM_LEVEL_LABELS, ALARM_LEVELS, type AlarmDto } from '@zhiben/contracts';
import { Alert, Button, Card, Empty, Flex, Form, Grid, Input, Select, Table, type TableColumnsType, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { useSession } from '../../app/session';
import { CardListPager } from '../../components/CardListPager';
import { FilterBar } from '../../components/FilterBar';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { testId } from '../../lib/testId';
import { dayjs, formatDateTime, startOfDayIso } from '../../lib/time';
import { paginationOf, useListState } from '../../lib/useListState';
import { ALARM_STATUS_FILTERS, alarmQueryOf } from './alarmFilters';
import { useAlarms } from './alarms.api';
import { type DayRange, DayRangeFilter } from './DayRangeFilter';
import { useDevice } from './devices.api';
import { EnterpriseFilterSelect } from './EnterpriseFilterSelect';
import { AlarmLevelTag, AlarmStatusTag, describePeak, signalLabel } from './monitoringLabels';
import { useMonitoringStream } from './useMonitoringStream';

const FILTERS = ['status', 'level', 'kind', 'enterpriseId', 'deviceId', 'from', 'to', 'q'] as const;
type Filters = Partial<Record<(typeof FILTERS)[number], string>>;
/** The form edits the URL's `from` / `to` days (YYYY-MM-DD, both included) as one 报警时间 range. */
type FormValues = Omit<Filters, 'from' | 'to'> & { range?: DayRange };
const POLL_MS = 30_000;

/**
 * Calendar days in the URL → the API's window on the raised time: [start of `from`, start of the day after `to`).
 * A hand-edited URL with the days reversed is read the right way round rather than answered with an error.
 */
function raisedWindow(first: string | undefined, last: string | undefined): { from?: string; to?: string } {
  const [from, to] = first && last && first > last ? [last, first] : [first, last];
  return {
    ...(from ? { from: startOfDayIso(from) } : {}),
    ...(to ? { to: startOfDayIso(dayjs.utc(to).add(1, 'day').format('YYYY-MM-DD')) } : {}),
  };
}

/**
 * 报警处置: alarms in scope, newest first, filtered and paged in the URL; a row opens the alarm (响应, 处置报告,
 * timeline). Live through the monitoring stream; polls while the stream is down.
 */
export function AlarmListPage() {
  const me = useSession();
  const enterpriseSide = me.scope.kind === 'enterprise';
  const phone = Grid.useBreakpoint().md === false;
  const navigate = useNavigate();
  const location = useLocation();
  const list = useListState(FILTERS);
  const [form] = Form.useForm<FormValues>();
  const { live } = useMonitoringStream();
  const { from, to, ...others } = list.filters;
  const query = useAlarms(
    { page: list.page, pageSize: list.pageSize, sort: list.sort, ...alarmQueryOf(others), ...raisedWindow(from, to) },
    { refetchInterval: live ? false : POLL_MS },
  );
  const formValues = useMemo<FormValues>(() => {
    const { from: start, to: end, ...rest } = list.filters;
    return { ...rest, range: start || end ? [start ? dayjs(start) : null, end ? dayjs(end) : null] : null };
  }, [list.filters]);
  const search = ({ range, ...v }: FormValues) => {
    const [start, end] = range ?? [];
    list.setFilters({
      ...v,
      from: start ? start.format('YYYY-MM-DD') : undefined,
      to: end ? end.format('YYYY-MM-DD') : undefined,
      deviceId: list.filters.deviceId,
    });
  };

  const device = useDevice(list.filters.deviceId);

  const open = (id: string) => navigate(`/monitoring/alarms/${id}`, { state: { listSearch: location.search } });

  const columns = useMemo<TableColumnsType<AlarmDto>>(
    () => [
      {
        title: '级别',
        key: 'level',
        width: 96,
        render: (_, a) => <AlarmLevelTag level={a.level} />,
      },
      {
        title: '报警',
        key: 'rule',
        render: (_, a) => (
          <Flex vertical>
            <Link
              to={`/monitoring/alarms/${a.id}`}
              state={{ listSearch: location.search }}
              onClick={(e) => e.stopPropagation()}
              data-testid={`alarm-link-${a.id}`}
            >
              {a.ruleName}
            </Link>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {ALARM_KIND_LABELS[a.kind]}
              {a.signal ? ` · ${signalLabel(a.signal)}` : ''}
              {a.count > 1 ? ` · ${a.count} 次` : ''}
            </Typography.Text>
          </Flex>
        ),
      },
      ...(enterpriseSide
        ? []
        : [
            {
              title: '企业',
              key: 'enterprise',
              width: 220,
              render: (_: unknown, a: AlarmDto) => (
                <Flex vertical>
                  <Typography.Text ellipsis={{ tooltip: a.enterpriseName }}>{a.enterpriseName}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {a.regionName}
                  </Typography.Text>
                </Flex>
              ),
            },
          ]),
      {
        title: '设备',
        key: 'device',
        width: 180,
        render: (_, a) => <Typography.Text ellipsis={{ tooltip: `${a.deviceName}（${a.deviceCode}）` }}>{a.deviceName}</Typography.Text>,
      },
      {
        title: '峰值 / 时长',
        key: 'peak',
        width: 120,
        render: (_, a) => {
          const p = describePeak(a, a.peak);
          return p ? <Typography.Text title={p.label}>{p.text}</Typography.Text> : <Typography.Text type="secondary">—</Typography.Text>;
        },
      },
      {
        title: '报警时间',
        key: 'firstAt',
        width: 150,
        sorter: true,
        sortOrder: list.sortOrderOf('firstAt'),
        render: (_, a) => formatDateTime(a.firstAt),
      },
      {
        title: '状态',
        key: 'status',
        width: 120,
        render: (_, a) => (
          <Flex vertical gap={2} align="flex-start">
            <AlarmStatusTag status={a.displayStatus} />
            {a.escalationStage !== 'none' && a.status === 'pending' && (
              <Typography.Text type="danger" style={{ fontSize: 12 }}>
                {a.escalationStage === 'bureau' ? '已升级至区局' : '已升级至乡镇'}
              </Typography.Text>
            )}
          </Flex>
        ),
      },
    ],
    [enterpriseSide, list.sortOrderOf, location.search],
  );

  const emptyState = (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={
        list.filtered
          ? '没有符合条件的报警，请调整查询条件'
          : '暂无报警。设备上报的数据超过报警值时在此显示；可在「设备」中查看接入情况和阈值'
      }
    />
  );

  return (
    <Flex vertical gap={phone ? 12 : 16}>
      <PageHeader
        title="报警处置"
        description={
          enterpriseSide
            ? '本企业除尘设备的报警：收到后先「响应」，处置完成后提交处置报告（原因、措施、现场照片）'
            : '辖区粉尘涉爆企业的监测报警；未按时响应的报警逐级升级到乡镇、区局'
        }
      />
      <FilterBar<FormValues>
        form={form}
        values={formValues}
        onSearch={search}
        onReset={() => list.setFilters({})}
        // A filter set by a link (or kept in the URL) must not hide behind 展开.
        collapsedCount={
          phone
            ? Object.keys(list.filters).some((k) => k !== 'deviceId')
              ? FILTERS.length
              : 1
            : list.filters.kind || list.filters.q || from || to
              ? FILTERS.length
              : 3
        }
        testIdPrefix="alarms"
      >
        <Form.Item key="status" name="status" label="状态">
          <Select
            allowClear
            placeholder="全部"
            options={ALARM_STATUS_FILTERS.map((s) => ({ value: s.value, label: s.label, ...testId(`alarms-status-${s.value}`) }))}
            data-testid="alarms-filter-status"
          />
        </Form.Item>
        <Form.Item key="level" name="level" label="级别">
          <Select
            allowClear
            placeholder="全部"
            options={[...ALARM_LEVELS].reverse().map((l) => ({ value: l, label: ALARM_LEVEL_LABELS[l], ...testId(`alarms-level-${l}`) }))}
            data-testid="alarms-filter-level"
          />
        </Form.Item>
        {enterpriseSide ? null : (
          <Form.Item key="enterpriseId" name="enterpriseId" label="企业">
            <EnterpriseFilterSelect data-testid="alarms-filter-enterprise" />
          </Form.Item>
        )}
        <Form.Item key="range" name="range" label="报警时间">
          <DayRangeFilter phone={phone} testId="alarms-filter-range" />
        </Form.Item>
        <Form.Item key="kind" name="kind" label="类型">
          <Select
            allowClear
            placeholder="全部"
            options={ALARM_KINDS.map((k) => ({ value: k, label: ALARM_KIND_LABELS[k] }))}
            data-testid="alarms-filter-kind"
          />
        </Form.Item>
        <Form.Item key="q" name="q" label="关键字">
          <Input allowClear placeholder="规则、设备或企业名称" data-testid="alarms-filter-q" />
        </Form.Item>
      </FilterBar>
      {list.filters.deviceId && (
        <Alert
          type="info"
          showIcon
          title={`仅显示设备「${device.data ? `${device.data.name}（${device.data.code}）` : '…'}」的报警`}
          action={
            <Button size="small" onClick={() => list.setFilters({ ...list.filters, deviceId: undefined })}>
              显示全部设备
            </Button>
          }
          data-testid="alarms-device-filter"
        />
      )}
      {query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : phone ? (
        <Flex vertical gap={10} data-testid="alarms-list">
          {query.isLoading && <Card loading size="small" />}
          {query.data?.items.length === 0 && <Card size="small">{emptyState}</Card>}
          {query.data?.items.map((a) => (
            <Card key={a.id} size="small" hoverable onClick={() => open(a.id)} data-testid={`alarm-row-${a.id}`}>
              <Flex justify="space-between" align="center" gap={8}>
                <Flex vertical gap={4} style={{ minWidth: 0, flex: 1 }}>
                  <Flex gap={6} wrap align="center">
                    <AlarmLevelTag level={a.level} />
                    <AlarmStatusTag status={a.displayStatus} />
                    <Typography.Text strong>{a.ruleName}</Typography.Text>
                  </Flex>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatDateTime(a.firstAt)} · {a.deviceName}
                    {(() => {
                      const p = describePeak(a, a.peak);
                      return p ? ` · ${p.label} ${p.text}` : '';
                    })()}
                  </Typography.Text>
                  {!enterpriseSide && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
                      {a.enterpriseName}
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
          <Table<AlarmDto>
            className="zb-clickable-rows"
            rowKey="id"
            columns={columns}
            dataSource={query.data?.items}
            loading={query.isFetching && !query.data}
            pagination={paginationOf(list, query.data?.total)}
            onChange={list.onTableChange}
            onRow={(a) => ({ onClick: () => open(a.id), ...testId(`alarm-row-${a.id}`) })}
            scroll={{ x: enterpriseSide ? 860 : 1080 }}
            locale={{ emptyText: emptyState }}
            data-testid="alarms-table"
          />
        </Card>
      )}
    </Flex>
  );
}
