import type { Db } from '@zhiben/db';
import type { Clock } from '../../platform/clock.js';
import { advisoryJobLock, type JobLog, type Scheduler, startScheduler } from '../../platform/scheduler.js';
import { runAlarmHazardSweep } from './alarm-hazard.jobs.js';
import { runAlarmEscalationSweep } from './escalation.jobs.js';
import { runOfflineSweep } from './offline.jobs.js';
import { RuleRunner } from './rule-runner.js';
import { RuleCatalog } from './rules.catalog.js';

/** Advisory lock keys (PostgreSQL): one instance runs each sweep per tick. */
const OFFLINE_SWEEP_LOCK = 72_110_103;
const ALARM_ESCALATION_LOCK = 72_110_104;

export interface AlarmJobsOptions {
  db: Db;
  clock: Clock;
  /** The app's runner (shares its state cache); a process without the web role makes its own. */
  runner?: RuleRunner;
  log?: JobLog & { warn(obj: object, msg: string): void };
}

/**
 * The alarm jobs of a process with the `jobs` role: every 30 s the offline sweep (devices gone quiet), every minute
 * the escalation sweep (unacknowledged alarms → enterprise, township, bureau) followed by the alarm → hazard sweep.
 */
export function startAlarmJobs(options: AlarmJobsOptions): Scheduler {
  const { db } = options;
  const runner = options.runner ?? new RuleRunner(new RuleCatalog(), options.log);
  return startScheduler(
    [
      { name: 'alarm-offline', schedule: '*/30 * * * * *', lockKey: OFFLINE_SWEEP_LOCK, run: (now) => runOfflineSweep(db, runner, now) },
      {
        name: 'alarm-escalation',
        schedule: '15 * * * * *',
        lockKey: ALARM_ESCALATION_LOCK,
        run: async (now) => ({
          escalation: await runAlarmEscalationSweep(db, now),
          hazards: await runAlarmHazardSweep(db, now, { clock: options.clock }),
        }),
      },
    ],
    { clock: options.clock, lock: advisoryJobLock(db), ...(options.log ? { log: options.log } : {}) },
  );
}
