import { PassThrough } from 'node:stream';
import type { Db } from '@zhiben/db';
import type { FastifyReply } from 'fastify';
import { driverOf } from './scheduler.js';

/**
 * Server-sent events: one open response per browser tab, a comment line as heartbeat (so proxies and the
 * browser keep the connection), and clean-up when the client goes away.
 */
export interface EventStream {
  /** Writes one `data:` event (JSON); false once closed. */
  send(data: unknown): boolean;
  close(): void;
  readonly closed: boolean;
}

export const SSE_HEARTBEAT_MS = 25_000;

/** Starts the event stream on `reply` (the handler must then `return reply`). */
export function openEventStream(reply: FastifyReply, options: { heartbeatMs?: number; onClose?: () => void } = {}): EventStream {
  const stream = new PassThrough();
  let closed = false;
  const heartbeat = setInterval(() => stream.write(': heartbeat\n\n'), options.heartbeatMs ?? SSE_HEARTBEAT_MS);
  heartbeat.unref();
  const close = () => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    options.onClose?.();
    stream.end();
  };
  // 'close' on the response: finished or the client disconnected (tab closed, network gone).
  reply.raw.once('close', close);
  reply
    .header('content-type', 'text/event-stream; charset=utf-8')
    .header('cache-control', 'no-cache, no-transform')
    .header('x-accel-buffering', 'no');
  // The browser's EventSource reconnects after this delay when the connection drops.
  stream.write('retry: 5000\n\n');
  reply.send(stream);
  return {
    send: (data) => {
      if (closed) return false;
      stream.write(`data: ${JSON.stringify(data)}\n\n`);
      return true;
    },
    close,
    get closed() {
      return closed;
    },
  };
}

/** Open streams by key (the user id); one user may have several tabs open. */
export class SseHub {
  private readonly streams = new Map<string, Set<EventStream>>();

  subscribe(key: string, stream: EventStream): () => void {
    let set = this.streams.get(key);
    if (!set) {
      set = new Set();
      this.streams.set(key, set);
    }
    set.add(stream);
    return () => {
      const current = this.streams.get(key);
      current?.delete(stream);
      if (current?.size === 0) this.streams.delete(key);
    };
  }

  has(key: string): boolean {
    return this.streams.has(key);
  }

  publish(key: string, data: unknown): number {
    let sent = 0;
    for (const stream of this.streams.get(key) ?? []) if (stream.send(data)) sent++;
    return sent;
  }

  broadcast(data: unknown): void {
    for (const key of this.streams.keys()) this.publish(key, data);
  }

  /** Ends every stream (server shutdown: open streams would otherwise keep `close()` waiting). */
  closeAll(): void {
    for (const set of [...this.streams.values()]) for (const stream of [...set]) stream.close();
    this.streams.clear();
  }

  get size(): number {
    let n = 0;
    for (const set of this.streams.values()) n += set.size;
    return n;
  }
}

/**
 * Subscribes to a PostgreSQL NOTIFY channel. A NOTIFY sent inside a transaction is delivered only when it
 * commits (and dropped on rollback), which is exactly "publish after commit"; on PostgreSQL every instance
 * listens, so a notification written by any instance (or by the `jobs` process) reaches the instance holding the
 * user's stream. PGlite (one process) delivers its own notifications the same way.
 *
 * On PostgreSQL the listener holds one pool connection; when it breaks it reconnects (1 s, 2 s … 30 s) and calls
 * `onReconnect` so subscribers can resynchronise (notifications sent while disconnected are not replayed).
 */
export async function listenChannel(
  db: Db,
  channel: string,
  onPayload: (payload: string) => void,
  options: { onReconnect?: () => void } = {},
): Promise<() => Promise<void>> {
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`invalid channel name ${channel}`);
  const driver = driverOf(db);
  if (driver.kind === 'pglite') return driver.pglite.listen(channel, onPayload);

  const { pool } = driver;
  type Client = Awaited<ReturnType<typeof pool.connect>>;
  let stopped = false;
  let conn: Client | undefined;
  let retryTimer: NodeJS.Timeout | undefined;
  let delay = 1000;

  const onNotification = (msg: { channel: string; payload?: string }) => {
    if (msg.channel === channel) onPayload(msg.payload ?? '');
  };
  const detach = (client: Client) => {
    client.removeListener('notification', onNotification);
    client.removeListener('error', onBroken);
    client.removeListener('end', onBroken);
  };
  const connect = async (): Promise<void> => {
    const client = await pool.connect();
    client.on('notification', onNotification);
    client.on('error', onBroken);
    client.on('end', onBroken);
    try {
      await client.query(`listen ${channel}`);
    } catch (err) {
      detach(client);
      client.release(true);
      throw err;
    }
    conn = client;
    delay = 1000;
  };
  function onBroken() {
    const broken = conn;
    if (stopped || !broken) return;
    conn = undefined;
    detach(broken);
    broken.release(true);
    const attempt = () => {
      retryTimer = undefined;
      if (stopped) return;
      connect().then(
        () => options.onReconnect?.(),
        () => {
          delay = Math.min(delay * 2, 30_000);
          retryTimer = setTimeout(attempt, delay);
          retryTimer.unref();
        },
      );
    };
    retryTimer = setTimeout(attempt, delay);
    retryTimer.unref();
  }

  await connect();
  return async () => {
    stopped = true;
    if (retryTimer) clearTimeout(retryTimer);
    const client = conn;
    conn = undefined;
    if (!client) return;
    detach(client);
    try {
      await client.query(`unlisten ${channel}`);
      client.release();
    } catch {
      client.release(true);
    }
  };
}
