import type { IngestOutcome } from '@zhiben/contracts';
import { type Db, queryRows, type Tx } from '@zhiben/db';
import { sql } from 'drizzle-orm';
import type { Clock } from '../../platform/clock.js';
import { ensurePartitions } from './partitions.js';
import { plainArray, textArray } from './sql-arrays.js';
import type { Reading } from './telemetry.payload.js';

/** A reading as stored by a batch: what the processors receive. */
export interface StoredReading {
  deviceId: string;
  enterpriseId: string;
  signal: string;
  /** Epoch milliseconds. */
  ts: number;
  value: number;
}

export interface BatchContext {
  /** The batch's instant (the app clock), also the day its counters are booked on. */
  now: Date;
}

/**
 * A stage plugged into the batch transaction (the alarm / rule stage). It runs after the readings and rollups of
 * the batch are written, inside the same transaction, and receives only the readings this batch actually inserted
 * (never a duplicate), ordered by device, then time, then signal. Whatever it writes commits atomically with them;
 * if it throws, the whole batch rolls back and no message of it is acknowledged (the senders retry).
 */
export interface BatchProcessor {
  readonly name: string;
  process(tx: Tx, readings: readonly StoredReading[], context: BatchContext): Promise<void>;
}

/** One message's share of a batch: its readings, and the rejections to count with them. */
export interface WriteItem {
  deviceId: string | null;
  enterpriseId: string | null;
  readings: readonly Reading[];
  rejected?: Partial<Record<IngestOutcome, number>>;
  /** An example for the counters' `detail` (a wrong topic, a parse error). */
  detail?: string | undefined;
}

export interface WriteOutcome {
  accepted: number;
  duplicates: number;
}

export interface BatchWriterOptions {
  /** Rows per batch (a message is never split; a batch holds at least one message). */
  batchSize: number;
  /** How long the first queued message waits for company before its batch is written. */
  maxWaitMs: number;
  /** Beyond this many queued rows new messages are refused (IngestBusyError) instead of growing memory. */
  maxQueuedRows: number;
  /**
   * Batches written at the same time, each in its own transaction on its own connection (default 1). With 2 on
   * PostgreSQL the next batch's insert runs while the previous one evaluates its rules and commits; PGlite has one
   * connection, so more than 1 only queues there. See the class comment for why the order of rule evaluation holds.
   */
  concurrency?: number;
  log?: { error(obj: object, msg: string): void; warn(obj: object, msg: string): void };
}

export class IngestBusyError extends Error {
  constructor() {
    super('ingestion queue is full');
    this.name = 'IngestBusyError';
  }
}

export class WriterClosedError extends Error {
  constructor() {
    super('ingestion is shutting down');
    this.name = 'WriterClosedError';
  }
}

interface Pending extends WriteItem {
  rows: number;
  enqueuedAt: number;
  resolve(outcome: WriteOutcome): void;
  reject(error: Error): void;
}

export interface WriterStats {
  batches: number;
  failedBatches: number;
  rows: number;
  inserted: number;
  lastBatchRows: number;
  lastBatchMs: number;
  maxBatchMs: number;
  queuedMessages: number;
  queuedRows: number;
  /** Outcomes since start (the durable per-day figures are in `ingest_counters`). */
  outcomes: Record<string, number>;
  /** Batch attempts retried since start, by SQLSTATE (40P01 deadlock, 55P03 lock timeout, 23514 no partition…). */
  retries: Record<string, number>;
}

/** A place in a chain of batches: wait for `previous`, call `end` (idempotent) to let the next batch go on. */
interface Turn {
  previous: Promise<void>;
  done: Promise<void>;
  end(): void;
}

function newTurn(previous: Promise<void>): Turn {
  let end = () => {};
  const done = new Promise<void>((resolve) => {
    end = resolve;
  });
  return { previous, done, end };
}

/** The calendar day officials mean (Asia/Shanghai, UTC+8, no DST). */
export const shanghaiDay = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

