export { notifyUsers, type NotificationInput } from './notifications.service.js';
