export { type EscalationSweepResult, escalationKey, escalationSlot, runEscalationSweep } from './escalation.jobs.js';
export { type NotificationJobsOptions, startNotificationJobs } from './notifications.jobs.js';
export { type NotificationInput, notifyMany, notifyUsers } from './notifications.service.js';
export { type QuarterSweepResult, runQuarterReminderSweep } from './quarter-reminder.jobs.js';
