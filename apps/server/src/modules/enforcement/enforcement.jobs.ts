import type { Db } from '@zhiben/db';
import type { Clock } from '../../platform/clock.js';
import { advisoryJobLock, type JobLog, type Scheduler, startScheduler } from '../../platform/scheduler.js';
import { runNightlyClassification } from '../classification/classification.jobs.js';
import { runEnforcementDeadlineSweep } from './deadlines.jobs.js';

/** PostgreSQL advisory locks: one instance runs each job per tick. */
const NIGHTLY_LOCK = 72_110_701;
const DEADLINE_SWEEP_LOCK = 72_110_702;

export interface EnforcementJobsOptions {
  db: Db;
  clock: Clock;
  /** croner pattern (Asia/Shanghai); default 02:10 every night. */
  nightlyCron?: string;
  /** Missed-deadline sweep of rectification orders; default every 15 minutes. */
  deadlineCron?: string;
  log?: JobLog;
}

/** The scheduled jobs of issue #7 for a process with the `jobs` role. */
export function startEnforcementJobs(options: EnforcementJobsOptions): Scheduler {
  const { db } = options;
  return startScheduler(
    [
      {
        name: 'classification-nightly',
        schedule: options.nightlyCron ?? '10 2 * * *',
        lockKey: NIGHTLY_LOCK,
        run: (now) => runNightlyClassification(db, now),
        worthLogging: () => true,
      },
      {
        name: 'enforcement-deadlines',
        schedule: options.deadlineCron ?? '*/15 * * * *',
        lockKey: DEADLINE_SWEEP_LOCK,
        run: (now) => runEnforcementDeadlineSweep(db, now),
      },
    ],
    { clock: options.clock, lock: advisoryJobLock(db), ...(options.log ? { log: options.log } : {}) },
  );
}
