import nodemailer from 'nodemailer';
import type { SendResult } from './webhook.js';

/** Sends one e-mail; the outbox worker calls it with the message's idempotency key. */
export interface Mailer {
  send(mail: { to: string; subject: string; text: string; idempotencyKey: string }): Promise<SendResult>;
  close(): void;
}

/**
 * SMTP through nodemailer (SMTP_URL, e.g. `smtps://user:pass@smtp.example.gov.cn:465`). The Message-ID is derived
 * from the idempotency key, so a retried message is recognisably the same message. SMTP 5xx replies are permanent
 * (a refused address); connection errors and 4xx replies are retried.
 */
export function smtpMailer(smtpUrl: string, from: string, timeoutMs = 15_000): Mailer {
  const url = new URL(smtpUrl);
  const secure = url.protocol === 'smtps:';
  const transport = nodemailer.createTransport({
    host: url.hostname,
    port: Number(url.port) || (secure ? 465 : 587),
    secure,
    ...(url.username ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } } : {}),
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  });
  return {
    async send(mail) {
      try {
        await transport.sendMail({
          from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          messageId: `<${mail.idempotencyKey}@zhiben.local>`,
          headers: { 'Idempotency-Key': mail.idempotencyKey },
        });
        return { ok: true };
      } catch (err) {
        const code = (err as { responseCode?: unknown }).responseCode;
        const permanent = typeof code === 'number' && code >= 500 && code < 600;
        return { ok: false, retry: !permanent, error: `SMTP：${err instanceof Error ? err.message : String(err)}` };
      }
    },
    close: () => transport.close(),
  };
}
