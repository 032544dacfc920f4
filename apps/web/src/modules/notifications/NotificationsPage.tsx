import type { NotificationDto } from '@zhiben/contracts';
import { App, Button, Card, Empty, Flex, Grid, Segmented, Table, type TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { errorMessage } from '../../api/errors';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { testId } from '../../lib/testId';
import { paginationOf, useListState } from '../../lib/useListState';
import { NotificationItem } from './NotificationItem';
import { useLatestNotifications, useMarkAllRead, useMarkRead, useNotificationList } from './notifications.api';
import { useOpenNotification } from './useOpenNotification';

const FILTERS = ['unread'] as const;

/** 通知: all of the user's notifications, newest first, with an unread filter, 标为已读 and 全部已读. */
export function NotificationsPage() {
  const list = useListState(FILTERS);
  const phone = Grid.useBreakpoint().md === false;
  const unreadOnly = list.filters.unread === 'true';
  const query = useNotificationList({ page: list.page, pageSize: list.pageSize, ...(unreadOnly ? { unread: 'true' } : {}) });
  // The newest notification overall (bell query, usually cached): 全部已读 stops there.
  const latest = useLatestNotifications();
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const openItem = useOpenNotification();
  const { message } = App.useApp();
  const unread = query.data?.unread ?? latest.data?.unread ?? 0;

  const columns = useMemo<TableColumnsType<NotificationDto>>(
    () => [
      { title: '通知', key: 'item', render: (_, n) => <NotificationItem item={n} /> },
      {
        title: '操作',
        key: 'actions',
        width: phone ? 72 : 150,
        render: (_, n) => (
          <Flex gap={4} vertical={phone} onClick={(e) => e.stopPropagation()}>
            {n.link && (
              <Button size="small" type="link" onClick={() => openItem(n)} {...testId(`notification-open-${n.id}`)}>
                查看
              </Button>
            )}
            {n.readAt === null && (
              <Button
                size="small"
                type="link"
                loading={markRead.isPending && markRead.variables === n.id}
                onClick={() => markRead.mutate(n.id, { onError: (error) => message.error(errorMessage(error)) })}
                {...testId(`notification-read-${n.id}`)}
              >
                标为已读
              </Button>
            )}
          </Flex>
        ),
      },
    ],
    [phone, openItem, markRead, message],
  );

  const readAll = () =>
    markAll.mutate(latest.data?.items[0]?.createdAt ?? query.data?.items[0]?.createdAt, {
      onSuccess: (r) => message.success(r.updated > 0 ? `已将 ${r.updated} 条通知标为已读` : '没有未读通知'),
      onError: (error) => message.error(errorMessage(error)),
    });

  return (
    <Flex vertical gap={16}>
      <PageHeader
        title="通知"
        description="隐患待办、逾期提醒、季度带队检查提醒等消息；点击一条查看详情并标为已读"
        extra={
          <Button onClick={readAll} disabled={unread === 0} loading={markAll.isPending} data-testid="notifications-read-all">
            全部已读
          </Button>
        }
      />
      <Card>
        <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
          <Segmented
            value={unreadOnly ? 'unread' : 'all'}
            onChange={(v) => list.setFilters({ unread: v === 'unread' ? 'true' : undefined })}
            options={[
              { value: 'all', label: '全部' },
              { value: 'unread', label: `未读${unread > 0 ? ` ${unread}` : ''}` },
            ]}
            data-testid="notifications-filter"
          />
        </Flex>
        {query.isError ? (
          <QueryError error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <Table<NotificationDto>
            rowKey="id"
            className="zb-clickable-rows"
            // Fixed layout: long titles are cut with an ellipsis instead of widening the table past the screen.
            tableLayout="fixed"
            showHeader={!phone}
            columns={columns}
            dataSource={query.data?.items}
            loading={query.isFetching}
            pagination={{ ...paginationOf(list, query.data?.total), ...(phone ? { simple: true } : {}) }}
            onChange={list.onTableChange}
            onRow={(n) => ({ onClick: () => openItem(n), ...testId('notification-row') })}
            locale={{
              emptyText: (
                <Empty
                  image={Empty.PRESENTED_IMAGE_SIMPLE}
                  description={unreadOnly ? '没有未读通知' : '暂无通知；隐患待判定、待验收、逾期等提醒会在这里出现'}
                />
              ),
            }}
            data-testid="notifications-table"
          />
        )}
      </Card>
    </Flex>
  );
}
