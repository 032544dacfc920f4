import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { monitoringRoutes } from '../monitoring/monitoring.routes.js';
import { alarmRoutes } from './alarms.routes.js';
import { seedAlarmEscalationRules } from './escalation.rules.js';
import { RuleRunner } from './rule-runner.js';
import { ruleStage } from './rule-stage.js';
import { RuleCatalog } from './rules.catalog.js';

export { type AlarmHazardResult, runAlarmHazardSweep } from './alarm-hazard.jobs.js';
export { type AlarmJobsOptions, startAlarmJobs } from './alarms.jobs.js';
export { type AlarmEscalationResult, runAlarmEscalationSweep } from './escalation.jobs.js';
export { type OfflineSweepResult, runOfflineSweep } from './offline.jobs.js';
export { RuleRunner } from './rule-runner.js';
export { RuleCatalog } from './rules.catalog.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The alarm rule engine of this app: the telemetry batch runs it; the sweeps (main.ts, tests) share it. */
    alarmEngine: { runner: RuleRunner; catalog: RuleCatalog };
  }
}

/**
 * 监测报警 + 监测预警 (issue #6 items 3–5): plugs the rule stage into the telemetry batch transaction, seeds the alarm
 * escalation rules, and registers the alarm, threshold and monitoring routes. Wrapped with fastify-plugin so that
 * `app.alarmEngine` is visible to the whole app.
 */
export const alarmsModule = fp(
  async (app: FastifyInstance) => {
    const catalog = new RuleCatalog();
    const runner = new RuleRunner(catalog, app.log);
    app.decorate('alarmEngine', { runner, catalog });
    app.ingestion.use(ruleStage(runner));
    app.addHook('onReady', async () => seedAlarmEscalationRules(app.db));
    await app.register(alarmRoutes, { catalog });
    await app.register(monitoringRoutes, { catalog });
  },
  { name: 'zhiben-alarms' },
);
