import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type ListResult,
  PLAN_STATUS_LABELS,
  type PlanDto,
  type PlanEntryDto,
  type PlanSummaryDto,
  type QuarterNumber,
  STANDARDIZATION_LEVEL_LABELS,
} from '@zhiben/contracts';
import { App, Button, Card, Flex, Input, InputNumber, Result, Skeleton, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { can } from '../../app/access';
import { useSession } from '../../app/session';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { testId } from '../../lib/testId';
import { dayjs, formatDateTime } from '../../lib/time';
import { RiskClassTag } from '../classification/RiskClassTag';

const planKeys = { list: ['enforcement', 'plans'] as const, detail: (id: string) => ['enforcement', 'plan', id] as const };

/** Spreads `n` inspections over the four quarters, ascending. */
export function spreadQuarters(n: number): QuarterNumber[] {
  return Array.from({ length: n }, (_, i) => Math.min(4, Math.floor((i * 4) / n) + 1) as QuarterNumber);
}

/** /enforcement/plans — 执法计划: the yearly plans, and a draft generated from the classes and caps. */
export function PlanListPage() {
  const me = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [year, setYear] = useState<number | null>(dayjs().year() + 1);
  const list = useQuery({
    queryKey: planKeys.list,
    queryFn: ({ signal }) => api.get<ListResult<PlanSummaryDto>>('/enforcement/plans', undefined, signal),
    placeholderData: keepPreviousData,
  });
  const generate = useMutation({
    mutationFn: (y: number) => api.post<PlanDto>('/enforcement/plans/generate', { year: y }),
    onSuccess: (plan) => {
      void client.invalidateQueries({ queryKey: planKeys.list });
      message.success('已按分级分类和检查频次上限生成计划草稿');
      navigate(`/enforcement/plans/${plan.id}`);
    },
    onError: (error) => message.error(errorMessage(error)),
  });

  return (
    <Flex vertical gap={16}>
      <PageHeader
        title="执法计划"
        description="年度执法检查计划：按风险等级与标准化等级确定检查频次上限，生成草稿、调整、批准、公布"
        extra={
          can(me, 'enforcement.plan') && (
            <Flex gap={8}>
              <InputNumber min={2020} max={2100} value={year} onChange={setYear} suffix="年度" data-testid="plan-generate-year" />
              <Button
                type="primary"
                loading={generate.isPending}
                disabled={!year}
                onClick={() => year && generate.mutate(year)}
                data-testid="plan-generate"
              >
                生成计划草稿
              </Button>
            </Flex>
          )
        }
      />
      <Card>
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<PlanSummaryDto>
            rowKey="id"
            loading={list.isFetching}
            dataSource={list.data?.items}
            pagination={false}
            data-testid="plan-table"
            columns={[
              { title: '年度', dataIndex: 'year', width: 80 },
              {
                title: '计划名称',
                dataIndex: 'title',
                render: (t: string, p) => (
                  <Link to={`/enforcement/plans/${p.id}`} data-testid={`plan-link-${p.year}`}>
                    {t}
                  </Link>
                ),
              },
              { title: '状态', dataIndex: 'status', width: 100, render: (s: PlanDto['status']) => <Tag>{PLAN_STATUS_LABELS[s]}</Tag> },
              { title: '企业数', dataIndex: 'enterprises', width: 90 },
              { title: '计划检查（次）', dataIndex: 'plannedInspections', width: 120 },
              { title: '已检查（次）', dataIndex: 'doneInspections', width: 110 },
              { title: '重点企业', dataIndex: 'keyEnterprises', width: 90 },
              { title: '超上限', dataIndex: 'overCapEntries', width: 80 },
              { title: '批准时间', dataIndex: 'approvedAt', width: 150, render: (v: string | null) => formatDateTime(v) },
            ]}
          />
        )}
      </Card>
    </Flex>
  );
}

interface Edit {
  plannedCount: number;
  overCapReason: string;
}

