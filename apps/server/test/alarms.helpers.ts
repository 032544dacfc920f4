import { type DbHandle, queryRows } from '@zhiben/db';
import { sql } from 'drizzle-orm';
import type { App } from '../src/app.js';
import { deviceAuth } from './samples/monitoring.js';

export interface Sender {
  deviceId: string;
  /** Posts telemetry messages `{ ts, values }` through the real HTTP ingestion path; throws unless 200. */
  send(messages: { ts: number; values: Record<string, number> }[]): Promise<{ accepted: number; duplicates: number }>;
}

export function sender(app: () => App, device: { id: string; code: string }, creditCode: string, secret: string): Sender {
  return {
    deviceId: device.id,
    async send(messages) {
      const res = await app().inject({
        method: 'POST',
        url: '/api/v1/telemetry',
        headers: deviceAuth(creditCode, device.code, secret),
        payload: messages,
      });
      if (res.statusCode !== 200) throw new Error(`telemetry: ${res.statusCode} ${res.body}`);
      return res.json();
    },
  };
}

export interface AlarmFacts {
  id: string;
  ruleId: string;
  kind: string;
  level: string;
  maxLevel: string;
  status: string;
  count: number;
  peak: number | null;
  clearedAt: Date | null;
  closedAt: Date | null;
  hazardId: string | null;
  escalationStage: string;
  nextEscalationAt: Date | null;
  raisedAt: Date;
  firstAt: Date;
}

/** The alarms of a device straight from the table, oldest first. */
export async function alarmsOf(handle: DbHandle, deviceId: string, ruleId?: string): Promise<AlarmFacts[]> {
  const rows = await queryRows<Record<string, unknown>>(
    handle.db,
    sql`select id, rule_id, kind, level, max_level, status, count, peak, cleared_at, closed_at, hazard_id, escalation_stage,
               next_escalation_at, raised_at, first_at
        from alarms where device_id = ${deviceId} ${ruleId ? sql`and rule_id = ${ruleId}` : sql``}
        order by raised_at, id`,
  );
  const date = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string));
  return rows.map((r) => ({
    id: r.id as string,
    ruleId: r.rule_id as string,
    kind: r.kind as string,
    level: r.level as string,
    maxLevel: r.max_level as string,
    status: r.status as string,
    count: Number(r.count),
    peak: r.peak === null ? null : Number(r.peak),
    clearedAt: date(r.cleared_at),
    closedAt: date(r.closed_at),
    hazardId: (r.hazard_id as string | null) ?? null,
    escalationStage: r.escalation_stage as string,
    nextEscalationAt: date(r.next_escalation_at),
    raisedAt: date(r.raised_at) as Date,
    firstAt: date(r.first_at) as Date,
  }));
}

/** Timeline actions of an alarm, in order. */
export async function timelineOf(handle: DbHandle, alarmId: string): Promise<string[]> {
  const rows = await queryRows<{ action: string }>(
    handle.db,
    sql`select action from alarm_events where alarm_id = ${alarmId} order by at, id`,
  );
  return rows.map((r) => r.action);
}

/** Minutes and seconds as milliseconds. */
export const MIN = 60_000;
export const SEC = 1_000;
