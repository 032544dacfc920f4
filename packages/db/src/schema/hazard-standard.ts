import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, idColumn } from './columns.js';

/**
 * One published version of the major-hazard standard (令10 plus local items). A version is a complete, immutable
 * snapshot: editing an item publishes version n+1 with every item copied, so inspections and hazards that point
 * at an item of version n keep showing the words they were judged against.
 */
export const hazardStandardVersions = pgTable(
  'hazard_standard_versions',
  {
    id: idColumn(),
    code: text('code').notNull(),
    title: text('title').notNull(),
    version: integer('version').notNull(),
    effectiveFrom: text('effective_from').notNull(),
    note: text('note'),
    publishedBy: uuid('published_by'),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'date' }).notNull().default(sql`now()`),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('hazard_standard_versions_code_version_idx').on(t.code, t.version)],
);

export const standardItems = pgTable(
  'standard_items',
  {
    id: idColumn(),
    versionId: uuid('version_id')
      .notNull()
      .references(() => hazardStandardVersions.id),
    /** Stable across versions ('11-8', or 'L-1' for a local item): how an item is followed from version to version. */
    key: text('key').notNull(),
    article: integer('article').notNull(),
    item: integer('item').notNull(),
    articleLabel: text('article_label').notNull(),
    itemLabel: text('item_label').notNull(),
    text: text('text').notNull(),
    topic: text('topic').notNull(),
    sector: text('sector'),
    applicability: jsonb('applicability').notNull(),
    exclusions: jsonb('exclusions').notNull().default(sql`'[]'::jsonb`),
    penaltyBasis: text('penalty_basis'),
    source: text('source').notNull(),
    verified: boolean('verified').notNull(),
    /** 地方补充: added by the bureau, not part of 令10. */
    local: boolean('local').notNull().default(false),
    keywords: text('keywords').array().notNull().default(sql`'{}'::text[]`),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [uniqueIndex('standard_items_version_key_idx').on(t.versionId, t.key), index('standard_items_article_idx').on(t.article)],
);
