import { AlertOutlined, BankOutlined, ExperimentOutlined, FireOutlined, TeamOutlined, WarningOutlined } from '@ant-design/icons';
import { Card, Col, Empty, Flex, Grid, Row, Skeleton, Statistic, Typography } from 'antd';
import { type ComponentType, createElement, type ReactNode, useMemo } from 'react';
import { Link, useNavigate } from 'react-router';
import { scopeLabelOf } from '../../app/access';
import { useSession } from '../../app/session';
import { EChart, type EChartClick } from '../../components/EChart';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import {
  ACTIVE_STATUSES,
  DUST_BAND_COLORS,
  DUST_BAND_LABELS,
  DUST_TARGET_SOURCE,
  DUST_TARGET_TEXT,
  type DustBand,
} from '../enterprises/enterpriseLabels';
import { useTagCatalog } from '../enterprises/riskTagCatalog';
import { type RegistryStats, useRegistryStats, useWoodDustBands } from './dashboard.api';
import { dustBandOption, regionBarOption, SUB_ITEM, sectorPieOption, tagBarOption } from './dashboardCharts';

/** The list behind a number: the same filters, and closed enterprises left out as the dashboard does. */
export function listLink(filters: Record<string, string>): string {
  const params = new URLSearchParams({ ...filters, status: ACTIVE_STATUSES });
  return `/enterprises?${params.toString().replace(/%2C/g, ',')}`;
}

interface StatCard {
  key: string;
  title: string;
  value: number;
  to: string;
  icon: ComponentType;
  color: string;
  note?: string;
}

function StatCards({ cards }: { cards: readonly StatCard[] }) {
  return (
    <Row gutter={[16, 16]}>
      {cards.map((c) => (
        <Col key={c.key} xs={12} md={8} xl={{ flex: '20%' }}>
          <Link to={c.to} data-testid={`dashboard-stat-${c.key}`} aria-label={`${c.title} ${c.value} 家，查看名单`}>
            <Card hoverable size="small" style={{ height: '100%', borderTop: `3px solid ${c.color}` }}>
              <Statistic
                title={
                  <Flex align="center" gap={6}>
                    <span style={{ color: c.color }}>{createElement(c.icon)}</span>
                    {c.title}
                  </Flex>
                }
                value={c.value}
                suffix="家"
                groupSeparator=","
              />
              {c.note && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {c.note}
                </Typography.Text>
              )}
            </Card>
          </Link>
        </Col>
      ))}
    </Row>
  );
}

function ChartCard({ title, extra, children, testId }: { title: string; extra?: ReactNode; children: ReactNode; testId: string }) {
  return (
    <Card title={title} extra={extra} size="small" style={{ height: '100%' }} data-testid={testId}>
      {children}
    </Card>
  );
}

const count = (stats: RegistryStats, tag: string) => stats.byTag.find((t) => t.tag === tag)?.count ?? 0;

