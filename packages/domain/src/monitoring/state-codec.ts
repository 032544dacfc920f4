import { restoreState } from './state.js';
import type { DeviceRuleState, OpenCondition, RuleTrack, SignalTrack } from './types.js';

/**
 * The stored form of a device's rule state (version 2). The server writes every active device's state in every
 * telemetry batch, so its size is paid per reading: in the JSON, in PGlite's protocol encoding, in jsonb parsing and
 * in the WAL. Version 1 (the in-memory shape as it is) spent most of its bytes on field names and 13-digit epoch
 * milliseconds; version 2 is positional, times are relative to the latest reading, a signal's last plausible reading
 * is left out when it is the last reading, and trailing nulls are dropped — about half the size. Reading accepts both
 * versions, so states stored before the change resume exactly.
 *
 *   { v: 2, s: startedAt, l: lastSeen, g: { signal: [dt, value] | [dt, value, okDt, okValue] },
 *     r: { ruleId: [type, open | null, runStart, runLast, anchor, lows, highs, lastTrigger] } }
 *   open = [level, openedAt, count, peak]; every time except s and l is relative to l (or to s before any reading);
 *   lows / highs keep their flat [t, value, t, value, …] layout with relative t.
 */
export interface StoredDeviceStateV2 {
  v: 2;
  s: number;
  l: number | null;
  g: Record<string, (number | null)[]>;
  r: Record<string, unknown[]>;
}

export function encodeState(state: DeviceRuleState): StoredDeviceStateV2 {
  const base = state.lastSeen ?? state.startedAt;
  const rel = (t: number | null) => (t === null ? null : t - base);
  const relPairs = (xs: number[] | null) => (xs === null ? null : xs.map((x, i) => (i % 2 === 0 ? x - base : x)));
  const g: StoredDeviceStateV2['g'] = {};
  for (const name in state.signals) {
    const s = state.signals[name] as SignalTrack;
    g[name] = s.okTs === s.ts && s.okValue === s.value ? [s.ts - base, s.value] : [s.ts - base, s.value, rel(s.okTs), s.okValue];
  }
  const r: StoredDeviceStateV2['r'] = {};
  for (const id in state.rules) {
    const t = state.rules[id] as RuleTrack;
    const open = t.open === null ? null : [t.open.level, t.open.openedAt - base, t.open.count, t.open.peak];
    const row: unknown[] = [
      t.type,
      open,
      rel(t.runStart),
      rel(t.runLast),
      t.anchor,
      relPairs(t.lows),
      relPairs(t.highs),
      rel(t.lastTrigger),
    ];
    while (row.length > 1 && row[row.length - 1] === null) row.pop();
    r[id] = row;
  }
  return { v: 2, s: state.startedAt, l: state.lastSeen, g, r };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Version 2 back to the in-memory shape; anything malformed → null (the caller starts afresh). */
function expand(stored: Record<string, unknown>): unknown {
  const { s, l, g, r } = stored;
  if (typeof s !== 'number' || !(l === null || typeof l === 'number') || !isRecord(g) || !isRecord(r)) return null;
  const base = l ?? s;
  const num = (x: unknown) => (typeof x === 'number' ? x : null);
  const abs = (x: unknown) => (typeof x === 'number' ? x + base : null);
  const absPairs = (xs: unknown) => (Array.isArray(xs) ? xs.map((x, i) => (i % 2 === 0 ? Number(x) + base : x)) : null);
  const signals: Record<string, unknown> = {};
  for (const [name, row] of Object.entries(g)) {
    if (!Array.isArray(row) || row.length < 2) return null;
    const ts = abs(row[0]);
    const value = row[1];
    signals[name] = row.length === 2 ? { ts, value, okTs: ts, okValue: value } : { ts, value, okTs: abs(row[2]), okValue: row[3] ?? null };
  }
  const rules: Record<string, unknown> = {};
  for (const [id, row] of Object.entries(r)) {
    if (!Array.isArray(row) || typeof row[0] !== 'string') return null;
    const o = row[1];
    let open: OpenCondition | null = null;
    if (Array.isArray(o)) {
      if (typeof o[0] !== 'string' || typeof o[1] !== 'number' || typeof o[2] !== 'number') return null;
      open = { level: o[0] as OpenCondition['level'], openedAt: o[1] + base, count: o[2], peak: num(o[3]) };
    } else if (o !== null && o !== undefined) {
      return null;
    }
    rules[id] = {
      type: row[0],
      open,
      runStart: abs(row[2]),
      runLast: abs(row[3]),
      anchor: num(row[4]),
      lows: absPairs(row[5]),
      highs: absPairs(row[6]),
      lastTrigger: abs(row[7]),
    };
  }
  return { v: 1, startedAt: s, lastSeen: l, signals, rules };
}

/**
 * A stored state (version 1 or 2) checked before use, as restoreState: anything unrecognisable starts afresh at
 * `now` (`fresh` true; the caller logs it) rather than crashing the ingest worker.
 */
export function decodeState(stored: unknown, now: number): { state: DeviceRuleState; fresh: boolean } {
  if (isRecord(stored) && stored.v === 2) return restoreState(expand(stored), now);
  return restoreState(stored, now);
}
