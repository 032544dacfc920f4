import type { AlarmDto } from '@zhiben/contracts';
import { Card, Empty, Flex, Typography } from 'antd';
import { Link } from 'react-router';
import { formatDateTime } from '../../lib/time';
import { useAlarms } from './alarms.api';
import { AlarmLevelTag, AlarmStatusTag, describePeak } from './monitoringLabels';

const peakText = (a: AlarmDto) => {
  const p = describePeak(a, a.peak);
  return p ? ` · ${p.label} ${p.text}` : '';
};

/**
 * The alarms that still need someone (not closed), newest first — beside the tiles on the bureau's overview, the
 * main list on an enterprise's. Each opens the alarm's page (响应, 处置报告).
 */
export function RecentAlarms({
  title,
  pageSize,
  showEnterprise,
  refetchInterval,
}: {
  title: string;
  pageSize: number;
  showEnterprise: boolean;
  refetchInterval: number | false;
}) {
  const query = useAlarms({ open: 'true', pageSize }, { refetchInterval });
  const items = query.data?.items ?? [];
  const more = (query.data?.total ?? 0) - items.length;
  return (
    <Card
      size="small"
      title={title}
      extra={<Link to="/monitoring/alarms?status=open">全部{query.data ? ` ${query.data.total} 条` : ''}</Link>}
      loading={query.isPending}
      data-testid="monitoring-recent-alarms"
    >
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有未关闭的报警" />
      ) : (
        <Flex vertical>
          {items.map((a: AlarmDto) => (
            <div key={a.id} className="zb-monitoring-alarm-line" data-testid={`alarm-row-${a.id}`}>
              <Flex vertical gap={4} style={{ width: '100%', minWidth: 0 }}>
                <Flex gap={6} wrap align="center">
                  <AlarmLevelTag level={a.level} />
                  <AlarmStatusTag status={a.displayStatus} />
                  <Link to={`/monitoring/alarms/${a.id}`} data-testid={`alarm-link-${a.id}`}>
                    {a.ruleName}
                  </Link>
                </Flex>
                <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
                  {formatDateTime(a.lastAt)}
                  {showEnterprise ? ` · ${a.enterpriseName}` : ''} · {a.deviceName}
                  {peakText(a)}
                </Typography.Text>
              </Flex>
            </div>
          ))}
        </Flex>
      )}
      {more > 0 && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          另有 {more} 条，<Link to="/monitoring/alarms?status=open">查看全部</Link>
        </Typography.Text>
      )}
    </Card>
  );
}
