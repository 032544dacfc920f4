import { useQueryClient } from '@tanstack/react-query';
import type { NotificationStreamEvent } from '@zhiben/contracts';
import { useRef } from 'react';
import { useEventStream } from '../../lib/useEventStream';
import { type NotificationList, notificationKeys, todoKeys } from './notifications.api';

const STREAM_URL = '/api/v1/notifications/stream';

function asEvent(data: unknown): NotificationStreamEvent | null {
  return typeof data === 'object' && data !== null && 'type' in data ? (data as NotificationStreamEvent) : null;
}

/**
 * The live notification feed (server-sent events, lib/useEventStream): a new notification refreshes the bell, the
 * 通知 page and the to-dos. While `live` is false the bell polls instead.
 */
export function useNotificationStream(): { live: boolean } {
  const queryClient = useQueryClient();
  const greeted = useRef(false);

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
    void queryClient.invalidateQueries({ queryKey: todoKeys.all });
  };

  return useEventStream(STREAM_URL, (data) => {
    const event = asEvent(data);
    if (!event) return;
    if (event.type === 'hello') {
      // After a reconnect something may have been missed; on the first connect only a different count matters.
      const cached = queryClient.getQueryData<NotificationList>(notificationKeys.latest);
      if (greeted.current || (cached && cached.unread !== event.unread)) refresh();
      greeted.current = true;
    } else {
      refresh();
    }
  });
}
