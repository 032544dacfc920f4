import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  CASE_STATUS_LABELS,
  type CaseDto,
  type CaseStatus,
  type ListResult,
  PAYMENT_STATUS_LABELS,
  type PaymentStatus,
  PENALTY_TYPE_LABELS,
  type PenaltyDecisionDto,
} from '@zhiben/contracts';
import { Card, Descriptions, Empty, Flex, Pagination, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { dayjs, formatDate } from '../../lib/time';
import { useListState } from '../../lib/useListState';
import { documentHref } from './enforcement.api';

const FILTERS = [] as const;
/** 行政处罚法 第六十七条: a fine is paid within 15 days of receiving the decision (the server marks it overdue after). */
const PAYMENT_DAYS = 15;

const yuan = (fen: number) => (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

const CASE_STATUS_COLORS: Record<CaseStatus, string> = { filed: 'processing', decided: 'warning', closed: 'success' };
const PAYMENT_COLORS: Record<PaymentStatus, string> = { not_applicable: 'default', unpaid: 'orange', paid: 'success', overdue: 'red' };

function Decision({ d, testId }: { d: PenaltyDecisionDto; testId: string }) {
  const due = d.decisionDate ? dayjs(d.decisionDate).add(PAYMENT_DAYS, 'day').format('YYYY-MM-DD') : null;
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, md: 2 }}
      styles={{ label: { whiteSpace: 'nowrap' } }}
      title={`${d.party === 'enterprise' ? '单位' : '主要负责人'}：${d.partyName}`}
      data-testid={testId}
      data-payment={d.paymentStatus}
    >
      <Descriptions.Item label="处罚种类">{d.types.map((x) => PENALTY_TYPE_LABELS[x]).join('、')}</Descriptions.Item>
      <Descriptions.Item label="罚款">{d.fineFen > 0 ? `${yuan(d.fineFen)} 元` : '无'}</Descriptions.Item>
      <Descriptions.Item label="处罚依据" span={{ xs: 1, md: 2 }}>
        {d.penaltyBasis}
      </Descriptions.Item>
      <Descriptions.Item label="决定书">
        {d.documentId ? (
          <a href={documentHref(d.documentId)} download data-testid={`${testId}-document`}>
            {d.decisionNumber}（.docx）
          </a>
        ) : (
          '尚未作出决定'
        )}
      </Descriptions.Item>
      <Descriptions.Item label="决定日期">{formatDate(d.decisionDate)}</Descriptions.Item>
      <Descriptions.Item label="缴款状态" span={{ xs: 1, md: 2 }}>
        <Tag color={PAYMENT_COLORS[d.paymentStatus]}>{PAYMENT_STATUS_LABELS[d.paymentStatus]}</Tag>
        {d.paymentStatus === 'paid' && `缴款日期 ${formatDate(d.paidAt)}`}
        {(d.paymentStatus === 'unpaid' || d.paymentStatus === 'overdue') && due && `请于 ${due} 前缴纳（收到决定书之日起 15 日内）`}
      </Descriptions.Item>
    </Descriptions>
  );
}

function CaseCard({ c }: { c: CaseDto }) {
  return (
    <Card
      size="small"
      data-testid={`my-case-${c.id}`}
      data-status={c.status}
      title={
        <Flex gap={6} wrap align="center" style={{ whiteSpace: 'normal', padding: '6px 0' }}>
          <Tag color={CASE_STATUS_COLORS[c.status]}>{CASE_STATUS_LABELS[c.status]}</Tag>
          {c.dualPenalty && <Tag color="volcano">一案双罚</Tag>}
          <Typography.Text>立案日期 {formatDate(c.createdAt)}</Typography.Text>
        </Flex>
      }
      extra={
        c.taskId ? (
          <Link to={`/enforcement/tasks/${c.taskId}`} data-testid={`my-case-${c.id}-task`}>
            查看检查
          </Link>
        ) : undefined
      }
    >
      <Flex vertical gap={12}>
        <Descriptions size="small" column={1}>
          <Descriptions.Item label="违法事实">{c.facts}</Descriptions.Item>
          <Descriptions.Item label="违法依据">{c.legalBasis}</Descriptions.Item>
          {c.closedAt && <Descriptions.Item label="结案日期">{formatDate(c.closedAt)}</Descriptions.Item>}
        </Descriptions>
        {c.decisions.map((d, i) => (
          <Decision key={d.party} d={d} testId={`my-case-${c.id}-decision-${i}`} />
        ))}
      </Flex>
    </Card>
  );
}

/**
 * /my/enforcement/cases — 我的处罚: the cases against the own enterprise (and under 一案双罚 its principal), with the
 * decisions, their .docx and the payment status. Read-only; the server scopes the list to the enterprise.
 */
export function EnterpriseCasesPage() {
  const list = useListState(FILTERS);
  const params = { page: list.page, pageSize: list.pageSize };
  const query = useQuery({
    queryKey: ['enforcement', 'cases', 'mine', params],
    queryFn: ({ signal }) => api.get<ListResult<CaseDto>>('/enforcement/cases', params, signal),
    placeholderData: keepPreviousData,
  });
  const total = query.data?.total ?? 0;

  return (
    <Flex vertical gap={16} data-testid="my-cases">
      <PageHeader title="我的处罚" description="对本企业（含一案双罚中的主要负责人）的立案、行政处罚决定、决定书和罚款缴纳情况（只读）" />
      {query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : query.isPending ? (
        <Card loading />
      ) : query.data.items.length === 0 ? (
        <Card>
          <Empty description="暂无行政处罚记录" data-testid="my-cases-empty" />
        </Card>
      ) : (
        <Flex vertical gap={12}>
          {query.data.items.map((c) => (
            <CaseCard key={c.id} c={c} />
          ))}
          {total > list.pageSize && (
            <Pagination
              align="center"
              current={list.page}
              pageSize={list.pageSize}
              total={total}
              onChange={(page, pageSize) => list.onTableChange({ current: page, pageSize }, {}, {})}
            />
          )}
        </Flex>
      )}
    </Flex>
  );
}
