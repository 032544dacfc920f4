import { CheckCircleFilled, DownloadOutlined, WarningFilled } from '@ant-design/icons';
import type { MonitoringRolloutDto, RolloutEnterpriseDto } from '@zhiben/contracts';
import {
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Grid,
  Input,
  Progress,
  Row,
  Select,
  Skeleton,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { EChart } from '../../components/EChart';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { testId } from '../../lib/testId';
import { formatDate, formatDateTime } from '../../lib/time';
import { useListState } from '../../lib/useListState';
import { DUST_TARGET_SOURCE, DUST_TARGET_TEXT } from '../enterprises/enterpriseLabels';
import { saveBlob } from '../enterprises/ledger.api';
import { useRollout } from './monitoring.api';
import { formatRate } from './monitoringLabels';
import { rolloutChartOption } from './rolloutChartOption';

const FILTERS = ['target', 'connected', 'region', 'q'] as const;

function TargetCard({ t }: { t: MonitoringRolloutDto['targets'][number] }) {
  const percent = t.rate === null ? 0 : Math.round(t.rate * 1000) / 10;
  const done = t.total > 0 && t.connected >= t.total;
  const late = t.due && !done;
  return (
    <Card size="small" style={{ height: '100%' }} data-testid={`rollout-target-${t.key}`} data-rate={t.rate ?? ''}>
      <Flex vertical gap={6}>
        <Flex justify="space-between" align="center" gap={8} wrap>
          <Typography.Text strong>{t.label}</Typography.Text>
          {done ? (
            <Tag color="green" icon={<CheckCircleFilled />}>
              已完成
            </Tag>
          ) : late ? (
            <Tag color="red" icon={<WarningFilled />}>
              已逾期
            </Tag>
          ) : (
            <Tag color="blue">进行中</Tag>
          )}
        </Flex>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          目标期限 {formatDate(t.deadline)} · 涉粉作业 {t.minDustWorkers} 人以上
        </Typography.Text>
        <Progress percent={percent} status={done ? 'success' : late ? 'exception' : 'active'} format={() => `${formatRate(t.rate)}`} />
        <Typography.Text>
          已接入 <Typography.Text strong>{t.connected.toLocaleString('zh-CN')}</Typography.Text> / {t.total.toLocaleString('zh-CN')} 家
          {t.total - t.connected > 0 && <Typography.Text type="danger">，尚有 {t.total - t.connected} 家未接入</Typography.Text>}
        </Typography.Text>
      </Flex>
    </Card>
  );
}

/** The table as CSV (UTF-8 with BOM for Excel). */
function exportCsv(rows: readonly RolloutEnterpriseDto[], targets: MonitoringRolloutDto['targets']) {
  const label = new Map(targets.map((t) => [t.key, t.label]));
  const quote = (v: string | number | null) => `"${String(v ?? '').replaceAll('"', '""')}"`;
  const lines = [
    ['企业名称', '乡镇（街道）', '涉粉作业人数', '适用目标', '设备在线/登记', '是否接入', '最新数据', '数据完整率', '在线率']
      .map(quote)
      .join(','),
    ...rows.map((r) =>
      [
        r.enterpriseName,
        r.regionName,
        r.dustWorkers,
        r.targetKey ? (label.get(r.targetKey) ?? r.targetKey) : '',
        `${r.connectedDeviceCount}/${r.deviceCount}`,
        r.connected ? '已接入' : '未接入',
        r.lastDataAt ? formatDateTime(r.lastDataAt) : '',
        formatRate(r.completeness),
        formatRate(r.uptime),
      ]
        .map(quote)
        .join(','),
    ),
  ];
  saveBlob(
    new Blob([`\uFEFF${lines.join('\r\n')}\r\n`], { type: 'text/csv;charset=utf-8' }),
    `粉尘涉爆企业监测接入进度_${formatDate(new Date())}.csv`,
  );
}

const rateSorter = (k: 'completeness' | 'uptime') => (a: RolloutEnterpriseDto, b: RolloutEnterpriseDto) => (a[k] ?? -1) - (b[k] ?? -1);

/**
 * 接入进度: seed §三(六)11 — dust enterprises with 30+ dust workers connected by 2024-12-31, all with 10+ by
 * 2025-12-31. Progress per target (cards and a chart that filters the table), then every enterprise with its devices,
 * connection (all mandatory signals in the last 24 h), data completeness and uptime over the window.
 */
export function RolloutPage() {
  const phone = Grid.useBreakpoint().md === false;
  const list = useListState(FILTERS);
  const query = useRollout();
  const data = query.data;
  const { target, connected, region, q } = list.filters;

  const regions = useMemo(
    () => [...new Set((data?.items ?? []).map((e) => e.regionName))].sort((a, b) => a.localeCompare(b, 'zh-CN')),
    [data],
  );
  const rows = useMemo(
    () =>
      (data?.items ?? []).filter(
        (e) =>
          (!target || e.targetKey === target) &&
          (!connected || String(e.connected) === connected) &&
          (!region || e.regionName === region) &&
          (!q || e.enterpriseName.includes(q.trim())),
      ),
    [data, target, connected, region, q],
  );
  const targetLabel = useMemo(
    () => new Map((data?.targets ?? []).map((t) => [t.key, `${t.minDustWorkers} 人以上（${t.deadline.slice(0, 4)} 年底）`])),
    [data],
  );
  const chart = useMemo(() => (data ? rolloutChartOption(data.targets) : null), [data]);

  const columns: TableColumnsType<RolloutEnterpriseDto> = [
    {
      title: '企业',
      key: 'name',
      fixed: phone ? undefined : 'left',
      width: 240,
      sorter: (a, b) => a.enterpriseName.localeCompare(b.enterpriseName, 'zh-CN'),
      render: (_, e) => (
        <Flex vertical>
          <Link to={`/enterprises/${e.enterpriseId}`}>{e.enterpriseName}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {e.regionName}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: '涉粉人数',
      key: 'dustWorkers',
      width: 96,
      align: 'right',
      sorter: (a, b) => (a.dustWorkers ?? -1) - (b.dustWorkers ?? -1),
      defaultSortOrder: 'descend',
      render: (_, e) => e.dustWorkers ?? '—',
    },
    {
      title: '适用目标',
      key: 'target',
      width: 130,
      render: (_, e) =>
        e.targetKey ? (targetLabel.get(e.targetKey) ?? e.targetKey) : <Typography.Text type="secondary">—</Typography.Text>,
    },
    {
      title: '设备在线',
      key: 'devices',
      width: 100,
      sorter: (a, b) => a.deviceCount - b.deviceCount,
      render: (_, e) =>
        e.deviceCount === 0 ? (
          <Typography.Text type="secondary">未登记</Typography.Text>
        ) : (
          <Link to={`/monitoring/devices?enterpriseId=${e.enterpriseId}`}>
            {e.connectedDeviceCount} / {e.deviceCount}
          </Link>
        ),
    },
    {
      title: '接入',
      key: 'connected',
      width: 90,
      sorter: (a, b) => Number(a.connected) - Number(b.connected),
      render: (_, e) => <Tag color={e.connected ? 'green' : 'default'}>{e.connected ? '已接入' : '未接入'}</Tag>,
    },
    {
      title: '最新数据',
      key: 'lastDataAt',
      width: 150,
      sorter: (a, b) => (a.lastDataAt ?? '').localeCompare(b.lastDataAt ?? ''),
      render: (_, e) => formatDateTime(e.lastDataAt),
    },
    {
      title: `数据完整率（${data?.windowDays ?? 7} 天）`,
      key: 'completeness',
      width: 150,
      sorter: rateSorter('completeness'),
      render: (_, e) =>
        e.completeness === null ? (
          '—'
        ) : (
          <Progress percent={Math.round(e.completeness * 100)} size="small" status="normal" format={() => formatRate(e.completeness)} />
        ),
    },
    {
      title: `在线率（${data?.windowDays ?? 7} 天）`,
      key: 'uptime',
      width: 150,
      sorter: rateSorter('uptime'),
      render: (_, e) =>
        e.uptime === null ? (
          '—'
        ) : (
          <Progress percent={Math.round(e.uptime * 100)} size="small" status="normal" format={() => formatRate(e.uptime)} />
        ),
    },
  ];

  return (
    <Flex vertical gap={phone ? 12 : 16}>
      <PageHeader
        title="接入进度"
        description={
          <span>
            {DUST_TARGET_TEXT}（{DUST_TARGET_SOURCE}）。接入指全部必选监测项近 24 小时内均有数据。
          </span>
        }
        extra={
          data && (
            <Button
              icon={<DownloadOutlined />}
              onClick={() => exportCsv(rows, data.targets)}
              disabled={rows.length === 0}
              data-testid="rollout-export"
            >
              导出
            </Button>
          )
        }
      />
      {query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : !data ? (
        <Card>
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      ) : (
        <>
          <Row gutter={[16, 16]}>
            {data.targets.map((t) => (
              <Col key={t.key} xs={24} md={12} xl={8}>
                <TargetCard t={t} />
              </Col>
            ))}
            <Col xs={24} xl={data.targets.length >= 2 ? 8 : 16}>
              <Card size="small" title="接入情况" style={{ height: '100%' }}>
                {chart && (
                  <EChart
                    option={chart}
                    height={180}
                    ariaLabel="各目标已接入和未接入企业数"
                    onClick={(ev) => {
                      const key = data.targets[ev.dataIndex]?.key;
                      if (key) list.setFilters({ ...list.filters, target: key, connected: ev.seriesIndex === 0 ? 'true' : 'false' });
                    }}
                    data-testid="rollout-chart"
                  />
                )}
              </Card>
            </Col>
          </Row>
          <Card size="small">
            <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }} data-testid="rollout-filters">
              <Select
                allowClear
                placeholder="全部目标"
                value={target}
                onChange={(v: string | undefined) => list.setFilters({ ...list.filters, target: v })}
                options={data.targets.map((t) => ({ value: t.key, label: t.label }))}
                style={{ width: phone ? '100%' : 200 }}
                data-testid="rollout-filter-target"
              />
              <Select
                allowClear
                placeholder="接入状态"
                value={connected}
                onChange={(v: string | undefined) => list.setFilters({ ...list.filters, connected: v })}
                options={[
                  { value: 'true', label: '已接入' },
                  { value: 'false', label: '未接入' },
                ]}
                style={{ width: phone ? '100%' : 130 }}
                data-testid="rollout-filter-connected"
              />
              <Select
                allowClear
                placeholder="全部乡镇（街道）"
                value={region}
                onChange={(v: string | undefined) => list.setFilters({ ...list.filters, region: v })}
                options={regions.map((r) => ({ value: r, label: r }))}
                style={{ width: phone ? '100%' : 180 }}
              />
              <Input.Search
                allowClear
                placeholder="企业名称"
                defaultValue={q}
                onSearch={(v) => list.setFilters({ ...list.filters, q: v })}
                style={{ width: phone ? '100%' : 200 }}
              />
              <Typography.Text type="secondary" style={{ marginLeft: phone ? 0 : 'auto' }}>
                {list.filtered ? `显示 ${rows.length} / ${data.items.length} 家` : `共 ${data.items.length} 家`} · 统计于{' '}
                {formatDateTime(data.asOf)}
              </Typography.Text>
            </Flex>
            <Table<RolloutEnterpriseDto>
              rowKey="enterpriseId"
              size="middle"
              columns={columns}
              dataSource={rows}
              pagination={{ pageSize: 20, showSizeChanger: true, pageSizeOptions: ['20', '50', '100'], showTotal: (n) => `共 ${n} 家` }}
              scroll={{ x: 1100 }}
              locale={{
                emptyText: (
                  <Empty
                    image={Empty.PRESENTED_IMAGE_SIMPLE}
                    description={
                      list.filtered ? '没有符合条件的企业，请调整筛选条件' : '没有涉粉作业 10 人以上的企业；请在企业台账中核实涉粉作业人数'
                    }
                  />
                ),
              }}
              onRow={(e) => ({ onClick: undefined, ...testId(`rollout-row-${e.enterpriseId}`) })}
              data-testid="rollout-table"
            />
          </Card>
        </>
      )}
    </Flex>
  );
}
