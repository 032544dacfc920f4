export { type Mailer, smtpMailer } from './email.js';
export { dingtalkBody, emailText, markdownOf, type OutboxMessage, wecomBody } from './message.js';
export {
  DELIVERY_POLICY,
  type DeliverOptions,
  type DeliverResult,
  deliverDue,
  enqueueOutbox,
  type OutboxChannel,
  outboxKey,
  retryDelayMs,
} from './outbox.js';
export { type FetchLike, postWebhook, type SendResult } from './webhook.js';
