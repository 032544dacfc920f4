import {
  type IngestRejection,
  MAX_MESSAGES_PER_PAYLOAD,
  MAX_SIGNAL_CODE_LENGTH,
  MAX_VALUES_PER_MESSAGE,
  type TelemetryMessage,
  telemetryMessage,
  telemetryMessageList,
} from '@zhiben/contracts';

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
  const envelope = readEnvelope(body);
  if (!envelope.ok) return { readings: [], rejections: [{ reason: 'bad_payload', detail: short(envelope.detail) }] };
  const messages = envelope.messages;
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

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The envelope checked against the contract (`telemetryPayload`). The common shape — epoch-millisecond `ts`, a
 * `values` object within the limits — is recognised by a direct check first, because the schema walk is a noticeable
 * share of the ingestion thread's time per message (docs/PERFORMANCE.md); everything else (ISO times, anything
 * invalid) goes through the schema, which also words the error. The direct check accepts only what the schema accepts
 * (telemetry.payload.test.ts compares the two on a table of envelopes).
 */
export function readEnvelope(
  body: unknown,
): { ok: true; messages: TelemetryMessage[] } | { ok: false; detail: string; path: (string | number)[]; message: string } {
  const direct = commonEnvelope(body);
  if (direct !== null) return { ok: true, messages: direct };
  // The payload is one message or an array of them (`telemetryPayload`); checked against the branch its shape names,
  // so the error says what is wrong in it (`2.ts: ts 不能为负数`) rather than that neither branch matched.
  const parsed = Array.isArray(body) ? telemetryMessageList.safeParse(body) : telemetryMessage.safeParse(body);
  if (parsed.success) return { ok: true, messages: Array.isArray(parsed.data) ? parsed.data : [parsed.data] };
  const issue = parsed.error.issues[0];
  const path = (issue?.path ?? []).map((p) => (typeof p === 'symbol' ? String(p) : p));
  const message = issue?.message ?? 'invalid payload';
  return { ok: false, detail: `${path.join('.') || '(root)'}: ${message}`, path, message };
}

/** The messages when every one has an integer epoch-ms `ts` ≥ 0 and a `values` object within the limits, else null. */
export function commonEnvelope(body: unknown): TelemetryMessage[] | null {
  const list = Array.isArray(body) ? body : [body];
  if (list.length === 0 || list.length > MAX_MESSAGES_PER_PAYLOAD) return null;
  const messages: TelemetryMessage[] = [];
  for (const message of list) {
    if (!isPlainObject(message)) return null;
    const { ts, values } = message;
    if (typeof ts !== 'number' || !Number.isInteger(ts) || ts < 0 || !isPlainObject(values)) return null;
    const names = Object.keys(values);
    if (names.length > MAX_VALUES_PER_MESSAGE) return null;
    for (const name of names) if (name.length > MAX_SIGNAL_CODE_LENGTH) return null;
    messages.push({ ts, values });
  }
  return messages;
}
