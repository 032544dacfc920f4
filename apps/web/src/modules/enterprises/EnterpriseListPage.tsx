import { type EnterpriseDto, SECTOR_LABELS } from '@zhiben/contracts';
import { Card, Empty, Flex, Form, Input, Result, Table, type TableColumnsType, Tag } from 'antd';
import { isRouteMissing } from '../../api/errors';
import { FilterBar } from '../../components/FilterBar';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { paginationOf, useListState } from '../../lib/useListState';
import { ENTERPRISE_STATUS_COLORS, enterpriseStatusLabel } from './enterpriseStatus';
import { useEnterpriseList } from './enterprises.api';

const FILTERS = ['q'] as const;
type Filters = { q?: string };

const columns: TableColumnsType<EnterpriseDto> = [
  { title: '企业名称', dataIndex: 'name', key: 'name', ellipsis: true },
  { title: '统一社会信用代码', dataIndex: 'creditCode', key: 'creditCode', width: 200 },
  { title: '所属乡镇', dataIndex: 'regionName', key: 'regionName', width: 140 },
  {
    title: '监管行业',
    dataIndex: 'sector',
    key: 'sector',
    width: 100,
    render: (sector: EnterpriseDto['sector']) => (sector ? SECTOR_LABELS[sector] : <Tag>未归类</Tag>),
  },
  {
    title: '生产状态',
    dataIndex: 'status',
    key: 'status',
    width: 100,
    render: (status: EnterpriseDto['status']) => <Tag color={ENTERPRISE_STATUS_COLORS[status]}>{enterpriseStatusLabel(status)}</Tag>,
  },
];

/** 企业台账: the enterprises in the user's scope. */
export function EnterpriseListPage() {
  const list = useListState(FILTERS);
  const [form] = Form.useForm<Filters>();
  const query = useEnterpriseList({ page: list.page, pageSize: list.pageSize, sort: list.sort, q: list.filters.q });

  if (isRouteMissing(query.error)) {
    return (
      <Card>
        <Result status="info" title="企业台账功能正在上线" subTitle="企业台账接口尚未开放，请稍后再试。" />
      </Card>
    );
  }

  return (
    <Flex vertical gap={16}>
      <PageHeader title="企业台账" description="辖区内工贸企业基本信息" />
      <FilterBar<Filters>
        form={form}
        values={list.filters}
        onSearch={(v) => list.setFilters(v)}
        onReset={() => list.setFilters({})}
        testIdPrefix="enterprises"
      >
        <Form.Item key="q" name="q" label="关键字">
          <Input allowClear placeholder="企业名称或统一社会信用代码" data-testid="enterprises-filter-q" />
        </Form.Item>
      </FilterBar>
      <Card>
        {query.isError ? (
          <QueryError error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <Table<EnterpriseDto>
            rowKey="id"
            columns={columns}
            dataSource={query.data?.items}
            loading={query.isFetching}
            pagination={paginationOf(list, query.data?.total)}
            onChange={list.onTableChange}
            scroll={{ x: 760 }}
            locale={{
              emptyText: (
                <Empty
                  image={Empty.PRESENTED_IMAGE_SIMPLE}
                  description={list.filtered ? '没有符合条件的企业，请调整查询条件' : '暂无企业，企业台账录入或导入后将在此显示'}
                />
              ),
            }}
            data-testid="enterprises-table"
          />
        )}
      </Card>
    </Flex>
  );
}
