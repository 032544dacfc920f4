import { type SQL, sql } from 'drizzle-orm';
import { boolean, date, doublePrecision, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, idColumn, updatedAt } from './columns.js';
import { regions } from './regions.js';

/**
 * The regulated enterprise (一企一档). `region_path` is copied from the region so region-scoped reads filter
 * with one indexed LIKE, without a join. `sector` is the effective supervision sector: the bureau's override
 * when set, else the one derived from the industry code (应急厅〔2019〕17号). Risk tags are codes from the
 * `risk_tags` catalog (data), so a new tag needs no migration.
 */
export const enterprises = pgTable(
  'enterprises',
  {
    id: idColumn(),
    name: text('name').notNull(),
    creditCode: text('credit_code').notNull().unique(),
    industryCode: text('industry_code').notNull().default(''),
    derivedSector: text('derived_sector'),
    sectorOverride: text('sector_override'),
    sectorOverrideReason: text('sector_override_reason'),
    sector: text('sector').generatedAlwaysAs((): SQL => sql`coalesce(sector_override, derived_sector)`),
    regionId: uuid('region_id')
      .notNull()
      .references(() => regions.id),
    regionPath: text('region_path').notNull(),
    address: text('address'),
    scale: text('scale').notNull().default('below'),
    employees: integer('employees').notNull().default(0),
    dustWorkers: integer('dust_workers').notNull().default(0),
    principalName: text('principal_name'),
    principalPhone: text('principal_phone'),
    safetyManagerName: text('safety_manager_name'),
    safetyManagerPhone: text('safety_manager_phone'),
    status: text('status').notNull().default('operating'),
    standardizationLevel: text('standardization_level').notNull().default('none'),
    standardizationExpiry: date('standardization_expiry', { mode: 'string' }),
    stateOwned: boolean('state_owned').notNull().default(false),
    labourIntensive: boolean('labour_intensive').notNull().default(false),
    factoryInFactory: boolean('factory_in_factory').notNull().default(false),
    longitude: doublePrecision('longitude'),
    latitude: doublePrecision('latitude'),
    riskTags: text('risk_tags').array().notNull().default(sql`'{}'::text[]`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('enterprises_region_path_idx').on(t.regionPath.op('text_pattern_ops')),
    index('enterprises_sector_idx').on(t.sector),
    index('enterprises_risk_tags_idx').using('gin', t.riskTags),
  ],
);
