import { randomUUID } from 'node:crypto';
import { ALARM_LEVEL_RANK, type AlarmLevel, type AlarmStatus, type AlarmStreamChange, type RuleDefinition } from '@zhiben/contracts';
import { type Executor, queryRows } from '@zhiben/db';
import type { RuleEvent } from '@zhiben/domain';
import { sql } from 'drizzle-orm';
import { plainArray } from '../telemetry/sql-arrays.js';
import { type AlarmChangeNote, announce, type ConnectionChangeNote } from './alarms.live-channel.js';
import { uuidv7 } from './ids.js';

/**
 * Engine events → alarms (the lifecycle in packages/contracts/src/alarms.ts). Runs inside the caller's transaction
 * (the telemetry batch, the offline sweep, a threshold change), so an alarm exists exactly when the state that raised
 * it was committed. Cost per call: nothing without events; otherwise one locking read of the devices' open alarms,
 * at most one UPDATE, one INSERT of new alarms, one INSERT of timeline rows and one NOTIFY — whatever the number of
 * events.
 */

/** An engine event, or `peakOnly`: the open condition's peak moved without an event (kept current on the alarm). */
export interface AlarmInput extends RuleEvent {
  /** From retireRules: the rule was disabled, removed or changed type. */
  retired?: boolean;
  peakOnly?: boolean;
}

export interface DeviceEvents {
  deviceId: string;
  enterpriseId: string;
  regionPath: string;
  /** Effective rule definitions of the device (names, directions). */
  definitions: ReadonlyMap<string, RuleDefinition>;
  events: readonly AlarmInput[];
}

interface Working {
  id: string;
  isNew: boolean;
  dirty: boolean;
  deviceId: string;
  enterpriseId: string;
  regionPath: string;
  ruleId: string;
  ruleName: string;
  ruleType: string;
  kind: string;
  signal: string | null;
  level: AlarmLevel;
  maxLevel: AlarmLevel;
  status: AlarmStatus;
  count: number;
  priorCount: number;
  peak: number | null;
  lastValue: number | null;
  firstAt: number;
  lastAt: number;
  raisedAt: number;
  clearedAt: number | null;
  closedAt: number | null;
  nextEscalationAt: number | null;
}

interface TimelineRow {
  alarm_id: string;
  enterprise_id: string;
  action: string;
  level: AlarmLevel | null;
  value: number | null;
  data: unknown;
  at: string;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const worse = (a: AlarmLevel, b: AlarmLevel): AlarmLevel => (ALARM_LEVEL_RANK[b] > ALARM_LEVEL_RANK[a] ? b : a);

/** For low-direction thresholds and durations the lowest value is the extreme one; for everything else the highest. */
function lowIsWorse(def: RuleDefinition | undefined): boolean {
  return def !== undefined && (def.type === 'threshold' || def.type === 'duration') && def.direction === 'low';
}
function extreme(a: number | null, b: number | null, low: boolean): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return low ? Math.min(a, b) : Math.max(a, b);
}

async function loadOpen(tx: Executor, deviceIds: string[]): Promise<Working[]> {
  const rows = await queryRows<{
    id: string;
    device_id: string;
    enterprise_id: string;
    region_path: string;
    rule_id: string;
    rule_name: string;
    rule_type: string;
    kind: string;
    signal: string | null;
    level: AlarmLevel;
    max_level: AlarmLevel;
    status: AlarmStatus;
    count: number;
    prior_count: number;
    peak: number | null;
    last_value: number | null;
    first_ms: number;
    last_ms: number;
    raised_ms: number;
    cleared_ms: number | null;
    next_ms: number | null;
  }>(
    tx,
    sql`select id, device_id, enterprise_id, region_path, rule_id, rule_name, rule_type, kind, signal, level, max_level, status,
               count, prior_count, peak, last_value,
               (extract(epoch from first_at) * 1000)::float8 as first_ms, (extract(epoch from last_at) * 1000)::float8 as last_ms,
               (extract(epoch from raised_at) * 1000)::float8 as raised_ms, (extract(epoch from cleared_at) * 1000)::float8 as cleared_ms,
               (extract(epoch from next_escalation_at) * 1000)::float8 as next_ms
        from alarms where device_id = any(${plainArray(deviceIds)}::uuid[]) and status <> 'closed'
        order by id for update`,
  );
  const num = (v: number | null) => (v === null ? null : Number(v));
  return rows.map((r) => ({
    id: r.id,
    isNew: false,
    dirty: false,
    deviceId: r.device_id,
    enterpriseId: r.enterprise_id,
    regionPath: r.region_path,
    ruleId: r.rule_id,
    ruleName: r.rule_name,
    ruleType: r.rule_type,
    kind: r.kind,
    signal: r.signal,
    level: r.level,
    maxLevel: r.max_level,
    status: r.status,
    count: Number(r.count),
    priorCount: Number(r.prior_count),
    peak: num(r.peak),
    lastValue: num(r.last_value),
    firstAt: Number(r.first_ms),
    lastAt: Number(r.last_ms),
    raisedAt: Number(r.raised_ms),
    clearedAt: num(r.cleared_ms),
    closedAt: null,
    nextEscalationAt: num(r.next_ms),
  }));
}

