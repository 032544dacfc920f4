import { RightOutlined } from '@ant-design/icons';
import type { ZeroingDto } from '@zhiben/contracts';
import { Card, Empty, Flex, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { testId } from '../../lib/testId';
import { formatDate } from '../../lib/time';
import { HazardStatusTag } from '../hazards/hazardLabels';

type Item = ZeroingDto['supervision'][number];

/** A deadline, red with 逾期 when it has passed. */
function Deadline({ value, late }: { value: string | null; late: boolean }) {
  if (!value) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Flex gap={4} align="center" wrap>
      <Typography.Text type={late ? 'danger' : undefined}>{formatDate(value)}</Typography.Text>
      {late && (
        <Tag color="red" variant="solid" style={{ marginInlineEnd: 0 }}>
          逾期
        </Tag>
      )}
    </Flex>
  );
}

const columns: TableColumnsType<Item> = [
  {
    title: '企业',
    key: 'enterprise',
    width: 220,
    render: (_, s) => (
      <Flex vertical>
        <Typography.Text ellipsis={{ tooltip: s.enterpriseName }}>{s.enterpriseName}</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {s.regionName}
        </Typography.Text>
      </Flex>
    ),
  },
  {
    title: '隐患',
    key: 'description',
    render: (_, s) => (
      <Flex vertical gap={2}>
        {s.standardItemLabel && <Typography.Text strong>{s.standardItemLabel}</Typography.Text>}
        <Typography.Paragraph style={{ margin: 0 }} ellipsis={{ rows: 2, tooltip: s.description }}>
          {s.description}
        </Typography.Paragraph>
      </Flex>
    ),
  },
  { title: '状态', key: 'status', width: 96, render: (_, s) => <HazardStatusTag status={s.status} /> },
  {
    title: '督办单位',
    key: 'unit',
    width: 160,
    render: (_, s) => s.supervisingUnit ?? <Typography.Text type="secondary">—</Typography.Text>,
  },
  {
    title: '督办期限',
    key: 'supervisionDeadline',
    width: 140,
    render: (_, s) => <Deadline value={s.supervisionDeadline} late={s.supervisionOverdue} />,
  },
  { title: '整改期限', key: 'deadline', width: 140, render: (_, s) => <Deadline value={s.deadline} late={s.overdue} /> },
];

/**
 * 挂牌督办: open supervised major hazards with the supervising unit and the deadlines, nearest supervision deadline
 * first (as the server orders them); a passed deadline is red. A row opens the hazard.
 */
export function SupervisionList({ items, phone }: { items: readonly Item[]; phone: boolean }) {
  const navigate = useNavigate();
  const empty = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无挂牌督办中的重大事故隐患" />;
  if (phone) {
    return (
      <Flex vertical gap={10} data-testid="zeroing-supervision-list">
        {items.length === 0 && empty}
        {items.map((s) => (
          <Card
            key={s.hazardId}
            size="small"
            hoverable
            onClick={() => navigate(`/hazards/${s.hazardId}`)}
            style={s.supervisionOverdue ? { borderColor: '#ffa39e' } : undefined}
            {...testId('zeroing-supervision-item')}
          >
            <Flex align="center" gap={8}>
              <Flex vertical gap={4} style={{ minWidth: 0, flex: 1 }}>
                <Flex gap={6} align="center" wrap>
                  <HazardStatusTag status={s.status} />
                  <Typography.Text strong ellipsis>
                    {s.enterpriseName}
                  </Typography.Text>
                </Flex>
                <Typography.Paragraph style={{ margin: 0 }} ellipsis={{ rows: 2 }}>
                  {s.standardItemLabel ? `${s.standardItemLabel} ` : ''}
                  {s.description}
                </Typography.Paragraph>
                <Flex gap={4} align="center" wrap style={{ fontSize: 12 }}>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    督办期限
                  </Typography.Text>
                  <Deadline value={s.supervisionDeadline} late={s.supervisionOverdue} />
                  {s.supervisingUnit && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      · {s.supervisingUnit}
                    </Typography.Text>
                  )}
                </Flex>
              </Flex>
              <RightOutlined style={{ color: 'rgba(0,0,0,0.3)' }} />
            </Flex>
          </Card>
        ))}
      </Flex>
    );
  }
  return (
    <Table<Item>
      rowKey="hazardId"
      className="zb-clickable-rows"
      size="middle"
      columns={columns}
      dataSource={[...items]}
      pagination={items.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      onRow={(s) => ({
        onClick: () => navigate(`/hazards/${s.hazardId}`),
        ...testId('zeroing-supervision-item'),
        'data-overdue': s.supervisionOverdue,
      })}
      scroll={{ x: 1000 }}
      locale={{ emptyText: empty }}
      data-testid="zeroing-supervision-table"
    />
  );
}
