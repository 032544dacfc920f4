import { type DeviceDto, SIGNALS, type SignalCode } from '@zhiben/contracts';
import { Col, Flex, Row, Segmented, Typography } from 'antd';
import { useMemo } from 'react';
import type { SeriesRange } from './devices.api';
import { useThresholds } from './monitoring.api';
import { SignalChart } from './SignalChart';
import { thresholdLinesOf } from './seriesRange';

export type ChartWindow = '24h' | '7d';

/** 监测曲线: one chart per signal (mandatory first) over the last 24 h or 7 d, alarm bounds as dashed lines. */
export function DeviceChartsTab({
  device,
  window,
  range,
  onWindowChange,
  compact,
}: {
  device: DeviceDto;
  window: ChartWindow;
  range: SeriesRange;
  onWindowChange: (w: ChartWindow) => void;
  compact: boolean;
}) {
  const thresholds = useThresholds(device.id);
  const rules = thresholds.data?.rules;
  const optional = device.signals.filter((s) => !device.mandatorySignals.includes(s));
  const lines = useMemo(() => new Map(device.signals.map((s) => [s, thresholdLinesOf(rules, s)])), [device.signals, rules]);

  const grid = (signals: readonly string[], mandatory: boolean) => (
    <Row gutter={[12, 12]}>
      {signals.map((s) => (
        <Col key={s} xs={24} xl={12}>
          <SignalChart
            deviceId={device.id}
            signal={s}
            range={range}
            thresholds={lines.get(s) ?? []}
            mandatory={mandatory}
            compact={compact}
            height={SIGNALS[s as SignalCode]?.valueType === 'binary' ? 150 : 220}
          />
        </Col>
      ))}
    </Row>
  );

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Segmented<ChartWindow>
          value={window}
          onChange={onWindowChange}
          options={[
            { value: '24h', label: '近 24 小时' },
            { value: '7d', label: '近 7 天' },
          ]}
          data-testid="device-chart-window"
        />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {window === '24h' ? '每分钟统计' : '每 15 分钟统计'}：线为均值，浅色带为最小–最大值；虚线为报警值。滚轮可缩放。
        </Typography.Text>
      </Flex>
      {device.signals.length === 0 && <Typography.Text type="secondary">该设备没有配置监测项</Typography.Text>}
      {device.mandatorySignals.length > 0 && grid(device.mandatorySignals, true)}
      {optional.length > 0 && (
        <>
          <Typography.Text strong style={{ marginTop: 4 }}>
            可选监测项
          </Typography.Text>
          {grid(optional, false)}
        </>
      )}
    </Flex>
  );
}
