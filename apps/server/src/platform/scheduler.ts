import type { Db } from '@zhiben/db';
import { Cron } from 'croner';
import type { Clock } from './clock.js';

/**
 * The in-process job scheduler (croner). Handlers are idempotent and take the time as an argument, so tests call
 * them directly with a controllable clock and never wait for a cron tick. Runs of the same job never overlap in a
 * process; on PostgreSQL a job with a `lockKey` also takes `pg_try_advisory_lock`, so only one instance of a
 * multi-instance deployment runs it per tick (the others skip that tick).
 */
export interface ScheduledJob {
  name: string;
  /** croner pattern: 5 fields, or 6 with seconds first (`*\/30 * * * * *`). */
  schedule: string;
  /** PostgreSQL advisory lock key; omit for jobs that are safe to run on every instance at once. */
  lockKey?: number;
  run(now: Date): Promise<unknown>;
  /** Whether a run's result is worth an info log line; default: it reports a non-zero count. */
  worthLogging?(value: unknown): boolean;
}

export type JobOutcome =
  | { status: 'ran'; value: unknown; ms: number }
  | { status: 'skipped'; reason: 'overlap' | 'locked' }
  | { status: 'failed'; error: unknown };

export interface JobLog {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface Scheduler {
  /** Runs a job now (same overlap and lock rules as a tick). */
  runNow(name: string): Promise<JobOutcome>;
  /** Stops the timers and waits for runs in progress. */
  stop(): Promise<void>;
}

export interface JobLock {
  tryRun<T>(key: number, work: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }>;
}

interface PoolClientLike {
  query(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  release(destroy?: boolean | Error): void;
  on(event: 'notification', listener: (msg: { channel: string; payload?: string }) => void): unknown;
  on(event: 'error' | 'end', listener: (err?: Error) => void): unknown;
  removeListener(event: string, listener: (...args: never[]) => void): unknown;
}
interface PoolLike {
  connect(): Promise<PoolClientLike>;
}
interface PgliteLike {
  listen(channel: string, callback: (payload: string) => void): Promise<() => Promise<void>>;
}

/** The driver behind a Drizzle database: the pg pool (PostgreSQL) or the embedded PGlite instance. */
export type RawDriver = { kind: 'pg'; pool: PoolLike } | { kind: 'pglite'; pglite: PgliteLike };

export function driverOf(db: Db): RawDriver {
  const client = (db as unknown as { $client?: unknown }).$client as Record<string, unknown> | undefined;
  if (client && typeof client.listen === 'function') return { kind: 'pglite', pglite: client as unknown as PgliteLike };
  if (client && typeof client.connect === 'function') return { kind: 'pg', pool: client as unknown as PoolLike };
  throw new Error('unknown database driver: expected a pg pool or a PGlite instance');
}

/**
 * PostgreSQL: a session advisory lock on a dedicated connection, held while the job runs and released after it
 * (also released by the server if the process dies, because the connection closes). PGlite allows one process
 * only, so the scheduler's in-process overlap guard is all it needs.
 */
export function advisoryJobLock(db: Db): JobLock {
  const driver = driverOf(db);
  return {
    async tryRun(key, work) {
      if (driver.kind === 'pglite') return { ran: true, value: await work() };
      const conn = await driver.pool.connect();
      let broken: Error | undefined;
      try {
        const { rows } = await conn.query('select pg_try_advisory_lock($1::bigint) as ok', [key]);
        if (rows[0]?.ok !== true) return { ran: false };
        try {
          return { ran: true, value: await work() };
        } finally {
          await conn.query('select pg_advisory_unlock($1::bigint)', [key]).catch((err: Error) => {
            broken = err;
          });
        }
      } finally {
        // A connection whose unlock failed is destroyed rather than returned to the pool still holding the lock.
        conn.release(broken ?? false);
      }
    },
  };
}

export function startScheduler(
  jobs: readonly ScheduledJob[],
  options: { clock: Clock; lock: JobLock; log?: JobLog; timezone?: string },
): Scheduler {
  const running = new Map<string, Promise<JobOutcome>>();
  const byName = new Map(jobs.map((j) => [j.name, j]));

  const execute = (job: ScheduledJob): Promise<JobOutcome> => {
    if (running.has(job.name)) return Promise.resolve({ status: 'skipped', reason: 'overlap' });
    const started = Date.now();
    const work = async (): Promise<JobOutcome> => {
      try {
        const now = options.clock();
        if (job.lockKey === undefined) return { status: 'ran', value: await job.run(now), ms: Date.now() - started };
        const lockKey = job.lockKey;
        const outcome = await options.lock.tryRun(lockKey, () => job.run(now));
        return outcome.ran ? { status: 'ran', value: outcome.value, ms: Date.now() - started } : { status: 'skipped', reason: 'locked' };
      } catch (error) {
        options.log?.error({ job: job.name, err: error }, 'scheduled job failed');
        return { status: 'failed', error };
      }
    };
    const promise = work().finally(() => running.delete(job.name));
    running.set(job.name, promise);
    return promise;
  };

  const crons = jobs.map(
    (job) =>
      new Cron(job.schedule, { name: `zhiben:${job.name}`, timezone: options.timezone ?? 'Asia/Shanghai', unref: true }, async () => {
        const outcome = await execute(job);
        // Quiet ticks (nothing due) are not logged: the delivery job runs every 30 s.
        if (outcome.status === 'ran' && (job.worthLogging ?? didWork)(outcome.value))
          options.log?.info({ job: job.name, ms: outcome.ms, result: outcome.value }, 'scheduled job ran');
      }),
  );

  return {
    runNow: (name) => {
      const job = byName.get(name);
      if (!job) return Promise.reject(new Error(`no scheduled job named ${name}`));
      return execute(job);
    },
    stop: async () => {
      for (const cron of crons) cron.stop();
      await Promise.allSettled([...running.values()]);
    },
  };
}

/** True when croner accepts the pattern (config validation). */
export function isValidCron(pattern: string): boolean {
  try {
    new Cron(pattern, { paused: true }).stop();
    return true;
  } catch {
    return false;
  }
}

/** True when a job's result reports any non-zero count. */
function didWork(value: unknown): boolean {
  if (typeof value === 'number') return value > 0;
  if (value && typeof value === 'object') return Object.values(value).some(didWork);
  return false;
}
