import { RULE_KIND_BY_TYPE } from '@zhiben/contracts';
import type { Executor } from '@zhiben/db';
import { queryRows } from '@zhiben/db';
import { type DeviceRuleState, decodeState, encodeState, evaluate, type Reading, type RuleTrack, retireRules } from '@zhiben/domain';
import { sql } from 'drizzle-orm';
import { plainArray, textArray } from '../telemetry/sql-arrays.js';
import { type AlarmInput, applyAlarmEvents, type DeviceEvents, newStateVersion } from './alarms.apply.js';
import type { AlarmChangeNote, ConnectionChangeNote } from './alarms.live-channel.js';
import { type DeviceRules, type RuleCatalog, ruleConfigKey } from './rules.catalog.js';

/** "Connected" (已接入, seed §三(六)11 roll-out): every mandatory signal reported within the last 24 h. */
export const CONNECTED_WINDOW_MS = 24 * 3_600_000;

export function isConnected(state: DeviceRuleState, mandatorySignals: readonly string[], nowMs: number): boolean {
  const since = nowMs - CONNECTED_WINDOW_MS;
  // A profile without mandatory signals (其他除尘设备) counts as connected when anything arrived.
  if (mandatorySignals.length === 0) return state.lastSeen !== null && state.lastSeen >= since;
  return mandatorySignals.every((s) => {
    const track = state.signals[s];
    return track !== undefined && track.ts >= since;
  });
}

const isIdle = (t: RuleTrack) =>
  t.open === null &&
  t.runStart === null &&
  t.runLast === null &&
  t.anchor === null &&
  t.lows === null &&
  t.highs === null &&
  t.lastTrigger === null;

/**
 * The state as stored: without the tracks of rules that hold nothing (most of them, most of the time — a threshold
 * that is not crossed remembers nothing). `evaluate` recreates a missing track as a fresh one, so this loses nothing
 * and cuts the JSON written per device and batch to about a third.
 */
export function storedState(state: DeviceRuleState): DeviceRuleState {
  const rules: Record<string, RuleTrack> = {};
  for (const id in state.rules) {
    const track = state.rules[id] as RuleTrack;
    if (!isIdle(track)) rules[id] = track;
  }
  return { ...state, rules };
}

interface StateRow {
  deviceId: string;
  cached: boolean;
  state: unknown;
  connected: boolean;
  rulesKey: string | null;
  enterpriseId: string;
  regionPath: string;
  profile: string;
  intervalS: number;
  rev: number;
  limitsRev: number;
}

export interface RunResult {
  devices: number;
  events: number;
  alarmNotes: AlarmChangeNote[];
  connectionNotes: ConnectionChangeNote[];
  /** Devices whose stored state could not be read and started afresh. */
  restarted: string[];
}

/**
 * The rule stage: per device, the compiled rules (cached by configuration) and the persisted state (locked, so two
 * writers never interleave on one device), `evaluate`, the new state written back, and the events applied to alarms —
 * all in the caller's transaction. SQL per call, whatever the number of devices and readings: one locking read of
 * the states, one write of the states, and (only when something happened) the alarm statements of applyAlarmEvents.
 * A device seen for the first time costs one more insert and read, once.
 *
 * The last state this instance wrote is kept in memory with its version token; the locking read returns the JSON
 * only when the token in the database differs (another instance wrote, or our write rolled back), so the steady
 * state moves no JSON from the database to the process.
 */
export class RuleRunner {
  private readonly states = new Map<string, { version: string; state: DeviceRuleState }>();

  constructor(
    readonly catalog: RuleCatalog,
    private readonly log?: { warn(obj: object, msg: string): void },
  ) {}

  /** Forgets the in-memory copy of a device's state (the next run reads it from the database). */
  forget(deviceId: string): void {
    this.states.delete(deviceId);
  }

