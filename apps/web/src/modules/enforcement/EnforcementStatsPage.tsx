import { type EnforcementStatsDto, PENALTY_TYPE_LABELS, type PenaltyType } from '@zhiben/contracts';
import { Alert, Card, Col, Empty, Flex, Grid, Row, Select, Skeleton, Statistic, Table, Tag, Typography } from 'antd';
import { type BarSeriesOption, LineChart, type LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import { type ComposeOption, use } from 'echarts/core';
import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { EChart, type EChartOption } from '../../components/EChart';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { dayjs } from '../../lib/time';
import { useListState } from '../../lib/useListState';
import { useEnforcementStats, yuan } from './stats.api';

// The cumulative lines of the plan-progress chart (EChart registers bars and pies itself).
use([LineChart]);

type StatsChartOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption
>;

const FILTERS = ['year'] as const;
const PLAN_STATUS_LABELS: Record<string, string> = { draft: '草稿', approved: '已批准', published: '已发布' };
const count = (n: number) => n.toLocaleString('zh-CN');
const percent = (part: number, whole: number) => (whole === 0 ? '—' : `${Math.round((part / whole) * 1000) / 10}%`);

function thisYear(): number {
  return dayjs().tz('Asia/Shanghai').year();
}

function hasData(s: EnforcementStatsDto): boolean {
  return (
    s.plan !== null ||
    s.byOfficer.length > 0 ||
    s.findings.inspections > 0 ||
    s.penalties.decisions > 0 ||
    s.byMonth.some((m) => m.done > 0)
  );
}

function Kpi({ title, value, suffix, note, testId }: { title: string; value: string; suffix?: string; note?: string; testId: string }) {
  return (
    <Card size="small" style={{ height: '100%' }}>
      <Statistic title={title} value={value} suffix={suffix} valueRender={() => <span data-testid={testId}>{value}</span>} />
      {note && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {note}
        </Typography.Text>
      )}
    </Card>
  );
}

function progressOption(s: EnforcementStatsDto): StatsChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 16, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: s.byMonth.map((m) => `${m.month}月`) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: '当月开展检查', type: 'bar', barMaxWidth: 24, data: s.byMonth.map((m) => m.done), itemStyle: { color: '#1677ff' } },
      { name: '累计完成', type: 'line', data: s.byMonth.map((m) => m.doneCumulative), itemStyle: { color: '#52c41a' } },
      {
        name: '累计计划（按季度）',
        type: 'line',
        step: 'end',
        data: s.byMonth.map((m) => m.plannedCumulative),
        itemStyle: { color: '#fa8c16' },
        lineStyle: { type: 'dashed' },
      },
    ],
  };
}

function distributionOption(s: EnforcementStatsDto): StatsChartOption {
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 40, right: 16, top: 16, bottom: 40 },
    xAxis: {
      type: 'category',
      name: '发现问题数',
      nameLocation: 'middle',
      nameGap: 26,
      axisLabel: { interval: 0 },
      data: s.findings.distribution.map((d) => (d.findings >= 5 ? '≥5 个' : `${d.findings} 个`)),
    },
    yAxis: { type: 'value', minInterval: 1, name: '检查次数' },
    series: [
      {
        name: '检查次数',
        type: 'bar',
        barMaxWidth: 48,
        data: s.findings.distribution.map((d) => d.inspections),
        itemStyle: { color: '#13c2c2' },
      },
    ],
  };
}

function penaltyOption(s: EnforcementStatsDto): StatsChartOption {
  const rows = s.penalties.byType;
  return {
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 16, right: 16, top: 32, bottom: 32, containLabel: true },
    xAxis: {
      type: 'category',
      data: rows.map((r) => PENALTY_TYPE_LABELS[r.type]),
      axisLabel: { interval: 0, width: 80, overflow: 'break' },
    },
    yAxis: [
      { type: 'value', name: '决定数', minInterval: 1 },
      { type: 'value', name: '罚款（元）', position: 'right' },
    ],
    series: [
      { name: '处罚决定数', type: 'bar', barMaxWidth: 36, data: rows.map((r) => r.decisions), itemStyle: { color: '#722ed1' } },
      {
        name: '罚款金额（元）',
        type: 'bar',
        barMaxWidth: 36,
        yAxisIndex: 1,
        data: rows.map((r) => r.fineFen / 100),
        itemStyle: { color: '#f5222d' },
      },
    ],
  };
}

