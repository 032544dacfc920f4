import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, idColumn, updatedAt } from './columns.js';
import { enterprises } from './enterprises.js';
import { hazards } from './self-inspection.js';

/** Every transition of a hazard (who, when, note, evidence): the detail page's timeline. */
export const hazardEvents = pgTable(
  'hazard_events',
  {
    id: idColumn(),
    hazardId: uuid('hazard_id')
      .notNull()
      .references(() => hazards.id),
    enterpriseId: uuid('enterprise_id').notNull(),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    note: text('note'),
    photos: text('photos').array().notNull().default(sql`'{}'::text[]`),
    data: jsonb('data'),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('hazard_events_hazard_idx').on(t.hazardId, t.at)],
);

/** In-app notifications (the notification centre); `dedupeKey` makes a repeated reminder idempotent per user. */
export const notifications = pgTable(
  'notifications',
  {
    id: idColumn(),
    userId: uuid('user_id').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    link: text('link'),
    entityType: text('entity_type'),
    entityId: text('entity_id'),
    dedupeKey: text('dedupe_key').notNull(),
    createdAt: createdAt(),
    readAt: timestamp('read_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [uniqueIndex('notifications_dedupe_idx').on(t.userId, t.dedupeKey), index('notifications_user_idx').on(t.userId, t.createdAt)],
);

/** Escalation steps as data: when (relative to the deadline) and to whom a reminder goes, per hazard level. */
export const escalationRules = pgTable(
  'escalation_rules',
  {
    id: idColumn(),
    level: text('level').notNull(),
    /** responsible | principal | township | bureau */
    recipient: text('recipient').notNull(),
    /** Hours relative to the deadline (negative = before). */
    offsetHours: integer('offset_hours').notNull(),
    /** Repeat every N hours until someone acts (0 = once). */
    repeatHours: integer('repeat_hours').notNull(),
    source: text('source').notNull(),
    active: boolean('active').notNull().default(true),
  },
  (t) => [uniqueIndex('escalation_rules_level_recipient_idx').on(t.level, t.recipient)],
);

/**
 * Outgoing messages to channels we do not own (WeCom / DingTalk robot webhooks, SMTP). Written in the same
 * transaction as the change that caused them and delivered afterwards with retries, so a failing channel never
 * blocks or rolls back the change. `idempotencyKey` lets the receiver drop duplicates.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: idColumn(),
    channel: text('channel').notNull(),
    target: text('target').notNull(),
    payload: jsonb('payload').notNull(),
    idempotencyKey: text('idempotency_key').notNull().unique(),
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true, mode: 'date' }).notNull(),
    lastError: text('last_error'),
    deliveredAt: timestamp('delivered_at', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
  },
  (t) => [index('outbox_due_idx').on(t.status, t.nextAttemptAt)],
);

/** Robot webhooks and mail addresses that receive notifications: the bureau's, a township's or an enterprise's. */
export const notificationChannels = pgTable('notification_channels', {
  id: idColumn(),
  /** 'bureau', a region path, or an enterprise id. */
  owner: text('owner').notNull(),
  kind: text('kind').notNull(),
  target: text('target').notNull(),
  active: boolean('active').notNull().default(true),
  createdAt: createdAt(),
});

/** Per-enterprise employee-report settings: the QR token and the reward scale (元 per grade, as data). */
export const reportSettings = pgTable('report_settings', {
  enterpriseId: uuid('enterprise_id')
    .primaryKey()
    .references(() => enterprises.id),
  token: text('token').notNull().unique(),
  rewardScale: jsonb('reward_scale').notNull(),
  updatedAt: updatedAt(),
});

/** 员工报告隐患: a report from the QR page, anonymous or signed in, with its verification and reward. */
export const employeeReports = pgTable(
  'employee_reports',
  {
    id: idColumn(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    regionPath: text('region_path').notNull(),
    receiptCode: text('receipt_code').notNull().unique(),
    reporterUserId: uuid('reporter_user_id'),
    reporterPhone: text('reporter_phone'),
    description: text('description').notNull(),
    location: text('location'),
    photos: text('photos').array().notNull().default(sql`'{}'::text[]`),
    status: text('status').notNull().default('submitted'),
    grade: text('grade'),
    rewardFen: bigint('reward_fen', { mode: 'number' }),
    rewardPaidAt: timestamp('reward_paid_at', { withTimezone: true, mode: 'date' }),
    hazardId: uuid('hazard_id'),
    verifiedBy: uuid('verified_by'),
    verifiedAt: timestamp('verified_at', { withTimezone: true, mode: 'date' }),
    verificationNote: text('verification_note'),
    ip: text('ip'),
    createdAt: createdAt(),
  },
  (t) => [index('employee_reports_enterprise_idx').on(t.enterpriseId, t.createdAt)],
);
