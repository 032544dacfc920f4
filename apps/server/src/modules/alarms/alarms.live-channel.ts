import type { AlarmStreamChange } from '@zhiben/contracts';
import { type Executor, queryRows } from '@zhiben/db';
import { sql } from 'drizzle-orm';
import { textArray } from '../telemetry/sql-arrays.js';

/**
 * The PostgreSQL NOTIFY channel of the monitoring stream. Writers (the rule stage, the sweeps, the handling routes)
 * announce changes inside their own transaction, so a stream hears of a change only once it has committed, on every
 * instance. The payload carries what the stream needs for scoping (enterprise, region path); the stream loads the
 * alarm rows itself.
 */
export const MONITORING_CHANNEL = 'zb_monitoring';

export interface AlarmChangeNote {
  alarmId: string;
  enterpriseId: string;
  regionPath: string;
  change: AlarmStreamChange;
}

export interface ConnectionChangeNote {
  deviceId: string;
  enterpriseId: string;
  regionPath: string;
  connected: boolean;
  lastSeen: number | null;
}

/** Wire format: short keys, tuples (a NOTIFY payload is at most 8,000 bytes). */
export interface MonitoringPayload {
  a?: [string, string, string, AlarmStreamChange][];
  c?: [string, string, string, boolean, number | null][];
}

/** ~110 bytes per tuple: well under PostgreSQL's 8,000-byte payload limit. */
const PER_NOTIFY = 50;

export async function announce(
  tx: Executor,
  alarms: readonly AlarmChangeNote[],
  connections: readonly ConnectionChangeNote[] = [],
): Promise<void> {
  const payloads: MonitoringPayload[] = [];
  for (let i = 0; i < alarms.length; i += PER_NOTIFY) {
    payloads.push({ a: alarms.slice(i, i + PER_NOTIFY).map((n) => [n.alarmId, n.enterpriseId, n.regionPath, n.change]) });
  }
  for (let i = 0; i < connections.length; i += PER_NOTIFY) {
    payloads.push({
      c: connections.slice(i, i + PER_NOTIFY).map((n) => [n.deviceId, n.enterpriseId, n.regionPath, n.connected, n.lastSeen]),
    });
  }
  if (payloads.length === 0) return;
  // One statement for all chunks.
  await queryRows(
    tx,
    sql`select pg_notify(${MONITORING_CHANNEL}, p) from unnest(${textArray(payloads.map((p) => JSON.stringify(p)))}::text[]) as p`,
  );
}