function sqlState(err: unknown): string | undefined {
  for (let e: unknown = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

const NO_PARTITION = '23514';
/** Deadlock, serialization failure, and lock_not_available (the lock_timeout of overlapping batches, see below). */
const RETRYABLE = new Set(['40P01', '40001', '55P03']);
/**
 * Overlapping batches insert in batch order and give up their turns when they fail, so a batch never waits in the
 * database for the next batch while that one waits in memory for it. Should some wait the database cannot see
 * arise anyway, the lock timeout turns it into an error: the batch gives up its turns and retries.
 */
const OVERLAP_LOCK_TIMEOUT = sql`set local lock_timeout = '3s'`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A reading of the batch: what the processors receive (a StoredReading), and which message brought it. */
interface Row extends StoredReading {
  /** Index of the message (in the batch) the reading came with. */
  item: number;
}

/**
 * The order of a batch's rows: by key (device, signal, ts) — so concurrent writers (several instances, overlapping
 * batches) take their locks in one order and a reading twice in a batch lands next to itself — arranged as the
 * processors want them: device, then time, then signal.
 */
const byKey = (a: Row, b: Row) =>
  a.deviceId < b.deviceId ? -1 : a.deviceId > b.deviceId ? 1 : a.ts - b.ts || (a.signal < b.signal ? -1 : a.signal > b.signal ? 1 : 0);

/**
 * Group commit for telemetry. Messages queue up; a batch is written when it reaches `batchSize` rows or its first
 * message has waited `maxWaitMs` (at once when the previous batch held a single message), up to `concurrency`
 * batches at a time. Each batch is ONE transaction:
 *   1. one statement: `unnest` of compact arrays → INSERT … ON CONFLICT DO NOTHING RETURNING, from exactly the
 *      returned rows an upsert of the 1-minute rollups (data-modifying CTEs), answering which input rows were
 *      duplicates (see insertReadings);
 *   2. the plugged-in processors, with the inserted readings — in batch order: a batch's processors start only when
 *      the previous batch's processors are done (its commit may still be running);
 *   3. one statement: the per-day counters (accepted, duplicate, each rejection reason).
 * Only after COMMIT are the messages' promises resolved — that is when MQTT PUBACKs and HTTP 200s go out. Rows are
 * sorted by key before writing so concurrent writers (several ingest instances, or overlapping batches of this one)
 * lock in the same order. Overlapping batches need nothing beyond what several instances need: the rule stage locks
 * each device's state row, so a batch evaluating a device the previous batch holds waits for that commit, and a
 * rolled-back batch leaves the old state token in the database (the next batch re-reads the committed state). The
 * counters come last so a batch never holds counter rows while waiting for the previous batch's state rows.
 */
export class BatchWriter {
  private readonly queue: Pending[] = [];
  private queuedRows = 0;
  private inFlight = 0;
  /** Resolves when the last started batch's processors are done (or it failed): the next batch's turn. */
  private processorTurn: Promise<void> = Promise.resolve();
  /** Resolves when the last started batch's insert statement is done (or it failed). */
  private insertTurn: Promise<void> = Promise.resolve();
  private closed = false;
  private timer: NodeJS.Timeout | undefined;
  private readonly processors: BatchProcessor[] = [];
  private lastBatchMessages = 0;
  private idleWaiters: (() => void)[] = [];
  private readonly counters = {
    batches: 0,
    failedBatches: 0,
    rows: 0,
    inserted: 0,
    lastBatchRows: 0,
    lastBatchMs: 0,
    maxBatchMs: 0,
    outcomes: {} as Record<string, number>,
    retries: {} as Record<string, number>,
  };

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly options: BatchWriterOptions,
  ) {}

  use(processor: BatchProcessor): void {
    this.processors.push(processor);
  }

  /** Queues a message; resolves after the batch holding it has committed. */
  write(item: WriteItem): Promise<WriteOutcome> {
    if (this.closed) return Promise.reject(new WriterClosedError());
    if (this.queuedRows >= this.options.maxQueuedRows) return Promise.reject(new IngestBusyError());
    return new Promise<WriteOutcome>((resolve, reject) => {
      const rows = Math.max(1, item.readings.length);
      this.queue.push({ ...item, rows, enqueuedAt: Date.now(), resolve, reject });
      this.queuedRows += rows;
      this.schedule();
    });
  }

  stats(): WriterStats {
    return {
      ...this.counters,
      outcomes: { ...this.counters.outcomes },
      retries: { ...this.counters.retries },
      queuedMessages: this.queue.length,
      queuedRows: this.queuedRows,
    };
  }

  /** Resolves when nothing is queued or being written. */
  idle(): Promise<void> {
    if (this.inFlight === 0 && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Writes everything queued, then refuses new messages. */
  async close(): Promise<void> {
    this.closed = true;
    this.schedule();
    await this.idle();
  }

  private get concurrency(): number {
    return Math.max(1, this.options.concurrency ?? 1);
  }

  private schedule(): void {
    if (this.inFlight >= this.concurrency || this.queue.length === 0) return;
    if (this.closed || this.queuedRows >= this.options.batchSize) {
      this.clearTimer();
      void this.flush();
      return;
    }
    if (this.timer) return;
    // Linger for company only when the last batch had company: a lone sender that waits for each acknowledgement
    // before sending the next message (mqtt.js replaying its backlog after a reconnect does) would otherwise pay
    // maxWaitMs per message. Messages that arrive in the same tick still share the batch (the timer fires later).
    const oldest = this.queue[0]?.enqueuedAt ?? Date.now();
    const wait = this.lastBatchMessages > 1 ? Math.max(0, this.options.maxWaitMs - (Date.now() - oldest)) : 0;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, wait);
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private async flush(): Promise<void> {
    if (this.inFlight >= this.concurrency || this.queue.length === 0) return;
    this.inFlight++;
    this.clearTimer();
    let taken = 0;
    let rows = 0;
    while (taken < this.queue.length) {
      const next = this.queue[taken] as Pending;
      if (taken > 0 && rows + next.rows > this.options.batchSize) break;
      taken++;
      rows += next.rows;
    }
    // One splice per batch: shifting message by message is quadratic when tens of thousands are queued.
    const batch = this.queue.splice(0, taken);
    this.queuedRows -= rows;
    this.lastBatchMessages = batch.length;
    // Taken in batch order, before anything is awaited: this batch's insert follows the previous batch's insert, and
    // its processors follow the previous batch's processors (see the class comment).
    const turns = { insert: newTurn(this.insertTurn), processors: newTurn(this.processorTurn) };
    this.insertTurn = turns.insert.done;
    this.processorTurn = turns.processors.done;
    // A full queue need not wait for this batch: the next one can start its insert now.
    if (this.queue.length > 0) this.schedule();
    try {
      await this.writeBatch(batch, turns);
    } finally {
      turns.insert.end();
      turns.processors.end();
      this.inFlight--;
      if (this.inFlight === 0 && this.queue.length === 0) {
        const waiters = this.idleWaiters;
        this.idleWaiters = [];
        for (const w of waiters) w();
      } else {
        this.schedule();
      }
    }
  }

  private async writeBatch(batch: Pending[], turns: { insert: Turn; processors: Turn }): Promise<void> {
    const started = performance.now();
    const all: Row[] = [];
    batch.forEach((item, index) => {
      const { deviceId } = item;
      if (!deviceId) return;
      const enterpriseId = item.enterpriseId ?? '';
      for (const r of item.readings) all.push({ deviceId, enterpriseId, signal: r.signal, ts: r.ts, value: r.value, item: index });
    });
    // Sorted by key, so concurrent writers (several ingest instances) lock rows in the same order; a reading twice in
    // the batch is written once (its first message gets it, the others count it as a duplicate).
    all.sort((a, b) => byKey(a, b) || a.item - b.item);
    const rows = all.filter((r, i) => i === 0 || byKey(all[i - 1] as Row, r) !== 0);

    for (let attempt = 0; ; attempt++) {
      const now = this.clock();
      try {
        const outcomes = await this.db.transaction(async (tx) => {
          if (this.concurrency > 1) await tx.execute(OVERLAP_LOCK_TIMEOUT);
          await turns.insert.previous;
          const fresh = rows.length > 0 ? await insertReadings(tx, rows) : [];
          turns.insert.end();
          const outcomes = batch.map((item) => ({ accepted: 0, duplicates: item.deviceId ? item.readings.length : 0 }));
          for (const r of fresh) {
            const outcome = outcomes[r.item] as WriteOutcome;
            outcome.accepted++;
            outcome.duplicates--;
          }
          // The previous batch's processors first (see the class comment); this batch's insert already ran meanwhile.
          await turns.processors.previous;
          // Already in the processors' order (byKey); a Row is a StoredReading, passed as it is.
          if (this.processors.length > 0 && fresh.length > 0) {
            for (const processor of this.processors) await processor.process(tx, fresh, { now });
          }
          turns.processors.end();
          await upsertCounters(tx, countersOf(batch, outcomes), now);
          return outcomes;
        });
        const ms = performance.now() - started;
        this.counters.batches++;
        this.counters.rows += rows.length;
        this.counters.inserted += outcomes.reduce((n, o) => n + o.accepted, 0);
        this.counters.lastBatchRows = rows.length;
        this.counters.lastBatchMs = ms;
        this.counters.maxBatchMs = Math.max(this.counters.maxBatchMs, ms);
        batch.forEach((item, i) => {
          const outcome = outcomes[i] ?? { accepted: 0, duplicates: 0 };
          this.tally('accepted', outcome.accepted);
          this.tally('duplicate', outcome.duplicates);
          for (const [reason, n] of Object.entries(item.rejected ?? {})) this.tally(reason, n ?? 0);
          item.resolve(outcome);
        });
        return;
      } catch (err) {
        // Whatever happens next, the following batch need not wait for this one any more.
        turns.insert.end();
        turns.processors.end();
        const state = sqlState(err);
        const retry = (code: string) => {
          this.counters.retries[code] = (this.counters.retries[code] ?? 0) + 1;
        };
        if (state === NO_PARTITION && attempt < 2 && rows.length > 0) {
          // A reading for a day without a partition yet (a backlog upload): create it and write the batch again.
          let first = Number.POSITIVE_INFINITY;
          let last = Number.NEGATIVE_INFINITY;
          for (const r of rows) {
            first = Math.min(first, r.ts);
            last = Math.max(last, r.ts);
          }
          await ensurePartitions(this.db, first, last).catch((error: unknown) =>
            this.options.log?.warn({ err: error }, 'could not create a telemetry partition'),
          );
          retry(state);
          continue;
        }
        if (state && RETRYABLE.has(state) && attempt < 3) {
          retry(state);
          await sleep(5 * 2 ** attempt);
          continue;
        }
        this.counters.failedBatches++;
        this.options.log?.error(
          { err, rows: rows.length, messages: batch.length },
          'telemetry batch failed; its messages are not acknowledged',
        );
        const error = err instanceof Error ? err : new Error(String(err));
        for (const item of batch) item.reject(error);
        return;
      }
    }
  }

  private tally(outcome: string, n: number): void {
    if (n > 0) this.counters.outcomes[outcome] = (this.counters.outcomes[outcome] ?? 0) + n;
  }
}

/**
 * Statement 1: the readings and, from the rows actually inserted, the rollups. A reading already stored is not
 * inserted (ON CONFLICT DO NOTHING), so it never reaches a rollup. The statement answers with the ordinals of the
 * input rows it did NOT insert — the duplicates, usually none, so the usual answer is empty. `rows` must have unique
 * keys.
 *
 * The batch travels compactly, because encoding and parsing the parameters is a large part of a batch's cost (PGlite's
 * protocol encoding, PostgreSQL's array input): each distinct device id and signal name once, per row an index into
 * them, and the time as milliseconds after the batch's earliest reading (base + offset is the original integer, so
 * the stored timestamp is exactly the one `to_timestamp(ts_ms / 1000)` gives).
 */
async function insertReadings(tx: Tx, rows: readonly Row[]): Promise<readonly Row[]> {
  const deviceIndex = new Map<string, number>();
  const signalIndex = new Map<string, number>();
  let base = Number.POSITIVE_INFINITY;
  for (const r of rows) if (r.ts < base) base = r.ts;
  const d = new Array<number>(rows.length);
  const s = new Array<number>(rows.length);
  const dt = new Array<number>(rows.length);
  const v = new Array<number>(rows.length);
  rows.forEach((r, i) => {
    if (!deviceIndex.has(r.deviceId)) deviceIndex.set(r.deviceId, deviceIndex.size + 1);
    if (!signalIndex.has(r.signal)) signalIndex.set(r.signal, signalIndex.size + 1);
    d[i] = deviceIndex.get(r.deviceId) as number;
    s[i] = signalIndex.get(r.signal) as number;
    dt[i] = r.ts - base;
    v[i] = r.value;
  });
  const duplicates = await queryRows<{ ord: number }>(
    tx,
    sql`with input as (
          select (${plainArray([...deviceIndex.keys()])}::uuid[])[t.d] as device_id, (${textArray([...signalIndex.keys()])}::text[])[t.s] as signal,
                 to_timestamp((${base}::float8 + t.dt) / 1000) as ts, t.value, t.ord
          from unnest(${plainArray(d)}::int[], ${plainArray(s)}::int[], ${plainArray(dt)}::float8[], ${plainArray(v)}::float8[])
            with ordinality as t(d, s, dt, value, ord)
        ),
        inserted as (
          insert into telemetry_readings (device_id, signal, ts, value)
          select device_id, signal, ts, value from input
          on conflict do nothing
          returning device_id, signal, ts, value
        ),
        rolled as (
          insert into telemetry_rollups_1m as r (device_id, signal, minute, count, min, max, sum, last, last_ts)
          select device_id, signal, date_trunc('minute', ts), count(*), min(value), max(value), sum(value),
                 (array_agg(value order by ts desc))[1], max(ts)
          from inserted group by 1, 2, 3 order by 1, 2, 3
          on conflict (device_id, signal, minute) do update set
            count = r.count + excluded.count,
            min = least(r.min, excluded.min),
            max = greatest(r.max, excluded.max),
            sum = r.sum + excluded.sum,
            last = case when excluded.last_ts >= r.last_ts then excluded.last else r.last end,
            last_ts = greatest(r.last_ts, excluded.last_ts)
        )
        select input.ord::int as ord from input
        where not exists (select 1 from inserted i where i.device_id = input.device_id and i.signal = input.signal and i.ts = input.ts)`,
  );
  if (duplicates.length === 0) return rows;
  const skipped = new Set(duplicates.map((r) => Number(r.ord) - 1));
  return rows.filter((_, i) => !skipped.has(i));
}

interface CounterRow {
  enterpriseId: string | null;
  deviceId: string | null;
  outcome: string;
  count: number;
  detail: string | null;
}

function countersOf(batch: readonly WriteItem[], outcomes: readonly WriteOutcome[]): CounterRow[] {
  const rows = new Map<string, CounterRow>();
  const add = (item: WriteItem, outcome: string, n: number) => {
    if (n <= 0) return;
    const key = `${item.enterpriseId ?? ''}|${item.deviceId ?? ''}|${outcome}`;
    const row = rows.get(key);
    const detail = outcome === 'accepted' || outcome === 'duplicate' ? null : (item.detail?.slice(0, 300) ?? null);
    if (row) {
      row.count += n;
      if (detail) row.detail = detail;
    } else {
      rows.set(key, { enterpriseId: item.enterpriseId, deviceId: item.deviceId, outcome, count: n, detail });
    }
  };
  batch.forEach((item, i) => {
    add(item, 'accepted', outcomes[i]?.accepted ?? 0);
    add(item, 'duplicate', outcomes[i]?.duplicates ?? 0);
    for (const [reason, n] of Object.entries(item.rejected ?? {})) add(item, reason, n ?? 0);
  });
  return [...rows.values()].sort((a, b) => {
    const ka = `${a.enterpriseId ?? ''}|${a.deviceId ?? ''}|${a.outcome}`;
    const kb = `${b.enterpriseId ?? ''}|${b.deviceId ?? ''}|${b.outcome}`;
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
}

/** Statement 2: the day's counters, one upsert for the whole batch. */
async function upsertCounters(tx: Tx, rows: CounterRow[], now: Date): Promise<void> {
  if (rows.length === 0) return;
  await tx.execute(
    sql`insert into ingest_counters as c (day, enterprise_id, device_id, outcome, count, last_at, detail)
        select ${shanghaiDay(now)}::date, enterprise_id, device_id, outcome, n::bigint, ${now.toISOString()}::timestamptz, detail
        from unnest(${plainArray(rows.map((r) => r.enterpriseId))}::uuid[], ${plainArray(rows.map((r) => r.deviceId))}::uuid[],
                    ${textArray(rows.map((r) => r.outcome))}::text[], ${plainArray(rows.map((r) => r.count))}::float8[],
                    ${textArray(rows.map((r) => r.detail))}::text[]) as t(enterprise_id, device_id, outcome, n, detail)
        on conflict on constraint ingest_counters_key do update set
          count = c.count + excluded.count,
          last_at = greatest(c.last_at, excluded.last_at),
          detail = coalesce(excluded.detail, c.detail)`,
  );
}
