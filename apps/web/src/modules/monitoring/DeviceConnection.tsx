import { Tag, Tooltip, Typography } from 'antd';
import relativeTime from 'dayjs/plugin/relativeTime';
import { dayjs, formatDateTimeSeconds } from '../../lib/time';

dayjs.extend(relativeTime);

export const CONNECTED_OPTIONS = [
  { value: 'true', label: '已接入' },
  { value: 'false', label: '未接入' },
] as const;

/** 接入状态 as the server counts it (every mandatory signal within 24 h, the monitoring overview's definition). */
export function ConnectedTag({ connected, tooltip, testId }: { connected: boolean; tooltip?: string; testId?: string }) {
  const tag = (
    <Tag color={connected ? 'green' : 'default'} data-testid={testId} data-connected={String(connected)}>
      {connected ? '已接入' : '未接入'}
    </Tag>
  );
  return tooltip ? <Tooltip title={tooltip}>{tag}</Tooltip> : tag;
}

/** 最近上报: relative time ("5 分钟前"), the exact time on hover; 从未上报 when the device never reported. */
export function LastReport({ at, secondary, testId }: { at: string | null; secondary?: boolean; testId?: string }) {
  if (!at) {
    return (
      <Typography.Text type="secondary" data-testid={testId} style={secondary ? { fontSize: 12 } : undefined}>
        从未上报
      </Typography.Text>
    );
  }
  // A device clock slightly ahead of ours must not read as "in 2 minutes".
  const when = dayjs(at).isAfter(dayjs()) ? dayjs() : dayjs(at);
  return (
    <Tooltip title={formatDateTimeSeconds(at)}>
      <Typography.Text type={secondary ? 'secondary' : undefined} data-testid={testId} style={secondary ? { fontSize: 12 } : undefined}>
        {when.fromNow()}
      </Typography.Text>
    </Tooltip>
  );
}
