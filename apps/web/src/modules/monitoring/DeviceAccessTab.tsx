import type { DeviceDto } from '@zhiben/contracts';
import { Descriptions, Typography } from 'antd';
import { formatDateTime } from '../../lib/time';
import { signalLabel } from './monitoringLabels';

/** 接入信息: what the gateway needs (user name, topic, HTTP endpoint, payload) — never the secret itself. */
export function DeviceAccessTab({ device }: { device: DeviceDto }) {
  const example = JSON.stringify({ ts: 1735689600000, values: Object.fromEntries(device.signals.slice(0, 3).map((s) => [s, 0])) });
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      styles={{ label: { width: 140 } }}
      data-testid="device-access"
      items={[
        {
          key: 'user',
          label: 'MQTT 用户名',
          children: <Typography.Text copyable>{device.mqttUsername}</Typography.Text>,
        },
        {
          key: 'topic',
          label: 'MQTT 主题',
          children: (
            <Typography.Text copyable style={{ wordBreak: 'break-all' }}>
              {device.mqttTopic}
            </Typography.Text>
          ),
        },
        {
          key: 'http',
          label: 'HTTP 上报',
          children: (
            <Typography.Text>
              POST /api/v1/telemetry，请求头 <Typography.Text code>Authorization: Bearer {device.mqttUsername}:设备密钥</Typography.Text>
            </Typography.Text>
          ),
        },
        {
          key: 'payload',
          label: '数据格式',
          children: (
            <Typography.Text code style={{ wordBreak: 'break-all' }}>
              {example}
            </Typography.Text>
          ),
        },
        { key: 'signals', label: '监测项编码', children: device.signals.map((s) => `${signalLabel(s)} ${s}`).join('；') },
        { key: 'interval', label: '上报间隔', children: `${device.reportingIntervalS} 秒` },
        { key: 'secret', label: '密钥更新时间', children: `${formatDateTime(device.secretRotatedAt)}（密钥只在登记或重置时显示一次）` },
      ]}
    />
  );
}
