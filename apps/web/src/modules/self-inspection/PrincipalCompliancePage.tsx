import { ROLE_LABELS } from '@zhiben/contracts';
import { Card, Col, DatePicker, Empty, Flex, Progress, Row, Statistic, Switch, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { APP_TZ, dayjs, formatDate } from '../../lib/time';
import { PAGE_SIZES } from '../../lib/useListState';
import { quarterOf } from './inspectionLabels';
import { type PrincipalComplianceDto, usePrincipalCompliance } from './selfInspection.api';

type ComplianceRow = PrincipalComplianceDto['items'][number];

const QUARTER = /^(\d{4})Q([1-4])$/;

/** `2026Q4` → the first day of that quarter (for the picker). */
function quarterStart(quarter: string): Dayjs | null {
  const m = QUARTER.exec(quarter);
  return m ? dayjs.tz(`${m[1]}-${String((Number(m[2]) - 1) * 3 + 1).padStart(2, '0')}-01`, APP_TZ) : null;
}

/** 负责人带队检查: per quarter (Asia/Shanghai) and enterprise, whether the principal led at least one self-inspection. */
export function PrincipalCompliancePage() {
  const [params, setParams] = useSearchParams();
  const currentQuarter = quarterOf(dayjs().tz(APP_TZ));
  const requested = params.get('quarter')?.toUpperCase();
  const quarter = requested && QUARTER.test(requested) ? requested : currentQuarter;
  const onlyMissing = params.get('onlyMissing') === 'true';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = (PAGE_SIZES as readonly number[]).includes(Number(params.get('pageSize'))) ? Number(params.get('pageSize')) : 50;
  const query = usePrincipalCompliance({ quarter, onlyMissing: onlyMissing ? 'true' : undefined, page, pageSize });
  const data = query.data;
  const missing = data ? data.total - data.compliant : 0;
  const shownTotal = data ? (onlyMissing ? missing : data.total) : 0;

  const update = (changes: Record<string, string | undefined>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes)) {
          if (v === undefined) next.delete(k);
          else next.set(k, v);
        }
        return next;
      },
      { replace: true },
    );

  const endOfQuarter = data ? dayjs(data.end).tz(APP_TZ).subtract(1, 'second') : null;
  const daysLeft = endOfQuarter && quarter === currentQuarter ? endOfQuarter.diff(dayjs().tz(APP_TZ), 'day') : null;

  return (
    <Flex vertical gap={16}>
      <PageHeader
        title="负责人带队检查"
        description={`${ROLE_LABELS.enterprise_principal}每季度至少带队开展 1 次安全检查（以已完成的自查计）的落实情况`}
        extra={
          <Flex gap={12} align="center" wrap>
            <DatePicker
              picker="quarter"
              allowClear={false}
              value={quarterStart(quarter)}
              onChange={(d: Dayjs | null) => d && update({ quarter: quarterOf(d), page: undefined })}
              format={(d) => `${d.year()}年第${Math.floor(d.month() / 3) + 1}季度`}
              disabledDate={(d) => d.isAfter(dayjs().tz(APP_TZ).endOf('month'))}
              style={{ width: 170 }}
              data-testid="compliance-quarter"
            />
            <Flex gap={6} align="center">
              <Switch
                checked={onlyMissing}
                onChange={(v) => update({ onlyMissing: v ? 'true' : undefined, page: undefined })}
                data-testid="compliance-only-missing"
              />
              <Typography.Text>只看未落实</Typography.Text>
            </Flex>
          </Flex>
        }
      />
      {query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <>
          <Row gutter={[16, 16]}>
            <Col xs={24} md={8}>
              <Card loading={!data}>
                <Statistic
                  title={`${quarter.replace('Q', ' 年第 ')} 季度已落实`}
                  value={data?.compliant ?? 0}
                  suffix={`/ ${(data?.total ?? 0).toLocaleString('zh-CN')} 家`}
                  data-testid="compliance-count"
                />
                <Progress
                  percent={data && data.total > 0 ? Math.round((data.compliant / data.total) * 1000) / 10 : 0}
                  status={data && data.total > 0 && data.compliant === data.total ? 'success' : 'normal'}
                />
              </Card>
            </Col>
            <Col xs={12} md={8}>
              <Card loading={!data}>
                <Statistic
                  title="未落实企业"
                  value={missing}
                  suffix="家"
                  styles={{ content: { color: missing > 0 ? '#cf1322' : undefined } }}
                />
              </Card>
            </Col>
            <Col xs={12} md={8}>
              <Card loading={!data}>
                <Statistic
                  title="统计区间（北京时间）"
                  value={data && endOfQuarter ? `${formatDate(data.start)} 至 ${endOfQuarter.format('MM-DD')}` : '—'}
                  styles={{ content: { fontSize: 18 } }}
                />
                {daysLeft !== null && daysLeft >= 0 && (
                  <Typography.Text type={daysLeft < 15 ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
                    本季度还剩 {daysLeft + 1} 天{daysLeft < 15 && missing > 0 ? '，请督促未落实企业尽快开展' : ''}
                  </Typography.Text>
                )}
              </Card>
            </Col>
          </Row>
          <Card>
            <Table<ComplianceRow>
              rowKey="enterpriseId"
              loading={query.isFetching}
              dataSource={data?.items}
              pagination={{
                current: page,
                pageSize,
                total: shownTotal,
                showSizeChanger: true,
                pageSizeOptions: PAGE_SIZES.map(String),
                showTotal: (t) => `共 ${t.toLocaleString('zh-CN')} 家`,
              }}
              onChange={(p) =>
                update({
                  page: p.current && p.current > 1 && p.pageSize === pageSize ? String(p.current) : undefined,
                  pageSize: p.pageSize && p.pageSize !== 50 ? String(p.pageSize) : undefined,
                })
              }
              columns={[
                { title: '企业', dataIndex: 'enterpriseName', key: 'name' },
                { title: '所属乡镇', dataIndex: 'regionName', key: 'region', width: 200 },
                {
                  title: '本季度',
                  key: 'led',
                  width: 110,
                  render: (_, r) =>
                    r.led ? (
                      <Tag color="green" data-testid={`compliance-led-${r.enterpriseId}`}>
                        已带队
                      </Tag>
                    ) : (
                      <Tag color="red" data-testid={`compliance-missing-${r.enterpriseId}`}>
                        未带队
                      </Tag>
                    ),
                },
                { title: '带队次数', key: 'count', width: 100, align: 'right', render: (_, r) => r.ledCount },
                { title: '最近带队检查', key: 'last', width: 150, render: (_, r) => formatDate(r.lastLedAt) },
              ]}
              scroll={{ x: 720 }}
              locale={{
                emptyText: (
                  <Empty
                    image={Empty.PRESENTED_IMAGE_SIMPLE}
                    description={onlyMissing ? '本季度所有企业主要负责人均已带队检查' : '暂无企业'}
                  />
                ),
              }}
              data-testid="compliance-table"
            />
          </Card>
        </>
      )}
    </Flex>
  );
}