/** /enforcement/plans/:id — one plan: counts per enterprise within the caps (over the cap needs a reason), approve, publish. */
export function PlanDetailPage() {
  const { id = '' } = useParams();
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  const query = useQuery({
    queryKey: planKeys.detail(id),
    queryFn: ({ signal }) => api.get<PlanDto>(`/enforcement/plans/${encodeURIComponent(id)}`, undefined, signal),
    staleTime: 0,
  });
  const [edits, setEdits] = useState<Record<string, Edit>>({});
  const [keyOnly, setKeyOnly] = useState(false);
  const onSaved = (plan: PlanDto) => {
    client.setQueryData(planKeys.detail(id), plan);
    void client.invalidateQueries({ queryKey: planKeys.list });
  };
  const save = useMutation({
    mutationFn: (plan: PlanDto) =>
      api.put<PlanDto>(`/enforcement/plans/${encodeURIComponent(id)}`, {
        year: plan.year,
        title: plan.title,
        entries: plan.entries.map((e) => {
          const edit = edits[e.enterpriseId];
          const count = edit?.plannedCount ?? e.plannedCount;
          return {
            enterpriseId: e.enterpriseId,
            plannedCount: count,
            quarters: count === e.plannedCount ? e.quarters : spreadQuarters(count),
            overCapReason: (edit ? edit.overCapReason : e.overCapReason)?.trim() || null,
          };
        }),
      }),
    onSuccess: (plan) => {
      onSaved(plan);
      setEdits({});
      message.success('计划已保存');
    },
    onError: (error) => message.error(errorMessage(error)),
  });
  const step = useMutation({
    mutationFn: (action: 'approve' | 'publish') => api.post<PlanDto>(`/enforcement/plans/${encodeURIComponent(id)}/${action}`, {}),
    onSuccess: (plan) => {
      onSaved(plan);
      message.success(plan.status === 'published' ? '计划已公布' : '计划已批准');
    },
    onError: (error) => message.error(errorMessage(error)),
  });

  const entries = useMemo(() => (query.data?.entries ?? []).filter((e) => !keyOnly || e.key), [query.data, keyOnly]);
  if (query.isPending) return <Skeleton active />;
  if (query.isError) {
    return (
      <Card>
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      </Card>
    );
  }
  const plan = query.data;
  const editable = plan.abilities.update;
  const dirty = Object.keys(edits).length > 0;
  const missingReason = plan.entries.some((e) => {
    const edit = edits[e.enterpriseId];
    const count = edit?.plannedCount ?? e.plannedCount;
    const reason = edit ? edit.overCapReason : (e.overCapReason ?? '');
    return count > e.cap && !reason.trim();
  });
  const confirmStep = async (action: 'approve' | 'publish') => {
    const ok = await modal.confirm({
      title: action === 'approve' ? '批准本年度执法计划？' : '公布本年度执法计划？',
      content: action === 'approve' ? '批准后计划不能再修改。' : '公布后计划对外可见。',
      okText: action === 'approve' ? '批准' : '公布',
      cancelText: '取消',
      okButtonProps: testId(`plan-${action}-confirm`),
    });
    if (ok) step.mutate(action);
  };

  return (
    <Flex vertical gap={16} data-testid="plan-detail" data-status={plan.status}>
      <Link to="/enforcement/plans">← 执法计划</Link>
      <PageHeader
        title={plan.title}
        description={`${plan.year} 年度 · ${PLAN_STATUS_LABELS[plan.status]} · ${plan.entries.length} 家企业 · 计划检查 ${plan.entries.reduce((s, e) => s + e.plannedCount, 0)} 次`}
        extra={
          <Flex gap={8} wrap>
            <Button onClick={() => setKeyOnly(!keyOnly)} data-testid="plan-key-only">
              {keyOnly ? '显示全部企业' : '只看重点检查企业'}
            </Button>
            {editable && (
              <Button
                type="primary"
                disabled={!dirty || missingReason}
                loading={save.isPending}
                onClick={() => save.mutate(plan)}
                data-testid="plan-save"
              >
                {missingReason ? '超上限须填写理由' : '保存'}
              </Button>
            )}
            {plan.abilities.approve && (
              <Button disabled={dirty} loading={step.isPending} onClick={() => void confirmStep('approve')} data-testid="plan-approve">
                批准
              </Button>
            )}
            {plan.abilities.publish && (
              <Button disabled={dirty} loading={step.isPending} onClick={() => void confirmStep('publish')} data-testid="plan-publish">
                公布
              </Button>
            )}
          </Flex>
        }
      />
      <Card>
        {plan.entries.length === 0 ? (
          <Result status="info" title="计划中没有企业" />
        ) : (
          <Table<PlanEntryDto>
            rowKey="enterpriseId"
            size="small"
            dataSource={entries}
            pagination={{ pageSize: 50, showSizeChanger: false }}
            scroll={{ x: 1100 }}
            data-testid="plan-entries"
            columns={[
              { title: '企业', dataIndex: 'enterpriseName', fixed: 'left', width: 240 },
              { title: '乡镇', dataIndex: 'regionName', width: 100 },
              {
                title: '风险等级',
                dataIndex: 'riskClass',
                width: 130,
                render: (c: PlanEntryDto['riskClass']) => <RiskClassTag riskClass={c} />,
              },
              {
                title: '标准化',
                dataIndex: 'standardizationLevel',
                width: 90,
                render: (l: PlanEntryDto['standardizationLevel']) => STANDARDIZATION_LEVEL_LABELS[l],
              },
              { title: '年度上限', dataIndex: 'cap', width: 90 },
              {
                title: '计划次数',
                key: 'count',
                width: 110,
                render: (_: unknown, e) => {
                  const value = edits[e.enterpriseId]?.plannedCount ?? e.plannedCount;
                  return editable ? (
                    <InputNumber
                      min={0}
                      max={52}
                      value={value}
                      status={value > e.cap ? 'warning' : undefined}
                      onChange={(v) =>
                        setEdits((prev) => ({
                          ...prev,
                          [e.enterpriseId]: {
                            plannedCount: v ?? 0,
                            overCapReason: prev[e.enterpriseId]?.overCapReason ?? e.overCapReason ?? '',
                          },
                        }))
                      }
                      data-testid={`plan-count-${e.enterpriseId}`}
                    />
                  ) : (
                    value
                  );
                },
              },
              {
                title: '季度',
                key: 'quarters',
                width: 110,
                render: (_: unknown, e) => {
                  const edit = edits[e.enterpriseId];
                  const q = edit && edit.plannedCount !== e.plannedCount ? spreadQuarters(edit.plannedCount) : e.quarters;
                  return q.map((n) => `Q${n}`).join(' ');
                },
              },
              {
                title: '超上限理由',
                key: 'reason',
                width: 240,
                render: (_: unknown, e) => {
                  const edit = edits[e.enterpriseId];
                  const count = edit?.plannedCount ?? e.plannedCount;
                  if (count <= e.cap) return e.overCap ? e.overCapReason : '—';
                  if (!editable) return e.overCapReason ?? '—';
                  const reason = edit ? edit.overCapReason : (e.overCapReason ?? '');
                  return (
                    <Input
                      value={reason}
                      status={reason.trim() ? undefined : 'error'}
                      placeholder="超过年度上限，须填写理由"
                      maxLength={500}
                      onChange={(ev) =>
                        setEdits((prev) => ({ ...prev, [e.enterpriseId]: { plannedCount: count, overCapReason: ev.target.value } }))
                      }
                      data-testid={`plan-reason-${e.enterpriseId}`}
                    />
                  );
                },
              },
              { title: '重点', dataIndex: 'key', width: 70, render: (k: boolean) => (k ? <Tag color="red">重点</Tag> : '') },
              { title: '已检查', dataIndex: 'doneCount', width: 80 },
            ]}
          />
        )}
      </Card>
    </Flex>
  );
}
