import { type DbHandle, queryRows } from '@zhiben/db';
import { sql } from 'drizzle-orm';
import { MONITORING_CHANNEL, type MonitoringPayload } from '../../apps/server/src/modules/alarms/alarms.live-channel.js';
import { plainArray } from '../../apps/server/src/modules/telemetry/sql-arrays.js';
import { listenChannel } from '../../apps/server/src/platform/sse.js';
import { preciseNow } from './protocol.js';

/**
 * "Alarm visible" = the moment the monitoring screens can know: the rule stage announces every alarm change with
 * NOTIFY on `zb_monitoring` inside the ingestion transaction, PostgreSQL delivers it at COMMIT, and the SSE stream of
 * every instance listens on that channel. We listen on it the same way (platform/sse.ts listenChannel: a dedicated
 * connection on PostgreSQL, PGlite's listen() in process) and note when each alarm id is first heard of.
 */
export class AlarmWatch {
  private readonly firstSeen = new Map<string, number>();
  private stop: (() => Promise<void>) | undefined;

  static async start(handle: DbHandle): Promise<AlarmWatch> {
    const watch = new AlarmWatch();
    watch.stop = await listenChannel(handle.db, MONITORING_CHANNEL, (payload) => watch.onPayload(payload));
    return watch;
  }

  private onPayload(payload: string): void {
    const at = preciseNow();
    try {
      for (const [alarmId] of (JSON.parse(payload) as MonitoringPayload).a ?? []) {
        if (!this.firstSeen.has(alarmId)) this.firstSeen.set(alarmId, at);
      }
    } catch {
      // Not ours to judge: the stream ignores bad payloads too.
    }
  }

  /** When the alarm of `ruleId` on each device was first heard of: device id → epoch ms. */
  async visibleAt(handle: DbHandle, ruleId: string, deviceIds: readonly string[]): Promise<Map<string, number>> {
    const ids = [...this.firstSeen.keys()];
    const out = new Map<string, number>();
    if (ids.length === 0) return out;
    const rows = await queryRows<{ id: string; device_id: string }>(
      handle.db,
      sql`select id, device_id from alarms where id = any(${plainArray(ids)}::uuid[]) and rule_id = ${ruleId}
            and device_id = any(${plainArray([...deviceIds])}::uuid[])`,
    );
    for (const r of rows) {
      const at = this.firstSeen.get(r.id);
      if (at !== undefined) out.set(r.device_id, at);
    }
    return out;
  }

  async close(): Promise<void> {
    await this.stop?.();
  }
}
