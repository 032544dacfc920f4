import { randomBytes } from 'node:crypto';

let lastMs = 0;
let seq = 0;

/**
 * UUID v7 (RFC 9562): 48-bit millisecond timestamp, a 12-bit counter, then random bits — time-ordered like the ids of
 * every other table (packages/db `idColumn`), generated here because alarms and their timeline rows are inserted in
 * bulk by raw SQL. The counter (RFC 9562 §6.2 method 1) keeps ids made within one millisecond in creation order, so
 * timeline rows with the same time sort in the order they were written.
 */
export function uuidv7(): string {
  let ms = Date.now();
  if (ms <= lastMs) {
    ms = lastMs;
    seq++;
    if (seq > 0xfff) {
      ms = ++lastMs;
      seq = 0;
    }
  } else {
    lastMs = ms;
    seq = 0;
  }
  const b = randomBytes(16);
  for (let i = 5; i >= 0; i--) {
    b[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  b[6] = 0x70 | (seq >> 8);
  b[7] = seq & 0xff;
  b[8] = ((b[8] as number) & 0x3f) | 0x80;
  const hex = b.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
