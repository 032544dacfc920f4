import type { MonitoringStreamEvent, Scope } from '@zhiben/contracts';
import type { Db } from '@zhiben/db';
import type { Principal } from '../../platform/principal.js';
import { type EventStream, listenChannel } from '../../platform/sse.js';
import { MONITORING_CHANNEL, type MonitoringPayload } from '../alarms/alarms.live-channel.js';
import { toAlarmDto, toStreamItem } from '../alarms/alarms.mapper.js';
import { findAlarmsByIds } from '../alarms/alarms.repository.js';

/** Whether a row of `enterpriseId` / `regionPath` is within `scope` (the same rule as platform/scope.ts, in memory). */
export function inScope(scope: Scope, enterpriseId: string, regionPath: string): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'region':
      return regionPath.startsWith(scope.regionPath);
    case 'enterprise':
      return enterpriseId === scope.enterpriseId;
  }
}

interface Subscriber {
  principal: Principal;
  stream: EventStream;
}

/**
 * The live side of the monitoring screens: the open SSE streams of this instance, fed by PostgreSQL LISTEN/NOTIFY
 * on `zb_monitoring` (the same machinery as the notification centre, platform/sse.ts). A change reaches a stream
 * only when it is within the subscriber's scope; alarms are loaded once per payload for all subscribers.
 */
export class LiveMonitoring {
  private readonly subscribers = new Set<Subscriber>();
  private listening: Promise<() => Promise<void>> | undefined;

  constructor(
    private readonly db: Db,
    private readonly log?: { warn(obj: object, msg: string): void },
  ) {}

  async attach(principal: Principal, stream: EventStream): Promise<() => void> {
    const subscriber = { principal, stream };
    this.subscribers.add(subscriber);
    const unsubscribe = () => {
      this.subscribers.delete(subscriber);
    };
    try {
      await this.ensureListening();
    } catch (err) {
      unsubscribe();
      throw err;
    }
    return unsubscribe;
  }

  get size(): number {
    return this.subscribers.size;
  }

  private ensureListening(): Promise<unknown> {
    this.listening ??= listenChannel(this.db, MONITORING_CHANNEL, (payload) => void this.onPayload(payload), {
      onReconnect: () => this.broadcast({ type: 'resync' }),
    }).catch((err: unknown) => {
      this.listening = undefined;
      throw err;
    });
    return this.listening;
  }

  private broadcast(event: MonitoringStreamEvent): void {
    for (const s of this.subscribers) s.stream.send(event);
  }

  private async onPayload(payload: string): Promise<void> {
    if (this.subscribers.size === 0) return;
    try {
      const parsed = JSON.parse(payload) as MonitoringPayload;
      const subscribers = [...this.subscribers];
      const visible = (enterpriseId: string, regionPath: string) =>
        subscribers.some((s) => inScope(s.principal.scope, enterpriseId, regionPath));
      const wanted = (parsed.a ?? []).filter(([, enterpriseId, regionPath]) => visible(enterpriseId, regionPath));
      if (wanted.length > 0) {
        const rows = new Map((await findAlarmsByIds(this.db, [...new Set(wanted.map(([id]) => id))])).map((r) => [r.alarm.id, r]));
        for (const [id, enterpriseId, regionPath, change] of wanted) {
          const row = rows.get(id);
          if (!row) continue;
          for (const s of subscribers) {
            if (!inScope(s.principal.scope, enterpriseId, regionPath)) continue;
            s.stream.send({ type: 'alarm', change, alarm: toStreamItem(toAlarmDto(row, s.principal)) } satisfies MonitoringStreamEvent);
          }
        }
      }
      for (const [deviceId, enterpriseId, regionPath, connected, lastSeen] of parsed.c ?? []) {
        const event: MonitoringStreamEvent = {
          type: 'connection',
          enterpriseId,
          deviceId,
          connected,
          lastDataAt: lastSeen === null ? null : new Date(lastSeen).toISOString(),
        };
        for (const s of subscribers) if (inScope(s.principal.scope, enterpriseId, regionPath)) s.stream.send(event);
      }
    } catch (err) {
      this.log?.warn({ err }, 'live monitoring feed: bad payload or lookup failed');
    }
  }

  /** Ends every stream (before the server closes) and stops listening. */
  async close(): Promise<void> {
    for (const s of [...this.subscribers]) s.stream.close();
    this.subscribers.clear();
    const listening = this.listening;
    this.listening = undefined;
    if (listening) await (await listening.catch(() => async () => {}))();
  }

  closeStreams(): void {
    for (const s of [...this.subscribers]) s.stream.close();
    this.subscribers.clear();
  }
}
