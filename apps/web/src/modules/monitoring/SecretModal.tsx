import { CopyOutlined, KeyOutlined } from '@ant-design/icons';
import type { DeviceDto } from '@zhiben/contracts';
import { Alert, App, Button, Descriptions, Flex, Grid, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { testId } from '../../lib/testId';

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * The device secret, shown exactly once (after 新建设备 or 重置密钥): the server keeps only its hash. The user copies
 * it (a button, or by hand from the selected field); closing without copying asks once more.
 */
export function SecretModal({
  device,
  secret,
  rotated,
  onClose,
}: {
  device: DeviceDto;
  secret: string;
  rotated: boolean;
  onClose: () => void;
}) {
  const { message, modal } = App.useApp();
  const phone = Grid.useBreakpoint().md === false;
  const [copied, setCopied] = useState(false);
  const token = `Bearer ${device.mqttUsername}:${secret}`;

  const copy = async (text: string, what: string) => {
    if (await copyText(text)) {
      setCopied(true);
      message.success(`已复制${what}`);
    } else {
      message.warning('浏览器不允许自动复制，请选中文本后按 Ctrl+C 复制');
    }
  };

  const close = () => {
    if (copied) {
      onClose();
      return;
    }
    modal.confirm({
      title: '还没有复制设备密钥',
      content: '关闭后密钥无法再次查看，只能重置密钥（旧密钥随即失效）。确定已记下密钥了吗？',
      okText: '已记下，关闭',
      cancelText: '返回复制',
      okButtonProps: testId('device-secret-close-confirm'),
      onOk: onClose,
    });
  };

  return (
    <Modal
      open
      title={
        <Flex gap={8} align="center">
          <KeyOutlined />
          {rotated ? '设备密钥已重置' : '设备已登记'}
        </Flex>
      }
      onCancel={close}
      mask={{ closable: false }}
      width={phone ? '100%' : 640}
      footer={
        <Button type="primary" onClick={close} data-testid="device-secret-done">
          我已保存密钥
        </Button>
      }
    >
      <Flex vertical gap={16} data-testid="device-secret-modal">
        <Alert
          type="warning"
          showIcon
          title="设备密钥只显示这一次"
          description={
            rotated
              ? '旧密钥已立即失效。请把新密钥配置到采集网关；关闭本窗口后将无法再次查看。'
              : '请立即复制并配置到采集网关；关闭本窗口后将无法再次查看，遗失只能重置密钥。'
          }
        />
        <Flex vertical gap={6}>
          <Typography.Text strong>设备密钥</Typography.Text>
          <Flex gap={8}>
            <Input
              readOnly
              value={secret}
              onFocus={(e) => e.target.select()}
              style={{ fontFamily: 'monospace' }}
              data-testid="device-secret-value"
            />
            <Button icon={<CopyOutlined />} onClick={() => void copy(secret, '设备密钥')} data-testid="device-secret-copy">
              复制
            </Button>
          </Flex>
        </Flex>
        <Descriptions
          size="small"
          column={1}
          bordered
          styles={{ label: { width: 110, whiteSpace: 'nowrap' } }}
          items={[
            { key: 'device', label: '设备', children: `${device.name}（${device.code}）` },
            {
              key: 'user',
              label: 'MQTT 用户名',
              children: (
                <Typography.Text copyable={{ text: device.mqttUsername, tooltips: ['复制', '已复制'] }}>
                  {device.mqttUsername}
                </Typography.Text>
              ),
            },
            {
              key: 'topic',
              label: 'MQTT 主题',
              children: (
                <Typography.Text copyable={{ text: device.mqttTopic, tooltips: ['复制', '已复制'] }} style={{ wordBreak: 'break-all' }}>
                  {device.mqttTopic}
                </Typography.Text>
              ),
            },
            {
              key: 'http',
              label: 'HTTP 上报',
              children: (
                <Flex vertical gap={4}>
                  <Typography.Text type="secondary">POST /api/v1/telemetry，请求头 Authorization：</Typography.Text>
                  <Flex gap={8} align="center">
                    <Typography.Text code style={{ wordBreak: 'break-all' }}>
                      {token}
                    </Typography.Text>
                    <Button size="small" type="link" icon={<CopyOutlined />} onClick={() => void copy(token, '请求头')} />
                  </Flex>
                </Flex>
              ),
            },
          ]}
        />
      </Flex>
    </Modal>
  );
}