/** /enforcement/stats — 执法统计 (issue #7 item 8): plan progress by month and officer, findings per inspection, penalties. */
export function EnforcementStatsPage() {
  const phone = Grid.useBreakpoint().md === false;
  const navigate = useNavigate();
  const list = useListState(FILTERS);
  const current = thisYear();
  const requested = Number(list.filters.year);
  const year = Number.isInteger(requested) && requested >= 2020 && requested <= 2100 ? requested : current;
  const query = useEnforcementStats(year);
  const s = query.data?.year === year ? query.data : undefined;
  const years = useMemo(() => {
    const out: number[] = [];
    for (let y = current + 1; y >= Math.max(2020, current - 5); y--) out.push(y);
    if (!out.includes(year)) out.push(year);
    return out;
  }, [current, year]);

  const options = useMemo(
    () => (s ? { progress: progressOption(s), distribution: distributionOption(s), penalty: penaltyOption(s) } : null),
    [s],
  );
  const done = s ? s.byMonth.reduce((n, m) => n + m.done, 0) : 0;
  const unpaidFen = s ? s.penalties.fineFen - s.penalties.paidFen : 0;

  return (
    <Flex vertical gap={phone ? 12 : 16}>
      <PageHeader
        title="执法统计"
        description="年度执法计划执行进度（按月、按执法人员）、每次检查发现问题数、行政处罚种类和金额"
        extra={
          <Select
            value={year}
            onChange={(v: number) => list.setFilters({ year: v === current ? undefined : String(v) })}
            options={years.map((y) => ({ value: y, label: `${y} 年`, 'data-testid': `stats-year-option-${y}` }))}
            style={{ width: 120 }}
            aria-label="统计年度"
            data-testid="stats-year"
          />
        }
      />
      {query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : !s || !options ? (
        <Card>
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      ) : !hasData(s) ? (
        <Card data-testid="stats-empty">
          <Empty
            description={
              <span>
                {year} 年暂无执法计划、检查或处罚数据。
                <br />
                请在「执法计划」中制定年度计划，或在「检查任务」中开展检查后再查看统计。
              </span>
            }
          />
        </Card>
      ) : (
        <div data-testid="stats-content" data-year={s.year} style={{ display: 'contents' }}>
          {!s.plan && <Alert type="info" showIcon title={`${year} 年尚无执法计划：只统计已开展的检查和处罚，计划进度无法对比`} />}
          <Row gutter={[12, 12]}>
            <Col xs={12} md={8} xl={4}>
              <Kpi
                title="计划检查（次）"
                value={count(s.plan?.plannedInspections ?? 0)}
                note={s.plan ? `${count(s.plan.enterprises)} 家企业 · ${PLAN_STATUS_LABELS[s.plan.status] ?? s.plan.status}` : '未制定计划'}
                testId="stats-kpi-planned"
              />
            </Col>
            <Col xs={12} md={8} xl={4}>
              <Kpi
                title="已开展现场检查（次）"
                value={count(done)}
                note={`完成率 ${percent(done, s.plan?.plannedInspections ?? 0)}`}
                testId="stats-kpi-done"
              />
            </Col>
            <Col xs={12} md={8} xl={4}>
              <Kpi
                title="发现问题（个）"
                value={count(s.findings.findings)}
                note={`其中重大事故隐患 ${count(s.findings.major)} 个`}
                testId="stats-kpi-findings"
              />
            </Col>
            <Col xs={12} md={8} xl={4}>
              <Kpi
                title="每次检查平均发现问题"
                value={s.findings.average.toFixed(2)}
                note={`共 ${count(s.findings.inspections)} 次检查`}
                testId="stats-kpi-average"
              />
            </Col>
            <Col xs={12} md={8} xl={4}>
              <Kpi
                title="处罚案件（件）"
                value={count(s.penalties.cases)}
                note={`处罚决定 ${count(s.penalties.decisions)} 份 · 一案双罚 ${count(s.penalties.dualPenaltyCases)} 件`}
                testId="stats-kpi-cases"
              />
            </Col>
            <Col xs={12} md={8} xl={4}>
              <Kpi
                title="罚款金额（元）"
                value={yuan(s.penalties.fineFen)}
                note={`已缴 ${yuan(s.penalties.paidFen)} · 未缴 ${yuan(unpaidFen)}`}
                testId="stats-kpi-fine"
              />
            </Col>
          </Row>

          <Card size="small" title="计划执行进度（按月）">
            <EChart
              option={options.progress as EChartOption}
              height={phone ? 240 : 300}
              ariaLabel={`${year} 年每月开展的现场检查次数、累计完成次数和按季度累计的计划次数`}
              onClick={() => void navigate('/enforcement/tasks?kind=onsite')}
              data-testid="stats-progress-chart"
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              计划数按执法计划中各企业的检查季度累计（季度末计入）；完成数为当月开始的现场检查。点击图表查看检查任务。
            </Typography.Text>
          </Card>

          <Card size="small" title="计划执行进度（按执法人员）">
            <Table
              size="small"
              rowKey="officerId"
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              dataSource={s.byOfficer}
              scroll={{ x: 650 }}
              data-testid="stats-officers"
              onRow={(row) => ({ 'data-testid': `stats-officer-${row.officerId}` }) as React.HTMLAttributes<HTMLElement>}
              locale={{ emptyText: '本年度暂无分派给执法人员的检查任务' }}
              columns={[
                { title: '执法人员', dataIndex: 'name', width: 200 },
                { title: '检查任务', dataIndex: 'tasks', width: 90, align: 'right', render: count },
                { title: '已开始', dataIndex: 'started', width: 90, align: 'right', render: count },
                { title: '已办结', dataIndex: 'closed', width: 90, align: 'right', render: count },
                { title: '发现问题', dataIndex: 'findings', width: 90, align: 'right', render: count },
                {
                  title: '办结率',
                  key: 'rate',
                  width: 90,
                  align: 'right',
                  render: (_: unknown, r) => percent(r.closed, r.tasks),
                },
              ]}
            />
          </Card>

          <Row gutter={[12, 12]}>
            <Col xs={24} xl={12}>
              <Card size="small" title="每次检查发现问题数" style={{ height: '100%' }}>
                {s.findings.inspections === 0 ? (
                  <Empty description="本年度尚未开展检查" />
                ) : (
                  <>
                    <Flex gap={24} wrap style={{ marginBottom: 8 }} data-testid="stats-findings-summary">
                      <Statistic title="检查次数" value={s.findings.inspections} />
                      <Statistic title="发现问题" value={s.findings.findings} />
                      <Statistic title="其中重大事故隐患" value={s.findings.major} />
                      <Statistic title="平均每次" value={s.findings.average.toFixed(2)} />
                    </Flex>
                    <EChart
                      option={options.distribution as EChartOption}
                      height={220}
                      ariaLabel="按发现问题数分组的检查次数"
                      onClick={() => void navigate('/enforcement/tasks')}
                      data-testid="stats-distribution-chart"
                    />
                  </>
                )}
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card size="small" title="行政处罚（按种类和金额）" style={{ height: '100%' }}>
                {s.penalties.decisions === 0 ? (
                  <Empty description="本年度暂无处罚决定" />
                ) : (
                  <Flex vertical gap={12}>
                    <Table
                      size="small"
                      rowKey="type"
                      pagination={false}
                      dataSource={s.penalties.byType}
                      data-testid="stats-penalties"
                      onRow={(row) => ({ 'data-testid': `stats-penalty-${row.type}` }) as React.HTMLAttributes<HTMLElement>}
                      columns={[
                        { title: '处罚种类', dataIndex: 'type', render: (t: PenaltyType) => PENALTY_TYPE_LABELS[t] },
                        { title: '决定数', dataIndex: 'decisions', width: 80, align: 'right', render: count },
                        {
                          title: '罚款金额（元）',
                          dataIndex: 'fineFen',
                          width: 140,
                          align: 'right',
                          render: (f: number, r) => (r.type === 'fine' ? yuan(f) : '—'),
                        },
                      ]}
                      summary={() => (
                        <Table.Summary.Row>
                          <Table.Summary.Cell index={0}>
                            合计 <Tag color="red">一案双罚 {s.penalties.dualPenaltyCases} 件</Tag>
                          </Table.Summary.Cell>
                          <Table.Summary.Cell index={1} align="right">
                            {count(s.penalties.decisions)}
                          </Table.Summary.Cell>
                          <Table.Summary.Cell index={2} align="right">
                            <span data-testid="stats-penalty-total">{yuan(s.penalties.fineFen)}</span>
                          </Table.Summary.Cell>
                        </Table.Summary.Row>
                      )}
                    />
                    <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="stats-payment">
                      案件 {count(s.penalties.cases)} 件，处罚决定 {count(s.penalties.decisions)} 份（一份决定可含多个处罚种类）；罚款已缴纳{' '}
                      {yuan(s.penalties.paidFen)} 元，未缴纳 {yuan(unpaidFen)} 元。
                    </Typography.Text>
                    <EChart
                      option={options.penalty as EChartOption}
                      height={220}
                      ariaLabel="各处罚种类的决定数和罚款金额"
                      onClick={() => void navigate('/enforcement/cases')}
                      data-testid="stats-penalty-chart"
                    />
                  </Flex>
                )}
              </Card>
            </Col>
          </Row>
        </div>
      )}
    </Flex>
  );
}
