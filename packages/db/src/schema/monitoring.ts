import {
  bigint,
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, idColumn, updatedAt } from './columns.js';
import { enterprises } from './enterprises.js';

/**
 * 粉尘涉爆监测预警 (issue #6): dust-collection systems, collectors (devices) with their credentials, the readings they
 * report, 1-minute rollups for charts, and per-day ingestion counters.
 *
 * `telemetry_readings` and `telemetry_rollups_1m` are declared here for typing, but the migration creates them
 * PARTITIONED BY RANGE (drizzle-kit cannot express partitioning; the CREATE TABLE of migration 0004 is edited by
 * hand and says so). Partitions are created ahead and dropped after the retention period by the telemetry module's
 * maintenance job (apps/server/src/modules/telemetry/partitions.ts), never by migrations.
 */

/** 除尘系统: one ducting network with its collectors; named per enterprise ("1号除尘系统（砂光）"). */
export const dustSystems = pgTable(
  'dust_systems',
  {
    id: idColumn(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    name: text('name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('dust_systems_enterprise_name_idx').on(t.enterpriseId, t.name)],
);

/**
 * A collector (除尘器) or other monitored unit. `code` is unique per enterprise and, with the enterprise's credit
 * code, forms the device's MQTT user name and topic. Only the SHA-256 of the secret is kept: the secret is 32 random
 * bytes, so a fast hash is enough (no dictionary to guard against) and keeps authentication off the hot path's
 * critical time. `signals` = the profile's mandatory signals + the enabled optional ones.
 */
export const devices = pgTable(
  'devices',
  {
    id: idColumn(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    /** Copied from the enterprise so region-scoped reads filter without a join (as hazards do). */
    regionPath: text('region_path').notNull(),
    systemId: uuid('system_id').references(() => dustSystems.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    collectorType: text('collector_type').notNull(),
    profile: text('profile').notNull(),
    location: text('location'),
    reportingIntervalS: integer('reporting_interval_s').notNull(),
    status: text('status').notNull().default('active'),
    signals: text('signals').array().notNull(),
    secretHash: text('secret_hash').notNull(),
    secretRotatedAt: timestamp('secret_rotated_at', { withTimezone: true, mode: 'date' }).notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('devices_enterprise_code_idx').on(t.enterpriseId, t.code),
    index('devices_region_path_idx').on(t.regionPath.op('text_pattern_ops')),
  ],
);

/**
 * Raw readings; PARTITION BY RANGE (ts), one partition per day (UTC). The primary key drops duplicates: a device
 * resending a reading after a lost acknowledgement inserts nothing (ON CONFLICT DO NOTHING).
 */
export const telemetryReadings = pgTable(
  'telemetry_readings',
  {
    deviceId: uuid('device_id').notNull(),
    signal: text('signal').notNull(),
    ts: timestamp('ts', { withTimezone: true, mode: 'date' }).notNull(),
    value: doublePrecision('value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.deviceId, t.signal, t.ts] })],
);

/**
 * 1-minute rollups, maintained in the same transaction as the raw insert from the rows it actually inserted
 * (duplicates never count twice). `last` is the value with the greatest `last_ts`, so late readings do not
 * overwrite newer ones. PARTITION BY RANGE (minute), one partition per month.
 */
export const telemetryRollups = pgTable(
  'telemetry_rollups_1m',
  {
    deviceId: uuid('device_id').notNull(),
    signal: text('signal').notNull(),
    minute: timestamp('minute', { withTimezone: true, mode: 'date' }).notNull(),
    count: integer('count').notNull(),
    min: doublePrecision('min').notNull(),
    max: doublePrecision('max').notNull(),
    sum: doublePrecision('sum').notNull(),
    last: doublePrecision('last').notNull(),
    lastTs: timestamp('last_ts', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.deviceId, t.signal, t.minute] })],
);

/**
 * Ingestion outcomes per day (Asia/Shanghai), enterprise, device and outcome (accepted, duplicate or a rejection
 * reason). Enterprise and device are null when the sender could not be identified; NULLS NOT DISTINCT makes such
 * rows count up like any other.
 */
export const ingestCounters = pgTable(
  'ingest_counters',
  {
    day: date('day', { mode: 'string' }).notNull(),
    enterpriseId: uuid('enterprise_id'),
    deviceId: uuid('device_id'),
    outcome: text('outcome').notNull(),
    count: bigint('count', { mode: 'number' }).notNull(),
    lastAt: timestamp('last_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** The latest example (topic, error), for whoever has to find the misconfigured sender. */
    detail: text('detail'),
  },
  (t) => [
    unique('ingest_counters_key').on(t.day, t.enterpriseId, t.deviceId, t.outcome).nullsNotDistinct(),
    index('ingest_counters_enterprise_idx').on(t.enterpriseId, t.day),
  ],
);
