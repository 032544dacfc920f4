import { SafetyOutlined } from '@ant-design/icons';
import type { AuditEventDto } from '@zhiben/contracts';
import { AutoComplete, Button, Card, DatePicker, Empty, Flex, Form, Input, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { FilterBar } from '../../components/FilterBar';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { testId } from '../../lib/testId';
import { dayjs, dayRangePresets, endOfDayIso, startOfDayIso } from '../../lib/time';
import { paginationOf, useListState } from '../../lib/useListState';
import { AuditDrawer } from './AuditDrawer';
import { AuditVerifyResult } from './AuditVerifyResult';
import { useAuditEvents, useVerifyAuditChain } from './audit.api';
import { auditColumns } from './auditColumns';
import { ALL_ACTION_LABELS, ENTITY_TYPE_LABELS } from './auditLabels';

const FILTERS = ['actor', 'entityType', 'entityId', 'action', 'from', 'to'] as const;

interface FormValues {
  actor?: string;
  entityType?: string;
  entityId?: string;
  action?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

/** Typing filters the list; the value sent is the key (prefix match on the server, so `users.` works too). */
const actionOptions = Object.entries(ALL_ACTION_LABELS).map(([value, label]) => ({ value, label: `${label}（${value}）` }));
const entityTypeOptions = Object.entries(ENTITY_TYPE_LABELS).map(([value, label]) => ({ value, label: `${label}（${value}）` }));
const matches = (input: string, option?: { value: string; label: string }) =>
  !!option && (option.label.includes(input) || option.value.toLowerCase().includes(input.toLowerCase()));

/** 审计日志: every change and sign-in, filterable, with the before/after of each and a chain check. */
export function AuditPage() {
  const list = useListState(FILTERS);
  const [form] = Form.useForm<FormValues>();
  const [selected, setSelected] = useState<AuditEventDto | undefined>();
  const verify = useVerifyAuditChain();
  const { from, to } = list.filters;

  const formValues = useMemo<FormValues>(
    () => ({
      actor: list.filters.actor,
      entityType: list.filters.entityType,
      entityId: list.filters.entityId,
      action: list.filters.action,
      range: from || to ? [from ? dayjs(from) : null, to ? dayjs(to) : null] : null,
    }),
    [list.filters, from, to],
  );

  const query = useAuditEvents({
    page: list.page,
    pageSize: list.pageSize,
    actor: list.filters.actor,
    entityType: list.filters.entityType,
    entityId: list.filters.entityId,
    action: list.filters.action,
    from: from ? startOfDayIso(from) : undefined,
    to: to ? endOfDayIso(to) : undefined,
  });

  const search = (v: FormValues) => {
    const [start, end] = v.range ?? [];
    list.setFilters({
      actor: v.actor,
      entityType: v.entityType,
      entityId: v.entityId,
      action: v.action,
      from: start ? start.format('YYYY-MM-DD') : undefined,
      to: end ? end.format('YYYY-MM-DD') : undefined,
    });
  };

  return (
    <Flex vertical gap={16}>
      <PageHeader title="审计日志" description="所有登录与数据变更的留痕记录，按时间倒序；点击一行查看变更详情" />
      <FilterBar<FormValues>
        form={form}
        values={formValues}
        onSearch={search}
        onReset={() => list.setFilters({})}
        collapsedCount={3}
        testIdPrefix="audit"
      >
        <Form.Item key="actor" name="actor" label="操作人">
          <Input allowClear placeholder="用户名" data-testid="audit-filter-actor" />
        </Form.Item>
        <Form.Item key="action" name="action" label="动作">
          <AutoComplete
            allowClear
            placeholder="选择或输入动作"
            options={actionOptions}
            filterOption={matches}
            data-testid="audit-filter-action"
          />
        </Form.Item>
        <Form.Item key="range" name="range" label="时间范围">
          <DatePicker.RangePicker
            allowEmpty={[true, true]}
            presets={dayRangePresets()}
            style={{ width: '100%' }}
            data-testid="audit-filter-range"
          />
        </Form.Item>
        <Form.Item key="entityType" name="entityType" label="对象类型">
          <AutoComplete allowClear placeholder="选择或输入类型" options={entityTypeOptions} filterOption={matches} />
        </Form.Item>
        <Form.Item key="entityId" name="entityId" label="对象编号">
          <Input allowClear placeholder="完整编号" />
        </Form.Item>
      </FilterBar>
      <Card>
        <Flex vertical gap={12} style={{ marginBottom: 16 }}>
          <Flex justify="space-between" align="center" wrap gap={8}>
            <Button icon={<SafetyOutlined />} loading={verify.isPending} onClick={() => verify.mutate()} data-testid="audit-verify">
              校验审计链
            </Button>
          </Flex>
          <AuditVerifyResult result={verify.data} error={verify.error} onClose={() => verify.reset()} />
        </Flex>
        {query.isError ? (
          <QueryError error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <Table<AuditEventDto>
            className="zb-clickable-rows"
            rowKey="id"
            columns={auditColumns}
            dataSource={query.data?.items}
            loading={query.isFetching}
            pagination={paginationOf(list, query.data?.total)}
            onChange={list.onTableChange}
            onRow={(event) => ({ onClick: () => setSelected(event), ...testId(`audit-row-${event.seq}`) })}
            scroll={{ x: 900 }}
            size="middle"
            locale={{
              emptyText: (
                <Empty
                  image={Empty.PRESENTED_IMAGE_SIMPLE}
                  description={list.filtered ? '没有符合条件的记录，请放宽筛选条件或点击「重置」' : '暂无审计记录'}
                />
              ),
            }}
            data-testid="audit-table"
          />
        )}
      </Card>
      <AuditDrawer event={selected} onClose={() => setSelected(undefined)} />
    </Flex>
  );
}