  /**
   * Evaluates `readings` (per device; an empty list = only the time-driven rules, i.e. offline) at `now`.
   * `onlyChanged`: write back only states where something happened (the sweep); the ingest path writes every state
   * it read, since its readings moved the state on.
   */
  async run(
    tx: Executor,
    readings: ReadonlyMap<string, readonly Reading[]>,
    now: Date,
    options: { onlyChanged?: boolean } = {},
  ): Promise<RunResult> {
    const ids = [...readings.keys()].sort();
    const result: RunResult = { devices: 0, events: 0, alarmNotes: [], connectionNotes: [], restarted: [] };
    if (ids.length === 0) return result;
    let rows = await this.lockStates(tx, ids);
    if (rows.length < ids.length) {
      const found = new Set(rows.map((r) => r.deviceId));
      const missing = ids.filter((id) => !found.has(id));
      await tx.execute(
        sql`insert into device_rule_states (device_id) select d.id from devices d where d.id = any(${plainArray(missing)}::uuid[])
            order by d.id on conflict do nothing`,
      );
      rows = [...rows, ...(await this.lockStates(tx, missing))];
    }
    const rules = await this.catalog.resolve(
      tx,
      rows.map((r) => ({
        deviceId: r.deviceId,
        config: { profile: r.profile, reportingIntervalS: r.intervalS, overridesRev: r.rev, limitsRev: r.limitsRev },
      })),
    );

    const nowMs = now.getTime();
    const writes: {
      device_id: string;
      state: DeviceRuleState;
      version: string;
      last_seen: string | null;
      connected: boolean;
      rules_key: string;
    }[] = [];
    const sources: DeviceEvents[] = [];
    const cacheUpdates: [string, { version: string; state: DeviceRuleState }][] = [];
    for (const row of rows) {
      const deviceRules = rules.get(row.deviceId) as DeviceRules;
      let before: DeviceRuleState;
      const cached = row.cached ? this.states.get(row.deviceId) : undefined;
      if (cached !== undefined) {
        before = cached.state;
      } else {
        const restored = decodeState(row.state, nowMs);
        before = restored.state;
        if (restored.fresh && row.state !== null) {
          result.restarted.push(row.deviceId);
          this.log?.warn({ deviceId: row.deviceId }, 'unreadable rule state; the device starts afresh');
        }
      }
      const events: AlarmInput[] = [];
      let state = before;
      // The rules changed since this state was last evaluated: close what the old rules had open.
      if (row.rulesKey !== null && row.rulesKey !== deviceRules.key) {
        const retired = retireRules(state, deviceRules.compiled, nowMs);
        state = retired.state;
        for (const e of retired.events) events.push({ ...e, retired: true });
      }
      const evaluated = evaluate(state, readings.get(row.deviceId) ?? [], deviceRules.compiled, nowMs);
      events.push(...evaluated.events);
      // Peaks move with readings, not only with events: keep the open alarm's peak current.
      for (const [ruleId, track] of Object.entries(evaluated.state.rules)) {
        const open = track.open;
        const old = state.rules[ruleId]?.open;
        if (open === null || old == null || old.openedAt !== open.openedAt || old.peak === open.peak) continue;
        if (events.some((e) => e.ruleId === ruleId)) continue;
        events.push({
          type: 'update',
          ruleId,
          kind: RULE_KIND_BY_TYPE[track.type],
          level: open.level,
          previousLevel: open.level,
          signal: null,
          ts: nowMs,
          value: null,
          count: open.count,
          peak: open.peak,
          openedAt: open.openedAt,
          peakOnly: true,
        });
      }
      const connected = isConnected(evaluated.state, deviceRules.mandatorySignals, nowMs);
      if (connected !== row.connected) {
        result.connectionNotes.push({
          deviceId: row.deviceId,
          enterpriseId: row.enterpriseId,
          regionPath: row.regionPath,
          connected,
          lastSeen: evaluated.state.lastSeen,
        });
      }
      const changed =
        events.length > 0 || connected !== row.connected || row.rulesKey !== deviceRules.key || (!row.cached && row.state === null);
      if (options.onlyChanged && !changed) continue;
      const version = newStateVersion();
      writes.push({
        device_id: row.deviceId,
        state: storedState(evaluated.state),
        version,
        last_seen: evaluated.state.lastSeen === null ? null : new Date(evaluated.state.lastSeen).toISOString(),
        connected,
        rules_key: deviceRules.key,
      });
      cacheUpdates.push([row.deviceId, { version, state: evaluated.state }]);
      if (events.length > 0) {
        sources.push({
          deviceId: row.deviceId,
          enterpriseId: row.enterpriseId,
          regionPath: row.regionPath,
          definitions: deviceRules.definitions,
          events,
        });
        result.events += events.length;
      }
    }
    result.devices = writes.length;

    if (writes.length > 0) {
      await tx.execute(
        // One text parameter per column (unnest), so each state's JSON is parsed once, straight into its row.
        sql`update device_rule_states s set state = v.state::jsonb, version = v.version, last_seen = v.last_seen,
              connected = v.connected, rules_key = v.rules_key, updated_at = ${now.toISOString()}::timestamptz
            from unnest(${plainArray(writes.map((w) => w.device_id))}::uuid[], ${textArray(writes.map((w) => JSON.stringify(encodeState(w.state))))}::text[],
                        ${plainArray(writes.map((w) => w.version))}::uuid[], ${textArray(writes.map((w) => w.last_seen))}::timestamptz[],
                        ${plainArray(writes.map((w) => String(w.connected)))}::boolean[], ${textArray(writes.map((w) => w.rules_key))}::text[])
              as v(device_id, state, version, last_seen, connected, rules_key)
            where s.device_id = v.device_id`,
      );
    }
    result.alarmNotes = await applyAlarmEvents(tx, sources, now, result.connectionNotes);
    // Remembered before commit; harmless if the transaction rolls back: the database keeps the old token, which no
    // longer matches, so the next run reads the committed state.
    for (const [id, entry] of cacheUpdates) this.states.set(id, entry);
    return result;
  }

