import { CONNECTION_STATUS_LABELS, CONNECTION_STATUSES, type MonitoringStreamEvent } from '@zhiben/contracts';
import { Badge, Card, Col, Empty, Flex, Grid, Input, Row, Select, Skeleton, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useSession } from '../../app/session';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { testId } from '../../lib/testId';
import { formatDateTime } from '../../lib/time';
import { useListState } from '../../lib/useListState';
import { EnterpriseDeviceTiles } from './EnterpriseDeviceTiles';
import { useOverview } from './monitoring.api';
import { OverviewSummary } from './OverviewSummary';
import { OverviewTile } from './OverviewTile';
import { TILE_LEVEL_LABELS, TILE_LEVELS, tileLevelOf } from './overviewTile';
import { RecentAlarms } from './RecentAlarms';
import { useMonitoringStream } from './useMonitoringStream';
import './monitoring.css';

const FILTERS = ['region', 'level', 'connection', 'q'] as const;
/** Without the live stream the overview is refreshed this often. */
const POLL_MS = 30_000;
const FLASH_MS = 3_500;

/** Tiles that just changed through the stream, for a short highlight. */
function useFlashes(): [ReadonlySet<string>, (id: string) => void] {
  const [ids, setIds] = useState<ReadonlySet<string>>(new Set());
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  useEffect(() => {
    const all = timers.current;
    return () => {
      for (const t of all.values()) clearTimeout(t);
    };
  }, []);
  const flash = useCallback((id: string) => {
    setIds((prev) => new Set(prev).add(id));
    const old = timers.current.get(id);
    if (old) clearTimeout(old);
    timers.current.set(
      id,
      setTimeout(() => {
        timers.current.delete(id);
        setIds((prev) => {
          const next = new Set(prev);
          next.delete(id);
          return next;
        });
      }, FLASH_MS),
    );
  }, []);
  return [ids, flash];
}

function LiveBadge({ live, asOf }: { live: boolean; asOf: string | undefined }) {
  return (
    <Tooltip title={live ? '报警和接入状态实时推送' : `实时推送未连接，每 ${POLL_MS / 1000} 秒刷新`}>
      <Flex gap={8} align="center" data-testid="monitoring-live" data-live={live}>
        <Badge status={live ? 'processing' : 'default'} text={live ? '实时' : '定时刷新'} />
        {asOf && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            更新于 {formatDateTime(asOf)}
          </Typography.Text>
        )}
      </Flex>
    </Tooltip>
  );
}

/**
 * 监测总览 (bureau) / 监测报警 (enterprise). Bureau: every dust enterprise with devices as a tile coloured by its
 * worst open alarm (红/橙/黄/蓝), grey when not all devices report, green when normal; counts on top, filters
 * (region, level, connection, name) in the URL, the newest open alarms beside. Enterprise: its own collectors as
 * tiles and its open alarms. Live through the monitoring stream (a changed tile flashes); polls while it is down.
 */
