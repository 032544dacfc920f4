import { index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, idColumn } from './columns.js';

/**
 * The jurisdiction tree. `path` is the chain of codes from the root, each followed by '/', e.g.
 * '140404/140404100/', so "everything under a region" is `path LIKE '140404/140404100/%'` (scope filter).
 */
export const regions = pgTable(
  'regions',
  {
    id: idColumn(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    parentId: uuid('parent_id'),
    path: text('path').notNull().unique(),
    sort: integer('sort').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [index('regions_parent_idx').on(t.parentId)],
);