  private async lockStates(tx: Executor, ids: readonly string[]): Promise<StateRow[]> {
    const versions = ids.map((id) => this.states.get(id)?.version ?? null);
    const rows = await queryRows<{
      device_id: string;
      cached: boolean;
      state: unknown;
      connected: boolean;
      rules_key: string | null;
      enterprise_id: string;
      region_path: string;
      profile: string;
      interval_s: number;
      rev: number;
      limits_rev: number;
    }>(
      tx,
      sql`select s.device_id, coalesce(s.version = c.version, false) as cached,
                 case when coalesce(s.version = c.version, false) then null else s.state end as state,
                 s.connected, s.rules_key, d.enterprise_id, d.region_path, d.profile, d.reporting_interval_s as interval_s,
                 coalesce(o.rev, 0) as rev, coalesce((select l.rev from monitoring_limits l where l.id = 'district'), 0) as limits_rev
          from unnest(${plainArray(ids)}::uuid[], ${plainArray(versions)}::uuid[]) as c(device_id, version)
          join device_rule_states s on s.device_id = c.device_id
          join devices d on d.id = s.device_id
          left join device_rule_overrides o on o.device_id = s.device_id
          order by s.device_id
          for update of s`,
    );
    return rows.map((r) => ({
      deviceId: r.device_id,
      cached: r.cached,
      state: r.state,
      connected: r.connected,
      rulesKey: r.rules_key,
      enterpriseId: r.enterprise_id,
      regionPath: r.region_path,
      profile: r.profile,
      intervalS: Number(r.interval_s),
      rev: Number(r.rev),
      limitsRev: Number(r.limits_rev),
    }));
  }
}

export { ruleConfigKey };
