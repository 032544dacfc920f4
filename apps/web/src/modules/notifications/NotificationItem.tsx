import type { NotificationDto } from '@zhiben/contracts';
import { Badge, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { formatDateTime } from '../../lib/time';

/** One notification: unread dot, title, body (two lines) and time; `extra` holds the row's actions. */
export function NotificationItem({ item, extra, compact = false }: { item: NotificationDto; extra?: ReactNode; compact?: boolean }) {
  const unread = item.readAt === null;
  return (
    <Flex gap={10} align="flex-start" style={{ minWidth: 0 }}>
      <Badge status={unread ? 'processing' : 'default'} style={{ marginTop: 4 }} aria-label={unread ? '未读' : '已读'} />
      <Flex vertical gap={2} style={{ minWidth: 0, flex: 1 }}>
        <Typography.Text strong={unread} type={unread ? undefined : 'secondary'} ellipsis={{ tooltip: item.title }}>
          {item.title}
        </Typography.Text>
        <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 13 }} ellipsis={{ rows: compact ? 2 : 3 }}>
          {item.body}
        </Typography.Paragraph>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {formatDateTime(item.createdAt)}
        </Typography.Text>
      </Flex>
      {extra}
    </Flex>
  );
}
