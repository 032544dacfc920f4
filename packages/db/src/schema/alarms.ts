import { sql } from 'drizzle-orm';
import { boolean, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, idColumn, updatedAt } from './columns.js';
import { enterprises } from './enterprises.js';
import { devices } from './monitoring.js';
import { hazards } from './self-inspection.js';

/**
 * 粉尘涉爆监测预警 — alarms (issue #6 items 3–5): the rule engine's persisted state per device, the engineer's rule
 * overrides and the bureau's limits, alarms with their timeline, and the alarm escalation steps (data).
 */

/**
 * The rule engine's memory of one device (packages/domain/src/monitoring DeviceRuleState as JSON), written in the
 * same transaction as the readings that changed it, so a restart continues exactly where the last commit stopped.
 * `last_seen` and `connected` are copies for SQL (overview, offline sweep, connection-change events).
 */
export const deviceRuleStates = pgTable('device_rule_states', {
  deviceId: uuid('device_id')
    .primaryKey()
    .references(() => devices.id),
  /** null until the device's first evaluation. */
  state: jsonb('state'),
  /**
   * A fresh random token per write. An ingest instance keeps the state it last wrote in memory and reuses it while the
   * token matches (no JSON round trip); a write that rolled back left no token behind, so it can never be mistaken.
   */
  version: uuid('version'),
  /** Which rule configuration (profile, interval, overrides rev, limits rev) the state was last evaluated with. */
  rulesKey: text('rules_key'),
  /** Latest reading time of any signal (device time). */
  lastSeen: timestamp('last_seen', { withTimezone: true, mode: 'date' }),
  /** Every mandatory signal reported within 24 h of the last update (the roll-out definition of 已接入). */
  connected: boolean('connected').notNull().default(false),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().default(sql`now()`),
});

/**
 * A device's rule overrides (the threshold editor): RuleOverride[] validated against the bureau's limits. `rev`
 * grows with every change, so every ingest instance notices a change in the same query that loads the state.
 * `article14_hazard_id`: the major hazard recorded for a 第十四条 indication of these overrides.
 */
export const deviceRuleOverrides = pgTable('device_rule_overrides', {
  deviceId: uuid('device_id')
    .primaryKey()
    .references(() => devices.id),
  enterpriseId: uuid('enterprise_id')
    .notNull()
    .references(() => enterprises.id),
  overrides: jsonb('overrides').notNull().default(sql`'[]'::jsonb`),
  rev: integer('rev').notNull().default(1),
  article14HazardId: uuid('article14_hazard_id').references(() => hazards.id),
  updatedBy: uuid('updated_by'),
  updatedAt: updatedAt(),
});

/**
 * The bureau's limits for enterprise overrides (BureauRuleLimit[] as JSON), one row for the district. No row: the
 * built-in BUREAU_RULE_LIMITS apply. `rev` invalidates compiled rules on every instance.
 */
export const monitoringLimits = pgTable('monitoring_limits', {
  id: text('id').primaryKey(),
  items: jsonb('items').notNull(),
  rev: integer('rev').notNull().default(1),
  updatedBy: uuid('updated_by'),
  updatedAt: updatedAt(),
});

/**
 * One alarm per device and rule that is not closed (partial unique index). Device times (`first_at`, `last_at`,
 * `cleared_at`) are the readings' own; `raised_at` is the server's, and escalation counts from it. `prior_count`:
 * re-triggers of earlier conditions of this alarm (before a re-raise), so `count` = prior_count + the open
 * condition's own count.
 */
export const alarms = pgTable(
  'alarms',
  {
    id: idColumn(),
    deviceId: uuid('device_id')
      .notNull()
      .references(() => devices.id),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    regionPath: text('region_path').notNull(),
    ruleId: text('rule_id').notNull(),
    ruleName: text('rule_name').notNull(),
    ruleType: text('rule_type').notNull(),
    kind: text('kind').notNull(),
    signal: text('signal'),
    level: text('level').notNull(),
    maxLevel: text('max_level').notNull(),
    status: text('status').notNull().default('pending'),
    count: integer('count').notNull().default(1),
    priorCount: integer('prior_count').notNull().default(0),
    peak: doublePrecision('peak'),
    lastValue: doublePrecision('last_value'),
    firstAt: timestamp('first_at', { withTimezone: true, mode: 'date' }).notNull(),
    lastAt: timestamp('last_at', { withTimezone: true, mode: 'date' }).notNull(),
    raisedAt: timestamp('raised_at', { withTimezone: true, mode: 'date' }).notNull(),
    acknowledgedBy: uuid('acknowledged_by'),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true, mode: 'date' }),
    disposalCause: text('disposal_cause'),
    disposalAction: text('disposal_action'),
    disposalPhotos: text('disposal_photos').array(),
    disposedBy: uuid('disposed_by'),
    disposedAt: timestamp('disposed_at', { withTimezone: true, mode: 'date' }),
    clearedAt: timestamp('cleared_at', { withTimezone: true, mode: 'date' }),
    closedAt: timestamp('closed_at', { withTimezone: true, mode: 'date' }),
    hazardId: uuid('hazard_id').references(() => hazards.id),
    escalationStage: text('escalation_stage').notNull().default('none'),
    nextEscalationAt: timestamp('next_escalation_at', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('alarms_open_device_rule_idx').on(t.deviceId, t.ruleId).where(sql`status <> 'closed'`),
    index('alarms_device_rule_idx').on(t.deviceId, t.ruleId, t.raisedAt),
    index('alarms_enterprise_idx').on(t.enterpriseId, t.status),
    index('alarms_region_path_idx').on(t.regionPath.op('text_pattern_ops')),
    index('alarms_escalation_due_idx').on(t.nextEscalationAt).where(sql`status = 'pending'`),
    index('alarms_raised_idx').on(t.raisedAt),
  ],
);

/** The timeline of an alarm: engine events (device time) and people's actions (server time). */
export const alarmEvents = pgTable(
  'alarm_events',
  {
    id: idColumn(),
    alarmId: uuid('alarm_id')
      .notNull()
      .references(() => alarms.id),
    enterpriseId: uuid('enterprise_id').notNull(),
    action: text('action').notNull(),
    level: text('level'),
    value: doublePrecision('value'),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    note: text('note'),
    data: jsonb('data'),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('alarm_events_alarm_idx').on(t.alarmId, t.at)],
);

/**
 * Escalation of unacknowledged alarms as data, per alarm level: who is told how many minutes after the raise, and
 * how often it repeats until someone acknowledges. Minutes, not the hours of `escalation_rules` (hazard deadlines):
 * an alarm's time limits are short. Seeded from apps/server/src/modules/alarms/escalation-rules.data.ts; an
 * existing (level, recipient) row is never overwritten, so officials' amendments survive restarts.
 */
export const alarmEscalationRules = pgTable(
  'alarm_escalation_rules',
  {
    id: idColumn(),
    level: text('level').notNull(),
    /** enterprise | township | bureau */
    recipient: text('recipient').notNull(),
    afterMinutes: integer('after_minutes').notNull(),
    /** Repeat every N minutes until acknowledged (0 = once). */
    repeatMinutes: integer('repeat_minutes').notNull(),
    source: text('source').notNull(),
    active: boolean('active').notNull().default(true),
  },
  (t) => [uniqueIndex('alarm_escalation_rules_level_recipient_idx').on(t.level, t.recipient)],
);
