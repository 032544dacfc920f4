import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, idColumn, updatedAt } from './columns.js';
import { enterprises } from './enterprises.js';
import { standardItems } from './hazard-standard.js';
import { hazards } from './self-inspection.js';
import { users } from './users.js';

/**
 * 分级分类监管 and the enforcement it drives (issue #7): the classification rule set as versioned data, each
 * enterprise's class with its explanation and history, accident records, the annual plan, inspection tasks with
 * findings, orders and re-inspections, cases with their penalty decisions (一案双罚), 通报/约谈/曝光 records and the
 * numbered enforcement documents. Region-scoped tables copy `region_path` from the enterprise (as hazards do).
 */

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

// ——— classification ———————————————————————————————————————————————————————————————————————————————

/** The classification rule set (contracts `classificationRuleSetSchema`), one row per version; the highest is in force. */
export const classificationRuleSets = pgTable('classification_rule_sets', {
  version: integer('version').primaryKey(),
  rules: jsonb('rules').notNull(),
  note: text('note'),
  createdBy: uuid('created_by'),
  createdByName: text('created_by_name'),
  createdAt: createdAt(),
});

/**
 * The class in force per enterprise: the computed class, the facts it was computed from and the explanation, plus
 * an official's override with its reason. `major_hazard_installation` (构成重大危险源) is a profile fact the
 * registry does not carry; the bureau records it here.
 */
export const enterpriseClassifications = pgTable(
  'enterprise_classifications',
  {
    enterpriseId: uuid('enterprise_id')
      .primaryKey()
      .references(() => enterprises.id),
    regionPath: text('region_path').notNull(),
    riskClass: text('risk_class').notNull(),
    computedClass: text('computed_class').notNull(),
    startClass: text('start_class').notNull(),
    clamped: boolean('clamped').notNull().default(false),
    explanation: jsonb('explanation').notNull(),
    facts: jsonb('facts').notNull(),
    ruleSetVersion: integer('rule_set_version').notNull(),
    majorHazardInstallation: boolean('major_hazard_installation').notNull().default(false),
    overrideClass: text('override_class'),
    overrideReason: text('override_reason'),
    overrideBy: uuid('override_by'),
    overrideByName: text('override_by_name'),
    overrideAt: instant('override_at'),
    computedAt: instant('computed_at').notNull(),
    /** When `risk_class` last changed (the "class changes this month" view). */
    changedAt: instant('changed_at').notNull(),
  },
  (t) => [index('enterprise_classifications_class_idx').on(t.riskClass), index('enterprise_classifications_region_idx').on(t.regionPath)],
);

