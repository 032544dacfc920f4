import type { NotificationStreamEvent } from '@zhiben/contracts';
import type { Db } from '@zhiben/db';
import { type EventStream, listenChannel, SseHub } from '../../platform/sse.js';
import { findByIds, toNotificationDto } from './notifications.repository.js';
import { NOTIFICATIONS_CHANNEL } from './notifications.service.js';

/**
 * The live side of the notification centre: the open SSE streams of this instance, fed by PostgreSQL
 * LISTEN/NOTIFY (see `notifyMany`). The listener starts with the first stream and holds one connection; on
 * PostgreSQL every instance listens, so this works behind a load balancer and when the `jobs` role runs in
 * its own process.
 */
export class LiveNotifications {
  readonly hub = new SseHub();
  private listening: Promise<() => Promise<void>> | undefined;

  constructor(
    private readonly db: Db,
    private readonly log?: { warn(obj: object, msg: string): void },
  ) {}

  /** Adds a stream for the user; resolves once the feed is live. Returns the unsubscribe function. */
  async attach(userId: string, stream: EventStream): Promise<() => void> {
    const unsubscribe = this.hub.subscribe(userId, stream);
    try {
      await this.ensureListening();
    } catch (err) {
      unsubscribe();
      throw err;
    }
    return unsubscribe;
  }

  private ensureListening(): Promise<unknown> {
    this.listening ??= listenChannel(this.db, NOTIFICATIONS_CHANNEL, (payload) => void this.onPayload(payload), {
      onReconnect: () => this.hub.broadcast({ type: 'resync' } satisfies NotificationStreamEvent),
    }).catch((err: unknown) => {
      this.listening = undefined;
      throw err;
    });
    return this.listening;
  }

  private async onPayload(payload: string): Promise<void> {
    try {
      const pairs = (JSON.parse(payload) as { n?: [string, string][] }).n ?? [];
      const wanted = pairs.filter(([, userId]) => this.hub.has(userId)).map(([id]) => id);
      if (wanted.length === 0) return;
      for (const row of await findByIds(this.db, wanted)) {
        this.hub.publish(row.userId, { type: 'notification', notification: toNotificationDto(row) } satisfies NotificationStreamEvent);
      }
    } catch (err) {
      this.log?.warn({ err }, 'live notification feed: bad payload or lookup failed');
    }
  }

  /** Ends every stream (before the server closes) and stops listening. */
  async close(): Promise<void> {
    this.hub.closeAll();
    const listening = this.listening;
    this.listening = undefined;
    if (listening) await (await listening.catch(() => async () => {}))();
  }
}
