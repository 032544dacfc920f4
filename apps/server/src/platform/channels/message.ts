/**
 * What an outgoing message says, independent of the channel. It is stored in the outbox as is and rendered at
 * delivery time for the channel's format, so a message queued before a formatting change is sent in the new one.
 */
export interface OutboxMessage {
  title: string;
  body: string;
  /** App-relative link (`/hazards/…`); shown as an absolute link when PUBLIC_URL is configured. */
  link?: string | null;
}

export interface RenderOptions {
  /** Absolute base of the web app (PUBLIC_URL), e.g. `https://zhiben.example.gov.cn`. */
  publicUrl?: string | undefined;
}

/** WeCom and DingTalk cap a markdown message at 4,096 bytes; keep well below with room for the footer. */
const MAX_BODY_CHARS = 1200;

function absoluteLink(link: string | null | undefined, options: RenderOptions): string | null {
  if (!link || !options.publicUrl) return null;
  return new URL(link, options.publicUrl).toString();
}

/** Markdown shared by both robots. The idempotency key is printed so a robot that ignores headers still shows it. */
export function markdownOf(message: OutboxMessage, idempotencyKey: string, options: RenderOptions = {}): string {
  const body = message.body.length > MAX_BODY_CHARS ? `${message.body.slice(0, MAX_BODY_CHARS)}…` : message.body;
  const lines = [`### ${message.title}`, body];
  const url = absoluteLink(message.link, options);
  if (url) lines.push(`[在治本平台查看](${url})`);
  lines.push(`> 治本平台消息 · 编号 ${idempotencyKey}`);
  return lines.join('\n\n');
}

/** WeCom group robot: `{"msgtype":"markdown","markdown":{"content":…}}`. */
export function wecomBody(message: OutboxMessage, idempotencyKey: string, options: RenderOptions = {}) {
  return { msgtype: 'markdown', markdown: { content: markdownOf(message, idempotencyKey, options) } } as const;
}

/** DingTalk custom robot: `{"msgtype":"markdown","markdown":{"title":…,"text":…}}` (the title shows in the chat list). */
export function dingtalkBody(message: OutboxMessage, idempotencyKey: string, options: RenderOptions = {}) {
  return { msgtype: 'markdown', markdown: { title: message.title, text: markdownOf(message, idempotencyKey, options) } } as const;
}

/** Plain-text e-mail. */
export function emailText(message: OutboxMessage, idempotencyKey: string, options: RenderOptions = {}): string {
  const url = absoluteLink(message.link, options);
  return [message.body, url ? `查看详情：${url}` : null, '', `—— 治本平台自动发送 · 编号 ${idempotencyKey}`]
    .filter((l) => l !== null)
    .join('\n');
}