/** One row per change of class (or override): what it was, what it became, why, and who or what caused it. */
export const classificationHistory = pgTable(
  'classification_history',
  {
    id: idColumn(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    regionPath: text('region_path').notNull(),
    riskClass: text('risk_class').notNull(),
    previousClass: text('previous_class'),
    computedClass: text('computed_class').notNull(),
    trigger: text('trigger').notNull(),
    explanation: jsonb('explanation').notNull(),
    ruleSetVersion: integer('rule_set_version').notNull(),
    reason: text('reason'),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    at: instant('at').notNull(),
  },
  (t) => [index('classification_history_enterprise_idx').on(t.enterpriseId, t.at), index('classification_history_at_idx').on(t.at)],
);

/** 生产安全事故 records (国务院令第493号 grades), a classification fact (accidents in the last 12 months). */
export const accidents = pgTable(
  'accidents',
  {
    id: idColumn(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    regionPath: text('region_path').notNull(),
    occurredAt: instant('occurred_at').notNull(),
    grade: text('grade').notNull(),
    deaths: integer('deaths').notNull().default(0),
    seriousInjuries: integer('serious_injuries').notNull().default(0),
    directLossFen: bigint('direct_loss_fen', { mode: 'number' }).notNull().default(0),
    description: text('description').notNull(),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [index('accidents_enterprise_idx').on(t.enterpriseId, t.occurredAt)],
);

// ——— officers and the annual plan —————————————————————————————————————————————————————————————————————

/** 行政执法证: an officer may be assigned to an inspection only with a registered certificate number. */
export const officerCertificates = pgTable('officer_certificates', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id),
  certificateNo: text('certificate_no').notNull().unique(),
  validUntil: date('valid_until', { mode: 'string' }),
  updatedAt: updatedAt(),
});

/**
 * 年度执法计划. Drafts may be several; one plan per year is in force (approved or published) — approving a revised
 * plan supersedes the previous one (计划调整), which the partial unique index guarantees.
 */
export const enforcementPlans = pgTable(
  'enforcement_plans',
  {
    id: idColumn(),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    status: text('status').notNull().default('draft'),
    createdBy: uuid('created_by'),
    approvedBy: uuid('approved_by'),
    approvedAt: instant('approved_at'),
    publishedBy: uuid('published_by'),
    publishedAt: instant('published_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('enforcement_plans_in_force_idx').on(t.year).where(sql`status in ('approved', 'published')`)],
);

/** One enterprise of a plan: planned inspections, their quarters, and (over the cap) the reason. */
export const enforcementPlanEntries = pgTable(
  'enforcement_plan_entries',
  {
    planId: uuid('plan_id')
      .notNull()
      .references(() => enforcementPlans.id),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    plannedCount: integer('planned_count').notNull(),
    quarters: smallint('quarters').array().notNull(),
    /** The yearly cap when the entry was saved (regulations.md §5.3). */
    cap: integer('cap').notNull(),
    /** The class when the entry was saved (the key-inspection list follows it). */
    riskClass: text('risk_class').notNull(),
    overCapReason: text('over_cap_reason'),
  },
  (t) => [primaryKey({ columns: [t.planId, t.enterpriseId] })],
);

// ——— inspection tasks ——————————————————————————————————————————————————————————————————————————————

/**
 * 检查任务: on site (`onsite`) or online patrol (`online_patrol`). An unannounced (四不两直) task is invisible to the
 * enterprise until `started_at` is set (every enterprise-side read filters on it).
 */
export const inspectionTasks = pgTable(
  'inspection_tasks',
  {
    id: idColumn(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    regionPath: text('region_path').notNull(),
    kind: text('kind').notNull().default('onsite'),
    source: text('source').notNull(),
    planId: uuid('plan_id').references(() => enforcementPlans.id),
    sourceRef: text('source_ref'),
    unannounced: boolean('unannounced').notNull().default(false),
    officerIds: uuid('officer_ids').array().notNull(),
    status: text('status').notNull().default('scheduled'),
    plannedDate: date('planned_date', { mode: 'string' }),
    place: text('place'),
    note: text('note'),
    startedAt: instant('started_at'),
    /** When the on-site part ended (the inspection record's end time). */
    endedAt: instant('ended_at'),
    closedAt: instant('closed_at'),
    cancelledAt: instant('cancelled_at'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('inspection_tasks_enterprise_idx').on(t.enterpriseId, t.startedAt),
    index('inspection_tasks_region_idx').on(t.regionPath.op('text_pattern_ops')),
    index('inspection_tasks_status_idx').on(t.status),
    index('inspection_tasks_officers_idx').using('gin', t.officerIds),
  ],
);

/** A finding of a task; `hazard_id` is the hazard it became in the hazard loop. */
export const inspectionFindings = pgTable(
  'inspection_findings',
  {
    id: idColumn(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => inspectionTasks.id),
    enterpriseId: uuid('enterprise_id').notNull(),
    description: text('description').notNull(),
    location: text('location'),
    photos: text('photos').array().notNull().default(sql`'{}'::text[]`),
    standardItemId: uuid('standard_item_id').references(() => standardItems.id),
    checklistItemKey: text('checklist_item_key'),
    legalBasis: text('legal_basis').notNull(),
    major: boolean('major').notNull(),
    hazardId: uuid('hazard_id').references(() => hazards.id),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [index('inspection_findings_task_idx').on(t.taskId)],
);

/** Numbered enforcement documents (执法文书) with the data they were rendered from, frozen at issue. */
export const enforcementDocuments = pgTable(
  'enforcement_documents',
  {
    id: idColumn(),
    type: text('type').notNull(),
    year: integer('year').notNull(),
    sequence: integer('sequence').notNull(),
    number: text('number').notNull(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    regionPath: text('region_path').notNull(),
    taskId: uuid('task_id').references(() => inspectionTasks.id),
    caseId: uuid('case_id'),
    data: jsonb('data').notNull(),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    // Never repeats: one sequence per (type, year). Gaps are prevented by allocating from document_counters in the
    // same transaction that inserts the document.
    uniqueIndex('enforcement_documents_number_idx').on(t.type, t.year, t.sequence),
    index('enforcement_documents_enterprise_idx').on(t.enterpriseId, t.createdAt),
    index('enforcement_documents_task_idx').on(t.taskId),
  ],
);

/** The last sequence issued per (document type, year); its row lock serialises concurrent allocations. */
export const documentCounters = pgTable(
  'document_counters',
  {
    type: text('type').notNull(),
    year: integer('year').notNull(),
    lastSequence: integer('last_sequence').notNull(),
  },
  (t) => [primaryKey({ columns: [t.type, t.year] })],
);

/** 责令限期整改指令书: the findings to correct and the deadline (end of that local day). */
export const rectificationOrders = pgTable(
  'rectification_orders',
  {
    id: idColumn(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => inspectionTasks.id),
    enterpriseId: uuid('enterprise_id').notNull(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => enforcementDocuments.id),
    findingIds: uuid('finding_ids').array().notNull(),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    legalBasis: text('legal_basis').notNull(),
    requirements: text('requirements'),
    issuedBy: uuid('issued_by'),
    issuedAt: instant('issued_at').notNull(),
  },
  (t) => [index('rectification_orders_task_idx').on(t.taskId), index('rectification_orders_deadline_idx').on(t.deadline)],
);

/** 复查: the outcome per finding and the 整改复查意见书. */
export const reinspections = pgTable(
  'reinspections',
  {
    id: idColumn(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => rectificationOrders.id),
    taskId: uuid('task_id').notNull(),
    enterpriseId: uuid('enterprise_id').notNull(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => enforcementDocuments.id),
    result: text('result').notNull(),
    findingResults: jsonb('finding_results').notNull(),
    opinion: text('opinion').notNull(),
    photos: text('photos').array().notNull().default(sql`'{}'::text[]`),
    by: uuid('by'),
    at: instant('at').notNull(),
  },
  (t) => [index('reinspections_order_idx').on(t.orderId, t.at)],
);

// ——— cases and measures ————————————————————————————————————————————————————————————————————————————————

/** 立案: facts and legal basis; the penalties are in `penalty_decisions` (one per party). */
export const enforcementCases = pgTable(
  'enforcement_cases',
  {
    id: idColumn(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    regionPath: text('region_path').notNull(),
    taskId: uuid('task_id').references(() => inspectionTasks.id),
    status: text('status').notNull().default('filed'),
    facts: text('facts').notNull(),
    legalBasis: text('legal_basis').notNull(),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    decidedAt: instant('decided_at'),
    closedAt: instant('closed_at'),
  },
  (t) => [index('enforcement_cases_enterprise_idx').on(t.enterpriseId, t.createdAt)],
);

/** One party's penalty of a case: the enterprise, and under 一案双罚 its principal. */
export const penaltyDecisions = pgTable(
  'penalty_decisions',
  {
    id: idColumn(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => enforcementCases.id),
    enterpriseId: uuid('enterprise_id').notNull(),
    party: text('party').notNull(),
    partyName: text('party_name').notNull(),
    types: text('types').array().notNull(),
    fineFen: bigint('fine_fen', { mode: 'number' }).notNull().default(0),
    penaltyBasis: text('penalty_basis').notNull(),
    documentId: uuid('document_id').references(() => enforcementDocuments.id),
    decisionDate: date('decision_date', { mode: 'string' }),
    paymentStatus: text('payment_status').notNull(),
    paidOn: date('paid_on', { mode: 'string' }),
  },
  (t) => [uniqueIndex('penalty_decisions_party_idx').on(t.caseId, t.party)],
);

/** 通报 / 约谈 / 曝光 against an enterprise. */
export const supervisionMeasures = pgTable(
  'supervision_measures',
  {
    id: idColumn(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    regionPath: text('region_path').notNull(),
    kind: text('kind').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    subject: text('subject').notNull(),
    content: text('content').notNull(),
    attendees: text('attendees'),
    caseId: uuid('case_id').references(() => enforcementCases.id),
    hazardIds: uuid('hazard_ids').array().notNull().default(sql`'{}'::uuid[]`),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [index('supervision_measures_enterprise_idx').on(t.enterpriseId, t.date)],
);

// ——— document settings ————————————————————————————————————————————————————————————————————————————

/**
 * The wording of the enforcement documents as data the bureau corrects (issue #7): the issuing authority, the
 * authorities named for 行政复议 and 行政诉讼, and the number prefix (发文机关代字) per document type. One row
 * (`id` = 'district'); `rev` goes up by one per change. Without a row the code defaults apply. A document freezes
 * the wording it was issued with, so a change affects only documents issued after it.
 */
export const enforcementDocumentSettings = pgTable('enforcement_document_settings', {
  id: text('id').primaryKey(),
  rev: integer('rev').notNull(),
  issuerName: text('issuer_name').notNull(),
  reviewAuthority: text('review_authority').notNull(),
  court: text('court').notNull(),
  /** Record<EnforcementDocumentType, string>. */
  prefixes: jsonb('prefixes').notNull(),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedByName: text('updated_by_name'),
  updatedAt: updatedAt(),
});