export function MonitoringOverviewPage() {
  const me = useSession();
  const enterpriseSide = me.scope.kind === 'enterprise';
  const screens = Grid.useBreakpoint();
  const phone = screens.md === false;
  const list = useListState(FILTERS);
  const [flashing, flash] = useFlashes();
  const onEvent = useCallback(
    (event: MonitoringStreamEvent) => {
      if (event.type === 'alarm') flash(event.alarm.enterpriseId);
      else if (event.type === 'connection') flash(event.enterpriseId);
    },
    [flash],
  );
  const { live } = useMonitoringStream(onEvent);
  const poll = live ? false : POLL_MS;
  const query = useOverview({}, poll);
  const items = query.data?.items;

  const regions = useMemo(() => [...new Set((items ?? []).map((e) => e.regionName))].sort((a, b) => a.localeCompare(b, 'zh-CN')), [items]);
  const { region, level, connection, q } = list.filters;
  const shown = useMemo(
    () =>
      (items ?? []).filter(
        (e) =>
          (!region || e.regionName === region) &&
          (!level || tileLevelOf(e) === level) &&
          (!connection || e.connectionStatus === connection) &&
          (!q || e.enterpriseName.includes(q.trim())),
      ),
    [items, region, level, connection, q],
  );
  const countByLevel = useMemo(() => {
    const out = new Map<string, number>();
    for (const e of items ?? []) out.set(tileLevelOf(e), (out.get(tileLevelOf(e)) ?? 0) + 1);
    return out;
  }, [items]);

  const header = (
    <PageHeader
      title={enterpriseSide ? '监测报警' : '监测总览'}
      description={
        enterpriseSide
          ? '本企业除尘设备的监测状态和报警；报警请及时响应并提交处置报告'
          : '粉尘涉爆企业监测预警：颜色为企业当前最高报警级别，灰色为设备离线或未接入'
      }
      extra={<LiveBadge live={live} asOf={query.data?.asOf} />}
    />
  );

  if (query.isError) {
    return (
      <Flex vertical gap={16}>
        {header}
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      </Flex>
    );
  }

  if (enterpriseSide) {
    return (
      <Flex vertical gap={phone ? 12 : 16}>
        {header}
        {query.data ? <OverviewSummary data={query.data} enterpriseSide /> : <Skeleton active paragraph={{ rows: 2 }} />}
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}>
            <EnterpriseDeviceTiles refetchInterval={poll} />
          </Col>
          <Col xs={24} xl={10}>
            <RecentAlarms title="待处理的报警" pageSize={10} showEnterprise={false} refetchInterval={poll} />
          </Col>
        </Row>
      </Flex>
    );
  }

  return (
    <Flex vertical gap={phone ? 12 : 16}>
      {header}
      {query.data ? <OverviewSummary data={query.data} enterpriseSide={false} /> : <Skeleton active paragraph={{ rows: 2 }} />}
      <Card size="small">
        <Flex gap={8} wrap align="center" data-testid="monitoring-filters">
          <Select
            allowClear
            placeholder="全部乡镇（街道）"
            value={region}
            onChange={(v: string | undefined) => list.setFilters({ ...list.filters, region: v })}
            options={regions.map((r) => ({ value: r, label: r }))}
            style={{ width: phone ? '100%' : 180 }}
            data-testid="monitoring-filter-region"
          />
          <Select
            allowClear
            placeholder="全部状态"
            value={level}
            onChange={(v: string | undefined) => list.setFilters({ ...list.filters, level: v })}
            options={TILE_LEVELS.map((l) => ({
              value: l,
              label: `${TILE_LEVEL_LABELS[l]}（${countByLevel.get(l) ?? 0}）`,
              ...testId(`monitoring-level-${l}`),
            }))}
            style={{ width: phone ? '100%' : 180 }}
            data-testid="monitoring-filter-level"
          />
          <Select
            allowClear
            placeholder="全部接入状态"
            value={connection}
            onChange={(v: string | undefined) => list.setFilters({ ...list.filters, connection: v })}
            options={CONNECTION_STATUSES.filter((c) => c !== 'no_devices').map((c) => ({ value: c, label: CONNECTION_STATUS_LABELS[c] }))}
            style={{ width: phone ? '100%' : 150 }}
            data-testid="monitoring-filter-connection"
          />
          <Input.Search
            allowClear
            placeholder="企业名称"
            defaultValue={q}
            onSearch={(v) => list.setFilters({ ...list.filters, q: v })}
            style={{ width: phone ? '100%' : 200 }}
            data-testid="monitoring-filter-q"
          />
          {items && (
            <Typography.Text type="secondary" style={{ marginLeft: phone ? 0 : 'auto' }}>
              {list.filtered ? `显示 ${shown.length} / ${items.length} 家` : `共 ${items.length} 家`}
            </Typography.Text>
          )}
        </Flex>
      </Card>
      <Row gutter={[16, 16]}>
        {/* On phones the open alarms come first: they are what needs doing. */}
        <Col xs={{ span: 24, order: 2 }} xl={{ span: 17, order: 1 }} xxl={{ span: 18, order: 1 }}>
          {!items ? (
            <Card>
              <Skeleton active paragraph={{ rows: 6 }} />
            </Card>
          ) : shown.length === 0 ? (
            <Card>
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={
                  list.filtered
                    ? '没有符合条件的企业，请调整筛选条件'
                    : '暂无登记监测设备的企业。请在「设备」中为粉尘涉爆企业登记除尘器，或查看「接入进度」'
                }
              />
            </Card>
          ) : (
            <div className="zb-monitoring-tiles" data-testid="monitoring-tiles">
              {shown.map((e) => (
                <OverviewTile key={e.enterpriseId} e={e} flash={flashing.has(e.enterpriseId)} />
              ))}
            </div>
          )}
        </Col>
        <Col xs={{ span: 24, order: 1 }} xl={{ span: 7, order: 2 }} xxl={{ span: 6, order: 2 }}>
          <RecentAlarms title="最新未关闭报警" pageSize={phone ? 5 : 8} showEnterprise refetchInterval={poll} />
        </Col>
      </Row>
    </Flex>
  );
}
