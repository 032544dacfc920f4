import { SECTOR_LABELS, type Sector } from '@zhiben/contracts';
import { Card, Col, Empty, Flex, Progress, Row, Statistic, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { formatDate } from '../../lib/time';
import { type SelfInspectionStatsDto, useSelfInspectionStats } from './selfInspection.api';

type Coverage = SelfInspectionStatsDto['coverage'][number];
type Top = SelfInspectionStatsDto['topNonCompliant'][number];
type Stale = SelfInspectionStatsDto['stale'][number];

const sectorName = (sector: string | null) => (sector ? (SECTOR_LABELS[sector as Sector] ?? sector) : '未归类');
const pct = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0);
const n = (value: number) => value.toLocaleString('zh-CN');

/** 自查统计 (bureau): coverage by sector over 90 days, the items most often non-compliant, enterprises not self-inspecting. */
export function SelfInspectionStatsPage() {
  const stats = useSelfInspectionStats();
  const data = stats.data;
  const enterprises = data?.coverage.reduce((s, c) => s + c.enterprises, 0) ?? 0;
  const inspected = data?.coverage.reduce((s, c) => s + c.inspected, 0) ?? 0;
  const findings = data?.topNonCompliant.reduce((s, t) => s + t.count, 0) ?? 0;

  return (
    <Flex vertical gap={16}>
      <PageHeader
        title="自查统计"
        description="近 90 天企业自查覆盖情况、高频不符合条款和未开展自查的企业"
        extra={<Link to="/self-inspection/principal-compliance">主要负责人带队检查落实情况 →</Link>}
      />
      {stats.isError ? (
        <QueryError error={stats.error} onRetry={() => void stats.refetch()} />
      ) : (
        <>
          <Row gutter={[16, 16]}>
            <Col xs={12} md={6}>
              <Card loading={stats.isLoading}>
                <Statistic title="辖区企业" value={enterprises} suffix="家" />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card loading={stats.isLoading}>
                <Statistic title="近 90 天开展自查" value={inspected} suffix="家" />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card loading={stats.isLoading}>
                <Statistic title="自查覆盖率" value={pct(inspected, enterprises)} precision={1} suffix="%" />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card loading={stats.isLoading}>
                <Statistic
                  title="90 天未自查企业"
                  value={data?.stale.length ?? 0}
                  suffix="家"
                  styles={{ content: { color: (data?.stale.length ?? 0) > 0 ? '#cf1322' : undefined } }}
                />
              </Card>
            </Col>
          </Row>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={12}>
              <Card title="分行业自查覆盖（近 90 天）" data-testid="stats-coverage">
                <Table<Coverage>
                  rowKey={(c) => c.sector ?? 'none'}
                  size="small"
                  loading={stats.isLoading}
                  dataSource={data?.coverage}
                  pagination={false}
                  columns={[
                    { title: '监管行业', key: 'sector', width: 90, render: (_, c) => sectorName(c.sector) },
                    { title: '企业数', key: 'enterprises', width: 80, align: 'right', render: (_, c) => n(c.enterprises) },
                    { title: '已自查', key: 'inspected', width: 80, align: 'right', render: (_, c) => n(c.inspected) },
                    {
                      title: '覆盖率',
                      key: 'rate',
                      render: (_, c) => (
                        <Progress
                          percent={pct(c.inspected, c.enterprises)}
                          size="small"
                          format={(p) => `${p ?? 0}%`}
                          status={c.inspected === c.enterprises && c.enterprises > 0 ? 'success' : 'normal'}
                        />
                      ),
                    },
                  ]}
                  summary={() =>
                    data && data.coverage.length > 0 ? (
                      <Table.Summary.Row>
                        <Table.Summary.Cell index={0}>
                          <Typography.Text strong>合计</Typography.Text>
                        </Table.Summary.Cell>
                        <Table.Summary.Cell index={1} align="right">
                          {n(enterprises)}
                        </Table.Summary.Cell>
                        <Table.Summary.Cell index={2} align="right">
                          {n(inspected)}
                        </Table.Summary.Cell>
                        <Table.Summary.Cell index={3}>
                          <Progress percent={pct(inspected, enterprises)} size="small" format={(p) => `${p ?? 0}%`} />
                        </Table.Summary.Cell>
                      </Table.Summary.Row>
                    ) : null
                  }
                  locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无企业" /> }}
                />
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card title="高频不符合条款" data-testid="stats-top">
                <Table<Top>
                  rowKey="key"
                  size="small"
                  loading={stats.isLoading}
                  dataSource={data?.topNonCompliant}
                  pagination={false}
                  columns={[
                    {
                      title: '条款',
                      key: 'ref',
                      width: 120,
                      render: (_, t) => (
                        <Link to={`/hazards?q=${encodeURIComponent(`${t.articleLabel}${t.itemLabel}`)}`}>
                          {t.articleLabel}
                          {t.itemLabel}
                        </Link>
                      ),
                    },
                    {
                      title: '内容',
                      key: 'text',
                      render: (_, t) => (
                        <Typography.Paragraph style={{ margin: 0, fontSize: 13 }} ellipsis={{ rows: 2, tooltip: t.text }}>
                          {t.text}
                        </Typography.Paragraph>
                      ),
                    },
                    {
                      title: '不符合次数',
                      key: 'count',
                      width: 150,
                      render: (_, t) => (
                        <Progress
                          percent={pct(t.count, findings)}
                          size="small"
                          strokeColor="#ff4d4f"
                          status="normal"
                          format={() => `${n(t.count)} 次`}
                        />
                      ),
                    },
                  ]}
                  locale={{
                    emptyText: (
                      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无不符合记录：企业自查中判定为不符合的条款将在此排名" />
                    ),
                  }}
                />
              </Card>
            </Col>
          </Row>
          <Card title={`近 90 天未完成自查的企业（${n(data?.stale.length ?? 0)} 家）`} data-testid="stats-stale">
            <Table<Stale>
              rowKey="enterpriseId"
              size="small"
              loading={stats.isLoading}
              dataSource={data?.stale}
              pagination={{ pageSize: 10, showSizeChanger: false, showTotal: (t) => `共 ${n(t)} 家`, size: 'small' }}
              columns={[
                { title: '企业', dataIndex: 'enterpriseName', key: 'name' },
                { title: '所属乡镇', dataIndex: 'regionName', key: 'region', width: 200 },
                {
                  title: '最近完成自查',
                  key: 'last',
                  width: 160,
                  render: (_, s) =>
                    s.lastCompletedAt ? formatDate(s.lastCompletedAt) : <Typography.Text type="danger">从未完成</Typography.Text>,
                },
              ]}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="所有企业近 90 天都已完成自查" /> }}
            />
          </Card>
        </>
      )}
    </Flex>
  );
}
