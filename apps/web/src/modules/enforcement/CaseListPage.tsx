import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ListResult } from '@zhiben/contracts';
import {
  CASE_STATUS_LABELS,
  CASE_STATUSES,
  type CaseDto,
  PAYMENT_STATUS_LABELS,
  PENALTY_TYPE_LABELS,
  type PenaltyDecisionDto,
} from '@zhiben/contracts';
import { Card, Descriptions, Flex, Input, Select, Table, Tag } from 'antd';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { formatDate, formatDateTime } from '../../lib/time';
import { paginationOf, useListState } from '../../lib/useListState';
import { documentHref } from './enforcement.api';

const FILTERS = ['q', 'status'] as const;
const yuan = (fen: number) => (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2 });

function Decisions({ c }: { c: CaseDto }) {
  return (
    <Table<PenaltyDecisionDto>
      size="small"
      rowKey="party"
      pagination={false}
      dataSource={c.decisions}
      data-testid={`case-decisions-${c.id}`}
      columns={[
        { title: '当事人', key: 'party', render: (_: unknown, d) => `${d.party === 'enterprise' ? '单位' : '主要负责人'}：${d.partyName}` },
        {
          title: '处罚种类',
          dataIndex: 'types',
          render: (t: PenaltyDecisionDto['types']) => t.map((x) => PENALTY_TYPE_LABELS[x]).join('、'),
        },
        { title: '罚款（元）', dataIndex: 'fineFen', render: (f: number) => yuan(f) },
        { title: '处罚依据', dataIndex: 'penaltyBasis' },
        {
          title: '决定书',
          key: 'doc',
          render: (_: unknown, d) =>
            d.documentId ? (
              <a href={documentHref(d.documentId)} download>
                {d.decisionNumber}（.docx）
              </a>
            ) : (
              (d.decisionNumber ?? '—')
            ),
        },
        { title: '决定日期', dataIndex: 'decisionDate', render: (v: string | null) => formatDate(v) },
        { title: '缴款', dataIndex: 'paymentStatus', render: (p: PenaltyDecisionDto['paymentStatus']) => PAYMENT_STATUS_LABELS[p] },
      ]}
    />
  );
}

/** /enforcement/cases — 案件 (行政处罚, 一案双罚): facts, basis, the decisions with their .docx, payment. */
export function CaseListPage() {
  const list = useListState(FILTERS);
  const f = list.filters;
  const params = { page: list.page, pageSize: list.pageSize, q: f.q, status: f.status };
  const query = useQuery({
    queryKey: ['enforcement', 'cases', params],
    queryFn: ({ signal }) => api.get<ListResult<CaseDto>>('/enforcement/cases', params, signal),
    placeholderData: keepPreviousData,
  });

  return (
    <Flex vertical gap={16}>
      <PageHeader title="案件" description="行政处罚案件：违法事实、依据、处罚决定（一案双罚）与缴款情况" />
      <Card>
        <Flex wrap gap={8} style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            placeholder="企业名称"
            defaultValue={f.q}
            onSearch={(v) => list.setFilters({ q: v.trim() || undefined })}
            style={{ width: 240 }}
            data-testid="case-filter-q"
          />
          <Select
            allowClear
            placeholder="状态"
            value={f.status}
            onChange={(v: string | undefined) => list.setFilters({ status: v })}
            options={CASE_STATUSES.map((s) => ({ value: s, label: CASE_STATUS_LABELS[s] }))}
            style={{ width: 160 }}
            data-testid="case-filter-status"
          />
        </Flex>
        {query.isError ? (
          <QueryError error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <Table<CaseDto>
            rowKey="id"
            loading={query.isFetching}
            dataSource={query.data?.items}
            pagination={paginationOf(list, query.data?.total)}
            onChange={list.onTableChange}
            data-testid="case-table"
            locale={{ emptyText: list.filtered ? '没有符合条件的案件' : '暂无案件' }}
            expandable={{
              expandedRowRender: (c) => (
                <Flex vertical gap={8}>
                  <Descriptions size="small" column={1}>
                    <Descriptions.Item label="违法事实">{c.facts}</Descriptions.Item>
                    <Descriptions.Item label="违法依据">{c.legalBasis}</Descriptions.Item>
                  </Descriptions>
                  <Decisions c={c} />
                </Flex>
              ),
            }}
            columns={[
              { title: '企业', dataIndex: 'enterpriseName' },
              {
                title: '状态',
                dataIndex: 'status',
                width: 150,
                render: (s: CaseDto['status'], c) => (
                  <span>
                    <Tag>{CASE_STATUS_LABELS[s]}</Tag>
                    {c.dualPenalty && <Tag color="red">一案双罚</Tag>}
                  </span>
                ),
              },
              {
                title: '罚款合计（元）',
                key: 'fine',
                width: 140,
                render: (_: unknown, c) => yuan(c.decisions.reduce((sum, d) => sum + d.fineFen, 0)),
              },
              { title: '立案时间', dataIndex: 'createdAt', width: 150, render: (v: string) => formatDateTime(v) },
              { title: '决定时间', dataIndex: 'decidedAt', width: 150, render: (v: string | null) => formatDateTime(v) },
              {
                title: '检查任务',
                dataIndex: 'taskId',
                width: 100,
                render: (id: string | null) => (id ? <Link to={`/enforcement/tasks/${id}`}>查看</Link> : '—'),
              },
            ]}
          />
        )}
      </Card>
    </Flex>
  );
}