/** 首页驾驶舱 (bureau and township sides): enterprise counts that all lead to the filtered list behind them. */
export function RegistryDashboard() {
  const me = useSession();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const compact = screens.md === false;
  const stats = useRegistryStats();
  const { catalog } = useTagCatalog();
  const wood = useWoodDustBands(ACTIVE_STATUSES);

  const data = stats.data;
  const tagRows = useMemo(() => {
    if (!data) return [];
    const counts = new Map(data.byTag.map((t) => [t.tag, t.count]));
    // Risk tags in catalog order, each followed by its children (粉尘涉爆 → 木粉尘 …); process tags stay in the list filter.
    return catalog.roots.risk.flatMap((root) => [
      { code: root.code, name: root.name, count: counts.get(root.code) ?? 0 },
      ...(catalog.childrenOf.get(root.code) ?? []).map((c) => ({
        code: c.code,
        name: `${SUB_ITEM}${c.name}`,
        count: counts.get(c.code) ?? 0,
      })),
    ]);
  }, [data, catalog]);

  const options = useMemo(
    () =>
      data && {
        sector: sectorPieOption(data.bySector, compact),
        region: regionBarOption(data.byRegion),
        tag: tagBarOption(tagRows),
        dust: dustBandOption(data.dustBands),
      },
    [data, tagRows, compact],
  );

  const header = (
    <PageHeader
      title="首页"
      description={`${me.user.displayName}，您好 · 数据范围：${scopeLabelOf(me)} · 统计不含已关闭企业，点击数字或图形查看企业名单`}
    />
  );

  if (stats.isPending) {
    return (
      <Flex vertical gap={16}>
        {header}
        <Card>
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      </Flex>
    );
  }
  if (stats.isError || !data || !options) {
    return (
      <Flex vertical gap={16}>
        {header}
        <QueryError error={stats.error} onRetry={() => void stats.refetch()} />
      </Flex>
    );
  }

  const dustTotal = data.dustBands.reduce((s, b) => s + b.count, 0);
  const band30 = data.dustBands.find((b) => b.band === '30plus')?.count ?? 0;
  const cards: StatCard[] = [
    { key: 'total', title: '企业总数', value: data.total, to: listLink({}), icon: BankOutlined, color: '#1554ad' },
    {
      key: 'dust',
      title: '粉尘涉爆企业',
      value: count(data, 'dust_explosion'),
      to: listLink({ tag: 'dust_explosion' }),
      icon: FireOutlined,
      color: '#cf1322',
    },
    {
      key: 'dust30',
      title: '涉粉30人以上',
      value: band30,
      to: listLink({ tag: 'dust_explosion', dustBand: '30plus' }),
      icon: TeamOutlined,
      color: '#cf1322',
    },
    {
      key: 'ammonia',
      title: '涉氨制冷企业',
      value: count(data, 'ammonia_refrigeration'),
      to: listLink({ tag: 'ammonia_refrigeration' }),
      icon: ExperimentOutlined,
      color: '#fa8c16',
    },
    {
      key: 'confined',
      title: '有限空间作业企业',
      value: count(data, 'confined_space'),
      to: listLink({ tag: 'confined_space' }),
      icon: WarningOutlined,
      color: '#fa8c16',
    },
  ];

  const onSector = (e: EChartClick) => {
    const sector = data.bySector[e.dataIndex]?.sector;
    if (sector) navigate(listLink({ sector }));
  };
  const onRegion = (e: EChartClick) => {
    const row = data.byRegion[e.dataIndex];
    if (row) navigate(listLink({ regionId: row.regionId }));
  };
  const onTag = (e: EChartClick) => {
    const row = tagRows[e.dataIndex];
    if (row) navigate(listLink({ tag: row.code }));
  };
  const onDust = (e: EChartClick) => {
    const row = data.dustBands[e.dataIndex];
    if (row) navigate(listLink({ tag: 'dust_explosion', dustBand: row.band }));
  };

  const woodCount = (i: number) => wood[i]?.data;
  const woodLine = (band: DustBand, i: number, deadline: string) => (
    <Link to={listLink({ tag: 'dust_wood', dustBand: band })} data-testid={`dashboard-wood-${band}`}>
      <span style={{ color: DUST_BAND_COLORS[band] }}>■</span> 木粉尘、{DUST_BAND_LABELS[band]}：
      {woodCount(i) === undefined ? '…' : `${woodCount(i)?.toLocaleString('zh-CN')} 家`}（{deadline}）
    </Link>
  );

  const empty = data.total === 0;
  const chartHeight = compact ? 280 : 320;

  return (
    <Flex vertical gap={16} data-testid="registry-dashboard">
      {header}
      <StatCards cards={cards} />
      {empty ? (
        <Card>
          <Empty description="暂无企业数据，请先在「企业台账」新建或导入企业" />
        </Card>
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={12}>
            <ChartCard title="按监管行业" testId="chart-sector" extra={<Link to={listLink({})}>查看台账</Link>}>
              <EChart
                option={options.sector}
                onClick={onSector}
                height={chartHeight}
                ariaLabel={`按监管行业：${data.bySector.map((s) => `${s.sector ?? '未归类'} ${s.count} 家`).join('，')}`}
              />
            </ChartCard>
          </Col>
          <Col xs={24} xl={12}>
            <ChartCard title="按乡镇（街道、园区）" testId="chart-region" extra={<Link to={listLink({})}>查看台账</Link>}>
              <EChart
                option={options.region}
                onClick={onRegion}
                height={Math.max(chartHeight, data.byRegion.length * 26 + 20)}
                ariaLabel={`按乡镇：${data.byRegion.map((r) => `${r.regionName} ${r.count} 家`).join('，')}`}
              />
            </ChartCard>
          </Col>
          <Col xs={24} xl={12}>
            <ChartCard
              title="按风险标签"
              testId="chart-tag"
              extra={<Typography.Text type="secondary">同一企业可有多个标签</Typography.Text>}
            >
              <EChart
                option={options.tag}
                onClick={onTag}
                height={Math.max(chartHeight, tagRows.length * 26 + 20)}
                ariaLabel={`按风险标签：${tagRows.map((t) => `${t.name.trim()} ${t.count} 家`).join('，')}`}
              />
            </ChartCard>
          </Col>
          <Col xs={24} xl={12}>
            <ChartCard
              title="粉尘涉爆企业 · 涉粉作业人数分档"
              testId="chart-dust"
              extra={<Link to={listLink({ tag: 'dust_explosion' })}>共 {dustTotal} 家</Link>}
            >
              <EChart
                option={options.dust}
                onClick={onDust}
                height={compact ? 220 : 240}
                ariaLabel={`涉粉作业人数分档：${data.dustBands.map((b) => `${DUST_BAND_LABELS[b.band]} ${b.count} 家`).join('，')}`}
              />
              <Flex vertical gap={4} style={{ marginTop: 8 }}>
                <Typography.Text style={{ fontSize: 13 }}>监测预警系统接入目标：</Typography.Text>
                {woodLine('30plus', 0, '2024年底前接入')}
                {woodLine('10to29', 1, '2025年底前接入')}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  依据{DUST_TARGET_SOURCE}：“{DUST_TARGET_TEXT}”；鼓励其他涉粉作业企业应接尽接。
                </Typography.Text>
              </Flex>
            </ChartCard>
          </Col>
        </Row>
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        <AlertOutlined /> 隐患、监测预警、执法检查等统计将随相关功能上线后在此显示。
      </Typography.Text>
    </Flex>
  );
}
