import { PlusOutlined } from '@ant-design/icons';
import { CHANNEL_KIND_LABELS, type ChannelDto } from '@zhiben/contracts';
import { App, Button, Card, Empty, Flex, Switch, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../api/errors';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { testId } from '../../lib/testId';
import { formatDateTime } from '../../lib/time';
import { ChannelFormModal } from './ChannelFormModal';
import { useChannels, useUpdateChannel } from './channels.api';

const KIND_COLORS: Record<ChannelDto['kind'], string> = { wecom: 'green', dingtalk: 'blue', email: 'purple' };

const ownerKind = (owner: string) => (owner === 'bureau' ? '区局' : owner.endsWith('/') ? '乡镇' : '企业');

/**
 * 通知渠道 (bureau administrators): where reminders and escalations are also pushed besides the in-app centre —
 * WeCom / DingTalk group robots and e-mail, for the bureau, a township or an enterprise. The server keeps channels
 * (no delete): one no longer wanted is switched off.
 */
export function ChannelsPage() {
  const channels = useChannels();
  const update = useUpdateChannel();
  const { message, modal } = App.useApp();
  const [editing, setEditing] = useState<{ channel?: ChannelDto } | null>(null);

  const toggle = (c: ChannelDto, active: boolean) => {
    const run = () =>
      update.mutate(
        { id: c.id, body: { active } },
        {
          onSuccess: () => message.success(active ? '已启用' : '已停用'),
          onError: (error) => message.error(errorMessage(error)),
        },
      );
    if (active) return run();
    // Switching a channel off silences escalations to that group: confirm.
    modal.confirm({
      title: '停用该推送渠道？',
      content: `停用后「${c.ownerName}」的${CHANNEL_KIND_LABELS[c.kind]}将不再收到提醒和逾期升级消息，站内通知不受影响。`,
      okText: '停用',
      okButtonProps: { danger: true, ...testId('channel-disable-confirm') },
      onOk: run,
    });
  };

  const columns: TableColumnsType<ChannelDto> = [
    {
      title: '接收方',
      key: 'owner',
      width: 240,
      render: (_, c) => (
        <Flex gap={6} align="center">
          <Tag style={{ marginInlineEnd: 0 }}>{ownerKind(c.owner)}</Tag>
          <Typography.Text ellipsis={{ tooltip: c.ownerName }}>{c.ownerName}</Typography.Text>
        </Flex>
      ),
    },
    {
      title: '类型',
      key: 'kind',
      width: 150,
      render: (_, c) => <Tag color={KIND_COLORS[c.kind]}>{CHANNEL_KIND_LABELS[c.kind]}</Tag>,
    },
    {
      title: '地址',
      key: 'target',
      render: (_, c) => (
        <Typography.Text code ellipsis={{ tooltip: c.target }} style={{ maxWidth: '100%' }}>
          {c.target}
        </Typography.Text>
      ),
    },
    {
      title: '状态',
      key: 'active',
      width: 100,
      render: (_, c) => (
        <Switch
          checked={c.active}
          checkedChildren="启用"
          unCheckedChildren="停用"
          loading={update.isPending && update.variables?.id === c.id}
          onChange={(v) => toggle(c, v)}
          {...testId(`channel-active-${c.id}`)}
        />
      ),
    },
    { title: '创建时间', key: 'createdAt', width: 150, render: (_, c) => formatDateTime(c.createdAt) },
    {
      title: '操作',
      key: 'actions',
      width: 80,
      fixed: 'right',
      render: (_, c) => (
        <Button size="small" type="link" onClick={() => setEditing({ channel: c })} {...testId(`channel-edit-${c.id}`)}>
          修改
        </Button>
      ),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <PageHeader
        title="通知渠道"
        description="隐患逾期提醒和升级除站内通知外，还会推送到这里配置的企业微信群机器人、钉钉群机器人或邮箱；发送失败会自动重试，不影响业务办理"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})} data-testid="channel-create">
            新增渠道
          </Button>
        }
      />
      {channels.isError ? (
        <QueryError error={channels.error} onRetry={() => void channels.refetch()} />
      ) : (
        <Card>
          <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
            区局渠道接收升级到区局的逾期提醒；乡镇渠道接收辖区企业升级到乡镇（街道）的逾期提醒；企业渠道接收发给该企业整改责任人、主要负责人的提醒和季度带队检查提醒。Webhook
            密钥只显示前 4 位。不再使用的渠道请停用。
          </Typography.Paragraph>
          <Table<ChannelDto>
            rowKey="id"
            columns={columns}
            dataSource={channels.data?.items}
            loading={channels.isFetching}
            pagination={false}
            scroll={{ x: 960 }}
            locale={{
              emptyText: (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无推送渠道，点击「新增渠道」添加企业微信或钉钉群机器人" />
              ),
            }}
            data-testid="channels-table"
          />
        </Card>
      )}
      <ChannelFormModal open={!!editing} channel={editing?.channel} onClose={() => setEditing(null)} />
    </Flex>
  );
}
