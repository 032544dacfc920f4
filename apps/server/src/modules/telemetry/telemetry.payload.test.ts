import { MAX_MESSAGES_PER_PAYLOAD, telemetryPayload } from '@zhiben/contracts';
import { describe, expect, it } from 'vitest';
import { commonEnvelope, readEnvelope } from './telemetry.payload.js';

const many = (n: number, name = (i: number) => `s${i}`) => Object.fromEntries(Array.from({ length: n }, (_, i) => [name(i), i]));
const ok = { ts: 1_764_000_000_000, values: { hopper_temp: 41.2, diff_pressure: 980, airlock_fault: 0 } };

/** Envelopes around the contract's edges: the direct check must never accept what the schema refuses. */
const ENVELOPES: [string, unknown][] = [
  ['one message', ok],
  ['an array of messages', [ok, { ...ok, ts: ok.ts + 1 }]],
  ['ts 0', { ts: 0, values: { a: 1 } }],
  ['ts negative', { ts: -1, values: { a: 1 } }],
  ['ts fractional', { ts: 1.5, values: { a: 1 } }],
  ['ts as ISO with offset', { ts: '2026-11-29T10:00:00+08:00', values: { a: 1 } }],
  ['ts as ISO without offset', { ts: '2026-11-29T10:00:00', values: { a: 1 } }],
  ['ts missing', { values: { a: 1 } }],
  ['ts NaN', { ts: Number.NaN, values: { a: 1 } }],
  ['ts Infinity', { ts: Number.POSITIVE_INFINITY, values: { a: 1 } }],
  ['values missing', { ts: 1 }],
  ['values an array', { ts: 1, values: [1, 2] }],
  ['values null', { ts: 1, values: null }],
  ['values empty (refused later, per message)', { ts: 1, values: {} }],
  ['64 values', { ts: 1, values: many(64) }],
  ['65 values', { ts: 1, values: many(65) }],
  ['a 64-character signal name', { ts: 1, values: { ['x'.repeat(64)]: 1 } }],
  ['a 65-character signal name', { ts: 1, values: { ['x'.repeat(65)]: 1 } }],
  ['values of any kind (checked later, per value)', { ts: 1, values: { a: 'high', b: null, c: true, d: [1] } }],
  ['extra keys', { ts: 1, values: { a: 1 }, device: 'x' }],
  ['an empty array', []],
  [`${MAX_MESSAGES_PER_PAYLOAD} messages`, Array.from({ length: MAX_MESSAGES_PER_PAYLOAD }, (_, i) => ({ ts: i, values: { a: 1 } }))],
  [
    `${MAX_MESSAGES_PER_PAYLOAD + 1} messages`,
    Array.from({ length: MAX_MESSAGES_PER_PAYLOAD + 1 }, (_, i) => ({ ts: i, values: { a: 1 } })),
  ],
  ['an array with one bad message', [ok, { ts: 'yesterday', values: { a: 1 } }]],
  ['nested arrays', [[ok]]],
  ['null', null],
  ['a string', 'text'],
  ['a number', 42],
];

describe('the telemetry envelope', () => {
  it.each(ENVELOPES)('%s: the direct check accepts only what the schema accepts, with the same messages', (_name, body) => {
    const schema = telemetryPayload.safeParse(body);
    const direct = commonEnvelope(body);
    if (direct !== null) {
      expect(schema.success).toBe(true);
      expect(direct).toEqual(Array.isArray(schema.data) ? schema.data : [schema.data]);
    }
    const read = readEnvelope(body);
    expect(read.ok).toBe(schema.success);
  });

  it('takes the direct path for the common shape (epoch-ms ts), the schema for the rest', () => {
    expect(commonEnvelope(ok)).not.toBeNull();
    expect(commonEnvelope([ok, ok])).not.toBeNull();
    expect(commonEnvelope({ ts: '2026-11-29T10:00:00+08:00', values: { a: 1 } })).toBeNull();
    expect(readEnvelope({ ts: '2026-11-29T10:00:00+08:00', values: { a: 1 } })).toEqual({
      ok: true,
      messages: [{ ts: '2026-11-29T10:00:00+08:00', values: { a: 1 } }],
    });
  });

  it('says what is wrong in the message, not only that the envelope does not match', () => {
    expect(readEnvelope({ ts: 1.5, values: { a: 1 } })).toEqual({
      ok: false,
      detail: 'ts: ts 应为毫秒时间戳（非负整数）或带时区的 ISO 时间',
      path: ['ts'],
      message: 'ts 应为毫秒时间戳（非负整数）或带时区的 ISO 时间',
    });
    expect(readEnvelope([ok, { ts: 2, values: { a: 1 } }, { ts: -1, values: { a: 1 } }])).toMatchObject({
      ok: false,
      detail: '2.ts: ts 不能为负数',
    });
    expect(readEnvelope({ ts: 1, values: many(65) })).toMatchObject({ ok: false, detail: 'values: 每条消息最多 64 个监测值' });
    expect(readEnvelope([])).toMatchObject({ ok: false, detail: '(root): 数组不能为空' });
  });
});