/**
 * Applies the events of each device, in order. Returns the stream notes it announced (for tests and logs).
 * `connections` are announced in the same NOTIFY.
 */
export async function applyAlarmEvents(
  tx: Executor,
  sources: readonly DeviceEvents[],
  now: Date,
  connections: readonly ConnectionChangeNote[] = [],
): Promise<AlarmChangeNote[]> {
  const withEvents = sources.filter((s) => s.events.length > 0);
  if (withEvents.length === 0) {
    await announce(tx, [], connections);
    return [];
  }
  const nowMs = now.getTime();
  const open = new Map<string, Working>();
  for (const row of await loadOpen(
    tx,
    withEvents.map((s) => s.deviceId),
  )) {
    open.set(`${row.deviceId}|${row.ruleId}`, row);
  }
  const touched: Working[] = [];
  const timeline: TimelineRow[] = [];
  const notes: AlarmChangeNote[] = [];
  const touch = (w: Working, change: AlarmStreamChange) => {
    if (!w.dirty) {
      w.dirty = true;
      touched.push(w);
    }
    notes.push({ alarmId: w.id, enterpriseId: w.enterpriseId, regionPath: w.regionPath, change });
  };
  // Timeline rows are dated by the server (when the platform knew), so that people's actions and the engine's events
  // sort together; the device time of an engine event is kept in `data.ts`.
  const at = now.toISOString();
  const record = (w: Working, action: string, ts: number, value: number | null, data: Record<string, unknown> | null = null) =>
    timeline.push({
      alarm_id: w.id,
      enterprise_id: w.enterpriseId,
      action,
      level: w.level,
      value,
      data: { ...data, ts: new Date(ts).toISOString() },
      at,
    });

  for (const source of withEvents) {
    for (const ev of source.events) {
      const key = `${source.deviceId}|${ev.ruleId}`;
      const def = source.definitions.get(ev.ruleId);
      const low = lowIsWorse(def);
      let w = open.get(key);

      if (ev.type === 'clear') {
        if (w === undefined) continue;
        w.clearedAt = ev.ts;
        w.lastAt = Math.max(w.lastAt, ev.ts);
        w.peak = extreme(w.peak, ev.peak, low);
        w.count = w.priorCount + ev.count;
        record(w, ev.retired ? 'rule_retired' : 'cleared', ev.ts, ev.value, ev.retired ? { ruleId: ev.ruleId } : null);
        touch(w, 'cleared');
        // 已处置 and now cleared: both conditions of 已关闭 hold. Otherwise it stays visible as 已恢复未处置.
        if (w.status === 'disposed') {
          w.status = 'closed';
          w.closedAt = nowMs;
          w.nextEscalationAt = null;
          record(w, 'closed', ev.ts, null);
          touch(w, 'closed');
          open.delete(key);
        }
        continue;
      }

      if (ev.peakOnly) {
        if (w === undefined) continue;
        w.peak = extreme(w.peak, ev.peak, low);
        touch(w, 'updated');
        continue;
      }

      if (w === undefined || ev.type === 'raise') {
        if (w === undefined) {
          // A new alarm (an `update` without an alarm means the alarm row was lost: recreate it rather than drop it).
          w = {
            id: uuidv7(),
            isNew: true,
            dirty: false,
            deviceId: source.deviceId,
            enterpriseId: source.enterpriseId,
            regionPath: source.regionPath,
            ruleId: ev.ruleId,
            ruleName: def?.name ?? ev.ruleId,
            ruleType: def?.type ?? ev.kind,
            kind: ev.kind,
            signal: ev.signal,
            level: ev.level,
            maxLevel: ev.level,
            status: 'pending',
            count: ev.count,
            priorCount: 0,
            peak: ev.peak,
            lastValue: ev.value,
            firstAt: ev.openedAt,
            lastAt: ev.ts,
            raisedAt: nowMs,
            clearedAt: null,
            closedAt: null,
            // The escalation sweep works out the first step (the enterprise's notice is due at once).
            nextEscalationAt: nowMs,
          };
          open.set(key, w);
          record(w, 'raised', ev.ts, ev.value, { count: ev.count });
          touch(w, 'raised');
          continue;
        }
        // The condition came back while the alarm is not closed: the same alarm, re-opened.
        w.priorCount = w.count;
        w.count = w.priorCount + ev.count;
        const before = w.maxLevel;
        w.level = ev.level;
        w.maxLevel = worse(w.maxLevel, ev.level);
        w.peak = extreme(w.peak, ev.peak, low);
        w.lastValue = ev.value;
        w.lastAt = Math.max(w.lastAt, ev.ts);
        w.clearedAt = null;
        if (w.status === 'pending' && w.maxLevel !== before) w.nextEscalationAt = nowMs;
        record(w, 'reraised', ev.ts, ev.value, { count: w.count });
        touch(w, 'raised');
        continue;
      }

      // update: a level change or a re-trigger of the open condition.
      const before = w.maxLevel;
      const previous = w.level;
      w.count = w.priorCount + ev.count;
      w.level = ev.level;
      w.maxLevel = worse(w.maxLevel, ev.level);
      w.peak = extreme(w.peak, ev.peak, low);
      w.lastValue = ev.value;
      w.lastAt = Math.max(w.lastAt, ev.ts);
      // A more severe level runs on its own (shorter) escalation clock: let the sweep recompute the next step now.
      if (w.status === 'pending' && w.maxLevel !== before) w.nextEscalationAt = nowMs;
      if (previous !== ev.level) record(w, 'level_changed', ev.ts, ev.value, { from: previous, to: ev.level });
      touch(w, 'updated');
    }
  }

  const updates = touched.filter((w) => !w.isNew);
  const inserts = touched.filter((w) => w.isNew);
  // Updates first: an alarm closed here frees its (device, rule) slot of the partial unique index for a new one.
  if (updates.length > 0) {
    const payload = updates.map((w) => ({
      id: w.id,
      level: w.level,
      max_level: w.maxLevel,
      status: w.status,
      count: w.count,
      prior_count: w.priorCount,
      peak: w.peak,
      last_value: w.lastValue,
      last_at: iso(w.lastAt),
      cleared_at: iso(w.clearedAt),
      closed_at: iso(w.closedAt),
      next_escalation_at: iso(w.nextEscalationAt),
    }));
    await tx.execute(
      sql`update alarms a set level = v.level, max_level = v.max_level, status = v.status, count = v.count, prior_count = v.prior_count,
            peak = v.peak, last_value = v.last_value, last_at = v.last_at, cleared_at = v.cleared_at,
            closed_at = coalesce(a.closed_at, v.closed_at), next_escalation_at = v.next_escalation_at,
            updated_at = ${now.toISOString()}::timestamptz
          from jsonb_to_recordset(${JSON.stringify(payload)}::jsonb) as v(id uuid, level text, max_level text, status text, count int,
            prior_count int, peak float8, last_value float8, last_at timestamptz, cleared_at timestamptz, closed_at timestamptz,
            next_escalation_at timestamptz)
          where a.id = v.id`,
    );
  }
  if (inserts.length > 0) {
    const payload = inserts.map((w) => ({
      id: w.id,
      device_id: w.deviceId,
      enterprise_id: w.enterpriseId,
      region_path: w.regionPath,
      rule_id: w.ruleId,
      rule_name: w.ruleName,
      rule_type: w.ruleType,
      kind: w.kind,
      signal: w.signal,
      level: w.level,
      max_level: w.maxLevel,
      status: w.status,
      count: w.count,
      prior_count: w.priorCount,
      peak: w.peak,
      last_value: w.lastValue,
      first_at: iso(w.firstAt),
      last_at: iso(w.lastAt),
      raised_at: iso(w.raisedAt),
      cleared_at: iso(w.clearedAt),
      closed_at: iso(w.closedAt),
      next_escalation_at: iso(w.nextEscalationAt),
    }));
    await tx.execute(
      sql`insert into alarms (id, device_id, enterprise_id, region_path, rule_id, rule_name, rule_type, kind, signal, level, max_level,
            status, count, prior_count, peak, last_value, first_at, last_at, raised_at, cleared_at, closed_at, next_escalation_at,
            created_at, updated_at)
          select v.*, ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz
          from jsonb_to_recordset(${JSON.stringify(payload)}::jsonb) as v(id uuid, device_id uuid, enterprise_id uuid, region_path text,
            rule_id text, rule_name text, rule_type text, kind text, signal text, level text, max_level text, status text, count int,
            prior_count int, peak float8, last_value float8, first_at timestamptz, last_at timestamptz, raised_at timestamptz,
            cleared_at timestamptz, closed_at timestamptz, next_escalation_at timestamptz)`,
    );
  }
  await insertTimeline(tx, timeline);
  // One note per alarm and change kind is enough for the stream (it reloads the alarm).
  const seen = new Set<string>();
  const unique = notes.filter((n) => {
    const k = `${n.alarmId}|${n.change}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  await announce(tx, unique, connections);
  return unique;
}

/** Timeline rows in one statement. */
export async function insertTimeline(
  tx: Executor,
  rows: readonly (TimelineRow & { actor_id?: string | null; actor_name?: string | null; note?: string | null })[],
) {
  if (rows.length === 0) return;
  const payload = rows.map((r) => ({ id: uuidv7(), actor_id: null, actor_name: null, note: null, ...r, data: r.data ?? null }));
  await tx.execute(
    sql`insert into alarm_events (id, alarm_id, enterprise_id, action, level, value, actor_id, actor_name, note, data, at)
        select id, alarm_id, enterprise_id, action, level, value, actor_id, actor_name, note, data, at
        from jsonb_to_recordset(${JSON.stringify(payload)}::jsonb) as v(id uuid, alarm_id uuid, enterprise_id uuid, action text, level text,
          value float8, actor_id uuid, actor_name text, note text, data jsonb, at timestamptz)`,
  );
}

/** A random token for `device_rule_states.version`. */
export const newStateVersion = () => randomUUID();
