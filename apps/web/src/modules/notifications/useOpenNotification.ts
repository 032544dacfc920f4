import type { NotificationDto } from '@zhiben/contracts';
import { App } from 'antd';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../api/errors';
import { useMarkRead } from './notifications.api';

/** Opening a notification marks it read and goes to what it is about (its `link`, an app path). */
export function useOpenNotification() {
  const navigate = useNavigate();
  const markRead = useMarkRead();
  const { message } = App.useApp();
  return (item: NotificationDto) => {
    if (item.readAt === null) {
      markRead.mutate(item.id, { onError: (error) => message.error(errorMessage(error)) });
    }
    // Only our own paths: a link is data written by the server, never an address to leave the app for.
    if (item.link?.startsWith('/') && !item.link.startsWith('//')) navigate(item.link);
  };
}
