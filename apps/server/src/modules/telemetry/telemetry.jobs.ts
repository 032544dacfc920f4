import type { Db } from '@zhiben/db';
import type { Clock } from '../../platform/clock.js';
import { advisoryJobLock, type JobLog, type Scheduler, startScheduler } from '../../platform/scheduler.js';
import { maintainPartitions, type RetentionOptions } from './partitions.js';

/** Advisory lock key (PostgreSQL): one instance maintains the partitions per tick. */
const PARTITION_JOB_LOCK = 72_110_102;

/**
 * The daily telemetry maintenance of a process with the `jobs` role: partitions ahead, retention behind. main.ts
 * also runs it once at start-up, before ingestion begins.
 */
export function startTelemetryJobs(options: { db: Db; clock: Clock; retention: RetentionOptions; log?: JobLog }): Scheduler {
  return startScheduler(
    [
      {
        name: 'telemetry-partitions',
        schedule: '17 3 * * *',
        lockKey: PARTITION_JOB_LOCK,
        run: (now) => maintainPartitions(options.db, now, options.retention),
        worthLogging: (value) => {
          const v = value as { created: string[]; dropped: string[] };
          return v.created.length + v.dropped.length > 0;
        },
      },
    ],
    { clock: options.clock, lock: advisoryJobLock(options.db), ...(options.log ? { log: options.log } : {}) },
  );
}
