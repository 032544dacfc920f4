import { boolean, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.js';

/** The risk / process tag catalog (data). Seeded from packages/db/src/seed/risk-tags.data.ts. */
export const riskTags = pgTable('risk_tags', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  category: text('category').notNull(),
  parentCode: text('parent_code'),
  requiresOneChild: boolean('requires_one_child').notNull().default(false),
  description: text('description'),
  sort: integer('sort').notNull().default(0),
  active: boolean('active').notNull().default(true),
  createdAt: createdAt(),
});

/**
 * Industry code → supervision sector (应急厅〔2019〕17号), versioned: each published version is a complete
 * rule set; derivation uses the most recently published version. Longest prefix wins; `sector` null = excluded from 工贸.
 */
export const sectorRules = pgTable(
  'sector_rules',
  {
    version: text('version').notNull(),
    title: text('title').notNull(),
    prefix: text('prefix').notNull(),
    sector: text('sector'),
    source: text('source').notNull(),
    verified: boolean('verified').notNull(),
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.version, t.prefix] })],
);
