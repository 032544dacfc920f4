import { REGION_KIND_LABELS } from '@zhiben/contracts';
import { Card, Flex, Table, type TableColumnsType, Tag } from 'antd';
import { useMemo } from 'react';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { useRegions } from './regions.api';
import { buildRegionTree, type RegionNode } from './regionTree';

const KIND_COLORS: Record<RegionNode['kind'], string> = {
  district: 'blue',
  subdistrict: 'cyan',
  town: 'geekblue',
  township: 'purple',
  zone: 'gold',
};

const columns: TableColumnsType<RegionNode> = [
  { title: '名称', dataIndex: 'name', key: 'name' },
  {
    title: '类型',
    dataIndex: 'kind',
    key: 'kind',
    width: 100,
    render: (kind: RegionNode['kind']) => <Tag color={KIND_COLORS[kind]}>{REGION_KIND_LABELS[kind] ?? kind}</Tag>,
  },
  { title: '区划代码', dataIndex: 'code', key: 'code', width: 160 },
  { title: '排序', dataIndex: 'sort', key: 'sort', width: 80, align: 'right' },
];

/** 行政区划: the jurisdiction tree, read-only. */
export function RegionsPage() {
  const query = useRegions();
  const tree = useMemo(() => buildRegionTree(query.data?.items ?? []), [query.data]);
  const rootKeys = useMemo(() => tree.map((n) => n.id), [tree]);

  return (
    <Flex vertical gap={16}>
      <PageHeader title="行政区划" description="本区乡镇（街道）与园区；区划由系统初始化维护，此处只读" />
      <Card>
        {query.isError ? (
          <QueryError error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <Table<RegionNode>
            key={rootKeys.join(',')}
            rowKey="id"
            columns={columns}
            dataSource={tree}
            loading={query.isFetching}
            pagination={false}
            expandable={{ defaultExpandedRowKeys: rootKeys }}
            size="middle"
            data-testid="regions-table"
          />
        )}
      </Card>
    </Flex>
  );
}
