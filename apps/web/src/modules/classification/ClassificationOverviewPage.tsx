import {
  CLASSIFICATION_TRIGGER_LABELS,
  type ClassChangeDto,
  type ClassCounts,
  type RecomputeResultDto,
  RISK_CLASS_LABELS,
  RISK_CLASSES,
  SECTOR_LABELS,
} from '@zhiben/contracts';
import { Alert, App, Button, Card, Col, Flex, Row, Skeleton, Statistic, Table } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { errorMessage } from '../../api/errors';
import { can } from '../../app/access';
import { useSession } from '../../app/session';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { testId } from '../../lib/testId';
import { formatDateTime } from '../../lib/time';
import { useClassificationStats, useRecompute } from './classification.api';
import { RiskClassTag } from './RiskClassTag';

const classColumns = RISK_CLASSES.map((c) => ({ title: `${c} 类`, dataIndex: c, width: 80 }));
const total = (row: ClassCounts) => row.A + row.B + row.C + row.D;

/** /classification — 分级分类: distribution by class, region and sector; this month's changes; recompute on demand. */
export function ClassificationOverviewPage() {
  const me = useSession();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const stats = useClassificationStats();
  const recompute = useRecompute();
  const [result, setResult] = useState<RecomputeResultDto | null>(null);

  const onRecompute = async () => {
    const ok = await modal.confirm({
      title: '立即重新计算辖区全部企业的风险等级？',
      content: '按现行分级规则重新计算，等级变化将记入历史。',
      okText: '重新计算',
      cancelText: '取消',
      okButtonProps: testId('classification-recompute-confirm'),
    });
    if (!ok) return;
    try {
      setResult(await recompute.mutateAsync());
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  return (
    <Flex vertical gap={16}>
      <PageHeader
        title="分级分类"
        description="企业风险等级 A（重大）/ B（较大）/ C（一般）/ D（低），每日自动计算，业务数据变化后即时调整"
        extra={
          <Flex wrap gap={8}>
            <Button onClick={() => void navigate('/classification/rules')} data-testid="classification-rules-link">
              分级规则
            </Button>
            <Button onClick={() => void navigate('/classification/accidents')} data-testid="classification-accidents-link">
              事故记录
            </Button>
            {can(me, 'classification.manage') && (
              <Button
                type="primary"
                loading={recompute.isPending}
                onClick={() => void onRecompute()}
                data-testid="classification-recompute"
              >
                立即重新计算
              </Button>
            )}
          </Flex>
        }
      />
      {result && (
        <Alert
          type="success"
          showIcon
          closable
          onClose={() => setResult(null)}
          data-testid="classification-recompute-result"
          title={`已重新计算 ${result.enterprises} 家企业，等级变化 ${result.changed} 家（规则版本 ${result.ruleSetVersion}，用时 ${result.ms} 毫秒）`}
          description={`A 类 ${result.byClass.A} · B 类 ${result.byClass.B} · C 类 ${result.byClass.C} · D 类 ${result.byClass.D}`}
        />
      )}
      {stats.isPending ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : stats.isError ? (
        <Card>
          <QueryError error={stats.error} onRetry={() => void stats.refetch()} />
        </Card>
      ) : (
        <>
          <Row gutter={[16, 16]}>
            {RISK_CLASSES.map((c) => (
              <Col key={c} xs={12} md={6}>
                <Card data-testid={`classification-count-${c}`}>
                  <Statistic title={<RiskClassTag riskClass={c} />} value={stats.data.byClass[c]} suffix="家" />
                  <div style={{ fontSize: 12, color: '#888' }}>{RISK_CLASS_LABELS[c]}</div>
                </Card>
              </Col>
            ))}
          </Row>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={12}>
              <Card title="按乡镇">
                <Table
                  size="small"
                  rowKey="regionId"
                  pagination={{ pageSize: 10, hideOnSinglePage: true }}
                  dataSource={stats.data.byRegion}
                  data-testid="classification-by-region"
                  columns={[
                    { title: '乡镇', dataIndex: 'regionName' },
                    ...classColumns,
                    { title: '合计', key: 't', width: 70, render: (_: unknown, r) => total(r) },
                  ]}
                />
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card title="按行业">
                <Table
                  size="small"
                  rowKey={(r) => r.sector ?? 'none'}
                  pagination={false}
                  dataSource={stats.data.bySector}
                  data-testid="classification-by-sector"
                  columns={[
                    {
                      title: '行业',
                      dataIndex: 'sector',
                      render: (s: keyof typeof SECTOR_LABELS | null) => (s ? SECTOR_LABELS[s] : '未分类'),
                    },
                    ...classColumns,
                    { title: '合计', key: 't', width: 70, render: (_: unknown, r) => total(r) },
                  ]}
                />
              </Card>
            </Col>
          </Row>
          <Card title={`本月等级变化（${stats.data.month}）`}>
            <Table<ClassChangeDto>
              size="small"
              rowKey={(r) => `${r.enterpriseId}-${r.at}`}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              dataSource={stats.data.changesThisMonth}
              data-testid="classification-changes"
              locale={{ emptyText: '本月暂无等级变化' }}
              columns={[
                { title: '时间', dataIndex: 'at', width: 150, render: (v: string) => formatDateTime(v) },
                {
                  title: '企业',
                  dataIndex: 'enterpriseName',
                  render: (n: string, r) => <Link to={`/classification/enterprises/${r.enterpriseId}`}>{n}</Link>,
                },
                { title: '乡镇', dataIndex: 'regionName', width: 120 },
                {
                  title: '变化',
                  key: 'change',
                  render: (_: unknown, r) => (
                    <span>
                      {r.from ? <RiskClassTag riskClass={r.from} /> : '—'} → <RiskClassTag riskClass={r.to} />
                    </span>
                  ),
                },
                { title: '触发', dataIndex: 'trigger', render: (t: ClassChangeDto['trigger']) => CLASSIFICATION_TRIGGER_LABELS[t] },
              ]}
            />
          </Card>
        </>
      )}
    </Flex>
  );
}
