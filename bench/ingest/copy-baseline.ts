import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type DbHandle, queryRows } from '@zhiben/db';
import { sql } from 'drizzle-orm';
import { from as copyFrom } from 'pg-copy-streams';
import { ensurePartitions } from '../../apps/server/src/modules/telemetry/index.js';
import { plainArray } from '../../apps/server/src/modules/telemetry/sql-arrays.js';

/**
 * The baseline: the fastest bulk load the driver offers, of the same rows the pipeline stored, into the same table of
 * the same database, in the same run. PostgreSQL: `COPY telemetry_readings FROM STDIN` (pg-copy-streams). PGlite has
 * no COPY FROM STDIN; its fastest equivalent is `COPY … FROM '/dev/blob'` with the text handed over as a Blob (the
 * server reads it from PGlite's virtual file system). Rows are shifted back in time by `shiftMs` so they land in an
 * empty stretch of the bench devices' key space; only the COPY statement itself is timed. The COPY runs `runs` times
 * (default 3, each into its own stretch of time) and the median counts: a single short COPY moved by ±25 % from run
 * to run on this machine (checkpoints, autovacuum after the capacity phase), and it is the denominator of every ratio.
 */

export interface CopyResult {
  rows: number;
  ms: number;
  method: string;
}

const HOUR = 3_600_000;

export async function copyBaseline(
  handle: DbHandle,
  deviceIds: readonly string[],
  window: { fromMs: number; toMs: number },
  options: { maxRows: number; shiftMs?: number; runs?: number },
): Promise<CopyResult> {
  const shift = options.shiftMs ?? 6 * HOUR;
  const rows = await queryRows<{ device_id: string; signal: string; ts_ms: number; value: number }>(
    handle.db,
    sql`select device_id, signal, (extract(epoch from ts) * 1000)::float8 as ts_ms, value from telemetry_readings
        where device_id = any(${plainArray([...deviceIds])}::uuid[])
          and ts >= ${new Date(window.fromMs).toISOString()}::timestamptz and ts <= ${new Date(window.toMs).toISOString()}::timestamptz
        order by ts limit ${options.maxRows}`,
  );
  if (rows.length === 0) return { rows: 0, ms: Number.NaN, method: 'none (no rows stored)' };
  const runs = Math.max(1, options.runs ?? 3);
  const times: number[] = [];
  let method = '';
  for (let run = 1; run <= runs; run++) {
    const shiftBy = shift * run;
    await ensurePartitions(handle.db, window.fromMs - shiftBy, window.toMs - shiftBy);
    const text = rows
      .map((r) => `${r.device_id}\t${r.signal}\t${new Date(Number(r.ts_ms) - shiftBy).toISOString()}\t${r.value}\n`)
      .join('');
    const started = performance.now();
    method = await copyText(handle, text);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const ms = times[Math.floor(times.length / 2)] as number;
  return { rows: rows.length, ms, method: `${method}, median of ${runs} (${times.map((t) => t.toFixed(0)).join(' / ')} ms)` };
}

/** One COPY of `text` into telemetry_readings; answers how. */
async function copyText(handle: DbHandle, text: string): Promise<string> {
  const statement = 'COPY telemetry_readings (device_id, signal, ts, value)';
  if (handle.pool) {
    const client = await handle.pool.connect();
    try {
      await pipeline(Readable.from([text]), client.query(copyFrom(`${statement} FROM STDIN`)));
    } finally {
      client.release();
    }
    return 'COPY … FROM STDIN (pg-copy-streams)';
  }
  if (handle.pglite) {
    await handle.pglite.query(`${statement} FROM '/dev/blob'`, [], { blob: new Blob([text]) });
    return "COPY … FROM '/dev/blob' (PGlite)";
  }
  throw new Error('no raw driver handle for COPY');
}
