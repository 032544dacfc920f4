import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NotificationDto, TodoDto } from '@zhiben/contracts';
import { api } from '../../api/client';

export interface NotificationList {
  items: NotificationDto[];
  total: number;
  /** The caller's unread count whatever the filter (the bell badge). */
  unread: number;
}

export const notificationKeys = {
  all: ['notifications'] as const,
  list: (query: { unread?: string; page: number; pageSize: number }) => ['notifications', 'list', query] as const,
  latest: ['notifications', 'latest'] as const,
};
export const todoKeys = { all: ['todos'] as const };

/** How many the bell's popover shows; the 通知 page has the rest. */
export const LATEST_COUNT = 8;

/**
 * The newest notifications and the unread count (bell). `pollMs` is the fallback when the live stream is down:
 * the badge still moves, only later.
 */
export function useLatestNotifications(pollMs: number | false = false) {
  return useQuery({
    queryKey: notificationKeys.latest,
    queryFn: ({ signal }) => api.get<NotificationList>('/notifications', { pageSize: LATEST_COUNT }, signal),
    refetchInterval: pollMs,
    // The badge must not disappear while a refetch runs or when the page regains focus.
    placeholderData: keepPreviousData,
  });
}

export function useNotificationList(query: { unread?: string; page: number; pageSize: number }) {
  return useQuery({
    queryKey: notificationKeys.list(query),
    queryFn: ({ signal }) => api.get<NotificationList>('/notifications', query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useTodos() {
  return useQuery({
    queryKey: todoKeys.all,
    queryFn: ({ signal }) => api.get<{ items: TodoDto[]; total: number }>('/todos', undefined, signal),
  });
}

/** A notification changed or arrived: every list of them (bell, page) and the to-dos it may concern. */
export function useInvalidateNotifications() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
      queryClient.invalidateQueries({ queryKey: todoKeys.all }),
    ]);
}

export function useMarkRead() {
  const invalidate = useInvalidateNotifications();
  return useMutation({
    mutationFn: (id: string) => api.post<NotificationDto>(`/notifications/${encodeURIComponent(id)}/read`),
    onSuccess: invalidate,
  });
}

/**
 * 全部已读 up to `upTo`, the newest notification the user has been shown: one that arrives while he clicks stays
 * unread (the server's `upTo` exists for exactly this).
 */
export function useMarkAllRead() {
  const invalidate = useInvalidateNotifications();
  return useMutation({
    mutationFn: (upTo: string | undefined) => api.post<{ updated: number }>('/notifications/read-all', upTo ? { upTo } : {}),
    onSuccess: invalidate,
  });
}
