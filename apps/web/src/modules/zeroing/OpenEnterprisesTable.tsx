import { SECTOR_LABELS, type ZeroingDto } from '@zhiben/contracts';
import { Empty, Flex, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { testId } from '../../lib/testId';
import { formatDate } from '../../lib/time';
import { hazardListLink } from './zeroing.api';

type Row = ZeroingDto['enterprises'][number];

/** Enterprises that still have open major hazards, most overdue first; a row opens that enterprise's major hazards. */
export function OpenEnterprisesTable({ rows, asOf }: { rows: readonly Row[]; asOf: string }) {
  const navigate = useNavigate();
  const columns: TableColumnsType<Row> = [
    {
      title: '企业',
      key: 'name',
      render: (_, r) => (
        <Flex vertical>
          <Typography.Text ellipsis={{ tooltip: r.enterpriseName }}>{r.enterpriseName}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.regionName}
            {r.sector ? ` · ${SECTOR_LABELS[r.sector]}` : ''}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: '未销号', key: 'open', width: 80, align: 'right', render: (_, r) => r.open },
    {
      title: '逾期',
      key: 'overdue',
      width: 70,
      align: 'right',
      render: (_, r) => (r.overdue > 0 ? <Typography.Text type="danger">{r.overdue}</Typography.Text> : 0),
    },
    {
      title: '挂牌',
      key: 'supervised',
      width: 70,
      align: 'right',
      render: (_, r) => (r.supervised > 0 ? <Tag color="orange">{r.supervised}</Tag> : 0),
    },
    {
      title: '最近整改期限',
      key: 'nearestDeadline',
      width: 120,
      render: (_, r) =>
        r.nearestDeadline ? (
          <Typography.Text type={r.nearestDeadline < asOf ? 'danger' : undefined}>{formatDate(r.nearestDeadline)}</Typography.Text>
        ) : (
          <Typography.Text type="secondary">未定</Typography.Text>
        ),
    },
  ];
  return (
    <Table<Row>
      rowKey="enterpriseId"
      className="zb-clickable-rows"
      size="small"
      columns={columns}
      dataSource={[...rows]}
      pagination={rows.length > 10 ? { pageSize: 10, showSizeChanger: false, size: 'small' } : false}
      onRow={(r) => ({
        onClick: () => navigate(hazardListLink({ level: 'major', open: 'true', enterpriseId: r.enterpriseId })),
        ...testId('zeroing-enterprise'),
      })}
      scroll={{ x: 560 }}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有存在未销号重大隐患的企业" /> }}
      data-testid="zeroing-enterprises"
    />
  );
}
