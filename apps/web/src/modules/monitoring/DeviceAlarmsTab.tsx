import type { AlarmDto } from '@zhiben/contracts';
import { Empty, Flex, Skeleton, Typography } from 'antd';
import { Link } from 'react-router';
import './monitoring.css';
import { QueryError } from '../../components/QueryError';
import { formatDateTime } from '../../lib/time';
import { useAlarms } from './alarms.api';
import { AlarmLevelTag, AlarmStatusTag, describePeak } from './monitoringLabels';

const peakText = (a: AlarmDto) => {
  const p = describePeak(a, a.peak);
  return p ? ` · ${p.label} ${p.text}` : '';
};

function AlarmLine({ a }: { a: AlarmDto }) {
  return (
    <Flex className="zb-monitoring-alarm-line" justify="space-between" align="center" gap={8} data-testid={`alarm-row-${a.id}`}>
      <Flex vertical gap={2} style={{ minWidth: 0 }}>
        <Flex gap={6} wrap align="center">
          <AlarmLevelTag level={a.level} />
          <AlarmStatusTag status={a.displayStatus} />
          <Link to={`/monitoring/alarms/${a.id}`}>{a.ruleName}</Link>
        </Flex>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {formatDateTime(a.firstAt)}
          {peakText(a)}
          {a.count > 1 ? ` · ${a.count} 次` : ''}
        </Typography.Text>
      </Flex>
      <Link to={`/monitoring/alarms/${a.id}`}>办理</Link>
    </Flex>
  );
}

/** The device's alarms that are not closed yet, with the way to all of them. */
export function DeviceAlarmsTab({ deviceId }: { deviceId: string }) {
  const query = useAlarms({ deviceId, open: 'true', pageSize: 50 });
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (query.isPending) return <Skeleton active paragraph={{ rows: 4 }} />;
  const items = query.data.items;
  return (
    <Flex vertical gap={8} data-testid="device-open-alarms">
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="该设备当前没有未关闭的报警" />
      ) : (
        <Flex vertical>
          {items.map((a) => (
            <AlarmLine key={a.id} a={a} />
          ))}
        </Flex>
      )}
      <Flex justify="flex-end">
        <Link to={`/monitoring/alarms?deviceId=${encodeURIComponent(deviceId)}`} data-testid="device-all-alarms">
          查看该设备全部报警记录
        </Link>
      </Flex>
    </Flex>
  );
}
