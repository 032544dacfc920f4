import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, idColumn, updatedAt } from './columns.js';
import { enterprises } from './enterprises.js';
import { hazardStandardVersions, standardItems } from './hazard-standard.js';

/** 自查: an enterprise's inspection against its checklist (seed §三(四)6). */
export const selfInspections = pgTable(
  'self_inspections',
  {
    id: idColumn(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    regionPath: text('region_path').notNull(),
    title: text('title').notNull(),
    frequency: text('frequency').notNull(),
    area: text('area'),
    plannedDate: date('planned_date', { mode: 'string' }),
    standardVersionId: uuid('standard_version_id')
      .notNull()
      .references(() => hazardStandardVersions.id),
    /** Led by the enterprise's principal (主要负责人带队): counts toward the quarterly rule. */
    ledByPrincipal: boolean('led_by_principal').notNull().default(false),
    leaderName: text('leader_name'),
    status: text('status').notNull().default('planned'),
    startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }),
    completedAt: timestamp('completed_at', { withTimezone: true, mode: 'date' }),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('self_inspections_enterprise_idx').on(t.enterpriseId, t.completedAt)],
);

export const selfInspectionItems = pgTable(
  'self_inspection_items',
  {
    id: idColumn(),
    inspectionId: uuid('inspection_id')
      .notNull()
      .references(() => selfInspections.id),
    enterpriseId: uuid('enterprise_id').notNull(),
    standardItemId: uuid('standard_item_id').references(() => standardItems.id),
    /** The enterprise's own item (自定检查项) when there is no standard item. */
    ownText: text('own_text'),
    sort: integer('sort').notNull().default(0),
    result: text('result').notNull().default('pending'),
    note: text('note'),
    photos: text('photos').array().notNull().default(sql`'{}'::text[]`),
    hazardId: uuid('hazard_id'),
    recordedBy: uuid('recorded_by'),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    index('self_inspection_items_inspection_idx').on(t.inspectionId),
    // The same standard item once per inspection: a second 不符合 cannot make a second hazard.
    uniqueIndex('self_inspection_items_unique_standard_idx').on(t.inspectionId, t.standardItemId),
  ],
);

/**
 * Uploaded photos, stored on disk by content hash (sha256): the same bytes are stored once. A row per
 * (hash, owner) says who may use them — `owner` is the enterprise id, or 'bureau' for bureau uploads — so two
 * enterprises uploading the same picture each get access to it without seeing each other's records.
 */
export const files = pgTable(
  'files',
  {
    hash: text('hash').notNull(),
    owner: text('owner').notNull(),
    mime: text('mime').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    originalName: text('original_name'),
    uploadedBy: uuid('uploaded_by'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.hash, t.owner] })],
);

/**
 * 隐患: the shared hazard record every source creates (self-inspection, employee report, bureau inspection,
 * monitoring alarm). The lifecycle (judge → rectify → accept → close) belongs to the hazards module.
 */
export const hazards = pgTable(
  'hazards',
  {
    id: idColumn(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    regionPath: text('region_path').notNull(),
    source: text('source').notNull(),
    /** The record that produced it (e.g. the self-inspection item); unique per source, so re-recording never duplicates. */
    sourceRef: text('source_ref'),
    inspectionId: uuid('inspection_id'),
    level: text('level').notNull(),
    standardItemId: uuid('standard_item_id').references(() => standardItems.id),
    description: text('description').notNull(),
    location: text('location'),
    photos: text('photos').array().notNull().default(sql`'{}'::text[]`),
    status: text('status').notNull(),
    foundBy: uuid('found_by'),
    foundAt: timestamp('found_at', { withTimezone: true, mode: 'date' }).notNull(),
    judgedBy: uuid('judged_by'),
    judgedAt: timestamp('judged_at', { withTimezone: true, mode: 'date' }),
    // 五落实 (rectification plan): owner, measures, funds, deadline, contingency plan.
    responsibleUserId: uuid('responsible_user_id'),
    responsibleName: text('responsible_name'),
    measures: text('measures'),
    fundsFen: bigint('funds_fen', { mode: 'number' }),
    deadline: timestamp('deadline', { withTimezone: true, mode: 'date' }),
    contingencyPlan: text('contingency_plan'),
    /** Major hazards: the six-part rectification plan (目标任务, 方法措施, 经费物资, 机构人员, 时限要求, 安全措施和应急预案). */
    majorPlan: jsonb('major_plan'),
    productionStopped: boolean('production_stopped').notNull().default(false),
    // 挂牌督办 overlay (major hazards, set by the bureau).
    supervised: boolean('supervised').notNull().default(false),
    supervisingUnit: text('supervising_unit'),
    supervisionDeadline: timestamp('supervision_deadline', { withTimezone: true, mode: 'date' }),
    // Publication to the public page (挂牌 / 摘牌), without personal data.
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'date' }),
    closedAt: timestamp('closed_at', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('hazards_source_ref_idx').on(t.source, t.sourceRef),
    index('hazards_deadline_idx').on(t.status, t.deadline),
    index('hazards_enterprise_idx').on(t.enterpriseId, t.status),
    index('hazards_region_path_idx').on(t.regionPath.op('text_pattern_ops')),
  ],
);
