import { useQueryClient } from '@tanstack/react-query';
import type { NotificationStreamEvent } from '@zhiben/contracts';
import { useEffect, useState } from 'react';
import { type NotificationList, notificationKeys, todoKeys } from './notifications.api';

const STREAM_URL = '/api/v1/notifications/stream';
/** Our own retries once the browser has given up (non-2xx answer): 5 s, 10 s, … up to 5 min. */
const FIRST_RETRY_MS = 5_000;
const MAX_RETRY_MS = 300_000;

function parse(data: unknown): NotificationStreamEvent | null {
  if (typeof data !== 'string') return null;
  try {
    const event = JSON.parse(data) as NotificationStreamEvent;
    return typeof event === 'object' && event !== null && 'type' in event ? event : null;
  } catch {
    return null;
  }
}

/**
 * The live notification feed (server-sent events): a new notification refreshes the bell, the 通知 page and the
 * to-dos. The browser reconnects by itself after a dropped connection (the server sends `retry:`); when it gives up
 * (the server answered with an error, e.g. during a restart or after the session ended) we retry quietly with
 * back-off. Nothing is shown to the user: while `live` is false the bell polls instead.
 */
export function useNotificationStream(): { live: boolean } {
  const queryClient = useQueryClient();
  const [live, setLive] = useState(false);

  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    let source: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let delay = FIRST_RETRY_MS;
    let stopped = false;
    let greeted = false;

    const refresh = () => {
      void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
      void queryClient.invalidateQueries({ queryKey: todoKeys.all });
    };

    const onMessage = (message: MessageEvent) => {
      const event = parse(message.data);
      if (!event) return;
      if (event.type === 'hello') {
        // After a reconnect something may have been missed; on the first connect only a different count matters.
        const cached = queryClient.getQueryData<NotificationList>(notificationKeys.latest);
        if (greeted || (cached && cached.unread !== event.unread)) refresh();
        greeted = true;
      } else {
        refresh();
      }
    };

    const connect = () => {
      if (stopped) return;
      timer = undefined;
      const es = new EventSource(STREAM_URL, { withCredentials: true });
      source = es;
      es.onopen = () => {
        delay = FIRST_RETRY_MS;
        setLive(true);
      };
      es.onmessage = onMessage;
      es.onerror = () => {
        setLive(false);
        // CONNECTING: the browser retries by itself. CLOSED: it has given up; so do we, for a while.
        if (es.readyState === EventSource.CLOSED) {
          es.close();
          if (source === es) source = null;
          schedule();
        }
      };
    };

    const schedule = () => {
      if (stopped || timer) return;
      timer = setTimeout(connect, delay);
      delay = Math.min(delay * 2, MAX_RETRY_MS);
    };

    // Back online or back to the tab: do not wait for the back-off.
    const wake = () => {
      if (stopped || source || document.visibilityState !== 'visible') return;
      if (timer) clearTimeout(timer);
      delay = FIRST_RETRY_MS;
      connect();
    };

    connect();
    window.addEventListener('online', wake);
    document.addEventListener('visibilitychange', wake);
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      source?.close();
      window.removeEventListener('online', wake);
      document.removeEventListener('visibilitychange', wake);
      setLive(false);
    };
  }, [queryClient]);

  return { live };
}
