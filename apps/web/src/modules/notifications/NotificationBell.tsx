import { BellOutlined } from '@ant-design/icons';
import { App, Badge, Button, Divider, Empty, Flex, Grid, Popover, Spin, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { errorMessage } from '../../api/errors';
import { NotificationItem } from './NotificationItem';
import { useLatestNotifications, useMarkAllRead } from './notifications.api';
import { useNotificationStream } from './useNotificationStream';
import { useOpenNotification } from './useOpenNotification';

/** A plain, keyboard-reachable row (a real button without button chrome). */
const ROW_STYLE = {
  display: 'block',
  width: '100%',
  padding: '10px 4px',
  border: 0,
  borderBottom: '1px solid rgba(5, 5, 5, 0.06)',
  background: 'none',
  textAlign: 'left',
  font: 'inherit',
  cursor: 'pointer',
} as const;

/** Without the live stream the badge is refreshed this often. */
const POLL_MS = 60_000;

/**
 * The bell in the header: unread count, the latest notifications in a popover (open one = read it and go to it),
 * 全部已读, and the way to the 通知 page. Live through the SSE stream; a failing stream or list never breaks the page.
 */
export function NotificationBell() {
  const { live } = useNotificationStream();
  const latest = useLatestNotifications(live ? false : POLL_MS);
  const markAll = useMarkAllRead();
  const openItem = useOpenNotification();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const phone = Grid.useBreakpoint().md === false;
  const navigate = useNavigate();

  const unread = latest.data?.unread ?? 0;
  const items = latest.data?.items ?? [];

  const readAll = () => {
    // Up to the newest one shown: what arrives meanwhile stays unread.
    markAll.mutate(items[0]?.createdAt, {
      onSuccess: () => message.success('已全部标记为已读'),
      onError: (error) => message.error(errorMessage(error)),
    });
  };

  const content = (
    <Flex vertical style={{ width: 360, maxWidth: 'calc(100vw - 32px)' }} data-testid="notification-popover">
      <Flex justify="space-between" align="center" style={{ paddingBottom: 8 }}>
        <Typography.Text strong>通知{unread > 0 ? `（${unread} 条未读）` : ''}</Typography.Text>
        <Button
          size="small"
          type="link"
          disabled={unread === 0}
          loading={markAll.isPending}
          onClick={readAll}
          data-testid="notification-read-all"
        >
          全部已读
        </Button>
      </Flex>
      <Divider style={{ margin: 0 }} />
      <div style={{ maxHeight: 'min(420px, 60vh)', overflowY: 'auto' }}>
        {latest.isPending ? (
          <Flex justify="center" style={{ padding: 24 }}>
            <Spin />
          </Flex>
        ) : latest.isError && !latest.data ? (
          <Typography.Paragraph type="secondary" style={{ padding: 16, margin: 0 }}>
            通知暂时无法加载：{errorMessage(latest.error)}
          </Typography.Paragraph>
        ) : items.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无通知" />
        ) : (
          items.map((item) => (
            <button
              key={item.id}
              type="button"
              style={ROW_STYLE}
              onClick={() => {
                setOpen(false);
                openItem(item);
              }}
              data-testid="notification-item"
              data-unread={item.readAt === null}
            >
              <NotificationItem item={item} compact />
            </button>
          ))
        )}
      </div>
      <Divider style={{ margin: 0 }} />
      <Flex justify="center" style={{ paddingTop: 8 }}>
        <Link to="/notifications" onClick={() => setOpen(false)} data-testid="notification-see-all">
          查看全部通知
        </Link>
      </Flex>
    </Flex>
  );

  const bell = (
    <Button
      type="text"
      aria-label={unread > 0 ? `通知，${unread} 条未读` : '通知'}
      data-testid="notification-bell"
      data-unread={unread}
      style={{ height: 40, width: 40 }}
      onClick={phone ? () => navigate('/notifications') : undefined}
      icon={
        <Badge count={unread} overflowCount={99} size="small" offset={[2, -2]} data-testid="notification-badge">
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      }
    />
  );
  // A phone has no room for a popover next to the header: the bell opens the 通知 page.
  if (phone) return bell;

  return (
    <Popover content={content} trigger="click" placement="bottomRight" open={open} onOpenChange={setOpen} arrow={false}>
      {bell}
    </Popover>
  );
}
