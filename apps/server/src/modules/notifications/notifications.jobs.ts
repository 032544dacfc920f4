import type { Db } from '@zhiben/db';
import { deliverDue, type FetchLike, type Mailer, smtpMailer } from '../../platform/channels/index.js';
import type { Clock } from '../../platform/clock.js';
import { advisoryJobLock, type JobLog, type Scheduler, startScheduler } from '../../platform/scheduler.js';
import { type EscalationSweepResult, runEscalationSweep } from './escalation.jobs.js';
import { type QuarterSweepResult, runQuarterReminderSweep } from './quarter-reminder.jobs.js';

/** Advisory lock keys (PostgreSQL): one instance runs the sweeps per tick. */
const REMINDER_SWEEP_LOCK = 72_110_101;

export interface NotificationJobsOptions {
  db: Db;
  clock: Clock;
  /** croner patterns (Asia/Shanghai): the reminder sweeps, and the outbox delivery. */
  escalationCron: string;
  deliveryCron: string;
  smtpUrl?: string | undefined;
  smtpFrom?: string | undefined;
  publicUrl?: string | undefined;
  fetchImpl?: FetchLike;
  log?: JobLog;
}

/**
 * Starts the notification jobs of a process with the `jobs` role: the escalation and quarterly-reminder sweeps
 * (under an advisory lock) and the outbox delivery (no lock needed: rows are claimed with `skip locked`, so
 * several instances may deliver at once without sending a message twice).
 */
export function startNotificationJobs(options: NotificationJobsOptions): Scheduler & { mailer: Mailer | undefined } {
  const { db } = options;
  const mailer = options.smtpUrl ? smtpMailer(options.smtpUrl, options.smtpFrom ?? 'zhiben@localhost') : undefined;
  const scheduler = startScheduler(
    [
      {
        name: 'reminders',
        schedule: options.escalationCron,
        lockKey: REMINDER_SWEEP_LOCK,
        run: async (now) => ({ escalation: await runEscalationSweep(db, now), quarter: await runQuarterReminderSweep(db, now) }),
        worthLogging: (value) => {
          const { escalation: e, quarter: q } = value as { escalation: EscalationSweepResult; quarter: QuarterSweepResult };
          return e.notifications + e.outbox + q.notifications + q.outbox > 0;
        },
      },
      {
        name: 'outbox',
        schedule: options.deliveryCron,
        run: (now) => deliverDue(db, now, options.fetchImpl ?? fetch, { mailer, publicUrl: options.publicUrl }),
      },
    ],
    { clock: options.clock, lock: advisoryJobLock(db), ...(options.log ? { log: options.log } : {}) },
  );
  return {
    mailer,
    runNow: scheduler.runNow,
    stop: async () => {
      await scheduler.stop();
      mailer?.close();
    },
  };
}
