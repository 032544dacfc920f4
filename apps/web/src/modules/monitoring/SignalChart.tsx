import { SERIES_STEPS, SIGNALS, type SignalCode } from '@zhiben/contracts';
import { Card, Empty, Flex, Skeleton, Typography } from 'antd';
import { useMemo } from 'react';
import { QueryError } from '../../components/QueryError';
import { formatDateTime } from '../../lib/time';
import { type SeriesRange, useDeviceSeries } from './devices.api';
import { LineChart } from './LineChart';
import { formatReading, signalLabel } from './monitoringLabels';
import { signalChartOption, type ThresholdLine } from './seriesChartOption';

/** One signal of one device over a window, from the 1-minute rollups, with its alarm bounds. */
export function SignalChart({
  deviceId,
  signal,
  range,
  thresholds,
  mandatory,
  compact,
  height = 220,
}: {
  deviceId: string;
  signal: string;
  range: SeriesRange;
  thresholds: readonly ThresholdLine[];
  mandatory?: boolean;
  compact: boolean;
  height?: number;
}) {
  const query = useDeviceSeries(deviceId, signal, range);
  const points = query.data?.points;
  const option = useMemo(
    () =>
      points
        ? signalChartOption({ signal, points, stepS: SERIES_STEPS[range.step], from: range.from, to: range.to, thresholds, compact })
        : null,
    [points, signal, range, thresholds, compact],
  );
  const last = points?.at(-1);
  const unit = SIGNALS[signal as SignalCode]?.unit;

  return (
    <Card
      size="small"
      title={
        <Flex gap={6} align="baseline" wrap>
          <span>{signalLabel(signal)}</span>
          {unit && (
            <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 400 }}>
              {unit}
            </Typography.Text>
          )}
          {mandatory && (
            <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 400 }}>
              必选
            </Typography.Text>
          )}
        </Flex>
      }
      extra={
        last && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            最新 {formatReading(signal, last.last)} · {formatDateTime(last.t)}
          </Typography.Text>
        )
      }
      data-testid={`signal-chart-${signal}`}
    >
      {query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : !option ? (
        <Skeleton active paragraph={{ rows: 4 }} />
      ) : points?.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          style={{ height: height - 40, display: 'flex', flexDirection: 'column', justifyContent: 'center', margin: 0 }}
          description="该时段没有数据：请检查采集网关是否按接入信息配置并在线上报"
        />
      ) : (
        <LineChart option={option} height={height} ariaLabel={`${signalLabel(signal)}监测曲线`} />
      )}
    </Card>
  );
}
