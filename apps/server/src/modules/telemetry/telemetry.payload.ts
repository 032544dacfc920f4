import { type IngestRejection, telemetryPayload } from '@zhiben/contracts';

/** One reading ready for the batch writer. `ts` is epoch milliseconds. */
export interface Reading {
  signal: string;
  ts: number;
  value: number;
}

export interface CheckedPayload {
  readings: Reading[];
  rejections: IngestRejection[];
}

/** Largest MQTT payload or HTTP body read as telemetry (1,000 messages of a few signals fit easily). */
export const MAX_PAYLOAD_BYTES = 512 * 1024;

const short = (s: string, max = 120) => (s.length > max ? `${s.slice(0, max)}…` : s);

/** Raw bytes (MQTT) → JSON value, or why not. */
export function decodeJson(raw: Buffer): { ok: true; value: unknown } | { ok: false; detail: string } {
  if (raw.length === 0) return { ok: false, detail: 'empty payload' };
  if (raw.length > MAX_PAYLOAD_BYTES) return { ok: false, detail: `payload larger than ${MAX_PAYLOAD_BYTES} bytes` };
  try {
    return { ok: true, value: JSON.parse(raw.toString('utf8')) };
  } catch (err) {
    return { ok: false, detail: short(`invalid JSON: ${(err as Error).message}`) };
  }
}

/**
 * Checks a payload against the device: the envelope (`{ts, values}` or an array of them) as a whole, then every
 * value on its own, so one bad value never rejects its neighbours. A timestamp outside [minTs, maxTs] rejects its
 * message's readings (too far in the future: a wrong device clock; older than raw retention: it would be dropped).
 * Booleans are stored as 1 / 0. Values are not range-checked here: an impossible reading is stored and raises
 * 数据异常 in the rule stage, which must see it.
 */
export function checkPayload(body: unknown, signals: ReadonlySet<string>, window: { minTs: number; maxTs: number }): CheckedPayload {
  const parsed = telemetryPayload.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const detail = issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'invalid payload';
    return { readings: [], rejections: [{ reason: 'bad_payload', detail: short(detail) }] };
  }
  const messages = Array.isArray(parsed.data) ? parsed.data : [parsed.data];
  const readings: Reading[] = [];
  const rejections: IngestRejection[] = [];
  messages.forEach((message, index) => {
    const ts = typeof message.ts === 'number' ? message.ts : Date.parse(message.ts);
    const entries = Object.entries(message.values);
    if (entries.length === 0) {
      rejections.push({ reason: 'bad_payload', index, detail: 'values is empty' });
      return;
    }
    if (!Number.isFinite(ts) || ts < window.minTs || ts > window.maxTs) {
      const detail = Number.isFinite(ts) ? new Date(ts).toISOString() : String(message.ts);
      for (const [signal] of entries) rejections.push({ reason: 'ts_out_of_range', index, signal: short(signal, 64), detail });
      return;
    }
    for (const [signal, raw] of entries) {
      if (!signals.has(signal)) {
        rejections.push({ reason: 'unknown_signal', index, signal: short(signal, 64) });
        continue;
      }
      const value = typeof raw === 'boolean' ? (raw ? 1 : 0) : raw;
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        rejections.push({
          reason: 'bad_payload',
          index,
          signal,
          detail: short(`value ${JSON.stringify(raw) ?? String(raw)} is not a number`),
        });
        continue;
      }
      readings.push({ signal, ts, value });
    }
  });
  return { readings, rejections };
}
