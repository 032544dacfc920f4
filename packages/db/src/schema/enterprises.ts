import { index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, idColumn, updatedAt } from './columns.js';
import { regions } from './regions.js';

/**
 * The regulated enterprise (一企一档). The registry module owns its fields; `region_path` is copied from the
 * region so that region-scoped reads filter with one indexed LIKE, without a join.
 */
export const enterprises = pgTable(
  'enterprises',
  {
    id: idColumn(),
    name: text('name').notNull(),
    creditCode: text('credit_code').notNull().unique(),
    regionId: uuid('region_id')
      .notNull()
      .references(() => regions.id),
    regionPath: text('region_path').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('enterprises_region_path_idx').on(t.regionPath.op('text_pattern_ops'))],
);
